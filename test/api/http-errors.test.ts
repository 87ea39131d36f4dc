// The HTTP surface's own behaviour: health, readiness, unknown routes, bad bodies, correlation ids.
// Every error is a localised problem document with a stable code and no internals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnavailableError } from '../../bot/domain/errors.js';
import { createSqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

function expectProblem(body: Record<string, unknown>, status: number, code: string) {
  expect(body).toMatchObject({ status, code });
  expect(typeof body.detail).toBe('string');
  expect(typeof body.correlationId).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack frames
}

describe('health', () => {
  it('GET /healthz answers 200 without touching the store', async () => {
    const r = await t.json('/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports each dependency', async () => {
    const r = await t.json('/readyz');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ready', checks: { store: 'ok', state: 'ok' } });
  });

  it('GET /readyz answers 503 naming the dependency that does not answer', async () => {
    const dataDir = t.dataDir + '-broken';
    const real = createSqliteStore({ dataDir });
    const broken = {
      ...real,
      ping: () => Promise.reject(new UnavailableError('store')),
      close: () => real.close(),
    };
    const other = await startTestApp({ store: broken, demo: false });
    try {
      const r = await other.json('/readyz');
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ status: 'not ready', checks: { store: 'unavailable', state: 'ok' } });
    } finally {
      await other.close();
    }
  });
});

describe('errors as problem documents', () => {
  it.each([
    ['en', 'There is no such address in this API.'],
    ['fr-CH', "Cette adresse n'existe pas dans l'API."],
    ['ar-SA', 'هذا العنوان غير موجود في واجهة البرمجة.'],
    ['zh-CN', '此 API 中没有该地址。'],
    ['de-CH, es;q=0.8', 'Esta dirección no existe en la API.'],
  ])('an unknown API route is a 404 in the caller language (%s)', async (lang, detail) => {
    const r = await t.json<Record<string, unknown>>('/api/v1/nothing-here', { lang });
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expectProblem(r.body, 404, 'route_not_found');
    expect(r.body.detail).toBe(detail);
  });

  it('a method the route does not take is a 405', async () => {
    const r = await t.json<Record<string, unknown>>('/api/v1/projects', { method: 'DELETE' });
    expect(r.status).toBe(405);
    expectProblem(r.body, 405, 'method_not_allowed');
  });

  it('malformed JSON is a 400 bad_json', async () => {
    const r = await t.json<Record<string, unknown>>('/api/v1/risks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(r.status).toBe(400);
    expectProblem(r.body, 400, 'bad_json');
  });

  it('a body that is not JSON is a 415', async () => {
    const r = await t.json<Record<string, unknown>>('/api/v1/risks', {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<risk/>',
    });
    expect(r.status).toBe(415);
    expectProblem(r.body, 415, 'unsupported_media_type');
  });

  it('a POST with no body at all is judged on its content (400 naming the fields), not refused as 415', async () => {
    const r = await t.json<Record<string, unknown>>('/api/v1/risks', { method: 'POST' });
    expect(r.status).toBe(400);
    expectProblem(r.body, 400, 'validation_failed');
  });

  it('a body over 1 MB is a 413 and nothing is stored', async () => {
    const before = await t.json<{ items: unknown[] }>('/api/v1/risks?limit=1000');
    const r = await t.json<Record<string, unknown>>('/api/v1/risks', {
      method: 'POST',
      json: { title: 'Huge', likelihood: 1, impact: 1, description: 'x'.repeat(1_100_000) },
    });
    expect(r.status).toBe(413);
    expectProblem(r.body, 413, 'payload_too_large');
    const after = await t.json<{ items: unknown[] }>('/api/v1/risks?limit=1000');
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('a JSON body that is not an object is a 400 on the whole body', async () => {
    const r = await t.json<{ errors: Array<{ path: string }> }>('/api/v1/projects/AI-01', {
      method: 'PATCH',
      json: ['not', 'an', 'object'],
      headers: { 'if-match': '"1"' },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]?.path).toBe('');
  });
});

describe('correlation ids', () => {
  it('echoes a valid caller correlation id in the header and in problems', async () => {
    const r = await t.json<Record<string, unknown>>('/api/v1/nothing', {
      headers: { 'x-correlation-id': 'req-123.abc' },
    });
    expect(r.headers.get('x-correlation-id')).toBe('req-123.abc');
    expect(r.body.correlationId).toBe('req-123.abc');
  });

  it('replaces a hostile correlation id with a fresh one', async () => {
    const r = await t.call('/healthz', { headers: { 'x-correlation-id': '<script>alert(1)</script>' } });
    const id = r.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the tab route', () => {
  it('serves a page at / even before the tab is built', async () => {
    const r = await t.call('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('never serves files from outside the tab folder', async () => {
    const r = await t.call('/..%2f..%2fpackage.json');
    const text = await r.text();
    expect(text).not.toContain('"devDependencies"');
  });
});
