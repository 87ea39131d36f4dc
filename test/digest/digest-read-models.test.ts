// The digest reads each project's latest updates from the read models (bot/services/latest-updates.ts)
// instead of every status update: on the 1,000-project synthetic portfolio the digest of a week is
// exactly the digest computed from the raw rows, for the week a Monday run reports and for older
// weeks that the facts' newest updates do not reach (read from the project's own history).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDigest, digestPeriodAt, type DigestInput } from '../../bot/domain/digest.js';
import { previousPeriod, shiftPeriod, type Period } from '../../bot/domain/period.js';
import { collectAll } from '../../bot/ports/paging.js';
import { loadDigestInput } from '../../bot/scheduling/digest-job.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { createTemporarySqliteStore } from '../../bot/storage/sqlite/temporary-store.js';

const NOW = new Date('2026-11-30T07:00:00Z'); // Monday 08:00 in Geneva: the digest of 2026-W48
const TZ = 'Europe/Zurich';
const temp = createTemporarySqliteStore();
const store = temp.store;

beforeAll(async () => {
  const portfolio = buildSyntheticPortfolio({ projects: 1000, now: NOW, timeZone: TZ });
  await applySeed(store, portfolio, { bulk: (fn) => store.transaction(fn) });
}, 120_000);
afterAll(() => temp.cleanup());

/** The same input with each project's latest updates read from every status update. */
async function fromRawRows(input: DigestInput): Promise<DigestInput> {
  const latest = (upToPeriod: Period) =>
    collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod, ...page }));
  return {
    ...input,
    latest: await latest(input.period),
    previous: await latest(previousPeriod(input.period)),
  };
}

describe('digest from the read models, 1,000-project synthetic portfolio', () => {
  const week = digestPeriodAt(NOW, TZ);

  it.each([
    ['the week a Monday run reports', week],
    ['six weeks before it (older than the updates the facts keep)', shiftPeriod(week, -6)],
  ])('%s: equals the digest computed from the raw rows', async (_label, period) => {
    const input = await loadDigestInput(store, period, NOW, TZ);
    const raw = await fromRawRows(input);
    expect(input.latest.length).toBeGreaterThan(500);
    const pick = (u: DigestInput['latest'][number]) => ({
      projectId: u.projectId,
      period: u.period,
      health: u.health,
      percentComplete: u.percentComplete,
      submittedAt: u.submittedAt,
      blockers: u.blockers,
    });
    const byProject = (list: DigestInput['latest']) =>
      [...list].map(pick).sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
    expect(byProject(input.latest)).toEqual(byProject(raw.latest));
    expect(byProject(input.previous)).toEqual(byProject(raw.previous));
    expect(composeDigest(input)).toEqual(composeDigest(raw));
  });
});
