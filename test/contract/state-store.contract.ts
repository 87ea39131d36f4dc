// The bot-state contract (bot/ports/state.ts): conversation references, exactly-once run records and
// leases. The embedded SQLite state store runs it in test/storage; the Azure Blob state store will too.
//
// makeStateStore() returns an empty state store, the claim timeout it was configured with (after which
// an abandoned `pending` claim may be claimed again), and, when it can, a way to open a second
// instance on the same data (another app instance).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../bot/domain/notice.js';
import type { RunStatus, StateStore } from '../../bot/ports/state.js';
import { buildConversation, buildRunRecord, FIXTURE_TIME, fixtureInstant } from '../helpers/fixtures.js';

export interface StateStoreHarness {
  stateStore: StateStore;
  /** The store's claim timeout in milliseconds. */
  claimTimeoutMs: number;
  cleanup(): Promise<void>;
  /** Another StateStore on the same data, as a second app instance opens it. The suite closes it. */
  openSecondInstance?(): Promise<StateStore>;
}

const at = (ms: number) => new Date(Date.parse(FIXTURE_TIME) + ms).toISOString();

export function describeStateStoreContract(
  name: string,
  makeStateStore: () => Promise<StateStoreHarness>,
): void {
  describe(`StateStore contract: ${name}`, () => {
    let h: StateStoreHarness;
    let state: StateStore;
    beforeEach(async () => {
      h = await makeStateStore();
      state = h.stateStore;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    async function withSecondInstance(
      skip: () => void,
      test: (other: StateStore) => Promise<void>,
    ): Promise<void> {
      if (!h.openSecondInstance) return skip();
      const other = await h.openSecondInstance();
      try {
        await test(other);
      } finally {
        await other.close();
      }
    }

    describe('conversations', () => {
      it('upsert stores a reference that get returns intact', async () => {
        const record = buildConversation({
          reference: { nested: { list: [1, 'two', null] }, user: { id: '29:x' } },
        });
        await state.conversations.upsert(record);
        expect(await state.conversations.get(record.conversationId)).toEqual(record);
        expect(await state.conversations.get('unknown')).toBeUndefined();
      });

      it('upsert of a known conversation replaces it', async () => {
        const record = buildConversation();
        await state.conversations.upsert(record);
        const changed = {
          ...record,
          serviceUrl: 'https://smba.trafficmanager.net/amer/',
          updatedAt: fixtureInstant(5),
        };
        await state.conversations.upsert(changed);
        expect(await state.conversations.get(record.conversationId)).toEqual(changed);
        expect(await state.conversations.list()).toEqual([changed]);
      });

      it("getPersonal returns the person's most recent personal chat, never a group chat or channel", async () => {
        const older = buildConversation({ personId: 'alice', updatedAt: fixtureInstant(0) });
        const newer = buildConversation({ personId: 'alice', updatedAt: fixtureInstant(10) });
        const channel = buildConversation({
          personId: 'alice',
          conversationType: 'channel',
          updatedAt: fixtureInstant(20),
        });
        const group = buildConversation({
          personId: 'alice',
          conversationType: 'groupChat',
          updatedAt: fixtureInstant(30),
        });
        const bob = buildConversation({ personId: 'bob' });
        for (const r of [older, newer, channel, group, bob]) await state.conversations.upsert(r);
        expect(await state.conversations.getPersonal('alice')).toEqual(newer);
        expect(await state.conversations.getPersonal('bob')).toEqual(bob);
        expect(await state.conversations.getPersonal('carol')).toBeUndefined();
      });

      it('remove forgets a conversation (uninstall); removing an unknown one is harmless', async () => {
        const kept = buildConversation({ personId: 'bob' });
        const removed = buildConversation({ personId: 'alice' });
        await state.conversations.upsert(kept);
        await state.conversations.upsert(removed);
        await state.conversations.remove(removed.conversationId);
        await state.conversations.remove('unknown');
        expect(await state.conversations.get(removed.conversationId)).toBeUndefined();
        expect(await state.conversations.getPersonal('alice')).toBeUndefined();
        expect(await state.conversations.list()).toEqual([kept]);
      });

      it('list returns every conversation', async () => {
        const records = [
          buildConversation(),
          buildConversation({ conversationType: 'channel', personId: null }),
          buildConversation(),
        ];
        for (const r of records) await state.conversations.upsert(r);
        const byId = (a: { conversationId: string }, b: { conversationId: string }) =>
          a.conversationId.localeCompare(b.conversationId);
        expect([...(await state.conversations.list())].sort(byId)).toEqual([...records].sort(byId));
      });
    });

    describe('runs', () => {
      const key = { kind: 'digest', period: '2026-W10', recipientId: 'person-cto' };

      it('the first claim of a (kind, period, recipient) wins; a second one while it is fresh does not', async () => {
        expect(await state.runs.claim(key, at(0))).toBe(true);
        expect(await state.runs.claim(key, at(1000))).toBe(false);
        expect((await state.runs.get(key))?.status).toBe('pending');
      });

      it('claims of other recipients, periods and kinds are independent', async () => {
        expect(await state.runs.claim(key, at(0))).toBe(true);
        expect(await state.runs.claim({ ...key, recipientId: 'person-other' }, at(0))).toBe(true);
        expect(await state.runs.claim({ ...key, period: '2026-W11' }, at(0))).toBe(true);
        expect(await state.runs.claim({ ...key, kind: 'reminder' }, at(0))).toBe(true);
      });

      it('concurrent claims of one key: exactly one wins', async () => {
        const results = await Promise.all(Array.from({ length: 8 }, () => state.runs.claim(key, at(0))));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('two app instances claiming one key: exactly one wins', async (ctx) => {
        await withSecondInstance(
          () => ctx.skip(),
          async (other) => {
            const results = await Promise.all([
              state.runs.claim(key, at(0)),
              other.runs.claim(key, at(0)),
              state.runs.claim(key, at(5)),
              other.runs.claim(key, at(5)),
            ]);
            expect(results.filter(Boolean)).toHaveLength(1);
            expect((await other.runs.get(key))?.status).toBe('pending');
          },
        );
      });

      const finalStatuses: RunStatus[] = ['delivered', 'throttled-then-delivered', 'unreachable', 'skipped'];
      it.each(finalStatuses)('once %s is recorded, the key can never be claimed again', async (status) => {
        expect(await state.runs.claim(key, at(0))).toBe(true);
        await state.runs.record(buildRunRecord({ ...key, status, updatedAt: at(10) }));
        expect(await state.runs.claim(key, at(20))).toBe(false);
        expect(await state.runs.claim(key, at(100 * h.claimTimeoutMs))).toBe(false);
        expect((await state.runs.get(key))?.status).toBe(status);
      });

      it('a recorded delivery blocks claims even without an earlier claim (restart after sending)', async () => {
        await state.runs.record(buildRunRecord({ ...key, status: 'delivered' }));
        expect(await state.runs.claim(key, at(0))).toBe(false);
      });

      it('a failed run may be claimed again', async () => {
        expect(await state.runs.claim(key, at(0))).toBe(true);
        await state.runs.record(
          buildRunRecord({ ...key, status: 'failed', attempts: 3, detail: 'HTTP 500', updatedAt: at(10) }),
        );
        expect(await state.runs.claim(key, at(20))).toBe(true);
        expect(await state.runs.claim(key, at(30))).toBe(false);
        expect((await state.runs.get(key))?.attempts).toBe(3);
      });

      it('an abandoned claim (the claimer crashed) may be claimed again after the claim timeout', async () => {
        expect(await state.runs.claim(key, at(0))).toBe(true);
        expect(await state.runs.claim(key, at(h.claimTimeoutMs - 1000))).toBe(false);
        expect(await state.runs.claim(key, at(h.claimTimeoutMs + 1000))).toBe(true);
        expect(await state.runs.claim(key, at(h.claimTimeoutMs + 2000))).toBe(false);
      });

      it('record and get round-trip every field; record replaces the earlier record', async () => {
        const first = buildRunRecord({ ...key, status: 'pending', attempts: 1, updatedAt: at(0) });
        await state.runs.record(first);
        expect(await state.runs.get(key)).toEqual(first);
        const delivered = buildRunRecord({
          ...key,
          status: 'throttled-then-delivered',
          attempts: 3,
          detail: '429 twice',
          activityId: '1:abc',
          updatedAt: at(5000),
        });
        await state.runs.record(delivered);
        expect(await state.runs.get(key)).toEqual(delivered);
        expect(await state.runs.get({ ...key, recipientId: 'nobody' })).toBeUndefined();
      });

      it('list filters by kind, period and status', async () => {
        const records = [
          buildRunRecord({ kind: 'digest', period: '2026-W10', recipientId: 'a', status: 'delivered' }),
          buildRunRecord({ kind: 'digest', period: '2026-W10', recipientId: 'b', status: 'unreachable' }),
          buildRunRecord({ kind: 'digest', period: '2026-W11', recipientId: 'a', status: 'delivered' }),
          buildRunRecord({ kind: 'reminder', period: '2026-W10', recipientId: 'a', status: 'failed' }),
        ];
        for (const r of records) await state.runs.record(r);
        const keys = (rs: Array<{ kind: string; period: string; recipientId: string }>) =>
          rs.map((r) => `${r.kind}/${r.period}/${r.recipientId}`).sort();
        const cases: Array<[Parameters<StateStore['runs']['list']>[0], number[]]> = [
          [{}, [0, 1, 2, 3]],
          [{ kind: 'digest' }, [0, 1, 2]],
          [{ period: '2026-W10' }, [0, 1, 3]],
          [{ kind: 'digest', period: '2026-W10' }, [0, 1]],
          [{ status: 'unreachable' }, [1]],
          [{ kind: 'reminder', status: 'delivered' }, []],
        ];
        for (const [filter, expected] of cases) {
          expect(keys(await state.runs.list(filter)), JSON.stringify(filter)).toEqual(
            keys(expected.map((i) => records[i]!)),
          );
        }
        expect(await state.runs.list({ kind: 'digest', period: '2026-W11' })).toEqual([records[2]]);
      });
    });

    describe('leases', () => {
      const t0 = new Date(FIXTURE_TIME);
      const later = (ms: number) => new Date(t0.getTime() + ms);

      it('one holder at a time until the lease expires', async () => {
        expect(await state.leases.acquire('scheduler', 'instance-a', 1000, t0)).toBe(true);
        expect(await state.leases.acquire('scheduler', 'instance-b', 1000, later(500))).toBe(false);
        expect(await state.leases.acquire('scheduler', 'instance-b', 1000, later(1001))).toBe(true);
        expect(await state.leases.acquire('scheduler', 'instance-a', 1000, later(1002))).toBe(false);
      });

      it('the holder renews its lease, pushing the expiry out', async () => {
        expect(await state.leases.acquire('scheduler', 'instance-a', 1000, t0)).toBe(true);
        expect(await state.leases.acquire('scheduler', 'instance-a', 1000, later(800))).toBe(true);
        expect(await state.leases.acquire('scheduler', 'instance-b', 1000, later(1500))).toBe(false);
        expect(await state.leases.acquire('scheduler', 'instance-b', 1000, later(1801))).toBe(true);
      });

      it('release frees the lease for others; only the holder can release it', async () => {
        expect(await state.leases.acquire('scheduler', 'instance-a', 60_000, t0)).toBe(true);
        await state.leases.release('scheduler', 'instance-b');
        expect(await state.leases.acquire('scheduler', 'instance-b', 60_000, later(10))).toBe(false);
        await state.leases.release('scheduler', 'instance-a');
        expect(await state.leases.acquire('scheduler', 'instance-b', 60_000, later(20))).toBe(true);
      });

      it('leases of different names are independent', async () => {
        expect(await state.leases.acquire('scheduler', 'instance-a', 60_000, t0)).toBe(true);
        expect(await state.leases.acquire('outbox', 'instance-b', 60_000, t0)).toBe(true);
      });

      it('concurrent acquisitions, also from two app instances: exactly one holder', async (ctx) => {
        const results = await Promise.all(
          ['a', 'b', 'c'].map((i) => state.leases.acquire('digest', `instance-${i}`, 60_000, t0)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        await withSecondInstance(
          () => ctx.skip(),
          async (other) => {
            const both = await Promise.all([
              state.leases.acquire('scheduler', 'instance-a', 60_000, t0),
              other.leases.acquire('scheduler', 'instance-b', 60_000, t0),
            ]);
            expect(both.filter(Boolean)).toHaveLength(1);
            const holder = both[0] ? 'instance-a' : 'instance-b';
            expect(await other.leases.acquire('scheduler', holder, 60_000, later(1))).toBe(true);
          },
        );
      });
    });

    describe('notices', () => {
      const notice = (id: string, personId: string, ms: number): Notice => ({
        id,
        personId,
        kind: 'write-rejected',
        createdAt: at(ms),
        dismissedAt: null,
        entity: 'risk',
        entityId: `rsk-${id}`,
        op: 'update',
        subject: `Risk ${id}`,
        project: { id: 'prj-1', code: 'TR-07', title: 'Digital workplace' },
      });

      it("lists a person's open notices newest first, and only theirs", async () => {
        await state.notices.add(notice('n-1', 'p-owner', 0));
        await state.notices.add(notice('n-2', 'p-owner', 60_000));
        await state.notices.add(notice('n-3', 'p-viewer', 30_000));
        expect((await state.notices.listOpen('p-owner')).map((n) => n.id)).toEqual(['n-2', 'n-1']);
        expect(await state.notices.listOpen('p-viewer')).toEqual([notice('n-3', 'p-viewer', 30_000)]);
        expect(await state.notices.listOpen('p-nobody')).toEqual([]);
        expect((await state.notices.listOpen('p-owner', 1)).map((n) => n.id)).toEqual(['n-2']);
      });

      it('adding a notice again leaves the stored one (and its dismissal) as it is', async () => {
        await state.notices.add(notice('n-1', 'p-owner', 0));
        expect(await state.notices.dismiss('p-owner', 'n-1', at(5_000))).toBe(true);
        await state.notices.add(notice('n-1', 'p-owner', 0));
        expect(await state.notices.listOpen('p-owner')).toEqual([]);
      });

      it('dismissal is per person, kept, and repeatable; another person cannot dismiss it', async (ctx) => {
        await state.notices.add(notice('n-1', 'p-owner', 0));
        expect(await state.notices.dismiss('p-viewer', 'n-1', at(1_000))).toBe(false);
        expect(await state.notices.dismiss('p-owner', 'unknown', at(1_000))).toBe(false);
        expect(await state.notices.listOpen('p-owner')).toHaveLength(1);
        expect(await state.notices.dismiss('p-owner', 'n-1', at(2_000))).toBe(true);
        expect(await state.notices.dismiss('p-owner', 'n-1', at(3_000))).toBe(true);
        expect(await state.notices.listOpen('p-owner')).toEqual([]);
        await withSecondInstance(
          () => ctx.skip(),
          async (other) => {
            expect(await other.notices.listOpen('p-owner')).toEqual([]);
          },
        );
      });

      it('refuses a notice that does not validate', async () => {
        await expect(
          state.notices.add({ ...notice('n-1', 'p-owner', 0), createdAt: 'yesterday' }),
        ).rejects.toMatchObject({ code: 'validation_failed' });
      });
    });

    it('answers ping', async () => {
      await expect(state.ping()).resolves.toBeUndefined();
    });
  });
}
