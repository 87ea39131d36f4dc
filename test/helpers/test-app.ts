// Starts the whole app in-process for HTTP tests: a temporary data directory, a fixed clock, the
// demo portfolio (the same data `npm start` serves), a free port. Close it in afterAll.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOverrides } from '../../bot/app.js';
import { parseConfig } from '../../bot/config.js';
import { createLogger, type Logger } from '../../bot/platform/logger.js';
import { FixedClock } from '../../bot/ports/clock.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildDemoPortfolio } from '../../bot/seed/demo-portfolio.js';

/** A Wednesday afternoon in Geneva, in period 2026-W48. */
export const TEST_NOW = '2026-11-25T14:00:00.000Z';

export interface TestApp {
  app: App;
  baseUrl: string;
  clock: FixedClock;
  dataDir: string;
  /** fetch against the app; `as` picks the development identity (x-dev-user). */
  call(
    pathAndQuery: string,
    init?: RequestInit & { as?: string; json?: unknown; lang?: string },
  ): Promise<Response>;
  /** call() and parse the JSON body. */
  json<T = unknown>(
    pathAndQuery: string,
    init?: RequestInit & { as?: string; json?: unknown; lang?: string },
  ): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

export interface TestAppOptions extends AppOverrides {
  env?: Record<string, string>;
  /** Seed the demo portfolio (default true). */
  demo?: boolean;
  now?: string;
  /** A logger of the test's own (to read what the app logs); default: the configured one. */
  logger?: Logger;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'th-app-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    SEED_DEMO_DATA: 'false',
    // Rate limits off unless a test turns them on (test/security exercises them).
    RATE_LIMIT_WRITES_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    RATE_LIMIT_BOT_TURNS_PER_MINUTE: '0',
    ...options.env,
  });
  const clock = new FixedClock(options.now ?? TEST_NOW);
  const app = await createApp(config, options.logger ?? createLogger(config), {
    clock,
    ...options,
    beforeListen: async (a) => {
      if (options.demo !== false) {
        // The demo was seeded a little before "now", as on a real first start.
        await applySeed(
          a.store,
          buildDemoPortfolio({ now: new Date(clock.now().getTime() - 60_000), timeZone: config.orgTimeZone }),
        );
      }
      await options.beforeListen?.(a);
    },
  });
  const port = await app.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  const call: TestApp['call'] = (p, init = {}) => {
    const { as, json, lang, headers, ...rest } = init;
    const h = new Headers(headers);
    if (as) h.set('x-dev-user', as);
    if (lang) h.set('accept-language', lang);
    if (json !== undefined) h.set('content-type', 'application/json');
    return fetch(`${baseUrl}${p}`, {
      ...rest,
      headers: h,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  };
  return {
    app,
    baseUrl,
    clock,
    dataDir,
    call,
    async json(p, init) {
      const res = await call(p, init);
      const text = await res.text();
      return {
        status: res.status,
        body: (text ? JSON.parse(text) : undefined) as never,
        headers: res.headers,
      };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
