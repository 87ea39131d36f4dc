// `status <project>`: the project at a glance: health and trend, percent complete, the latest update,
// next milestones, top risks and KPIs.
import type { Health } from '../domain/health.js';
import type { Locale } from '../domain/locale.js';
import type { Milestone } from '../domain/milestone.js';
import { projectTitle, type Project } from '../domain/project.js';
import type { Risk } from '../domain/risk.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { Translator } from '../i18n/translate.js';
import {
  actionSet,
  card,
  command,
  container,
  formatDate,
  formatNumber,
  note,
  openUrl,
  plain,
  type AdaptiveCardJson,
  type CardElement,
} from './card-kit.js';
import { tabLink, type LinkTarget } from './links.js';
import { LEVEL_MARKS, marked } from './status-marks.js';
import { healthRun, pillarName, trendText } from './project-labels.js';

export interface KpiLine {
  title: string;
  unit: string;
  latest?: number;
  target: number;
  targetDate: string;
  trend: 'achieved' | 'on-track' | 'behind' | 'no-data';
}

export interface ProjectView {
  locale: Locale;
  t: Translator;
  project: Pick<Project, 'id' | 'code' | 'title' | 'titles' | 'phase' | 'pillar' | 'dueDate'>;
  latest?: Pick<StatusUpdate, 'period' | 'health' | 'percentComplete' | 'summary' | 'blockers' | 'nextSteps'>;
  previousHealth?: Health;
  milestones: ReadonlyArray<Pick<Milestone, 'title' | 'dueDate'>>;
  risks: ReadonlyArray<Pick<Risk, 'title' | 'score' | 'level'>>;
  kpis: readonly KpiLine[];
  canUpdate: boolean;
  keywords: { update: string; risk: string; risks: string };
  links: LinkTarget;
}

const MAX_ITEMS = 3;

export function projectCard(view: ProjectView): AdaptiveCardJson {
  const { t, locale, project } = view;
  const section = (title: string, items: CardElement[]) =>
    container([note(`**${title}**`), ...items], { separator: true });
  const trend = trendText(t, view.previousHealth, view.latest?.health);
  const facts: CardElement = plain(
    [
      healthRun(t, view.latest?.health),
      ...(trend ? [{ text: ` ${trend}`, subtle: true, user: false }] : []),
      ...(view.latest
        ? [{ text: ` · ${t('bot.projects.percent', { percent: view.latest.percentComplete })}`, user: false }]
        : []),
    ],
    { spacing: 'Small' },
  );
  const meta = [
    `${t('bot.status.phase')}: ${t(`bot.phase.${project.phase}`)}`,
    pillarName(locale, project.pillar),
    ...(project.dueDate ? [`${t('bot.status.due')}: ${formatDate(locale, project.dueDate)}`] : []),
  ].join(' · ');
  const body: CardElement[] = [
    plain(
      [
        { text: `${project.code} `, bold: true },
        { text: projectTitle(project, view.locale), bold: true },
      ],
      { size: 'Medium' },
    ),
    plain([{ text: meta, subtle: true, user: false }], { spacing: 'None' }),
    facts,
    section(
      view.latest ? t('bot.status.latest', { period: view.latest.period }) : t('bot.status.no_update'),
      view.latest
        ? [
            plain([view.latest.summary], { spacing: 'Small' }),
            ...(view.latest.blockers
              ? [
                  plain([
                    { text: `${t('bot.update.blockers')}: `, bold: true, user: false },
                    view.latest.blockers,
                  ]),
                ]
              : []),
          ]
        : [],
    ),
    section(
      t('bot.status.milestones'),
      view.milestones.length
        ? view.milestones.slice(0, MAX_ITEMS).map((m) =>
            plain([{ text: `${formatDate(locale, m.dueDate)} · `, user: false }, m.title], {
              spacing: 'Small',
            }),
          )
        : [note(t('bot.status.milestones_none'), { subtle: true })],
    ),
    section(
      t('bot.status.risks'),
      view.risks.length
        ? view.risks.slice(0, MAX_ITEMS).map((r) =>
            plain(
              [
                {
                  text: `${marked(LEVEL_MARKS[r.level], t(`bot.level.${r.level}`))} ${r.score} · `,
                  user: false,
                },
                r.title,
              ],
              { spacing: 'Small' },
            ),
          )
        : [note(t('bot.risks.none'), { subtle: true })],
    ),
    ...(view.kpis.length
      ? [
          section(
            t('bot.status.kpis'),
            view.kpis.slice(0, MAX_ITEMS).map((k) =>
              plain(
                [
                  { text: `${k.title}: `, bold: true },
                  {
                    text: t('bot.status.kpi.line', {
                      value: k.latest === undefined ? '–' : `${formatNumber(locale, k.latest)} ${k.unit}`,
                      target: `${formatNumber(locale, k.target)} ${k.unit}`,
                      date: formatDate(locale, k.targetDate),
                      trend: t(`bot.status.kpi.${k.trend}`),
                    }),
                  },
                ],
                { spacing: 'Small' },
              ),
            ),
          ),
        ]
      : []),
    actionSet([
      ...(view.canUpdate ? [command(t('bot.action.update'), `${view.keywords.update} ${project.code}`)] : []),
      command(t('bot.action.raise_risk'), `${view.keywords.risk} ${project.code}`),
      command(t('bot.action.risks'), `${view.keywords.risks} ${project.code}`),
    ]),
  ];
  return card(locale, body, [
    openUrl(t('bot.action.open_tab'), tabLink(view.links, `projects/${encodeURIComponent(project.code)}`)),
  ]);
}
