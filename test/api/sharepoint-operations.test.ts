// The app on a SharePoint store (through the real gateway, against the Graph emulator): writes
// accepted while Graph throttles or is down are answered "saved, will sync" (X-Sync-Status: queued
// and a localised notice) and reach SharePoint once it answers; /readyz reports Graph going away as
// a 503 naming the check, without anything secret in the answer. A queued write SharePoint refuses
// later becomes a notice for its author.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../bot/domain/notice.js';
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

// Issue 12 item 10: a write answered "saved, will sync" that SharePoint refuses when replayed (someone
// changed the item meanwhile) never took effect: the audit says so, and its author finds a notice in
// the tab (GET /api/v1/me/notices) naming the item and its project until they dismiss it.
describe('a queued write SharePoint later refuses', () => {
  it('is audited as rejected and becomes a notice for its author only, until they dismiss it', async () => {
    await store.people.create(buildPerson({ id: 'p-viewer', role: 'viewer', name: 'Lucas Moreau' }));
    const contested = await store.projects.create(
      buildProject({ id: 'prj-contested', code: 'CT-01', title: 'Contested project', ownerId: 'p-cto' }),
    );
    emulator.faults.inject({ type: 'status', status: 503 }, { ops: ['items.update', '$batch'], times: 1000 });
    const r = await t.call(`/api/v1/projects/${contested.id}`, {
      method: 'PATCH',
      as: 'p-cto',
      json: { title: 'Edited while SharePoint was down' },
      headers: { 'if-match': '"1"' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-sync-status')).toBe('queued');
    emulator.faults.clear();
    const other = await site.open();
    try {
      await other.projects.update({ ...contested, title: 'Edited by another instance' }, 1);
    } finally {
      await other.close();
    }

    expect(await store.flushOutbox()).toMatchObject({ rejected: 1, remaining: 0 });
    // The rejection is reported in the background: wait (bounded) for the notice.
    let notices = { items: [] as Notice[] };
    for (let i = 0; i < 100 && notices.items.length === 0; i += 1) {
      notices = (await t.json<{ items: Notice[] }>('/api/v1/me/notices', { as: 'p-cto' })).body;
      if (notices.items.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(notices.items).toEqual([
      expect.objectContaining({
        personId: 'p-cto',
        kind: 'write-rejected',
        entity: 'project',
        entityId: contested.id,
        op: 'update',
        subject: 'Edited by another instance',
        project: { id: contested.id, code: 'CT-01', title: 'Edited by another instance' },
        dismissedAt: null,
      }),
    ]);
    const audit = await t.json<{ items: Array<{ action: string; actorId: string }> }>(
      `/api/v1/audit?projectId=${contested.id}`,
      { as: 'p-cto' },
    );
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'sync-rejected', actorId: 'system' }),
    );

    // Nobody else sees it or can dismiss it; the author dismisses it for good.
    const id = notices.items[0]!.id;
    expect((await t.json<{ items: Notice[] }>('/api/v1/me/notices', { as: 'p-viewer' })).body.items).toEqual(
      [],
    );
    const foreign = await t.json<{ code: string }>(`/api/v1/me/notices/${id}/dismiss`, {
      method: 'POST',
      as: 'p-viewer',
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('not_found');
    expect((await t.call(`/api/v1/me/notices/${id}/dismiss`, { method: 'POST', as: 'p-cto' })).status).toBe(
      204,
    );
    expect((await t.json<{ items: Notice[] }>('/api/v1/me/notices', { as: 'p-cto' })).body.items).toEqual([]);
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
