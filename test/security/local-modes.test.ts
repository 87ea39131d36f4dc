// Items 2 and 3 of issue 12: local modes are safe by default. The app binds to loopback unless told
// otherwise; a non-loopback HOST is refused while the bot is anonymous or the identity is the
// development one; the development identity is refused with a registered bot, a public URL or the
// SharePoint store; an anonymous bot answers only loopback service URLs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../bot/config.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const GUID = '3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8';
const TENANT = '11111111-1111-4111-8111-111111111111';
const ENTRA = { AUTH_MODE: 'entra', ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: GUID };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** bot/main.ts as npm start runs it; resolves when it exits, or kills it once it listens (it should not). */
function runMain(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; listened: boolean }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'th-local-'));
  dirs.push(dataDir);
  const child = spawn(TSX, ['bot/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_OPTIONS: '--disable-warning=DEP0111',
      PORT: '0',
      DATA_DIR: dataDir,
      SCHEDULER_ENABLED: 'false',
      SEED_DEMO_DATA: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let listened = false;
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString();
    if (!listened && stdout.includes('listening on')) {
      listened = true;
      child.kill('SIGTERM');
    }
  });
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, listened })));
}

function problems(env: Record<string, string>): Array<{ variable: string; message: string }> {
  try {
    parseConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
}

describe('HOST', () => {
  it('defaults to loopback (127.0.0.1)', async () => {
    expect(parseConfig({}).server.host).toBe('127.0.0.1');
    const t = await startTestApp({ env: { HOST: '' } });
    try {
      expect(t.app.server.address().address).toBe('127.0.0.1');
    } finally {
      await t.close();
    }
  });

  it.each([
    ['the anonymous bot (BOT_ID empty)', { HOST: '0.0.0.0' }, /BOT_ID/],
    ['the development identity', { HOST: '0.0.0.0', ...ENTRA, AUTH_MODE: 'dev' }, /AUTH_MODE=dev/],
    ['an anonymous bot in entra mode', { HOST: '::', ...ENTRA }, /anonymous \(BOT_ID empty\)/],
  ])('a non-loopback HOST is refused with %s, naming the variables', (_label, env, names) => {
    const hostProblem = problems(env).find((p) => p.variable === 'HOST');
    expect(hostProblem?.message).toMatch(names);
    expect(hostProblem?.message).toContain('127.0.0.1');
  });

  it('a registered bot in entra mode may listen on every interface (Azure: HOST=0.0.0.0)', () => {
    const config = parseConfig({
      HOST: '0.0.0.0',
      ...ENTRA,
      BOT_ID: GUID,
      BOT_PASSWORD: 'pw',
      BOT_TENANT_ID: TENANT,
    });
    expect(config.server.host).toBe('0.0.0.0');
  });

  it('npm start with HOST=0.0.0.0 and the defaults stops with exit code 1 before listening', async () => {
    const r = await runMain({ HOST: '0.0.0.0' });
    expect(r.listened).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /HOST: HOST=0\.0\.0\.0 \(not loopback\) is refused while the bot is anonymous \(BOT_ID empty\) and AUTH_MODE=dev/,
    );
  }, 90_000);
});

describe('the development identity', () => {
  it.each([
    [
      'a registered bot',
      { BOT_ID: GUID, BOT_PASSWORD: 'pw', BOT_TENANT_ID: TENANT },
      ['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID'],
    ],
    ['only a bot password', { BOT_PASSWORD: 'pw' }, ['BOT_PASSWORD']],
    ['a public https PUBLIC_URL', { PUBLIC_URL: 'https://hub.example.org' }, ['PUBLIC_URL']],
    [
      'the SharePoint store',
      {
        STORE: 'sharepoint',
        AUTH_MODE: 'dev',
        SHAREPOINT_SITE_ID: 'site',
        ENTRA_TENANT_ID: TENANT,
        ENTRA_CLIENT_ID: GUID,
        ENTRA_CLIENT_SECRET: 's',
      },
      ['STORE=sharepoint'],
    ],
  ])('is refused with %s, naming the variables', (_label, env, names) => {
    const authProblem = problems(env).find((p) => p.variable === 'AUTH_MODE');
    expect(authProblem, JSON.stringify(problems(env))).toBeDefined();
    for (const name of names) expect(authProblem?.message).toContain(name);
    expect(authProblem?.message).toContain('AUTH_MODE=entra');
    // Secrets are never echoed.
    expect(JSON.stringify(problems(env))).not.toContain('"pw"');
  });

  it('is accepted on this machine: loopback PUBLIC_URL, no bot registration, SQLite', () => {
    expect(parseConfig({ PUBLIC_URL: 'http://localhost:3978' }).auth.mode).toBe('dev');
    expect(parseConfig({ PUBLIC_URL: 'http://127.0.0.1:3978' }).auth.mode).toBe('dev');
  });

  it('npm start with a registered bot and an https PUBLIC_URL does not answer /api/v1/me as the CTO: it stops', async () => {
    const r = await runMain({
      AUTH_MODE: 'dev',
      BOT_ID: GUID,
      BOT_PASSWORD: 'pw',
      BOT_TENANT_ID: TENANT,
      PUBLIC_URL: 'https://hub.example.org',
    });
    expect(r.listened).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /AUTH_MODE: AUTH_MODE=dev .*refused with BOT_ID, BOT_PASSWORD, BOT_TENANT_ID set .*PUBLIC_URL is not localhost/,
    );
    expect(r.stderr).not.toContain('pw');
  }, 90_000);
});

describe('the anonymous bot', () => {
  let t: TestApp;
  let connector: FakeConnector;
  beforeAll(async () => {
    [t, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
  });
  afterAll(async () => {
    await Promise.all([t.close(), connector.close()]);
  });

  const cto = '00000000-0000-4000-8000-000000000001';
  const activity = (serviceUrl: string, text: string) => ({
    type: 'message',
    id: `m-${Math.random().toString(36).slice(2)}`,
    text,
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-US',
    conversation: { id: 'personal-cto', conversationType: 'personal' },
    from: { id: '29:cto', name: 'CTO', aadObjectId: cto },
    recipient: { id: '28:bot', name: 'Transformation Hub' },
  });

  it.each(['https://attacker.example/', 'http://10.1.2.3:8080/', 'https://smba.trafficmanager.net/emea/'])(
    'refuses an activity naming the service URL %s (400): nothing changes, nothing is sent',
    async (serviceUrl) => {
      const r = await t.json<{ code: string; errors: Array<{ path: string }> }>('/api/messages', {
        method: 'POST',
        json: activity(serviceUrl, 'language ru'),
      });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e) => e.path)).toEqual(['serviceUrl']);
      const me = await t.json<{ locale: string | null }>('/api/v1/me', { as: 'p-cto' });
      expect(me.body.locale).not.toBe('ru');
    },
  );

  it('answers a loopback service URL (Agents Playground, local tools)', async () => {
    connector.reset();
    const r = await t.call('/api/messages', { method: 'POST', json: activity(connector.url, 'help') });
    expect(r.status).toBe(200);
    await connector.waitFor(1);
    expect(connector.unexpected).toEqual([]);
  });
});
