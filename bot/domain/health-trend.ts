// Portfolio health week by week, for the digest's trend chart: how many projects stood green, amber
// and red at the end of each ISO week. Status updates are per ISO week, so a project counts in a week
// with its latest update up to and including that week. Pure; the caller reads the updates
// (bot/services/health-trend.ts) and may later read the counts from a read model instead.
import type { Health } from './health.js';
import type { Period } from './period.js';
import type { StatusUpdate } from './status-update.js';

/** Weeks the digest's trend covers, the reported week last. */
export const TREND_WEEKS = 12;

export interface WeeklyHealth {
  period: Period;
  green: number;
  amber: number;
  red: number;
}

type HealthUpdate = Pick<StatusUpdate, 'projectId' | 'health'>;

/**
 * Health counts at the end of each period (oldest first).
 * @param baseline each project's latest update before the first period
 * @param updates the updates of each period
 * @param counted the projects to count (e.g. those that still report); others are ignored
 */
export function weeklyHealth(
  periods: readonly Period[],
  baseline: readonly HealthUpdate[],
  updates: ReadonlyMap<Period, readonly HealthUpdate[]>,
  counted: ReadonlySet<string>,
): WeeklyHealth[] {
  const current = new Map<string, Health>();
  for (const u of baseline) if (counted.has(u.projectId)) current.set(u.projectId, u.health);
  return periods.map((period) => {
    for (const u of updates.get(period) ?? [])
      if (counted.has(u.projectId)) current.set(u.projectId, u.health);
    const week: WeeklyHealth = { period, green: 0, amber: 0, red: 0 };
    for (const health of current.values()) week[health] += 1;
    return week;
  });
}
