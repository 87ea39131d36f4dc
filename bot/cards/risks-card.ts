// `risks [project]`: open risks, highest score first.
import type { Locale } from '../domain/locale.js';
import type { Risk } from '../domain/risk.js';
import type { Translator } from '../i18n/translate.js';
import { card, container, heading, note, openUrl, plain, type AdaptiveCardJson } from './card-kit.js';
import { tabLink, type LinkTarget } from './links.js';
import { LEVEL_MARKS, marked } from './status-marks.js';
import type { CardProject } from './status-update-card.js';

export interface RisksView {
  locale: Locale;
  t: Translator;
  project?: CardProject;
  /** Open risks, highest first (the caller sorts). */
  risks: ReadonlyArray<Pick<Risk, 'id' | 'title' | 'score' | 'level' | 'status'> & { projectCode?: string }>;
  links: LinkTarget;
}

export const MAX_RISKS_SHOWN = 10;

export function risksCard(view: RisksView): AdaptiveCardJson {
  const { t } = view;
  const shown = view.risks.slice(0, MAX_RISKS_SHOWN);
  const more = view.risks.length - shown.length;
  const route = view.project ? `risks?project=${encodeURIComponent(view.project.code)}` : 'risks';
  return card(
    view.locale,
    [
      heading(t('bot.risks.title')),
      ...(view.project
        ? [plain([{ text: `${view.project.code} `, bold: true }, view.project.title], { spacing: 'None' })]
        : []),
      ...(shown.length === 0 ? [note(t('bot.risks.none'))] : []),
      ...shown.map((r, i) =>
        container(
          [
            plain([...(r.projectCode ? [{ text: `${r.projectCode} `, bold: true }] : []), r.title]),
            plain(
              [
                {
                  text: marked(
                    LEVEL_MARKS[r.level],
                    t('bot.risks.line', {
                      level: t(`bot.level.${r.level}`),
                      score: r.score,
                      status: t(`bot.risk_status.${r.status}`),
                    }),
                  ),
                  user: false,
                },
              ],
              { spacing: 'None' },
            ),
          ],
          { separator: i > 0 },
        ),
      ),
      ...(more > 0 ? [note(t('bot.risks.more', { count: more }), { subtle: true })] : []),
    ],
    [openUrl(t('bot.action.open_tab'), tabLink(view.links, route))],
  );
}
