// Issue 12 item 10: `npm run seed` into SharePoint never reports success while writes wait in the
// outbox. Against the Graph emulator with fault injection: under 20 % throttling the seed waits until
// every write has landed; with Graph failing to the deadline it reports how many remain and how to finish.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { awaitQueuedWrites, holdsOutbox, queuedWritesProblem } from '../../bot/seed/await-queued-writes.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import {
  closeSharedEmulator,
  instantSleep,
  provisionedSite,
  sharedEmulator,
  type SharePointSite,
} from '../storage/sharepoint-harness.js';

const WRITE_OPS = ['items.create', 'items.update', '$batch'];
const seed = () =>
  buildSyntheticPortfolio({ projects: 4, now: new Date('2026-11-20T10:00:00Z'), timeZone: 'Europe/Zurich' });

describe('seeding SharePoint with writes queued in the outbox', () => {
  let site: SharePointSite;
  beforeEach(async () => {
    site = await provisionedSite(await sharedEmulator());
  });
  afterEach(async () => {
    site.emulator.faults.clear();
    await site.cleanup();
  });
  afterAll(async () => {
    await closeSharedEmulator();
  });

  it(
    'under 20 % throttling: waits until every queued write has landed, then nothing is left',
    { timeout: 90_000 },
    async () => {
      const store = await site.open({ retry: { maxRetries: 0 } });
      expect(holdsOutbox(store)).toBe(true);
      site.emulator.faults.setRandom({
        rate: 0.2,
        seed: 20261203,
        ops: WRITE_OPS,
        faults: [
          { type: 'status', status: 429, retryAfterSeconds: 1 },
          { type: 'status', status: 503 },
        ],
      });
      await applySeed(store, seed());
      expect(store.pendingWrites()).toBeGreaterThan(0);
      const result = await awaitQueuedWrites(store, { timeoutMs: 120_000, sleep: instantSleep });
      expect(result).toEqual({ remaining: 0, rejected: 0 });
      expect(queuedWritesProblem(result, 'here')).toEqual([]);
    },
  );

  it('Graph still failing at the deadline: says how many remain and how to finish', async () => {
    const store = await site.open({ retry: { maxRetries: 0 } });
    site.emulator.faults.setRandom({
      rate: 1,
      seed: 1,
      ops: WRITE_OPS,
      faults: [{ type: 'status', status: 503 }],
    });
    await applySeed(store, seed());
    const waiting = store.pendingWrites();
    expect(waiting).toBeGreaterThan(0);
    let t = 0;
    const result = await awaitQueuedWrites(store, {
      timeoutMs: 10_000,
      now: () => t,
      sleep: (ms) => {
        t += ms;
        return Promise.resolve();
      },
    });
    expect(result.remaining).toBe(waiting);
    const lines = queuedWritesProblem(result, 'the outbox file in /data');
    expect(lines.join('\n')).toContain(`${waiting} write(s) are still queued`);
    expect(lines.join('\n')).toMatch(/npm start/);
  });
});
