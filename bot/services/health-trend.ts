// Reads what the digest's 12-week health trend needs through the store ports: each project's latest
// update before the window, then the updates of each week of the window (one paged pass each).
// Kept apart so that the trend can later come from a read model without touching the card.
import { weeklyHealth, TREND_WEEKS, type WeeklyHealth } from '../domain/health-trend.js';
import { previousPeriod, recentPeriods, type Period } from '../domain/period.js';
import { expectsReporting } from '../domain/project.js';
import { collectAll } from '../ports/paging.js';
import type { Store } from '../ports/repositories.js';

export async function loadHealthTrend(
  store: Pick<Store, 'projects' | 'statusUpdates'>,
  period: Period,
  weeks = TREND_WEEKS,
): Promise<WeeklyHealth[]> {
  const periods = recentPeriods(period, weeks);
  const [projects, baseline, ...perWeek] = await Promise.all([
    collectAll((page) => store.projects.list(page)),
    collectAll((page) =>
      store.statusUpdates.latestPerProject({ upToPeriod: previousPeriod(periods[0]!), ...page }),
    ),
    ...periods.map((p) => collectAll((page) => store.statusUpdates.listByPeriod(p, page))),
  ]);
  const counted = new Set(projects.filter(expectsReporting).map((p) => p.id));
  return weeklyHealth(periods, baseline, new Map(periods.map((p, i) => [p, perWeek[i] ?? []])), counted);
}
