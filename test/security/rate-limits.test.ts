// Item 6 of issue 12: one person cannot slow everyone down. Writes are limited per person and
// requests without (valid) credentials per client address; past the limit the answer is 429 with
// Retry-After and a problem document in the caller's language. Limits are configurable, in memory
// per instance, on by default (test helpers switch them off; these tests switch them on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config.js';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { t as translate } from '../../bot/i18n/translate.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ENTRA_ENV, validator } from './probe.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  retryAfterSeconds?: number;
}

const risk = (n: number) => ({
  projectId: 'TR-07',
  title: `Flood risk number ${n}`,
  likelihood: 2,
  impact: 2,
});

it('limits are on by default and configurable; 0 switches one off', () => {
  expect(parseConfig({}).server.rateLimits).toEqual({ writesPerMinute: 120, anonymousPerMinute: 600 });
  const set = parseConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '30', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' });
  expect(set.server.rateLimits).toEqual({ writesPerMinute: 30, anonymousPerMinute: 0 });
  expect(() => parseConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_WRITES_PER_MINUTE/);
});

describe('per-person writes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('the fourth write within the minute is 429 with Retry-After; nothing more is stored', async () => {
    for (let n = 1; n <= 3; n++) {
      const r = await app.call('/api/v1/risks', { as: 'p-owner', method: 'POST', json: risk(n) });
      expect(r.status).toBe(201);
    }
    const refused = await app.json<Problem>('/api/v1/risks', {
      as: 'p-owner',
      method: 'POST',
      json: risk(4),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 20).toBe(true);
    expect(refused.body).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: retryAfter });
    const stored = await app.json<{ items: Array<{ title: string }> }>(
      '/api/v1/risks?projectId=TR-07&limit=1000',
    );
    expect(stored.body.items.map((r) => r.title)).not.toContain('Flood risk number 4');
  });

  it.each(SUPPORTED_LOCALES)('the problem document is in the caller’s language (%s)', async (lang) => {
    const r = await app.json<Problem>('/api/v1/me/away', { as: 'p-owner', method: 'POST', json: {}, lang });
    expect(r.status).toBe(429);
    expect(r.body.detail).toBe(
      translate(lang, 'errors.rate_limited', { seconds: Number(r.headers.get('retry-after')) }),
    );
  });

  it('the limit is per person, and reads are not limited by it', async () => {
    expect((await app.call('/api/v1/risks', { as: 'p-cto', method: 'POST', json: risk(5) })).status).toBe(
      201,
    );
    expect((await app.call('/api/v1/projects', { as: 'p-owner' })).status).toBe(200);
  });
});

describe('per-address requests without credentials', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      env: { ...ENTRA_ENV, RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4' },
      tokenValidator: validator,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('requests without a token, then with forged tokens, count against the address; 429 once spent', async () => {
    expect((await app.call('/api/v1/projects')).status).toBe(401);
    expect((await app.call('/api/v1/projects')).status).toBe(401);
    const forged = { authorization: 'Bearer forged.token.value' };
    expect((await app.call('/api/v1/projects', { headers: forged })).status).toBe(401);
    expect((await app.call('/api/v1/projects', { headers: forged })).status).toBe(401);
    const none = await app.json<Problem>('/api/v1/projects', { lang: 'ar' });
    expect(none.status).toBe(429);
    expect(none.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(none.body.detail).toBe(
      translate('ar', 'errors.rate_limited', { seconds: Number(none.headers.get('retry-after')) }),
    );
    expect((await app.call('/api/v1/projects', { headers: forged })).status).toBe(429);
  });

  it('a signed-in person from the same address is not held back by it', async () => {
    const r = await app.call('/api/v1/projects', { headers: { authorization: 'Bearer owner-token' } });
    expect(r.status).toBe(200);
  });
});
