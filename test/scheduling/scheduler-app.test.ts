// The scheduler inside the app (SCHEDULER_ENABLED=true): it starts when the server listens and its
// first sweep catches up the digest that is due; someone without a conversation yet is recorded and
// reached by a later sweep once the bot knows them; an escalated risk goes out at once; close()
// stops everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAll } from '../../bot/ports/paging.js';
import { startRateLimitedConnector, type RateLimitedConnector } from '../helpers/rate-limited-connector.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { conversationOf } from '../proactive/proactive-harness.js';

let t: TestApp;
let connector: RateLimitedConnector;

beforeAll(async () => {
  connector = await startRateLimitedConnector();
  // Monday 2026-11-30 10:00 in Geneva: the W48 digest is due (08:00); the app was down at 08:00.
  t = await startTestApp({ env: { SCHEDULER_ENABLED: 'true' }, now: '2026-11-30T09:00:00.000Z' });
});
afterAll(async () => {
  await t.close();
  await connector.close();
});

async function until<T>(fn: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('scheduler in the app', () => {
  it('catches up the due digest at start, then reaches people once they have a conversation', async () => {
    const runs = t.app.stateStore.runs;
    const recipients = await t.app.proactive.digest.recipients();
    // The start-up sweep ran: nobody had a conversation with the bot yet.
    const first = await until(async () => {
      const r = await runs.list({ kind: 'digest', period: '2026-W48' });
      return r.length === recipients.length && r.every((x) => x.status !== 'pending') ? r : undefined;
    });
    expect(first.map((r) => [r.status, r.detail])).toEqual(first.map(() => ['failed', 'no-conversation']));
    expect(connector.delivered).toHaveLength(0);

    // They talk to the bot; the next sweep delivers.
    for (const p of recipients) await t.app.stateStore.conversations.upsert(conversationOf(p, connector.url));
    const tick = await t.app.proactive.scheduler.tick('sweep');
    expect(tick.ran).toBe(true);
    expect(tick.digest).toMatchObject({ period: '2026-W48', delivered: recipients.length });
    expect(new Set(connector.delivered.map((d) => d.conversationId)).size).toBe(recipients.length);

    // Listed as reachable now.
    const unreachable = await t.json<{ items: unknown[] }>('/api/v1/proactive/unreachable', { as: 'p-cto' });
    expect(unreachable.body.items).toEqual([]);
  });

  it('sends an escalation to the CTOs as soon as a risk escalates', async () => {
    const before = connector.delivered.length;
    const projects = await collectAll((page) => t.app.store.projects.list(page));
    const project = projects.find((p) => p.ownerId === 'p-owner')!;
    const res = await t.json('/api/v1/risks', {
      method: 'POST',
      as: 'p-owner',
      json: { projectId: project.id, title: 'Data centre outage', likelihood: 5, impact: 4 },
    });
    expect(res.status).toBe(201);
    await t.app.events.drain();
    const ctos = await collectAll((page) => t.app.store.people.list({ role: 'cto', active: true, ...page }));
    const escalations = connector.delivered
      .slice(before)
      .filter((d) => JSON.stringify(d.activity).includes('Data centre outage'));
    expect((res.body as { status: string }).status).toBe('escalated');
    expect(escalations).toHaveLength(ctos.length);
  });
});
