// Exactly once, against a fake Bot Connector that enforces the Teams rate limits and injects 429s
// (with and without Retry-After), 412, 5xx, dropped connections, 403 (not installed / blocked) and
// 404 (conversation gone): every reachable recipient gets exactly one digest, unreachable ones are
// recorded; a manual send and the scheduled run after it send nothing more; a process killed in the
// middle of a run and restarted completes it (only sends in flight at the kill may repeat, by policy); two instances on one store
// send once between them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../bot/domain/person.js';
import { listUnreachable } from '../../bot/services/digest-unreachable.js';
import {
  startRateLimitedConnector,
  type Fault,
  type RateLimitedConnector,
} from '../helpers/rate-limited-connector.js';
import {
  MONDAY,
  openInstance,
  registerConversations,
  seedPortfolio,
  type Instance,
} from './proactive-harness.js';

let dataDir: string;
let connector: RateLimitedConnector;
const open: Instance[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'th-proactive-'));
  connector = await startRateLimitedConnector();
});
afterEach(async () => {
  for (const i of open.splice(0)) await i.app.close();
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function instance(options: { now?: string; instanceId?: string } = {}): Promise<Instance> {
  const i = await openInstance(dataDir, options);
  open.push(i);
  return i;
}

/** Faults by recipient position: every kind Teams answers, a tenth of recipients each. */
const FAULTS: ReadonlyArray<Fault[] | 'not-installed' | 'blocked' | 'gone'> = [
  [],
  [{ status: 429, retryAfter: '1' }],
  [{ status: 429 }, { status: 429 }],
  [{ status: 503 }, { status: 502 }],
  [{ status: 504 }],
  [{ status: 412 }],
  [{ status: 0, reset: true }],
  'not-installed',
  'blocked',
  'gone',
];

function injectFaults(people: readonly Person[]): { reachable: Person[]; unreachable: Map<string, string> } {
  const reachable: Person[] = [];
  const unreachable = new Map<string, string>();
  people.forEach((p, i) => {
    const f = FAULTS[i % FAULTS.length]!;
    const id = `conv-${p.id}`;
    if (f === 'not-installed')
      connector.faults.set(id, [{ status: 403, code: 'BotNotInConversationRoster' }]);
    else if (f === 'blocked') connector.faults.set(id, [{ status: 403, code: 'ConversationBlockedByUser' }]);
    else if (f === 'gone') connector.faults.set(id, [{ status: 404, code: 'ConversationNotFound' }]);
    else
      connector.faults.set(
        id,
        f.map((x) => ({ ...x })),
      );
    if (typeof f === 'string') unreachable.set(p.id, f);
    else reachable.push(p);
  });
  return { reachable, unreachable };
}

function deliveriesPerConversation(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of connector.delivered)
    if (d.method === 'POST') counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
  return counts;
}

describe('digest fan-out, exactly once', () => {
  it('delivers once to every reachable recipient through faults and limits; records the unreachable', async () => {
    const a = await instance();
    await seedPortfolio(a);
    const recipients = await a.app.proactive.digest.recipients();
    expect(recipients.length).toBeGreaterThanOrEqual(20);
    await registerConversations(a, recipients, connector.url);
    const { reachable, unreachable } = injectFaults(recipients);

    const first = await a.app.proactive.digest.send();
    expect(first).toMatchObject({
      period: '2026-W48',
      recipients: recipients.length,
      unreachable: unreachable.size,
      failed: 0,
      already: 0,
    });
    expect(first.delivered + first.throttled).toBe(reachable.length);
    expect(first.throttled).toBeGreaterThan(0);

    const counts = deliveriesPerConversation();
    for (const p of reachable) expect({ p: p.id, n: counts.get(`conv-${p.id}`) }).toEqual({ p: p.id, n: 1 });
    for (const id of unreachable.keys()) expect(counts.get(`conv-${id}`)).toBeUndefined();

    // Outcomes per recipient in the run store.
    const records = await a.app.stateStore.runs.list({ kind: 'digest', period: '2026-W48' });
    const byStatus = (s: string) => records.filter((r) => r.status === s).length;
    expect(byStatus('unreachable')).toBe(unreachable.size);
    expect(byStatus('delivered') + byStatus('throttled-then-delivered')).toBe(reachable.length);
    expect(byStatus('throttled-then-delivered')).toBeGreaterThan(0);
    // A conversation that is gone is forgotten.
    const gone = [...unreachable].find(([, why]) => why === 'gone')![0];
    expect(await a.app.stateStore.conversations.getPersonal(gone)).toBeUndefined();

    // The CTO's list of unreachable people, with the reason.
    const listed = await listUnreachable(a.app.stateStore, a.app.store, 'Europe/Zurich');
    expect(new Map(listed.map((u) => [u.personId, u.reason]))).toEqual(unreachable);

    // A manual `digest send` after the scheduled run, and the scheduler's own catch-up: nothing more.
    const again = await a.app.proactive.digest.send();
    expect(again).toMatchObject({ already: recipients.length, delivered: 0, throttled: 0 });
    const tick = await a.app.proactive.scheduler.start();
    expect(tick.ran).toBe(true);
    expect(tick.digest).toBeUndefined();
    await a.app.proactive.scheduler.stop();
    expect(connector.delivered.length).toBe(reachable.length);
    expect(connector.unexpected).toEqual([]);
  });

  it('a process killed in the middle of a run, restarted, completes the run; only in-flight sends may repeat', async () => {
    const a = await instance();
    await seedPortfolio(a);
    const recipients = await a.app.proactive.digest.recipients();
    await registerConversations(a, recipients, connector.url);
    await a.app.close();
    open.length = 0;

    // The child's fan-out stalls after 10 deliveries: it is killed while requests are in flight.
    const cutAfter = 10;
    connector.onRequest = () =>
      connector.delivered.length >= cutAfter ? { status: 0, stall: true } : undefined;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'crash-child.ts'), dataDir, MONDAY],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const deadline = Date.now() + 30_000;
    while (connector.requests.length <= cutAfter && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(connector.delivered.length).toBe(cutAfter);
    connector.onRequest = undefined;

    // Restart 16 minutes later (the crashed instance's run lease has lapsed by then).
    const b = await instance({
      now: new Date(Date.parse(MONDAY) + 16 * 60_000).toISOString(),
      instanceId: 'restarted',
    });
    // The stalled requests had gone out: they are `sending`, held by the dead child.
    const sending = await b.app.stateStore.runs.list({
      kind: 'digest',
      period: '2026-W48',
      status: 'sending',
    });
    expect(sending.length).toBeGreaterThan(0);
    expect(sending.every((r) => r.holder === 'child')).toBe(true);
    const resumed = await b.app.proactive.digest.send();
    expect(resumed.already).toBeGreaterThanOrEqual(cutAfter - 1);
    expect(resumed.delivered + resumed.throttled).toBe(recipients.length - resumed.already);
    // Uncertain (in flight at the kill) and, by the digest's policy, sent again; recorded so.
    expect(resumed.resent).toBe(sending.length);
    const after = await b.app.stateStore.runs.list({ kind: 'digest', period: '2026-W48' });
    expect(
      after
        .filter((r) => r.uncertain?.action === 'resent')
        .map((r) => r.recipientId)
        .sort(),
    ).toEqual(sending.map((r) => r.recipientId).sort());

    // Everyone got it; a second copy only where the send was uncertain (the connector had answered
    // but the child died before recording it), as the digest's policy accepts.
    const counts = deliveriesPerConversation();
    const resent = new Set(sending.map((r) => `conv-${r.recipientId}`));
    for (const p of recipients) {
      const id = `conv-${p.id}`;
      expect({ p: p.id, n: counts.get(id) }).toEqual({ p: p.id, n: resent.has(id) ? expect.any(Number) : 1 });
      expect(counts.get(id)).toBeLessThanOrEqual(resent.has(id) ? 2 : 1);
    }
  }, 60_000);

  it('two instances on one store: one holds the lease, and every recipient gets one digest', async () => {
    const a = await instance({ instanceId: 'a' });
    await seedPortfolio(a, 30);
    const recipients = await a.app.proactive.digest.recipients();
    await registerConversations(a, recipients, connector.url);
    const b = await instance({ instanceId: 'b' });

    const [ta, tb] = await Promise.all([
      a.app.proactive.scheduler.start(),
      b.app.proactive.scheduler.start(),
    ]);
    expect([ta.ran, tb.ran].sort()).toEqual([false, true]);
    expect((ta.digest ?? tb.digest)?.recipients).toBe(recipients.length);

    // Even bypassing the lease (manual sends on both at once), claims keep it to one each.
    const [sa, sb] = await Promise.all([a.app.proactive.digest.send(), b.app.proactive.digest.send()]);
    expect(sa.delivered + sb.delivered + sa.throttled + sb.throttled).toBe(0);
    const counts = deliveriesPerConversation();
    for (const p of recipients) expect(counts.get(`conv-${p.id}`)).toBe(1);

    // The lease passes to the other instance once the holder stops.
    const holder = ta.ran ? a : b;
    const other = ta.ran ? b : a;
    await holder.app.proactive.scheduler.stop();
    const next = await other.app.proactive.scheduler.tick('sweep');
    expect(next.ran).toBe(true);
  });
});
