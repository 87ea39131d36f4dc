// Item 7 of issue 12: the bot endpoint's errors. A token that cannot be checked (the Bot Framework's
// OpenID metadata unreachable) is answered 401/503 as a problem document without internals; an
// activity with wrongly typed fields is refused with 400 at the edge (no TypeError in a turn), and
// bad input is logged at warn, not error.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ENTRA_ENV, recordingLogger, validator, type LogLine } from './probe.js';

const BOT_ID = '3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8';

const activity = (serviceUrl: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: `m-${Math.random().toString(36).slice(2)}`,
  text: 'help',
  channelId: 'msteams',
  serviceUrl,
  locale: 'en-US',
  conversation: { id: 'personal-owner', conversationType: 'personal' },
  from: { id: '29:owner', name: 'Owner', aadObjectId: '00000000-0000-4000-8000-000000000002' },
  recipient: { id: '28:bot', name: 'Transformation Hub' },
  ...extra,
});

describe('a registered bot whose OpenID metadata is unreachable', () => {
  let app: TestApp;
  let log: { lines: LogLine[] };
  beforeAll(async () => {
    const recorder = recordingLogger();
    log = recorder;
    app = await startTestApp({
      env: {
        ...ENTRA_ENV,
        BOT_ID,
        BOT_PASSWORD: 'bot-secret',
        BOT_TENANT_ID: ENTRA_ENV.ENTRA_TENANT_ID,
        // Nothing listens on port 1: the keys cannot be fetched (the tester saw ENOTFOUND).
        BOT_OPENID_METADATA_URL: 'http://127.0.0.1:1/v1/.well-known/openidconfiguration',
      },
      tokenValidator: validator,
      logger: recorder.logger,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a forged token with 401 or 503 as a problem document, naming no internals', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ serviceurl: 'https://smba.trafficmanager.net/emea/' })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged-key' })
      .setIssuer('https://api.botframework.com')
      .setAudience(BOT_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const r = await app.call('/api/messages', {
      method: 'POST',
      json: activity('https://smba.trafficmanager.net/emea/'),
      headers: { authorization: `Bearer ${forged}` },
    });
    const text = await r.text();
    expect([401, 503]).toContain(r.status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as { code: string; detail: string };
    expect(['unauthenticated', 'unavailable']).toContain(problem.code);
    expect(text).not.toMatch(/ECONNREFUSED|ENOTFOUND|127\.0\.0\.1|openid|metadata|Error:|at /i);
  });

  it('answers a request without a token with 401 as a problem document, logged below error', async () => {
    const before = log.lines.length;
    const r = await app.json<{ code: string }>('/api/messages', {
      method: 'POST',
      json: activity('https://smba.trafficmanager.net/emea/'),
    });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthenticated');
    expect(log.lines.slice(before).filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('activities with wrongly typed fields', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let log: { lines: LogLine[] };
  beforeAll(async () => {
    const recorder = recordingLogger();
    log = recorder;
    [app, connector] = await Promise.all([startTestApp({ logger: recorder.logger }), startFakeConnector()]);
  });
  afterAll(async () => {
    await Promise.all([app.close(), connector.close()]);
  });

  it.each([
    ['a numeric text', { text: 42 }, 'text'],
    ['an object locale', { locale: { tag: 'fr' } }, 'locale'],
    ['a numeric from.aadObjectId', { from: { id: '29:x', aadObjectId: 7 } }, 'from.aadObjectId'],
    ['a string from', { from: 'owner' }, 'from'],
    ['a conversation without an id', { conversation: { conversationType: 'personal' } }, 'conversation.id'],
    ['an object name', { type: 'invoke', name: { verb: 'x' } }, 'name'],
    ['entities that are not a list', { entities: 'mention' }, 'entities'],
    ['a boolean textFormat', { textFormat: true }, 'textFormat'],
  ])('%s: 400 naming the field; logged at warn, no turn runs', async (_label, extra, field) => {
    connector.reset();
    const before = log.lines.length;
    const r = await app.json<{ code: string; errors: Array<{ path: string }> }>('/api/messages', {
      method: 'POST',
      json: activity(connector.url, extra),
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect(r.body.errors.map((e) => e.path)).toContain(field);
    const lines = log.lines.slice(before);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.some((l) => l.level === 40 && l.msg === 'invalid activity refused')).toBe(true);
    expect(connector.sent).toEqual([]);
  });

  it('a well-typed activity still runs its turn', async () => {
    connector.reset();
    const r = await app.call('/api/messages', { method: 'POST', json: activity(connector.url) });
    expect(r.status).toBe(200);
    await connector.waitFor(1);
  });
});
