// The unreachable list reads an escalation's instant as a reporting week in the organisation's time
// zone, and keeps each person's most recent outcome only.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../bot/ports/repositories.js';
import type { RunRecord, StateStore } from '../../bot/ports/state.js';
import { listUnreachable } from '../../bot/services/digest-unreachable.js';
import { buildPerson } from '../helpers/fixtures.js';

function record(overrides: Partial<RunRecord>): RunRecord {
  return {
    kind: 'escalation',
    period: 'r-1@0',
    recipientId: 'p-cto',
    status: 'unreachable',
    attempts: 1,
    detail: 'blocked',
    updatedAt: '2026-11-29T23:30:00.000Z',
    activityId: null,
    ...overrides,
  };
}

function sources(records: RunRecord[]) {
  const people = [
    buildPerson({ id: 'p-cto', name: 'Nadia Rahimi' }),
    buildPerson({ id: 'p-owner', name: 'Daniel Mwangi' }),
  ];
  // Only what listUnreachable reads; anything else would throw.
  const state = { runs: { list: () => Promise.resolve(records) } } as unknown as StateStore;
  const store = {
    people: { getMany: (ids: string[]) => Promise.resolve(people.filter((p) => ids.includes(p.id))) },
  } as unknown as Store;
  return { state, store };
}

describe('listUnreachable', () => {
  // Sunday 29 Nov 2026 23:30 UTC is already Monday 00:30 in Zurich: week 49 there, 48 in UTC.
  const sundayNightUtc = Date.parse('2026-11-29T23:30:00.000Z');

  it('shows an escalation in the week of the organisation’s time zone', async () => {
    const { state, store } = sources([record({ period: `risk-1@${sundayNightUtc}` })]);
    expect(await listUnreachable(state, store, 'Europe/Zurich')).toEqual([
      expect.objectContaining({
        personId: 'p-cto',
        name: 'Nadia Rahimi',
        reason: 'blocked',
        period: '2026-W49',
      }),
    ]);
    expect((await listUnreachable(state, store, 'UTC'))[0]?.period).toBe('2026-W48');
  });

  it('keeps the latest outcome per person: delivered since means reachable again', async () => {
    const { state, store } = sources([
      record({ kind: 'digest', period: '2026-W47', updatedAt: '2026-11-23T07:00:00.000Z' }),
      record({
        kind: 'digest',
        period: '2026-W48',
        status: 'delivered',
        detail: null,
        updatedAt: '2026-11-30T07:00:00.000Z',
      }),
      record({ recipientId: 'p-owner', kind: 'reminder', period: '2026-W48/prj-1', detail: 'not-installed' }),
    ]);
    expect(await listUnreachable(state, store, 'Europe/Zurich')).toEqual([
      expect.objectContaining({
        personId: 'p-owner',
        reason: 'not-installed',
        period: '2026-W48',
        kind: 'reminder',
      }),
    ]);
  });
});
