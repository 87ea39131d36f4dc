// The app on a SharePoint store (through the real gateway, against the Graph emulator): writes
// accepted while Graph throttles or is down are answered "saved, will sync" (X-Sync-Status: queued
// and a localised notice) and reach SharePoint once it answers; /readyz reports Graph going away as
// a 503 naming the check, without anything secret in the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../bot/domain/project.js';
import type { SharePointStore } from '../../bot/storage/sharepoint/sharepoint-store.js';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';
import { buildPerson, buildProject } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { provisionedSite, type SharePointSite } from '../storage/sharepoint-harness.js';

const SECRET_FIELDS = (site: SharePointSite) => [site.config.auth.clientSecret ?? 'unset', 'emulated.'];

let emulator: GraphEmulator;
let site: SharePointSite;
let store: SharePointStore;
let t: TestApp;
let project: Project;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  site = await provisionedSite(emulator);
  store = await site.open({ retry: { maxRetries: 1 } });
  project = buildProject({ id: 'prj-sync', code: 'SY-01', ownerId: 'p-cto' });
  await store.people.create(buildPerson({ id: 'p-cto', role: 'cto', name: 'Nadia Rahimi' }));
  await store.projects.create(project);
  // The app closes what it is given; the harness closes the store (once) in afterAll.
  t = await startTestApp({ store: { ...store, close: () => Promise.resolve() }, demo: false });
});
afterAll(async () => {
  await t?.close();
  await site?.cleanup();
  await emulator?.close();
});

describe('queued writes through the API', () => {
  it('says nothing special when SharePoint takes the write at once', async () => {
    const r = await t.call(`/api/v1/projects/${project.id}`, {
      method: 'PATCH',
      as: 'p-cto',
      json: { title: 'Synchronised at once' },
      headers: { 'if-match': '"1"' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-sync-status')).toBeNull();
    expect(store.pendingWrites()).toBe(0);
  });

  it('answers "saved, will sync" in the user’s language while Graph is unavailable, then syncs', async () => {
    emulator.faults.inject(
      { type: 'status', status: 503 },
      { ops: ['items.create', 'items.update', '$batch'], times: 1000 },
    );
    const r = await t.call(`/api/v1/projects/${project.id}`, {
      method: 'PATCH',
      as: 'p-cto',
      lang: 'fr',
      json: { title: 'Changed while SharePoint is down' },
      headers: { 'if-match': '"2"' },
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as Project;
    expect(body).toMatchObject({ title: 'Changed while SharePoint is down', version: 3 });
    expect(r.headers.get('x-sync-status')).toBe('queued');
    expect(decodeURIComponent(r.headers.get('x-sync-notice') ?? '')).toBe(
      'Enregistré. SharePoint est occupé : cette modification sera synchronisée sous peu.',
    );
    // The queued write is what the app reads back meanwhile, and SharePoint does not have it yet.
    expect((await store.projects.get(project.id))?.title).toBe('Changed while SharePoint is down');
    expect(store.pendingWrites()).toBeGreaterThan(0);
    const stale = emulator.itemsOf(site.siteId, 'TH Projects').find((i) => i.EntityId === project.id);
    expect(stale?.Title).toBe('SY-01 Synchronised at once');

    emulator.faults.clear();
    expect(await store.flushOutbox()).toMatchObject({ rejected: 0, remaining: 0 });
    const synced = emulator.itemsOf(site.siteId, 'TH Projects').filter((i) => i.EntityId === project.id);
    expect(synced).toEqual([
      expect.objectContaining({ Title: 'SY-01 Changed while SharePoint is down', EntityVersion: 3 }),
    ]);
  });

  it('tells a throttled create the same way (429 with Retry-After beyond the retries)', async () => {
    emulator.faults.inject(
      { type: 'status', status: 429, retryAfterSeconds: 1 },
      { ops: ['items.create', '$batch'], times: 1000 },
    );
    const r = await t.call('/api/v1/risks', {
      method: 'POST',
      as: 'p-cto',
      lang: 'zh',
      json: { projectId: project.id, title: 'Queued risk', likelihood: 2, impact: 2 },
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-sync-status')).toBe('queued');
    expect(decodeURIComponent(r.headers.get('x-sync-notice') ?? '')).toBe(
      '已保存。SharePoint 正忙，此更改将很快同步。',
    );
    emulator.faults.clear();
    expect(await store.flushOutbox()).toMatchObject({ rejected: 0, remaining: 0 });
  });
});

describe('/readyz on SharePoint', () => {
  it('is ready while Graph answers', async () => {
    const r = await t.json('/readyz');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ready', checks: { store: 'ok', state: 'ok' } });
  });

  it('answers 503 naming the store when Graph is unavailable, and recovers', async () => {
    emulator.faults.inject({ type: 'status', status: 503 }, { ops: ['site.get'], times: 10 });
    const r = await t.call('/readyz');
    const text = await r.text();
    expect(r.status).toBe(503);
    expect(JSON.parse(text)).toEqual({ status: 'not ready', checks: { store: 'unavailable', state: 'ok' } });
    for (const secret of SECRET_FIELDS(site)) expect(text).not.toContain(secret);
    emulator.faults.clear();
    expect((await t.json('/readyz')).status).toBe(200);
  });

  it('answers 503 when the Graph emulator is down altogether', async () => {
    await emulator.close();
    const r = await t.call('/readyz');
    const text = await r.text();
    expect(r.status).toBe(503);
    expect(JSON.parse(text)).toEqual({ status: 'not ready', checks: { store: 'unavailable', state: 'ok' } });
    for (const secret of SECRET_FIELDS(site)) expect(text).not.toContain(secret);
    expect(emulator.unexpected).toEqual([]);
  });
});
