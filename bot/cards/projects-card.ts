// `projects`: the person's projects with health, last update age and buttons (update, raise risk,
// open in the tab).
import type { Health } from '../domain/health.js';
import type { Locale } from '../domain/locale.js';
import type { Period } from '../domain/period.js';
import type { ReportingState } from '../domain/reporting.js';
import type { Translator } from '../i18n/translate.js';
import {
  actionSet,
  card,
  command,
  container,
  heading,
  note,
  openUrl,
  plain,
  type AdaptiveCardJson,
} from './card-kit.js';
import { tabLink, type LinkTarget } from './links.js';
import { MARK, marked } from './status-marks.js';
import { healthRun } from './project-labels.js';

export interface ProjectsItem {
  code: string;
  title: string;
  health?: Health;
  percentComplete?: number;
  daysSinceUpdate?: number;
  reporting: ReportingState;
  relation: 'owner' | 'lead' | 'member';
  /** May this person post the status update. */
  canUpdate: boolean;
}

export interface ProjectsView {
  locale: Locale;
  t: Translator;
  period: Period;
  items: readonly ProjectsItem[];
  /** Command keywords in the person's language. */
  keywords: { update: string; risk: string; status: string };
  links: LinkTarget;
}

export const MAX_PROJECTS_SHOWN = 12;

export function projectsCard(view: ProjectsView): AdaptiveCardJson {
  const { t } = view;
  const shown = view.items.slice(0, MAX_PROJECTS_SHOWN);
  const rows = shown.map((p, i) => {
    const facts = [
      p.percentComplete !== undefined ? t('bot.projects.percent', { percent: p.percentComplete }) : undefined,
      p.daysSinceUpdate !== undefined
        ? t('bot.projects.age', { days: p.daysSinceUpdate })
        : t('bot.projects.never'),
      t(`bot.relation.${p.relation}`),
    ].filter((x): x is string => x !== undefined);
    const due =
      p.reporting === 'overdue'
        ? note(marked(MARK.alert, t('bot.projects.overdue')), { spacing: 'None' })
        : p.reporting === 'due'
          ? note(marked(MARK.notice, t('bot.projects.due', { period: view.period })), { spacing: 'None' })
          : undefined;
    const buttons = [
      ...(p.canUpdate ? [command(t('bot.action.update'), `${view.keywords.update} ${p.code}`)] : []),
      command(t('bot.action.raise_risk'), `${view.keywords.risk} ${p.code}`),
      command(t('bot.action.details'), `${view.keywords.status} ${p.code}`),
      openUrl(t('bot.action.open_tab'), tabLink(view.links, `projects/${encodeURIComponent(p.code)}`)),
    ];
    return container(
      [
        plain([{ text: `${p.code} `, bold: true }, p.title]),
        plain([healthRun(t, p.health), { text: ` · ${facts.join(' · ')}`, subtle: true, user: false }], {
          spacing: 'None',
        }),
        ...(due ? [due] : []),
        actionSet(buttons),
      ],
      { separator: i > 0 },
    );
  });
  const more = view.items.length - shown.length;
  return card(
    view.locale,
    [
      heading(t('bot.projects.title')),
      ...(view.items.length === 0 ? [note(t('bot.projects.none'))] : rows),
      ...(more > 0 ? [note(t('bot.projects.more', { count: more }), { subtle: true })] : []),
    ],
    [openUrl(t('bot.action.open_tab'), tabLink(view.links, 'my-work'))],
  );
}
