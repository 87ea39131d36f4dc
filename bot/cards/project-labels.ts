// Localised labels of domain values shared by the cards.
import type { Health } from '../domain/health.js';
import type { Locale } from '../domain/locale.js';
import { PILLARS, type PillarCode } from '../domain/pillar.js';
import type { Translator } from '../i18n/translate.js';
import type { Run } from './card-kit.js';
import { HEALTH_MARKS, MARK, marked } from './status-marks.js';

export function healthRun(t: Translator, health: Health | undefined): Run {
  return health
    ? { text: marked(HEALTH_MARKS[health], t(`bot.health.${health}`)), bold: true, user: false }
    : { text: marked(MARK.none, t('bot.health.none')), subtle: true, user: false };
}

export function trendText(
  t: Translator,
  before: Health | undefined,
  after: Health | undefined,
): string | undefined {
  if (!before || !after) return undefined;
  const order = { green: 0, amber: 1, red: 2 } as const;
  const d = order[after] - order[before];
  return d === 0
    ? `→ ${t('bot.trend.same')}`
    : d > 0
      ? `▼ ${t('bot.trend.worse')}`
      : `▲ ${t('bot.trend.better')}`;
}

export function pillarName(locale: Locale, code: PillarCode): string {
  return PILLARS.find((p) => p.code === code)?.name[locale] ?? code;
}
