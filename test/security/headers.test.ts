// Item 5 of issue 12: the tab is served with a Content-Security-Policy whose frame-ancestors are
// exactly the Microsoft 365 hosts of Microsoft's tab requirements (PLATFORM-FACTS D6) plus the app,
// and scripts only from the app (no inline script). Every answer carries the common headers.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const D6 = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

let prod: TestApp;
let local: TestApp;
beforeAll(async () => {
  [prod, local] = await Promise.all([
    // A deployment's public URL (the development identity is refused there: entra mode).
    startTestApp({
      env: {
        PUBLIC_URL: 'https://hub.example.org',
        AUTH_MODE: 'entra',
        ENTRA_TENANT_ID: '11111111-1111-4111-8111-111111111111',
        ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
      },
    }),
    startTestApp(),
  ]);
});
afterAll(async () => {
  await Promise.all([prod.close(), local.close()]);
});

describe('the tab page', () => {
  it.each(['/', '/index.html', '/some/deep/link'])(
    '%s: CSP with exactly the D6 hosts plus self as frame-ancestors',
    async (url) => {
      const r = await prod.call(url);
      expect(r.status).toBe(200);
      const csp = directives(r.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toEqual(["'self'", ...D6]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(r.headers.get('x-frame-options')).toBeNull(); // it would forbid Teams; frame-ancestors decides
      expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000');
    },
  );

  it('on a loopback PUBLIC_URL local pages (Agents Playground) may frame it as well; no HSTS over http', async () => {
    const r = await local.call('/');
    const ancestors = directives(r.headers.get('content-security-policy')).get('frame-ancestors') ?? [];
    expect(ancestors.slice(0, D6.length + 1)).toEqual(["'self'", ...D6]);
    expect(ancestors.slice(D6.length + 1)).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it('has no inline script: the source page and the built page load scripts by src only', () => {
    const pages = [path.join(ROOT, 'tab', 'index.html'), path.join(ROOT, 'tab', 'dist', 'index.html')].filter(
      (p) => existsSync(p),
    );
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\bsrc=/);
        expect(body?.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
    }
  });
});

describe('every answer', () => {
  it.each(['/api/v1/openapi.json', '/healthz', '/api/v1/nowhere'])(
    '%s: nosniff, referrer policy, a CSP that frames nothing',
    async (url) => {
      const r = await prod.call(url);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    },
  );
});
