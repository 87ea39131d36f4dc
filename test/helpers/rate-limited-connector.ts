// A fake Bot Connector on localhost that behaves like Teams under load: it enforces the rate limits
// (per conversation 7 messages per second and 8 per 2 s, 50 requests per second per app), answers
// 429 when they are exceeded (with or without Retry-After), injects scripted faults (429, 412, 5xx,
// 403 not installed / blocked, 404 conversation gone, connection resets) and records every delivered
// activity, so tests can count what each recipient really received.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivered {
  conversationId: string;
  method: 'POST' | 'PUT';
  activityId: string;
  activity: Record<string, unknown> & {
    attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
  };
  at: number;
}

export interface Fault {
  status: number;
  retryAfter?: string;
  code?: string;
  /** Drop the connection instead of answering. */
  reset?: boolean;
  /** Never answer (a sender killed while waiting: nothing was delivered). */
  stall?: boolean;
}

export interface RateLimitedConnector {
  url: string;
  delivered: Delivered[];
  /** Every request that reached the connector (time, conversation). */
  requests: Array<{ at: number; conversationId: string; method: string }>;
  /** Requests refused because they broke a rate limit. */
  limitViolations: number;
  created: string[];
  unexpected: string[];
  /** Scripted answers for the next requests to a conversation (consumed one per request). */
  faults: Map<string, Fault[]>;
  /** Called for every activity request before the limits; return a fault to answer it. */
  onRequest?: (conversationId: string, nth: number) => Fault | undefined;
  /** Answer rate-limit 429s with this Retry-After (seconds) or none. */
  limitRetryAfter?: string;
  /** Conversation creation for these member ids answers 403. */
  notInstalled: Set<string>;
  /**
   * A slow service: an activity is delivered (recorded) when it arrives and answered this many
   * milliseconds later (0: at once). A sender killed meanwhile never hears that it was delivered.
   */
  answerDelayMs: number;
  /** Activity requests received but not answered yet. */
  inFlight: number;
  /** While true, activities are delivered but not answered until release() (or close()). */
  holding: boolean;
  /** Answers every held activity request and stops holding. */
  release(): void;
  deliveriesTo(conversationId: string): Delivered[];
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const WINDOWS_PER_CONVERSATION = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
];
const WINDOWS_GLOBAL = [{ ms: 1_000, max: 50 }];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function over(times: number[], now: number, windows: ReadonlyArray<{ ms: number; max: number }>): boolean {
  return windows.some((w) => times.filter((t) => t > now - w.ms).length >= w.max);
}

export async function startRateLimitedConnector(
  options: { enforceLimits?: boolean } = {},
): Promise<RateLimitedConnector> {
  const enforce = options.enforceLimits ?? true;
  let nextId = 1;
  const perConversation = new Map<string, number[]>();
  const perConversationCount = new Map<string, number>();
  const global: number[] = [];
  const held: Array<() => void> = [];
  const connector: RateLimitedConnector = {
    url: '',
    delivered: [],
    requests: [],
    limitViolations: 0,
    created: [],
    unexpected: [],
    faults: new Map(),
    notInstalled: new Set(),
    answerDelayMs: 0,
    inFlight: 0,
    holding: false,
    release: () => {
      connector.holding = false;
      for (const r of held.splice(0)) r();
    },
    deliveriesTo: (id) => connector.delivered.filter((d) => d.conversationId === id),
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (connector.delivered.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} deliveries, got ${connector.delivered.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        connector.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const reply = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const fail = (res: ServerResponse, fault: Fault) => {
    if (fault.stall) return;
    if (fault.reset) {
      res.socket?.destroy();
      return;
    }
    reply(
      res,
      fault.status,
      {
        error: {
          code: fault.code ?? (fault.status === 429 ? 'Throttled' : 'ServiceError'),
          message: `fake ${fault.status}`,
        },
      },
      fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {},
    );
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      let body: Record<string, unknown>;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return reply(res, 400, { error: { code: 'BadArgument', message: 'invalid JSON' } });
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const now = performance.now();
      if (url.pathname === '/v3/conversations' && req.method === 'POST') {
        const members = (body.members as Array<{ id: string }> | undefined) ?? [];
        const member = members[0]?.id ?? '';
        connector.requests.push({ at: now, conversationId: `create:${member}`, method: 'POST' });
        if (connector.notInstalled.has(member)) return fail(res, { status: 403, code: 'Forbidden' });
        const id = `a:${member}`;
        connector.created.push(id);
        return reply(res, 200, { id });
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      if (!m || (req.method !== 'POST' && req.method !== 'PUT')) {
        connector.unexpected.push(`${req.method} ${req.url}`);
        return reply(res, 501, {
          error: { code: 'NotImplemented', message: `fake connector: ${req.method} ${req.url}` },
        });
      }
      const conversationId = decodeURIComponent(m[1]!);
      const nth = (perConversationCount.get(conversationId) ?? 0) + 1;
      perConversationCount.set(conversationId, nth);
      connector.requests.push({ at: now, conversationId, method: req.method });
      const scripted =
        connector.faults.get(conversationId)?.shift() ?? connector.onRequest?.(conversationId, nth);
      if (scripted) return fail(res, scripted);
      if (enforce) {
        const times = perConversation.get(conversationId) ?? [];
        if (over(times, now, WINDOWS_PER_CONVERSATION) || over(global, now, WINDOWS_GLOBAL)) {
          connector.limitViolations += 1;
          return fail(res, { status: 429, retryAfter: connector.limitRetryAfter });
        }
        times.push(now);
        perConversation.set(
          conversationId,
          times.filter((t) => t > now - 2_000),
        );
        global.push(now);
        while (global.length && global[0]! <= now - 1_000) global.shift();
      }
      const activityId = req.method === 'PUT' ? decodeURIComponent(m[2] ?? '') : `activity-${nextId++}`;
      connector.delivered.push({
        conversationId,
        method: req.method,
        activityId,
        activity: body,
        at: now,
      });
      if (connector.answerDelayMs > 0 || connector.holding) {
        connector.inFlight += 1;
        if (connector.holding) await new Promise<void>((r) => held.push(r));
        else await new Promise((r) => setTimeout(r, connector.answerDelayMs));
        connector.inFlight -= 1;
      }
      reply(res, 200, { id: activityId });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  connector.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return connector;
}
