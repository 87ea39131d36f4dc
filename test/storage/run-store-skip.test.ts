// skipUnclaimed: an arriving update cancels its reminders. The embedded store does it in one write
// transaction; a store without the method gets claim + record (or get) per key. Both leave the same
// records and give the same outcomes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { skipUnclaimed, type RunStore, type StateStore } from '../../bot/ports/state.js';
import {
  createTemporarySqliteStore,
  type TemporarySqliteStore,
} from '../../bot/storage/sqlite/temporary-store.js';
import { buildRunRecord, FIXTURE_TIME } from '../helpers/fixtures.js';

let t: TemporarySqliteStore;
let state: StateStore;
beforeEach(() => {
  t = createTemporarySqliteStore();
  state = t.openStateStore();
});
afterEach(() => t.cleanup());

const keys = ['reminder', 'reminder-2', 'reminder-nudge'].map((kind) => ({
  kind,
  period: '2026-W48/p-1',
  recipientId: 'person-owner',
}));

/** The same store seen without its own skipUnclaimed: the generic claim/record path. */
function withoutOwnSkip(runs: RunStore): RunStore {
  return {
    claim: (k, at) => runs.claim(k, at),
    claimFor: (k, c) => runs.claimFor(k, c),
    record: (r) => runs.record(r),
    get: (k) => runs.get(k),
    list: (f) => runs.list(f),
  };
}

describe.each([
  ['the embedded store, in one transaction', (runs: RunStore) => runs],
  ['a store without it, key by key', withoutOwnSkip],
])('skipUnclaimed: %s', (_name, view) => {
  it('skips the keys nobody claimed and reports the records that stood', async () => {
    const delivered = buildRunRecord({ ...keys[1]!, status: 'delivered', activityId: 'act-1' });
    await state.runs.record(delivered);
    const outcomes = await skipUnclaimed(view(state.runs), keys, FIXTURE_TIME, 'update received');
    expect(outcomes).toEqual([{ skipped: true }, { skipped: false, record: delivered }, { skipped: true }]);
    const stored = await Promise.all(keys.map((k) => state.runs.get(k)));
    expect(stored.map((r) => [r?.status, r?.detail, r?.attempts, r?.activityId, r?.updatedAt])).toEqual([
      ['skipped', 'update received', 0, null, FIXTURE_TIME],
      ['delivered', null, 1, 'act-1', FIXTURE_TIME],
      ['skipped', 'update received', 0, null, FIXTURE_TIME],
    ]);
    // Skipped is final: a later claim (a reminder falling due) fails.
    for (const k of keys) expect(await state.runs.claim(k, FIXTURE_TIME)).toBe(false);
    // And a second call claims nothing new.
    expect(await skipUnclaimed(view(state.runs), keys, FIXTURE_TIME, 'again')).toEqual(
      stored.map((record) => ({ skipped: false, record })),
    );
  });
});

it('the embedded store makes no claim or record call of its own per key', async () => {
  const claim = vi.spyOn(state.runs, 'claim');
  const record = vi.spyOn(state.runs, 'record');
  expect(state.runs.skipUnclaimed).toBeTypeOf('function');
  await skipUnclaimed(state.runs, keys, FIXTURE_TIME, 'update received');
  expect(claim).not.toHaveBeenCalled();
  expect(record).not.toHaveBeenCalled();
  expect((await state.runs.list({ status: 'skipped' })).length).toBe(3);
});
