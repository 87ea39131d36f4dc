import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProactiveAdapter } from '../../bot/teams/proactive-adapter.js';
import { realLimiterClock, type LimiterClock } from '../../bot/teams/proactive-rate-limiter.js';
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  ProactiveSender,
} from '../../bot/teams/proactive-sender.js';
import { createLogger } from '../../bot/platform/logger.js';
import { parseConfig } from '../../bot/config.js';
import type { ConversationRecord } from '../../bot/ports/state.js';
import { startRateLimitedConnector, type RateLimitedConnector } from '../helpers/rate-limited-connector.js';

const config = parseConfig({ LOG_LEVEL: 'silent' });
const logger = createLogger(config);
let connector: RateLimitedConnector;

function conversation(id: string): ConversationRecord {
  return {
    personId: `p-${id}`,
    userKey: `29:${id}`,
    conversationId: id,
    conversationType: 'personal',
    tenantId: 'tenant-1',
    serviceUrl: connector.url,
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id, conversationType: 'personal', tenantId: 'tenant-1' },
      user: { id: `29:${id}` },
      bot: { id: '28:bot' },
    },
    updatedAt: '2026-11-25T14:00:00.000Z',
  };
}

/** Every wait the sender (and its limiter) asked for, in ms; the waits themselves are real. */
const sleeps: number[] = [];
const recordingClock: LimiterClock = {
  now: () => realLimiterClock.now(),
  sleep: (ms) => {
    sleeps.push(ms);
    return realLimiterClock.sleep(ms);
  },
};

function sender() {
  return new ProactiveSender({
    adapter: createProactiveAdapter(config),
    appId: '',
    logger,
    clock: recordingClock,
    // The middle of the jitter range: backoff waits are exactly 20, 40, 80, 100 ms.
    random: () => 0.5,
    retry: { baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 1_500 },
  });
}

beforeAll(async () => {
  connector = await startRateLimitedConnector();
});
afterAll(() => connector.close());
beforeEach(() => {
  connector.delivered.length = 0;
  connector.requests.length = 0;
  connector.faults.clear();
  sleeps.length = 0;
});

const card = { type: 'AdaptiveCard', version: '1.5', body: [] };

describe('proactive sender', () => {
  it('delivers once and returns the activity id', async () => {
    const d = await sender().send(conversation('c-ok'), { card, summary: 'hello' });
    expect(d).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(d.activityId).toMatch(/^activity-/);
    expect(connector.deliveriesTo('c-ok')).toHaveLength(1);
    expect(connector.deliveriesTo('c-ok')[0]!.activity.attachments?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
  });

  it.each([
    ['429 with Retry-After', { status: 429, retryAfter: '1' }, 'throttled-then-delivered'],
    ['429 without Retry-After', { status: 429 }, 'throttled-then-delivered'],
    ['412', { status: 412 }, 'delivered'],
    ['502', { status: 502 }, 'delivered'],
    ['503', { status: 503 }, 'delivered'],
    ['504', { status: 504 }, 'delivered'],
  ] as const)('retries %s and delivers exactly once', async (_name, fault, status) => {
    const id = `c-${fault.status}-${'retryAfter' in fault ? 'ra' : 'no'}`;
    connector.faults.set(id, [{ ...fault }, { ...fault }]);
    const d = await sender().send(conversation(id), { card });
    expect(d).toMatchObject({ status, attempts: 3 });
    expect(connector.deliveriesTo(id)).toHaveLength(1);
    // Retry-After: 1 is waited for as given, twice; without it, the backoff: 20 ms, then 40 ms.
    const waits = 'retryAfter' in fault ? [1_000, 1_000] : [20, 40];
    expect(sleeps.filter((ms) => waits.includes(ms))).toEqual(waits);
    expect(Math.max(...sleeps)).toBe(waits[1]);
  });

  it.each([
    [{ status: 403, code: 'BotNotInConversationRoster' }, 'not-installed'],
    [{ status: 403, code: 'ConversationBlockedByUser' }, 'blocked'],
    [{ status: 404, code: 'ConversationNotFound' }, 'gone'],
  ] as const)('records %o as unreachable (%s) without retrying', async (fault, reason) => {
    const id = `c-${reason}`;
    connector.faults.set(id, [{ ...fault }]);
    const d = await sender().send(conversation(id), { card });
    expect(d).toEqual({ status: 'unreachable', attempts: 1, activityId: null, detail: reason });
    expect(connector.deliveriesTo(id)).toHaveLength(0);
  });

  it('gives up after the capped number of attempts and reports failed', async () => {
    connector.faults.set(
      'c-down',
      Array.from({ length: 10 }, () => ({ status: 503 })),
    );
    const d = await sender().send(conversation('c-down'), { card });
    expect(d.status).toBe('failed');
    expect(d.attempts).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(connector.requests.filter((r) => r.conversationId === 'c-down')).toHaveLength(
      DEFAULT_RETRY_POLICY.maxAttempts,
    );
  });

  it('does not retry a 400', async () => {
    connector.faults.set('c-bad', [{ status: 400, code: 'BadArgument' }]);
    const d = await sender().send(conversation('c-bad'), { card });
    expect(d).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries a dropped connection', async () => {
    connector.faults.set('c-reset', [{ status: 0, reset: true }]);
    const d = await sender().send(conversation('c-reset'), { card });
    expect(d.status).toBe('delivered');
    expect(connector.deliveriesTo('c-reset')).toHaveLength(1);
  });

  it('keeps one conversation under 7 messages per second', async () => {
    const s = sender();
    const c = conversation('c-burst');
    const results = await Promise.all(Array.from({ length: 16 }, () => s.send(c, { card })));
    expect(results.every((r) => r.status === 'delivered')).toBe(true);
    expect(connector.limitViolations).toBe(0);
    const times = connector.deliveriesTo('c-burst').map((d) => d.at);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1_000).length).toBeLessThanOrEqual(7);
  });

  it('updates a card in place', async () => {
    const s = sender();
    const c = conversation('c-update');
    const first = await s.send(c, { card });
    const second = await s.update(c, first.activityId!, {
      card: { ...card, body: [{ type: 'TextBlock', text: 'x' }] },
    });
    expect(second).toMatchObject({ status: 'delivered', activityId: first.activityId });
    expect(connector.deliveriesTo('c-update').map((d) => d.method)).toEqual(['POST', 'PUT']);
  });

  it('opens a personal chat, or reports the app not installed', async () => {
    const s = sender();
    const opened = await s.openPersonal(
      { personId: 'p-1', aadObjectId: 'aad-1', tenantId: 'tenant-1' },
      connector.url,
    );
    expect(opened).toMatchObject({
      conversationId: 'a:aad-1',
      personId: 'p-1',
      conversationType: 'personal',
    });
    connector.notInstalled.add('aad-2');
    const refused = await s.openPersonal(
      { personId: 'p-2', aadObjectId: 'aad-2', tenantId: 'tenant-1' },
      connector.url,
    );
    expect(refused).toMatchObject({ status: 'unreachable', detail: 'not-installed' });
  });

  it('parses Retry-After and caps backoff', () => {
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(new Date(Date.now() + 3_000).toUTCString(), Date.now())).toBeGreaterThan(1_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(backoffMs(DEFAULT_RETRY_POLICY, 1, () => 0.5)).toBe(2_000);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 10, () => 1)).toBe(24_000);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 10, () => 0)).toBe(16_000);
  });
});
