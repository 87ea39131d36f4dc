// The weekly digest card: a pure function of the digest content, the recipient's language and the
// link target. It summarises (counts are complete, lists are capped by the domain function) and links
// to the tab for the rest, so it stays far below the bot message limit for any portfolio size.
import type { DigestContent, DigestLimits, DigestMilestone, DigestRisk } from '../domain/digest.js';
import type { WeeklyHealth } from '../domain/health-trend.js';
import type { LocalizedTitles, Project } from '../domain/project.js';
import type { Locale } from '../domain/locale.js';
import { pillarName } from '../domain/pillar.js';
import { t, type MessageKey } from '../i18n/translate.js';
import {
  adaptiveCard,
  execute,
  formatNumber,
  heading,
  inert,
  openUrl,
  shortDate,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './digest-card-kit.js';
import { healthDonut, pillarBars, trendLine } from './digest-charts.js';
import { tabLink, type LinkTarget } from './links.js';
import { HEALTH_MARKS, LEVEL_MARKS, MARK, marked } from './status-marks.js';

export const DIGEST_VERBS = { nudge: 'digest.nudge', acknowledge: 'digest.acknowledge' } as const;

/**
 * The digest's content and, for the card: the health of the last weeks (oldest first) for the trend
 * chart, and the projects' titles in other languages by project id (the reader's is shown).
 */
export type DigestCardContent = DigestContent & {
  trend?: readonly WeeklyHealth[];
  titles?: Readonly<Record<string, LocalizedTitles>>;
};

/** Per-language titles of the projects that have any, by id, for DigestCardContent.titles. */
export function titlesById(
  projects: ReadonlyArray<Pick<Project, 'id' | 'titles'>>,
): Record<string, LocalizedTitles> {
  return Object.fromEntries(projects.filter((p) => p.titles).map((p) => [p.id, p.titles!]));
}

/**
 * How many items of each list the card shows (the counts stay complete and "+N more" says the rest;
 * the tab has everything). Below the digest's own limits so that, with the charts and their text
 * fallbacks, the card stays under 28 KB for 1,000 projects in every language.
 */
export const DIGEST_CARD_LIMITS: DigestLimits = {
  movers: 4,
  newRisks: 3,
  escalatedRisks: 3,
  topRisks: 3,
  overdueOwners: 5,
  milestonesDue: 4,
  milestonesMissed: 3,
  kpis: 4,
};

function capped(d: DigestCardContent, l: DigestLimits = DIGEST_CARD_LIMITS): DigestCardContent {
  return {
    ...d,
    movers: { ...d.movers, items: d.movers.items.slice(0, l.movers) },
    risks: {
      ...d.risks,
      newItems: d.risks.newItems.slice(0, l.newRisks),
      escalatedItems: d.risks.escalatedItems.slice(0, l.escalatedRisks),
      topItems: d.risks.topItems.slice(0, l.topRisks),
    },
    overdue: { ...d.overdue, owners: d.overdue.owners.slice(0, l.overdueOwners) },
    milestones: {
      ...d.milestones,
      due: d.milestones.due.slice(0, l.milestonesDue),
      missed: d.milestones.missed.slice(0, l.milestonesMissed),
    },
    kpis: { ...d.kpis, items: d.kpis.items.slice(0, l.kpis) },
  };
}

export interface DigestCardView {
  locale: Locale;
  links: LinkTarget;
  /** A preview shown only to its requester (no nudge or acknowledge buttons). */
  preview?: boolean;
  /** The recipient may nudge late owners (the CTO). */
  canNudge?: boolean;
  acknowledged?: { name: string; at: string };
  nudged?: number;
}

function more(locale: Locale, total: number, shown: number): CardElement[] {
  return total > shown
    ? [textBlock(t(locale, 'digest.more', { count: total - shown }), { isSubtle: true, spacing: 'None' })]
    : [];
}

function riskLines(locale: Locale, items: readonly DigestRisk[]): CardElement[] {
  return items.map((r) =>
    textBlock(
      marked(
        LEVEL_MARKS[r.level],
        t(locale, 'digest.risks.item', {
          score: r.score,
          title: inert(r.title),
          project: r.projectCode ?? t(locale, 'digest.risks.portfolio_wide'),
        }),
      ) +
        (r.status === 'escalated' && !r.acknowledged
          ? ` · _${t(locale, 'digest.risks.unacknowledged')}_`
          : ''),
      { spacing: 'None', ...(r.level === 'critical' ? { weight: 'Bolder' } : {}) },
    ),
  );
}

function milestoneLines(locale: Locale, items: readonly DigestMilestone[]): CardElement[] {
  return items.map((m) =>
    textBlock(
      t(locale, 'digest.milestones.item', {
        date: shortDate(locale, m.dueDate),
        code: m.projectCode,
        title: inert(m.title),
      }),
      {
        spacing: 'None',
      },
    ),
  );
}

function healthWord(locale: Locale, health: 'green' | 'amber' | 'red' | null): string {
  return t(locale, health ? (`digest.health.${health}` as MessageKey) : 'digest.health.none');
}

export function buildDigestCard(content: DigestCardContent, view: DigestCardView): AdaptiveCard {
  const { locale } = view;
  const digest = capped(content);
  const body: CardElement[] = [
    textBlock(t(locale, 'digest.title'), { size: 'Large', weight: 'Bolder' }),
    textBlock(
      t(locale, 'digest.subtitle', {
        period: digest.period,
        from: shortDate(locale, digest.from),
        to: shortDate(locale, digest.to),
      }),
      { isSubtle: true, spacing: 'None' },
    ),
  ];
  if (view.preview) body.push(textBlock(t(locale, 'digest.preview'), { color: 'Accent', spacing: 'Small' }));
  if (digest.firstPeriod) body.push(textBlock(t(locale, 'digest.first_period'), { isSubtle: true }));

  // Health, portfolio first (a donut), then by pillar (stacked bars): charts where the host draws them, else the same figures as text.
  body.push(heading(t(locale, 'digest.health.heading')));
  const rows = [
    { name: t(locale, 'digest.health.portfolio'), s: digest.summary.totals },
    ...digest.summary.pillars.map((p) => ({ name: pillarName(p.pillar, locale), s: p })),
  ];
  const rowText = rows.map(({ name, s }): CardElement => ({
    type: 'Container',
    spacing: 'Small',
    items: [
      textBlock(`**${inert(name)}** · ${t(locale, 'digest.health.counts', { ...s.health })}`, {
        spacing: 'None',
      }),
      ...(digest.firstPeriod
        ? []
        : [
            textBlock(
              t(locale, 'digest.health.change', {
                green: s.previousHealth.green,
                amber: s.previousHealth.amber,
                red: s.previousHealth.red,
                improved: s.improved,
                worsened: s.worsened,
              }),
              { isSubtle: true, spacing: 'None', size: 'Small' },
            ),
          ]),
    ],
  }));
  const [portfolioText, ...pillarTexts] = rowText;
  body.push(healthDonut(locale, digest.summary.totals.health, portfolioText!));
  body.push(
    pillarBars(
      locale,
      rows.slice(1).map(({ name, s }) => ({ name, health: s.health })),
      { type: 'Container', spacing: 'Small', items: pillarTexts },
    ),
  );
  if (digest.trend && digest.trend.length > 1) body.push(trendLine(locale, digest.trend));

  // Projects that turned amber or red, with their blockers.
  body.push(heading(t(locale, 'digest.movers.heading', { count: digest.movers.count })));
  if (!digest.movers.count) body.push(textBlock(t(locale, 'digest.movers.none'), { isSubtle: true }));
  for (const m of digest.movers.items) {
    body.push(
      textBlock(
        marked(
          HEALTH_MARKS[m.to],
          t(locale, 'digest.movers.item', {
            code: `[${m.code}](${tabLink(view.links, `projects/${m.code}`)})`,
            title: inert(digest.titles?.[m.projectId]?.[locale] ?? m.title),
            from: healthWord(locale, m.from),
            to: healthWord(locale, m.to),
          }),
        ),
        { spacing: 'Small' },
      ),
    );
    if (m.blockers) {
      body.push(
        textBlock(t(locale, 'digest.movers.blockers', { text: inert(m.blockers) }), {
          isSubtle: true,
          spacing: 'None',
          size: 'Small',
        }),
      );
    }
  }
  body.push(...more(locale, digest.movers.count, digest.movers.items.length));

  // Risks.
  const r = digest.risks;
  body.push(heading(t(locale, 'digest.risks.heading')));
  body.push(textBlock(t(locale, 'digest.risks.summary', { open: r.openCount, ...r.byLevel })));
  body.push(textBlock(`**${t(locale, 'digest.risks.new', { count: r.newCount })}**`, { spacing: 'Small' }));
  body.push(
    ...(r.newCount
      ? riskLines(locale, r.newItems)
      : [textBlock(t(locale, 'digest.risks.none'), { isSubtle: true, spacing: 'None' })]),
  );
  body.push(...more(locale, r.newCount, r.newItems.length));
  body.push(
    textBlock(`**${t(locale, 'digest.risks.escalated', { count: r.escalatedCount })}**`, {
      spacing: 'Small',
    }),
  );
  body.push(
    ...(r.escalatedCount
      ? riskLines(locale, r.escalatedItems)
      : [textBlock(t(locale, 'digest.risks.none'), { isSubtle: true, spacing: 'None' })]),
  );
  body.push(...more(locale, r.escalatedCount, r.escalatedItems.length));
  if (r.topItems.length) {
    body.push(textBlock(`**${t(locale, 'digest.risks.top')}**`, { spacing: 'Small' }));
    body.push(...riskLines(locale, r.topItems));
  }

  // Who has not reported.
  const o = digest.overdue;
  body.push(heading(t(locale, 'digest.overdue.heading', { count: o.projectCount })));
  if (!o.projectCount) body.push(textBlock(t(locale, 'digest.overdue.none'), { isSubtle: true }));
  for (const owner of o.owners) {
    const projects =
      owner.projects.slice(0, 4).join(', ') +
      (owner.projects.length > 4 ? ` +${owner.projects.length - 4}` : '');
    body.push(
      textBlock(
        owner.away
          ? t(locale, 'digest.overdue.away', { name: inert(owner.name), projects })
          : t(locale, 'digest.overdue.item', {
              name: inert(owner.name),
              projects,
              weeks: owner.weeksMissing,
            }),
        { spacing: 'None', ...(owner.away ? { isSubtle: true } : {}) },
      ),
    );
  }
  body.push(...more(locale, o.ownerCount, o.owners.length));

  // Milestones.
  const ms = digest.milestones;
  body.push(heading(t(locale, 'digest.milestones.heading')));
  body.push(
    textBlock(`**${t(locale, 'digest.milestones.due', { count: ms.dueCount })}**`, { spacing: 'Small' }),
  );
  body.push(...milestoneLines(locale, ms.due), ...more(locale, ms.dueCount, ms.due.length));
  body.push(
    textBlock(`**${t(locale, 'digest.milestones.missed', { count: ms.missedCount })}**`, {
      spacing: 'Small',
    }),
  );
  body.push(...milestoneLines(locale, ms.missed), ...more(locale, ms.missedCount, ms.missed.length));

  // KPIs.
  const k = digest.kpis;
  body.push(
    heading(t(locale, 'digest.kpis.heading', { behind: k.behind, achieved: k.achieved, count: k.count })),
  );
  for (const kpi of k.items) {
    body.push(
      textBlock(
        (kpi.trend === 'behind' ? `${MARK.notice} ` : '') +
          t(locale, 'digest.kpis.item', {
            title: inert(kpi.title),
            latest: kpi.latest === null ? t(locale, 'digest.kpis.no_data') : formatNumber(locale, kpi.latest),
            unit: kpi.latest === null ? '' : inert(kpi.unit),
            baseline: formatNumber(locale, kpi.baseline),
            target: formatNumber(locale, kpi.target),
            trend: `· _${t(locale, `digest.kpis.trend.${kpi.trend}` as MessageKey)}_`,
          }),
        { spacing: 'None' },
      ),
    );
  }
  body.push(...more(locale, k.count, k.items.length));

  if (view.acknowledged) {
    body.push(
      textBlock(
        marked(
          MARK.ok,
          t(locale, 'digest.acknowledged', {
            name: inert(view.acknowledged.name),
            date: shortDate(locale, view.acknowledged.at),
          }),
        ),
        {
          separator: true,
          spacing: 'Medium',
        },
      ),
    );
  }
  if (view.nudged !== undefined) {
    body.push(
      textBlock(marked(MARK.ok, t(locale, 'digest.nudged', { count: view.nudged })), { spacing: 'Small' }),
    );
  }

  const actions: CardElement[] = [openUrl(t(locale, 'digest.action.open'), tabLink(view.links, 'portfolio'))];
  if (!view.preview) {
    if (view.canNudge && o.projectCount > 0 && view.nudged === undefined) {
      actions.push(execute(t(locale, 'digest.action.nudge'), DIGEST_VERBS.nudge, { period: digest.period }));
    }
    if (!view.acknowledged) {
      actions.push(
        execute(t(locale, 'digest.action.acknowledge'), DIGEST_VERBS.acknowledge, { period: digest.period }),
      );
    }
  }
  return adaptiveCard(locale, body, actions);
}
