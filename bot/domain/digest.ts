// The CTO's weekly digest as data: what changed in the portfolio during one reporting period. Pure
// and linear in the size of the portfolio; the digest service feeds it what the store holds and the
// card builder (bot/cards/digest-card.ts) turns it into a summarised, localised card.
//
// The period a digest covers is the last complete ISO week at the moment it is composed: Monday's
// digest reports the week that just ended, so a manual `digest send` during the week and the next
// scheduled run describe (and are keyed by) the same period.
import { healthChange, type Health } from './health.js';
import { kpiProgress, type Kpi, type KpiTrend, type Measurement } from './kpi.js';
import { effectiveMilestoneStatus, isDueWithin, type Milestone } from './milestone.js';
import { periodEnd, periodOf, periodStart, previousPeriod, weeksBetween, type Period } from './period.js';
import type { Person } from './person.js';
import type { PillarCode } from './pillar.js';
import {
  overviewProjects,
  summarisePortfolio,
  type HealthCounts,
  type PortfolioSummary,
} from './portfolio.js';
import { addDays, dateInZone, type IsoDate } from './primitives.js';
import type { Project } from './project.js';
import { isUpdateMissing } from './reporting.js';
import { compareRisks, isActiveRisk, type Risk, type RiskLevel } from './risk.js';
import type { StatusUpdate } from './status-update.js';
import { zonedTimeToInstant } from './zoned-time.js';

/** How many items of each list a digest carries; the counts are always complete. */
export interface DigestLimits {
  movers: number;
  newRisks: number;
  escalatedRisks: number;
  topRisks: number;
  overdueOwners: number;
  milestonesDue: number;
  milestonesMissed: number;
  kpis: number;
}

export const DEFAULT_DIGEST_LIMITS: DigestLimits = {
  movers: 8,
  newRisks: 5,
  escalatedRisks: 5,
  topRisks: 5,
  overdueOwners: 8,
  milestonesDue: 6,
  milestonesMissed: 5,
  kpis: 6,
};

/** Days ahead that count as "due soon". */
export const MILESTONE_HORIZON_DAYS = 14;

/** Longest blocker text carried per project (the card links to the project for the rest). */
export const BLOCKER_CHARS = 160;

/** The period a digest composed at `now` covers: the last complete ISO week in the org's time zone. */
export function digestPeriodAt(now: Date, timeZone: string): Period {
  return previousPeriod(periodOf(now, timeZone));
}

type DigestUpdate = Pick<
  StatusUpdate,
  'projectId' | 'period' | 'health' | 'percentComplete' | 'submittedAt' | 'blockers'
>;

export interface DigestInput {
  period: Period;
  /** Today's date in the org's time zone (milestones due soon are counted from here). */
  today: IsoDate;
  now: Date;
  timeZone: string;
  projects: readonly Project[];
  /** Latest update of each project up to and including `period`. */
  latest: readonly DigestUpdate[];
  /** Latest update of each project up to and including the period before. */
  previous: readonly DigestUpdate[];
  /** Risks that are not closed (proposed included: new concerns count as new risks). */
  risks: readonly Risk[];
  /** Milestones planned or missed (done ones are not needed). */
  milestones: readonly Milestone[];
  kpis: readonly Kpi[];
  measurements: ReadonlyArray<Pick<Measurement, 'kpiId' | 'date' | 'value'>>;
  people: ReadonlyArray<Pick<Person, 'id' | 'name'>>;
  /** People who declared themselves away for `period` (shown, not chased). */
  awayIds?: ReadonlySet<string>;
  limits?: Partial<DigestLimits>;
}

export interface DigestMover {
  projectId: string;
  code: string;
  title: string;
  pillar: PillarCode;
  from: Health | null;
  to: Health;
  blockers: string;
}

export interface DigestRisk {
  id: string;
  title: string;
  projectCode: string | null;
  score: number;
  level: RiskLevel;
  status: Risk['status'];
  acknowledged: boolean;
}

export interface DigestOwner {
  personId: string;
  name: string;
  /** Project codes whose update is missing, most overdue first. */
  projects: string[];
  /** Most periods missed by one of them. */
  weeksMissing: number;
  away: boolean;
}

export interface DigestMilestone {
  id: string;
  title: string;
  projectCode: string;
  dueDate: IsoDate;
}

export interface DigestKpi {
  id: string;
  title: string;
  unit: string;
  baseline: number;
  target: number;
  latest: number | null;
  /** Value at the end of the previous period, when there was one. */
  before: number | null;
  /** Share of the way from baseline to target (0..1, may overshoot), now and a period earlier. */
  progress: number | null;
  progressBefore: number | null;
  trend: KpiTrend;
}

export interface DigestContent {
  period: Period;
  previousPeriod: Period;
  from: IsoDate;
  to: IsoDate;
  /** True when there is no update at all before `period` (nothing to compare with). */
  firstPeriod: boolean;
  summary: PortfolioSummary;
  totals: { projects: number; reporting: number; health: HealthCounts; previousHealth: HealthCounts };
  movers: { count: number; items: DigestMover[] };
  risks: {
    newCount: number;
    newItems: DigestRisk[];
    escalatedCount: number;
    escalatedItems: DigestRisk[];
    openCount: number;
    byLevel: Record<RiskLevel, number>;
    topItems: DigestRisk[];
  };
  overdue: { projectCount: number; ownerCount: number; owners: DigestOwner[] };
  milestones: { dueCount: number; due: DigestMilestone[]; missedCount: number; missed: DigestMilestone[] };
  kpis: { count: number; behind: number; achieved: number; items: DigestKpi[] };
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

const TREND_ORDER: Record<KpiTrend, number> = { behind: 0, 'on-track': 1, achieved: 2, 'no-data': 3 };

/** The digest for one period. Linear in projects + updates + risks + milestones + measurements. */
export function composeDigest(input: DigestInput): DigestContent {
  const limits = { ...DEFAULT_DIGEST_LIMITS, ...input.limits };
  const period = input.period;
  const before = previousPeriod(period);
  const from = periodStart(period);
  const to = periodEnd(period);
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const projectsById = new Map(input.projects.map((p) => [p.id, p]));
  const codeOf = (projectId: string | null) =>
    projectId ? (projectsById.get(projectId)?.code ?? null) : null;

  const overviews = overviewProjects({
    projects: input.projects,
    latest: input.latest,
    previous: input.previous,
    risks: input.risks,
    currentPeriod: period,
    now: input.now,
  });
  const summary = summarisePortfolio(overviews, input.risks, period);
  const latestById = new Map(input.latest.map((u) => [u.projectId, u]));

  // Movers: projects reported amber or red this period that were better before (or new to reporting).
  const movers: DigestMover[] = [];
  for (const o of overviews) {
    if (o.reporting === 'not-required' || o.lastReportedPeriod !== period) continue;
    const to = o.health;
    if (to !== 'amber' && to !== 'red') continue;
    const change = healthChange(o.previousHealth, to);
    if (change === 1 || (change === undefined && o.previousHealth === undefined)) {
      movers.push({
        projectId: o.project.id,
        code: o.project.code,
        title: o.project.title,
        pillar: o.project.pillar,
        from: o.previousHealth ?? null,
        to,
        blockers: clip(latestById.get(o.project.id)?.blockers ?? '', BLOCKER_CHARS),
      });
    }
  }
  movers.sort((a, b) => (a.to === b.to ? a.code.localeCompare(b.code) : a.to === 'red' ? -1 : 1));

  // Risks.
  const startMs = zonedTimeToInstant(from, '00:00', input.timeZone).getTime();
  const endMs = zonedTimeToInstant(addDays(to, 1), '00:00', input.timeZone).getTime();
  const inPeriod = (instant: string) => {
    const t = Date.parse(instant);
    return t >= startMs && t < endMs;
  };
  const toDigestRisk = (r: Risk): DigestRisk => ({
    id: r.id,
    title: clip(r.title, 120),
    projectCode: codeOf(r.projectId),
    score: r.score,
    level: r.level,
    status: r.status,
    acknowledged: !!r.escalation?.acknowledgedAt,
  });
  const active = input.risks.filter(isActiveRisk);
  const fresh = active.filter((r) => inPeriod(r.raisedAt)).sort(compareRisks);
  const escalated = active.filter((r) => r.status === 'escalated').sort(compareRisks);
  const open = active.filter((r) => r.status !== 'proposed').sort(compareRisks);

  // Overdue updates, grouped by who owes them.
  const away = input.awayIds ?? new Set<string>();
  const owed = new Map<string, { projects: Array<{ code: string; weeks: number }> }>();
  let missingProjects = 0;
  for (const o of overviews) {
    if (!isUpdateMissing(o.reporting)) continue;
    missingProjects += 1;
    const weeks = o.lastReportedPeriod
      ? weeksBetween(o.lastReportedPeriod, period)
      : weeksSinceStart(o.project, period);
    const entry = owed.get(o.project.ownerId) ?? { projects: [] };
    entry.projects.push({ code: o.project.code, weeks });
    owed.set(o.project.ownerId, entry);
  }
  const owners: DigestOwner[] = [...owed.entries()].map(([personId, e]) => {
    e.projects.sort((a, b) => b.weeks - a.weeks || a.code.localeCompare(b.code));
    return {
      personId,
      name: names.get(personId) ?? personId,
      projects: e.projects.map((p) => p.code),
      weeksMissing: e.projects[0]?.weeks ?? 1,
      away: away.has(personId),
    };
  });
  owners.sort(
    (a, b) =>
      Number(a.away) - Number(b.away) ||
      b.weeksMissing - a.weeksMissing ||
      b.projects.length - a.projects.length ||
      a.name.localeCompare(b.name),
  );

  // Milestones: due in the next 14 days, and missed (planned past due, or marked missed).
  const horizon = addDays(input.today, MILESTONE_HORIZON_DAYS);
  const reporting = new Set(overviews.filter((o) => o.reporting !== 'not-required').map((o) => o.project.id));
  const due: DigestMilestone[] = [];
  const missed: DigestMilestone[] = [];
  for (const m of input.milestones) {
    const code = codeOf(m.projectId);
    if (!code || !reporting.has(m.projectId)) continue;
    const item = { id: m.id, title: clip(m.title, 100), projectCode: code, dueDate: m.dueDate };
    if (isDueWithin(m, input.today, horizon)) due.push(item);
    else if (effectiveMilestoneStatus(m, input.today) === 'missed') missed.push(item);
  }
  due.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.projectCode.localeCompare(b.projectCode));
  missed.sort((a, b) => b.dueDate.localeCompare(a.dueDate) || a.projectCode.localeCompare(b.projectCode));

  // KPIs: progress at the end of this period against the end of the one before.
  const byKpi = new Map<string, Array<Pick<Measurement, 'date' | 'value'>>>();
  for (const m of input.measurements) {
    const list = byKpi.get(m.kpiId);
    if (list) list.push(m);
    else byKpi.set(m.kpiId, [m]);
  }
  const beforeEnd = periodEnd(before);
  const kpis: DigestKpi[] = input.kpis.map((k) => {
    const all = (byKpi.get(k.id) ?? []).filter((m) => m.date <= to);
    const now = kpiProgress(k, all);
    const then = kpiProgress(
      k,
      all.filter((m) => m.date <= beforeEnd),
    );
    return {
      id: k.id,
      title: clip(k.title, 100),
      unit: k.unit,
      baseline: k.baseline.value,
      target: k.target.value,
      latest: now.latest?.value ?? null,
      before: then.latest?.value ?? null,
      progress: now.progress ?? null,
      progressBefore: then.progress ?? null,
      trend: now.trend,
    };
  });
  const moved = (k: DigestKpi) => Math.abs((k.progress ?? 0) - (k.progressBefore ?? k.progress ?? 0));
  kpis.sort(
    (a, b) =>
      TREND_ORDER[a.trend] - TREND_ORDER[b.trend] || moved(b) - moved(a) || a.title.localeCompare(b.title),
  );

  const firstPeriod = !input.previous.length;
  const reportingCount =
    summary.totals.health.green +
    summary.totals.health.amber +
    summary.totals.health.red +
    summary.totals.health.unknown;
  return {
    period,
    previousPeriod: before,
    from,
    to,
    firstPeriod,
    summary,
    totals: {
      projects: summary.totals.projects,
      reporting: reportingCount,
      health: summary.totals.health,
      previousHealth: summary.totals.previousHealth,
    },
    movers: { count: movers.length, items: movers.slice(0, limits.movers) },
    risks: {
      newCount: fresh.length,
      newItems: fresh.slice(0, limits.newRisks).map(toDigestRisk),
      escalatedCount: escalated.length,
      escalatedItems: escalated.slice(0, limits.escalatedRisks).map(toDigestRisk),
      openCount: open.length,
      byLevel: summary.totals.risksByLevel,
      topItems: open.slice(0, limits.topRisks).map(toDigestRisk),
    },
    overdue: {
      projectCount: missingProjects,
      ownerCount: owners.length,
      owners: owners.slice(0, limits.overdueOwners),
    },
    milestones: {
      dueCount: due.length,
      due: due.slice(0, limits.milestonesDue),
      missedCount: missed.length,
      missed: missed.slice(0, limits.milestonesMissed),
    },
    kpis: {
      count: kpis.length,
      behind: kpis.filter((k) => k.trend === 'behind').length,
      achieved: kpis.filter((k) => k.trend === 'achieved').length,
      items: kpis.slice(0, limits.kpis),
    },
  };
}

function weeksSinceStart(project: Pick<Project, 'startDate'>, period: Period): number {
  if (!project.startDate) return 1;
  return Math.max(1, weeksBetween(periodOf(new Date(`${project.startDate}T12:00:00Z`), 'UTC'), period) + 1);
}

/** Today's date where the digest is composed. */
export function digestToday(now: Date, timeZone: string): IsoDate {
  return dateInZone(now, timeZone);
}
