// Portfolio and pillar health over the last reporting weeks, from the stored status updates: for each
// week, each reporting project counts with the health of its latest update up to that week ("unknown"
// when it had none yet). Pure; the project service feeds it the updates.
import type { Health } from './health.js';
import { periodEnd, type Period } from './period.js';
import { PILLARS, type PillarCode } from './pillar.js';
import type { HealthCounts } from './portfolio.js';
import { expectsReporting, type Project } from './project.js';

/** How many reporting weeks the trend shows by default, and at most. */
export const HEALTH_HISTORY_WEEKS = 12;
export const MAX_HEALTH_HISTORY_WEEKS = 52;

export interface HealthWeek {
  period: Period;
  totals: HealthCounts;
  pillars: Array<{ pillar: PillarCode; health: HealthCounts }>;
}

type Latest = ReadonlyArray<{ projectId: string; health: Health }>;

const zero = (): HealthCounts => ({ green: 0, amber: 0, red: 0, unknown: 0 });

/**
 * One entry per period, oldest first. Projects count from the week they started (or always when they
 * have no start date) while they are in a reporting phase today.
 */
export function healthHistory(
  projects: ReadonlyArray<Pick<Project, 'id' | 'pillar' | 'phase' | 'startDate'>>,
  weeks: ReadonlyArray<{ period: Period; latest: Latest }>,
): HealthWeek[] {
  const reporting = projects.filter(expectsReporting);
  return weeks.map(({ period, latest }) => {
    const health = new Map(latest.map((u) => [u.projectId, u.health]));
    const totals = zero();
    const pillars = new Map<PillarCode, HealthCounts>(PILLARS.map((p) => [p.code, zero()]));
    const end = periodEnd(period);
    for (const p of reporting) {
      if (p.startDate && p.startDate > end) continue;
      const h = health.get(p.id) ?? 'unknown';
      totals[h] += 1;
      const bucket = pillars.get(p.pillar);
      if (bucket) bucket[h] += 1;
    }
    return {
      period,
      totals,
      pillars: PILLARS.map((p) => ({ pillar: p.code, health: pillars.get(p.code) ?? zero() })),
    };
  });
}
