// Derived views over the portfolio: each project's current health and reporting state, and the
// roll-up by pillar with the change since the previous period. Pure; the services feed it data.
import { healthChange, type Health } from './health.js';
import { PILLARS, type PillarCode } from './pillar.js';
import { type Period } from './period.js';
import { daysSince, isUpdateMissing, reportingState, type ReportingState } from './reporting.js';
import { isActiveRisk, type Risk, type RiskLevel } from './risk.js';
import type { StatusUpdate } from './status-update.js';
import type { Project } from './project.js';

export interface ProjectOverview {
  project: Project;
  health?: Health;
  previousHealth?: Health;
  percentComplete?: number;
  lastReportedPeriod?: Period;
  lastUpdateAt?: string;
  daysSinceUpdate?: number;
  reporting: ReportingState;
  openRisks: number;
  topRiskScore?: number;
}

type UpdateSummary = Pick<
  StatusUpdate,
  'projectId' | 'period' | 'health' | 'percentComplete' | 'submittedAt'
>;

/**
 * A project's overview at `current`: its latest update (any period up to the current one), the latest
 * up to the previous period (for the trend) and its open risks.
 */
export function projectOverview(
  project: Project,
  updates: {
    latest: Omit<UpdateSummary, 'projectId'> | undefined;
    previous: Pick<UpdateSummary, 'health'> | undefined;
  },
  risks: { open: number; top: number | undefined },
  current: Period,
  now: Date,
): ProjectOverview {
  const u = updates.latest;
  return {
    project,
    health: u?.health,
    previousHealth: updates.previous?.health,
    percentComplete: u?.percentComplete,
    lastReportedPeriod: u?.period,
    lastUpdateAt: u?.submittedAt,
    daysSinceUpdate: daysSince(u?.submittedAt, now),
    reporting: reportingState(project, u?.period, current),
    openRisks: risks.open,
    topRiskScore: risks.top,
  };
}

export function overviewProjects(input: {
  projects: readonly Project[];
  /** Latest update of each project, any period up to the current one. */
  latest: readonly UpdateSummary[];
  /** Latest update of each project up to and including the previous period. */
  previous: readonly UpdateSummary[];
  risks: ReadonlyArray<Pick<Risk, 'projectId' | 'status' | 'score'>>;
  currentPeriod: Period;
  now: Date;
}): ProjectOverview[] {
  const latest = new Map(input.latest.map((u) => [u.projectId, u]));
  const previous = new Map(input.previous.map((u) => [u.projectId, u]));
  const riskStats = new Map<string, { open: number; top: number }>();
  for (const r of input.risks) {
    if (!r.projectId || !isActiveRisk(r) || r.status === 'proposed') continue;
    const s = riskStats.get(r.projectId) ?? { open: 0, top: 0 };
    s.open += 1;
    s.top = Math.max(s.top, r.score);
    riskStats.set(r.projectId, s);
  }
  return input.projects.map((project) => {
    const risks = riskStats.get(project.id);
    return projectOverview(
      project,
      { latest: latest.get(project.id), previous: previous.get(project.id) },
      { open: risks?.open ?? 0, top: risks?.top },
      input.currentPeriod,
      input.now,
    );
  });
}

export interface HealthCounts {
  green: number;
  amber: number;
  red: number;
  /** Active projects with no status update yet. */
  unknown: number;
}

export interface PillarSummary {
  pillar: PillarCode;
  projects: number;
  /** Projects in a reporting phase, by current health. */
  health: HealthCounts;
  /** Same, as of the previous period. */
  previousHealth: HealthCounts;
  improved: number;
  worsened: number;
  updatesMissing: number;
  overdue: number;
  openRisks: number;
  risksByLevel: Record<RiskLevel, number>;
}

export interface PortfolioSummary {
  period: Period;
  pillars: PillarSummary[];
  totals: Omit<PillarSummary, 'pillar'>;
}

const zeroHealth = (): HealthCounts => ({ green: 0, amber: 0, red: 0, unknown: 0 });
const zeroLevels = (): Record<RiskLevel, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });

function emptySummary(): Omit<PillarSummary, 'pillar'> {
  return {
    projects: 0,
    health: zeroHealth(),
    previousHealth: zeroHealth(),
    improved: 0,
    worsened: 0,
    updatesMissing: 0,
    overdue: 0,
    openRisks: 0,
    risksByLevel: zeroLevels(),
  };
}

/** One project as the roll-up counts it. */
export interface SummaryRow {
  pillar: PillarCode;
  reporting: ReportingState;
  health?: Health;
  previousHealth?: Health;
  /** Its active risks (proposed and closed ones left out), by level. */
  risksByLevel: Readonly<Record<RiskLevel, number>>;
}

function add(into: Omit<PillarSummary, 'pillar'>, o: SummaryRow) {
  into.projects += 1;
  if (o.reporting !== 'not-required') {
    into.health[o.health ?? 'unknown'] += 1;
    into.previousHealth[o.previousHealth ?? 'unknown'] += 1;
    const change = healthChange(o.previousHealth, o.health);
    if (change === -1) into.improved += 1;
    if (change === 1) into.worsened += 1;
  }
  if (isUpdateMissing(o.reporting)) into.updatesMissing += 1;
  if (o.reporting === 'overdue') into.overdue += 1;
  addLevels(into, o.risksByLevel);
}

function addLevels(into: Omit<PillarSummary, 'pillar'>, levels: Readonly<Record<RiskLevel, number>>) {
  for (const level of Object.keys(into.risksByLevel) as RiskLevel[]) {
    into.openRisks += levels[level];
    into.risksByLevel[level] += levels[level];
  }
}

/** The roll-up by pillar and in total; portfolio-wide risks count in the totals only. */
export function summariseRows(
  rows: Iterable<SummaryRow>,
  portfolioWide: Readonly<Record<RiskLevel, number>>,
  period: Period,
): PortfolioSummary {
  const byPillar = new Map<PillarCode, Omit<PillarSummary, 'pillar'>>(
    PILLARS.map((p) => [p.code, emptySummary()]),
  );
  const totals = emptySummary();
  for (const row of rows) {
    const bucket = byPillar.get(row.pillar);
    if (bucket) add(bucket, row);
    add(totals, row);
  }
  addLevels(totals, portfolioWide);
  return {
    period,
    pillars: PILLARS.map((p) => ({ pillar: p.code, ...(byPillar.get(p.code) ?? emptySummary()) })),
    totals,
  };
}

export function summarisePortfolio(
  overviews: readonly ProjectOverview[],
  risks: ReadonlyArray<Pick<Risk, 'projectId' | 'status' | 'level'>>,
  period: Period,
): PortfolioSummary {
  const levelsByProject = new Map<string, Record<RiskLevel, number>>();
  // Portfolio-wide risks belong to no pillar but count in the totals.
  const portfolioWide = zeroLevels();
  for (const r of risks) {
    if (!isActiveRisk(r) || r.status === 'proposed') continue;
    if (!r.projectId) {
      portfolioWide[r.level] += 1;
      continue;
    }
    const levels = levelsByProject.get(r.projectId) ?? zeroLevels();
    levels[r.level] += 1;
    levelsByProject.set(r.projectId, levels);
  }
  return summariseRows(
    overviews.map((o) => ({
      pillar: o.project.pillar,
      reporting: o.reporting,
      health: o.health,
      previousHealth: o.previousHealth,
      risksByLevel: levelsByProject.get(o.project.id) ?? zeroLevels(),
    })),
    portfolioWide,
    period,
  );
}
