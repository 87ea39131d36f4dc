// `portfolio`: the portfolio summary by pillar for the current week.
import type { Locale } from '../domain/locale.js';
import type { PortfolioSummary } from '../domain/portfolio.js';
import type { Translator } from '../i18n/translate.js';
import { card, container, heading, note, openUrl, type AdaptiveCardJson } from './card-kit.js';
import { tabLink, type LinkTarget } from './links.js';
import { pillarName } from './project-labels.js';

export interface PortfolioView {
  locale: Locale;
  t: Translator;
  summary: PortfolioSummary;
  links: LinkTarget;
}

export function portfolioCard(view: PortfolioView): AdaptiveCardJson {
  const { t, summary } = view;
  const block = (name: string, s: Omit<PortfolioSummary['pillars'][number], 'pillar'>, separator: boolean) =>
    container(
      [
        note(`**${name}** · ${t('bot.portfolio.projects', { count: s.projects })}`),
        note(t('bot.portfolio.counts', { ...s.health }), { spacing: 'None' }),
        note(
          t('bot.portfolio.changes', {
            improved: s.improved,
            worsened: s.worsened,
            missing: s.updatesMissing,
          }),
          { subtle: true, spacing: 'None' },
        ),
        note(
          t('bot.portfolio.risks', {
            open: s.openRisks,
            critical: s.risksByLevel.critical,
            high: s.risksByLevel.high,
          }),
          { subtle: true, spacing: 'None' },
        ),
      ],
      { separator },
    );
  return card(
    view.locale,
    [
      heading(t('bot.portfolio.title')),
      note(t('bot.portfolio.period', { period: summary.period }), { subtle: true, spacing: 'None' }),
      ...summary.pillars.map((p, i) => block(pillarName(view.locale, p.pillar), p, i >= 0)),
      block(t('bot.portfolio.total'), summary.totals, true),
    ],
    [openUrl(t('bot.action.open_tab'), tabLink(view.links, 'portfolio'))],
  );
}
