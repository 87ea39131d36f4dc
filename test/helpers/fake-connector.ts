// A stand-in for the Bot Connector service (the Teams side of /api/messages replies and proactive
// messages): records every activity the bot sends and answers like the real service. Anything it
// does not know is answered 501 and recorded in `unexpected`, so tests can assert there was none.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  method: 'POST' | 'PUT' | 'DELETE';
  conversationId: string;
  /** The activity replied to (POST .../activities/{id}) or updated (PUT). */
  activityId?: string;
  activity: Record<string, unknown> & { type?: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
  at: number;
}

export interface FakeConnector {
  url: string;
  sent: SentActivity[];
  unexpected: string[];
  /** Waits until `count` activities have been recorded (or times out). */
  waitFor(count: number, timeoutMs?: number): Promise<SentActivity[]>;
  /** Replaces the default 200 for the next requests; return undefined to fall through. */
  intercept?: (req: IncomingMessage, body: unknown) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;
  reset(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeConnector(): Promise<FakeConnector> {
  let nextId = 1;
  const connector: FakeConnector = {
    url: '',
    sent: [],
    unexpected: [],
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (connector.sent.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} activities, got ${connector.sent.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return connector.sent;
    },
    reset() {
      connector.sent.length = 0;
      connector.unexpected.length = 0;
      connector.intercept = undefined;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        connector.unexpected.push(`${req.method} ${req.url} (invalid JSON)`);
        return reply(res, 400, { error: { code: 'BadArgument', message: 'invalid JSON' } });
      }
      const intercepted = connector.intercept?.(req, body);
      if (intercepted) return reply(res, intercepted.status, intercepted.body, intercepted.headers);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      if (m && (req.method === 'POST' || req.method === 'PUT' || req.method === 'DELETE')) {
        const conversationId = decodeURIComponent(m[1]!);
        const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
        connector.sent.push({
          method: req.method,
          conversationId,
          activityId,
          activity: (body ?? {}) as SentActivity['activity'],
          at: Date.now(),
        });
        return reply(res, 200, { id: req.method === 'PUT' ? activityId : `activity-${nextId++}` });
      }
      if (url.pathname === '/v3/conversations' && req.method === 'POST') {
        return reply(res, 200, { id: `conversation-${nextId++}` });
      }
      connector.unexpected.push(`${req.method} ${req.url}`);
      reply(res, 501, { error: { code: 'NotImplemented', message: `fake connector: ${req.method} ${req.url}` } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  connector.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return connector;
}
