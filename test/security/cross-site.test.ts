// Item 4 of issue 12: cross-site forms. A browser sends a form (url-encoded or multipart) to another
// site without a preflight: the JSON API refuses both media types (415), and a state-changing request
// whose Origin is present and not the app's own is refused (403 origin_refused) whatever its body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { raw } from './probe.js';

const PUBLIC_URL = 'http://localhost:3978';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_URL } });
});
afterAll(async () => {
  await t.close();
});

const newCto = { name: 'Mallory', email: 'mallory@evil.example', role: 'cto', orgUnit: 'GS' };

describe('a form on another site', () => {
  it('cannot create a CTO with a url-encoded form (POST /api/v1/roster): 415, nothing stored', async () => {
    const form = new URLSearchParams(newCto).toString();
    const r = await raw(t.baseUrl, '/api/v1/roster', {
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(form.length),
      },
      chunks: [form],
    });
    expect([403, 415]).toContain(r.status);
    const roster = await t.json<{ items: Array<{ email: string }> }>('/api/v1/roster?limit=1000');
    expect(roster.body.items.map((p) => p.email)).not.toContain(newCto.email);
  });

  it.each([
    ['POST', '/api/v1/roster', newCto],
    ['POST', '/api/v1/projects/AI-02/milestones', { title: 'Injected', dueDate: '2026-12-31' }],
    ['POST', '/api/v1/me/away', {}],
    ['DELETE', '/api/v1/me/away/2026-W48', undefined],
  ])('%s %s with a foreign Origin: 403 origin_refused before the route runs', async (method, url, body) => {
    const r = await t.json<{ code: string; detail: string }>(url, {
      method,
      json: body,
      headers: { origin: 'https://evil.example' },
      lang: 'fr',
    });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('origin_refused');
    expect(r.body.detail).toBe('Cette requête provient d’un autre site web et a été refusée.');
  });

  it.each(['null', 'file://', 'https://localhost.evil.example', 'http://localhost:3979'])(
    'Origin %s is not the app: 403',
    async (origin) => {
      const r = await t.call('/api/v1/me/away', { method: 'POST', json: {}, headers: { origin } });
      expect(r.status).toBe(403);
    },
  );

  it('a write from the app itself passes: Origin is PUBLIC_URL, or the loopback page that served the tab', async () => {
    for (const origin of [PUBLIC_URL, t.baseUrl]) {
      const r = await t.call('/api/v1/me/away', { method: 'POST', json: {}, headers: { origin } });
      expect(r.status).toBe(200);
    }
    // Clients that send no Origin (the Bot Connector, curl, server-side callers) are not browsers.
    expect((await t.call('/api/v1/me/away', { method: 'POST', json: {} })).status).toBe(200);
  });

  it('reads with a foreign Origin are not state-changing: 200', async () => {
    const r = await t.call('/api/v1/projects', { headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(200);
  });
});
