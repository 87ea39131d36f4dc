// Read models: the facts about each project that the portfolio surfaces read most (latest status
// updates, open risks, next milestone, KPI progress), kept up to date by the stores when the data
// changes (bot/ports/read-models.ts) so a portfolio read costs the same whatever the history holds.
//
// The facts hold nothing that depends on the clock: the reporting state, the health "now" and "last
// week" are derived from them at read time (overviewFromFacts), from the three newest updates, which
// is enough to answer for the current period and the two before it (no update is ever filed for a
// future period: isReportablePeriod).
import { z } from 'zod';
import { Health } from './health.js';
import { kpiProgress, type Kpi, type Measurement } from './kpi.js';
import { Period, previousPeriod } from './period.js';
import { PillarCode } from './pillar.js';
import { Id, IsoDate, IsoDateTime } from './primitives.js';
import { ProjectPhase, type Project } from './project.js';
import { reportingState, type ReportingState } from './reporting.js';
import { riskLevel, type Risk } from './risk.js';
import { HealthDimensions, type StatusUpdate } from './status-update.js';
import {
  projectOverview,
  summariseRows,
  type PortfolioSummary,
  type ProjectOverview,
  type SummaryRow,
} from './portfolio.js';

/** How many of a project's newest updates the facts keep. */
export const FACT_UPDATES = 3;

export const UpdateFact = z.object({
  id: Id,
  period: Period,
  health: Health,
  dimensions: HealthDimensions,
  percentComplete: z.number(),
  submittedAt: IsoDateTime,
  blockers: z.string(),
});
export type UpdateFact = z.infer<typeof UpdateFact>;

const LevelCounts = z.object({ low: z.number(), medium: z.number(), high: z.number(), critical: z.number() });

/** Active risks that count (open, mitigating, escalated: not proposed, not closed). */
export const RiskStats = z.object({
  open: z.number().int(),
  escalated: z.number().int(),
  topScore: z.number().int().optional(),
  byLevel: LevelCounts,
});
export type RiskStats = z.infer<typeof RiskStats>;

export const KpiStats = z.object({
  total: z.number().int(),
  achieved: z.number().int(),
  onTrack: z.number().int(),
  behind: z.number().int(),
  noData: z.number().int(),
});
export type KpiStats = z.infer<typeof KpiStats>;

export const ProjectFacts = z.object({
  projectId: Id,
  code: z.string(),
  pillar: PillarCode,
  phase: ProjectPhase,
  startDate: IsoDate.nullable(),
  /** The newest updates, newest period first (at most FACT_UPDATES). */
  updates: z.array(UpdateFact).max(FACT_UPDATES),
  risks: RiskStats,
  /** The earliest planned milestone (it may be past due). */
  nextMilestone: z.object({ id: Id, title: z.string(), dueDate: IsoDate }).optional(),
  kpis: KpiStats,
});
export type ProjectFacts = z.infer<typeof ProjectFacts>;

export const ACTIVE_RISK_STATUSES = ['open', 'mitigating', 'escalated'] as const;

export function emptyRiskStats(): RiskStats {
  return { open: 0, escalated: 0, byLevel: { low: 0, medium: 0, high: 0, critical: 0 } };
}

/** Adds `count` risks of this score and status (statuses other than ACTIVE_RISK_STATUSES are ignored). */
export function addRisk(stats: RiskStats, risk: Pick<Risk, 'score' | 'status'>, count = 1): RiskStats {
  if (!(ACTIVE_RISK_STATUSES as readonly string[]).includes(risk.status)) return stats;
  stats.open += count;
  if (risk.status === 'escalated') stats.escalated += count;
  stats.topScore = Math.max(stats.topScore ?? 0, risk.score);
  stats.byLevel[riskLevel(risk.score)] += count;
  return stats;
}

export function updateFactOf(u: Pick<StatusUpdate, keyof UpdateFact>): UpdateFact {
  return {
    id: u.id,
    period: u.period,
    health: u.health,
    dimensions: { ...u.dimensions },
    percentComplete: u.percentComplete,
    submittedAt: u.submittedAt,
    blockers: u.blockers,
  };
}

/** The facts of one project from its own rows (any order; only what counts is used). */
export function projectFactsOf(input: {
  project: Pick<Project, 'id' | 'code' | 'pillar' | 'phase' | 'startDate'>;
  updates: ReadonlyArray<Pick<StatusUpdate, keyof UpdateFact>>;
  risks: ReadonlyArray<Pick<Risk, 'score' | 'status'> & { count?: number }>;
  milestones: ReadonlyArray<{ id: string; title: string; dueDate: string; status: string }>;
  kpis: ReadonlyArray<{
    kpi: Pick<Kpi, 'baseline' | 'target' | 'direction'>;
    measurements: ReadonlyArray<Pick<Measurement, 'date' | 'value'>>;
  }>;
}): ProjectFacts {
  const { project } = input;
  const updates = [...input.updates]
    .sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0))
    .slice(0, FACT_UPDATES)
    .map(updateFactOf);
  const risks = emptyRiskStats();
  for (const r of input.risks) addRisk(risks, r, r.count ?? 1);
  const next = input.milestones
    .filter((m) => m.status === 'planned')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1))[0];
  const kpis: KpiStats = { total: 0, achieved: 0, onTrack: 0, behind: 0, noData: 0 };
  for (const k of input.kpis) {
    kpis.total += 1;
    const trend = kpiProgress(k.kpi, k.measurements).trend;
    if (trend === 'achieved') kpis.achieved += 1;
    else if (trend === 'on-track') kpis.onTrack += 1;
    else if (trend === 'behind') kpis.behind += 1;
    else kpis.noData += 1;
  }
  return {
    projectId: project.id,
    code: project.code,
    pillar: project.pillar,
    phase: project.phase,
    startDate: project.startDate,
    updates,
    risks,
    ...(next ? { nextMilestone: { id: next.id, title: next.title, dueDate: next.dueDate } } : {}),
    kpis,
  };
}

/**
 * The facts after one of the project's status updates was written (created or amended): its fact
 * takes the place of the one for the same period, and the newest FACT_UPDATES periods are kept. The
 * same as recomputing from all the project's updates, because updates are never deleted nor moved to
 * another project, so an update left out of the newest three can only be older than all of them.
 */
export function withUpdateFact(
  facts: ProjectFacts,
  update: Pick<StatusUpdate, keyof UpdateFact>,
): ProjectFacts {
  const updates = [updateFactOf(update), ...facts.updates.filter((u) => u.period !== update.period)]
    .sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0))
    .slice(0, FACT_UPDATES);
  return { ...facts, updates };
}

/** The newest update of these facts whose period is at most `period`. */
export function latestUpTo(facts: Pick<ProjectFacts, 'updates'>, period: Period): UpdateFact | undefined {
  return facts.updates.find((u) => u.period <= period);
}

/** A project's overview (health, trend, reporting state, risks) at `current`, from its facts. */
export function overviewFromFacts(
  project: Project,
  facts: ProjectFacts | undefined,
  current: Period,
  now: Date,
): ProjectOverview {
  return projectOverview(
    project,
    {
      latest: facts && latestUpTo(facts, current),
      previous: facts && latestUpTo(facts, previousPeriod(current)),
    },
    { open: facts?.risks.open ?? 0, top: facts?.risks.topScore },
    current,
    now,
  );
}

/** Facts in a canonical form (for comparing a maintained model with a rebuilt one). */
export function canonicalFacts(facts: readonly ProjectFacts[]): ProjectFacts[] {
  return [...facts]
    .map((f) => ProjectFacts.parse(JSON.parse(JSON.stringify(f))))
    .sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0));
}

/** The row the portfolio roll-up counts for a project, at `current` (`previous` is the period before). */
export function summaryRowOf(
  facts: ProjectFacts,
  current: Period,
  previous: Period = previousPeriod(current),
  stateOf: (facts: ProjectFacts, last: Period | undefined) => ReportingState = (f, last) =>
    reportingState(f, last, current),
): SummaryRow {
  const u = latestUpTo(facts, current);
  return {
    pillar: facts.pillar,
    reporting: stateOf(facts, u?.period),
    health: u?.health,
    previousHealth: latestUpTo(facts, previous)?.health,
    risksByLevel: facts.risks.byLevel,
  };
}

/** The portfolio summary at `current` from every project's facts and the portfolio-wide risks. */
export function summariseFacts(
  facts: Iterable<ProjectFacts>,
  portfolioWide: RiskStats,
  current: Period,
): PortfolioSummary {
  const previous = previousPeriod(current);
  // Period arithmetic is the costly part: the reporting state depends on few distinct inputs.
  const states = new Map<string, ReportingState>();
  const stateOf = (f: ProjectFacts, last: Period | undefined): ReportingState => {
    const key = `${f.phase}|${f.startDate ?? ''}|${last ?? ''}`;
    let state = states.get(key);
    if (state === undefined) states.set(key, (state = reportingState(f, last, current)));
    return state;
  };
  const rows: SummaryRow[] = [];
  for (const f of facts) rows.push(summaryRowOf(f, current, previous, stateOf));
  return summariseRows(rows, portfolioWide.byLevel, current);
}
