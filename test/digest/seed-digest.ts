// Digest inputs straight from seed data (no store), for card tests and the bench: the latest update
// of each project up to a period, as the store's latestPerProject answers it.
import { type DigestInput, digestToday } from '../../bot/domain/digest.js';
import { comparePeriods, previousPeriod, type Period } from '../../bot/domain/period.js';
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
