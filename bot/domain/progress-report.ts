// The Council progress report as data: what the Transformation Office tells the ITU Council about a
// period, in the order and spirit of the hand-written reports (../shared/seeds/001: summary, progress
// by pillar, the Accelerated Initiatives one by one, milestones, risks and mitigation, KPIs against
// their baseline, the ChangeMakers network and change cases, next steps). Pure: the report service
// feeds it what the store holds; the Word renderer (bot/reports/) words it in the reader's language.
// Every fact is as it stood at the end of the period (as-of.ts), or at extraction if that is earlier.
import {
  asOfEach,
  earlierCutoff,
  entityAsOf,
  instantCutoff,
  milestoneAsOf,
  periodCutoff,
  riskAsOf,
  trailsAfter,
  updateAsOf,
  type Cutoff,
} from './as-of.js';
import type { AuditEvent } from './audit.js';
import { healthChange, type Health } from './health.js';
import { kpiProgress, type Kpi, type KpiTrend, type Measurement } from './kpi.js';
import type { Milestone } from './milestone.js';
import { comparePeriods, previousPeriod, type Period } from './period.js';
import type { Person } from './person.js';
import { PILLARS, type PillarCode } from './pillar.js';
import { addDays, type IsoDate } from './primitives.js';
import { expectsReporting, type Project, type ProjectKind, type ProjectPhase } from './project.js';
import type { ReportPeriod } from './report-period.js';
import {
  compareRisks,
  isActiveRisk,
  type Risk,
  type RiskLevel,
  type RiskStatus,
  type RiskStrategy,
} from './risk.js';
import type { StatusUpdate } from './status-update.js';
import { zonedTimeToInstant } from './zoned-time.js';

export interface ReportLimits {
  /** Projects listed under "what moved", per pillar. */
  movers: number;
  /** Achievements quoted per pillar. */
  highlights: number;
  topRisks: number;
  escalations: number;
  milestones: number;
  /** KPIs shown with a chart (pillar KPIs first, then the furthest behind). */
  kpis: number;
  nextSteps: number;
  /** Longest quoted text (achievements, next steps, mitigation). */
  textChars: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = {
  movers: 10,
  highlights: 6,
  topRisks: 10,
  escalations: 15,
  milestones: 25,
  kpis: 24,
  nextSteps: 4,
  textChars: 400,
};

/** Days after the period that "next steps" looks ahead for milestones. */
export const NEXT_MILESTONE_DAYS = 28;

export interface ProgressReportInput {
  period: ReportPeriod;
  /** When the data is extracted (the report says so on its title page). */
  extractedAt: Date;
  timeZone: string;
  projects: readonly Project[];
  /** Status updates up to the report's last week (any earlier week; revisions included). */
  updates: readonly StatusUpdate[];
  risks: readonly Risk[];
  milestones: readonly Milestone[];
  kpis: readonly Kpi[];
  measurements: readonly Measurement[];
  people: ReadonlyArray<Pick<Person, 'id' | 'name'>>;
  /** Audit events since the end of the period (to rewind later changes). */
  audit: readonly AuditEvent[];
  limits?: Partial<ReportLimits>;
}

/** A project as the report names it: the renderer picks the reader's title. */
export interface ReportProjectRef {
  id: string;
  code: string;
  title: string;
  titles?: Project['titles'];
  pillar: PillarCode;
}

export interface ReportProject extends ReportProjectRef {
  kind: ProjectKind;
  phase: ProjectPhase;
  ownerName: string;
  health: Health | null;
  /** Health at the start of the period: the latest update before it, else its first update within it. */
  healthBefore: Health | null;
  percentComplete: number | null;
  lastReported: Period | null;
  summary: string;
  achievements: string;
  nextSteps: string;
  blockers: string;
  memberCount: number;
  budgetChf: number | null;
  spendChf: number | null;
}

export interface HealthTally {
  green: number;
  amber: number;
  red: number;
  /** Reporting projects without any update. */
  none: number;
}

export interface PillarRow extends HealthTally {
  pillar: PillarCode;
  projects: number;
  reporting: number;
  improved: number;
  worsened: number;
  openRisks: number;
}

export interface ReportMover extends ReportProjectRef {
  from: Health | null;
  to: Health;
}

export interface ReportQuote extends ReportProjectRef {
  text: string;
}

export interface PillarSection {
  row: PillarRow;
  moversCount: number;
  movers: ReportMover[];
  highlights: ReportQuote[];
}

export interface ReportMilestone {
  id: string;
  title: string;
  project: ReportProjectRef;
  dueDate: IsoDate;
  completedOn: IsoDate | null;
}

export interface ReportRisk {
  id: string;
  title: string;
  project: ReportProjectRef | null;
  score: number;
  level: RiskLevel;
  status: RiskStatus;
  strategy: RiskStrategy;
  mitigation: string;
  ownerName: string | null;
  escalatedAt: string | null;
  acknowledged: boolean;
}

export interface ReportKpiPoint {
  date: IsoDate;
  value: number;
}

export interface ReportKpi {
  id: string;
  title: string;
  unit: string;
  pillar: PillarCode | null;
  project: ReportProjectRef | null;
  direction: Kpi['direction'];
  baseline: ReportKpiPoint;
  target: ReportKpiPoint;
  latest: ReportKpiPoint | null;
  progress: number | null;
  trend: KpiTrend;
  /** Measurements from the baseline up to the end of the period, oldest first. */
  series: ReportKpiPoint[];
}

export interface ProgressReport {
  period: ReportPeriod;
  /** The moment the facts are taken at (end of the period, or extraction if earlier). */
  asOf: Cutoff;
  extractedAt: string;
  summary: {
    projects: number;
    reporting: number;
    health: HealthTally;
    healthBefore: HealthTally;
    improved: number;
    worsened: number;
    updatesInPeriod: number;
    initiatives: number;
    milestonesAchieved: number;
    milestonesMissed: number;
    openRisks: number;
    risksByLevel: Record<RiskLevel, number>;
    escalated: number;
    newRisks: number;
    kpis: Record<KpiTrend, number>;
    changeCases: number;
    changeMakers: number;
  };
  pillars: PillarSection[];
  initiatives: Array<ReportProject & { milestones: ReportMilestone[] }>;
  milestones: {
    achievedCount: number;
    achieved: ReportMilestone[];
    missedCount: number;
    missed: ReportMilestone[];
  };
  risks: {
    openCount: number;
    byLevel: Record<RiskLevel, number>;
    newCount: number;
    top: ReportRisk[];
    escalatedCount: number;
    escalations: ReportRisk[];
  };
  kpis: { count: number; shown: ReportKpi[] };
  changeMakers: { members: number; cases: ReportProject[] };
  nextSteps: {
    byPillar: Array<{ pillar: PillarCode; items: ReportQuote[] }>;
    upcomingCount: number;
    upcoming: ReportMilestone[];
  };
}

const zeroTally = (): HealthTally => ({ green: 0, amber: 0, red: 0, none: 0 });
const zeroLevels = (): Record<RiskLevel, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

function refOf(p: Project): ReportProjectRef {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    ...(p.titles ? { titles: p.titles } : {}),
    pillar: p.pillar,
  };
}

function tally(into: HealthTally, health: Health | null): void {
  into[health ?? 'none'] += 1;
}

/** The facts the report reads, as they stood at its cutoff. */
interface Facts {
  cutoff: Cutoff;
  projects: Project[];
  byId: Map<string, Project>;
  /** Each project's updates at the cutoff, newest period first. */
  updates: Map<string, StatusUpdate[]>;
  risks: Risk[];
  milestones: Milestone[];
  kpis: Kpi[];
  measurements: Measurement[];
}

function factsAsOf(input: ProgressReportInput): Facts {
  const cutoff = earlierCutoff(
    periodCutoff(input.period.last, input.timeZone),
    instantCutoff(input.extractedAt, input.timeZone),
  );
  const trails = trailsAfter(input.audit, cutoff);
  const projects = asOfEach(input.projects, (p) => entityAsOf('project', p, trails)).sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  const byId = new Map(projects.map((p) => [p.id, p]));
  const updates = new Map<string, StatusUpdate[]>();
  for (const u of input.updates) {
    if (!byId.has(u.projectId) || comparePeriods(u.period, input.period.last) > 0) continue;
    const then = updateAsOf(u, cutoff);
    if (!then) continue;
    const list = updates.get(u.projectId);
    if (list) list.push(then);
    else updates.set(u.projectId, [then]);
  }
  for (const list of updates.values()) list.sort((a, b) => comparePeriods(b.period, a.period));
  return {
    cutoff,
    projects,
    byId,
    updates,
    risks: asOfEach(input.risks, (r) => riskAsOf(r, trails, cutoff)),
    milestones: asOfEach(input.milestones, (m) => milestoneAsOf(m, trails, cutoff)).filter((m) =>
      byId.has(m.projectId),
    ),
    kpis: asOfEach(input.kpis, (k) => entityAsOf('kpi', k, trails)),
    measurements: asOfEach(input.measurements, (m) => entityAsOf('measurement', m, trails)).filter(
      (m) => m.date <= cutoff.lastDay,
    ),
  };
}

/** The Council progress report for a period. Linear in the size of the portfolio and its history. */
export function composeProgressReport(input: ProgressReportInput): ProgressReport {
  const limits = { ...DEFAULT_REPORT_LIMITS, ...input.limits };
  const facts = factsAsOf(input);
  const { period } = input;
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const before = previousPeriod(period.first);
  const inPeriod = (p: Period) => comparePeriods(p, period.first) >= 0 && comparePeriods(p, period.last) <= 0;
  const clipText = (s: string) => clip(s, limits.textChars);

  // Each project at the end of the period and at its start.
  let updatesInPeriod = 0;
  const reportProjects = facts.projects.map((p): ReportProject => {
    const list = facts.updates.get(p.id) ?? [];
    const latest = list[0];
    const within = list.filter((u) => inPeriod(u.period));
    // Health at the start: the last update before the period, else the first one within it.
    const start = list.find((u) => comparePeriods(u.period, before) <= 0) ?? within.at(-1);
    updatesInPeriod += within.length;
    const achievements = within.find((u) => u.achievements.trim())?.achievements ?? '';
    return {
      ...refOf(p),
      kind: p.kind,
      phase: p.phase,
      ownerName: names.get(p.ownerId) ?? p.ownerId,
      health: latest?.health ?? null,
      healthBefore: start?.health ?? null,
      percentComplete: latest?.percentComplete ?? null,
      lastReported: latest?.period ?? null,
      summary: clipText(latest?.summary ?? ''),
      achievements: clipText(achievements),
      nextSteps: clipText(latest?.nextSteps ?? ''),
      blockers: clipText(latest?.blockers ?? ''),
      memberCount: p.memberIds.length,
      budgetChf: p.budgetChf,
      spendChf: p.spendChf,
    };
  });
  const reportById = new Map(reportProjects.map((p) => [p.id, p]));
  const projectRef = (id: string | null): ReportProjectRef | null => {
    const p = id ? facts.byId.get(id) : undefined;
    return p ? refOf(p) : null;
  };

  // Risks at the cutoff.
  const active = facts.risks.filter((r) => isActiveRisk(r) && r.status !== 'proposed').sort(compareRisks);
  const byLevel = zeroLevels();
  const openByProject = new Map<string, number>();
  for (const r of active) {
    byLevel[r.level] += 1;
    if (r.projectId) openByProject.set(r.projectId, (openByProject.get(r.projectId) ?? 0) + 1);
  }
  const toReportRisk = (r: Risk): ReportRisk => ({
    id: r.id,
    title: clip(r.title, 200),
    project: projectRef(r.projectId),
    score: r.score,
    level: r.level,
    status: r.status,
    strategy: r.strategy,
    mitigation: clipText(r.mitigation),
    ownerName: r.ownerId ? (names.get(r.ownerId) ?? r.ownerId) : null,
    escalatedAt: r.escalation?.at ?? null,
    acknowledged: !!r.escalation?.acknowledgedAt,
  });
  const escalated = active.filter((r) => r.status === 'escalated');
  const startMs = zonedTimeToInstant(period.from, '00:00', input.timeZone).getTime();
  const newRisks = facts.risks.filter((r) => {
    const raised = Date.parse(r.raisedAt);
    return r.status !== 'proposed' && raised >= startMs && raised < facts.cutoff.atMs;
  });

  // Pillars: health table, what moved, highlights.
  const summaryHealth = zeroTally();
  const summaryBefore = zeroTally();
  let improved = 0;
  let worsened = 0;
  let reporting = 0;
  const pillars: PillarSection[] = PILLARS.map((pillar) => {
    const row: PillarRow = {
      pillar: pillar.code,
      projects: 0,
      reporting: 0,
      ...zeroTally(),
      improved: 0,
      worsened: 0,
      openRisks: 0,
    };
    const movers: ReportMover[] = [];
    const highlights: ReportQuote[] = [];
    for (const p of reportProjects) {
      if (p.pillar !== pillar.code) continue;
      row.projects += 1;
      row.openRisks += openByProject.get(p.id) ?? 0;
      const project = facts.byId.get(p.id);
      if (!project || !expectsReporting(project)) continue;
      row.reporting += 1;
      tally(row, p.health);
      tally(summaryHealth, p.health);
      tally(summaryBefore, p.healthBefore);
      const change = healthChange(p.healthBefore ?? undefined, p.health ?? undefined);
      if (change === -1) row.improved += 1;
      if (change === 1) row.worsened += 1;
      if (p.health && p.health !== p.healthBefore)
        movers.push({ ...refOf(project), from: p.healthBefore, to: p.health });
      if (p.achievements) highlights.push({ ...refOf(project), text: p.achievements });
    }
    reporting += row.reporting;
    improved += row.improved;
    worsened += row.worsened;
    const severity = (h: Health) => (h === 'red' ? 0 : h === 'amber' ? 1 : 2);
    movers.sort((a, b) => severity(a.to) - severity(b.to) || a.code.localeCompare(b.code));
    const initiativeFirst = (q: ReportQuote) =>
      reportById.get(q.id)?.kind === 'accelerated-initiative' ? 0 : 1;
    highlights.sort((a, b) => initiativeFirst(a) - initiativeFirst(b) || a.code.localeCompare(b.code));
    return {
      row,
      moversCount: movers.length,
      movers: movers.slice(0, limits.movers),
      highlights: highlights.slice(0, limits.highlights),
    };
  });

  // Milestones achieved and missed during the period; upcoming after it.
  const toReportMilestone = (m: Milestone): ReportMilestone | undefined => {
    const project = projectRef(m.projectId);
    return project
      ? { id: m.id, title: clip(m.title, 200), project, dueDate: m.dueDate, completedOn: m.completedOn }
      : undefined;
  };
  const achieved: ReportMilestone[] = [];
  const missed: ReportMilestone[] = [];
  const upcoming: ReportMilestone[] = [];
  const horizon = addDays(period.to, NEXT_MILESTONE_DAYS);
  const lastDay = facts.cutoff.lastDay;
  for (const m of facts.milestones) {
    const item = toReportMilestone(m);
    if (!item) continue;
    if (m.status === 'done' && m.completedOn && m.completedOn >= period.from && m.completedOn <= period.to)
      achieved.push(item);
    else if (
      m.status !== 'done' &&
      m.dueDate >= period.from &&
      m.dueDate <= period.to &&
      (m.status === 'missed' || m.dueDate < lastDay)
    )
      missed.push(item);
    else if (m.status === 'planned' && m.dueDate > period.to && m.dueDate <= horizon) upcoming.push(item);
  }
  const byDate = (key: (m: ReportMilestone) => string) => (a: ReportMilestone, b: ReportMilestone) =>
    key(a).localeCompare(key(b)) || a.project.code.localeCompare(b.project.code);
  achieved.sort(byDate((m) => m.completedOn ?? m.dueDate));
  missed.sort(byDate((m) => m.dueDate));
  upcoming.sort(byDate((m) => m.dueDate));

  // Accelerated Initiatives, one by one, with their milestones of the period.
  const initiativeMilestones = new Map<string, ReportMilestone[]>();
  for (const m of [...achieved, ...missed]) {
    const list = initiativeMilestones.get(m.project.id) ?? [];
    list.push(m);
    initiativeMilestones.set(m.project.id, list);
  }
  const initiatives = reportProjects
    .filter((p) => p.kind === 'accelerated-initiative')
    .map((p) => ({ ...p, milestones: initiativeMilestones.get(p.id) ?? [] }));

  // KPIs: baseline, target, latest at the cutoff, and the series for the chart.
  const series = new Map<string, ReportKpiPoint[]>();
  for (const m of facts.measurements) {
    const list = series.get(m.kpiId) ?? [];
    list.push({ date: m.date, value: m.value });
    series.set(m.kpiId, list);
  }
  const trends: Record<KpiTrend, number> = { 'on-track': 0, behind: 0, achieved: 0, 'no-data': 0 };
  const kpis: ReportKpi[] = facts.kpis.map((k) => {
    const points = (series.get(k.id) ?? [])
      .filter((m) => m.date >= k.baseline.date)
      .sort((a, b) => a.date.localeCompare(b.date));
    const progress = kpiProgress(k, points);
    trends[progress.trend] += 1;
    return {
      id: k.id,
      title: clip(k.title, 200),
      unit: k.unit,
      pillar: k.pillar,
      project: projectRef(k.projectId),
      direction: k.direction,
      baseline: { ...k.baseline },
      target: { ...k.target },
      latest: progress.latest ?? null,
      progress: progress.progress ?? null,
      trend: progress.trend,
      series: points,
    };
  });
  const TREND_ORDER: Record<KpiTrend, number> = { behind: 0, 'on-track': 1, achieved: 2, 'no-data': 3 };
  kpis.sort(
    (a, b) =>
      Number(a.pillar === null) - Number(b.pillar === null) ||
      TREND_ORDER[a.trend] - TREND_ORDER[b.trend] ||
      a.title.localeCompare(b.title),
  );

  // ChangeMakers: change cases and their members.
  const cases = reportProjects.filter((p) => p.kind === 'change-case');
  const members = new Set<string>();
  for (const p of facts.projects) if (p.kind === 'change-case') for (const id of p.memberIds) members.add(id);

  // Next steps: what the initiatives and the projects in difficulty plan next, by pillar.
  const nextRank = (p: ReportProject) =>
    (p.kind === 'accelerated-initiative' ? 0 : 3) + (p.health === 'red' ? 0 : p.health === 'amber' ? 1 : 2);
  const byPillar = PILLARS.map((pillar) => ({
    pillar: pillar.code,
    items: reportProjects
      .filter((p) => p.pillar === pillar.code && p.nextSteps && expectsReporting(facts.byId.get(p.id) ?? p))
      .sort((a, b) => nextRank(a) - nextRank(b) || a.code.localeCompare(b.code))
      .slice(0, limits.nextSteps)
      .map((p) => ({
        id: p.id,
        code: p.code,
        title: p.title,
        ...(p.titles ? { titles: p.titles } : {}),
        pillar: p.pillar,
        text: p.nextSteps,
      })),
  }));

  return {
    period,
    asOf: facts.cutoff,
    extractedAt: input.extractedAt.toISOString(),
    summary: {
      projects: reportProjects.length,
      reporting,
      health: summaryHealth,
      healthBefore: summaryBefore,
      improved,
      worsened,
      updatesInPeriod,
      initiatives: initiatives.length,
      milestonesAchieved: achieved.length,
      milestonesMissed: missed.length,
      openRisks: active.length,
      risksByLevel: byLevel,
      escalated: escalated.length,
      newRisks: newRisks.length,
      kpis: trends,
      changeCases: cases.length,
      changeMakers: members.size,
    },
    pillars,
    initiatives,
    milestones: {
      achievedCount: achieved.length,
      achieved: achieved.slice(0, limits.milestones),
      missedCount: missed.length,
      missed: missed.slice(0, limits.milestones),
    },
    risks: {
      openCount: active.length,
      byLevel,
      newCount: newRisks.length,
      top: active.slice(0, limits.topRisks).map(toReportRisk),
      escalatedCount: escalated.length,
      escalations: escalated.slice(0, limits.escalations).map(toReportRisk),
    },
    kpis: { count: kpis.length, shown: kpis.slice(0, limits.kpis) },
    changeMakers: { members: members.size, cases },
    nextSteps: { byPillar, upcomingCount: upcoming.length, upcoming: upcoming.slice(0, limits.milestones) },
  };
}
