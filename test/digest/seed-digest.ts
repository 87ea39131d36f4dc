// Digest inputs straight from seed data (no store), for card tests and the bench: the latest update
// of each project up to a period, as the store's latestPerProject answers it.
import { type DigestInput, digestToday } from '../../bot/domain/digest.js';
import { weeklyHealth, TREND_WEEKS, type WeeklyHealth } from '../../bot/domain/health-trend.js';
import { comparePeriods, previousPeriod, recentPeriods, type Period } from '../../bot/domain/period.js';
import { expectsReporting } from '../../bot/domain/project.js';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import type { SeedData } from '../../bot/seed/seed-data.js';

function latestUpTo(updates: readonly StatusUpdate[], period: Period): StatusUpdate[] {
  const best = new Map<string, StatusUpdate>();
  for (const u of updates) {
    if (comparePeriods(u.period, period) > 0) continue;
    const seen = best.get(u.projectId);
    if (!seen || comparePeriods(seen.period, u.period) < 0) best.set(u.projectId, u);
  }
  return [...best.values()];
}

export function digestInputFromSeed(
  seed: SeedData,
  period: Period,
  now: Date,
  timeZone: string,
): DigestInput {
  return {
    period,
    today: digestToday(now, timeZone),
    now,
    timeZone,
    projects: seed.projects,
    latest: latestUpTo(seed.statusUpdates, period),
    previous: latestUpTo(seed.statusUpdates, previousPeriod(period)),
    risks: seed.risks.filter((r) => r.status !== 'closed'),
    milestones: seed.milestones.filter((m) => m.status !== 'done'),
    kpis: seed.kpis,
    measurements: seed.measurements,
    people: seed.people,
  };
}

/** The 12-week health trend up to `period`, as bot/services/health-trend.ts reads it from a store. */
export function trendFromSeed(seed: SeedData, period: Period): WeeklyHealth[] {
  const periods = recentPeriods(period, TREND_WEEKS);
  const byWeek = new Map<Period, StatusUpdate[]>(periods.map((p) => [p, []]));
  for (const u of seed.statusUpdates) byWeek.get(u.period)?.push(u);
  return weeklyHealth(
    periods,
    latestUpTo(seed.statusUpdates, previousPeriod(periods[0]!)),
    byWeek,
    new Set(seed.projects.filter(expectsReporting).map((p) => p.id)),
  );
}
