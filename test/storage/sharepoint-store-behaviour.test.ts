// What only the SharePoint store has: faults and the outbox (nothing lost, nothing duplicated),
// batching, delta costs, and list items that no longer validate.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftPeriod } from '../../bot/domain/period.js';
import type { FieldIssue } from '../../bot/domain/errors.js';
import type { Risk } from '../../bot/domain/risk.js';
import type { WriteEvent } from '../../bot/storage/sharepoint/write-notices.js';
import { buildPerson, buildProject, buildRisk, buildStatusUpdate } from '../helpers/fixtures.js';
import {
  closeSharedEmulator,
  provisionedSite,
  sharedEmulator,
  type SharePointSite,
} from './sharepoint-harness.js';

const WRITE_OPS = ['items.create', 'items.update', 'items.find', 'items.get', 'items.delta', '$batch'];

function itemsByEntityId(site: SharePointSite, list: string): Map<string, Array<Record<string, unknown>>> {
  const byId = new Map<string, Array<Record<string, unknown>>>();
  for (const item of site.emulator.itemsOf(site.siteId, list)) {
    const id = String(item.EntityId);
    byId.set(id, [...(byId.get(id) ?? []), item]);
  }
  return byId;
}

describe('SharePoint store behaviour', () => {
  let site: SharePointSite;
  beforeEach(async () => {
    site = await provisionedSite(await sharedEmulator({ defaultPageSize: 50, maxPageSize: 50 }));
  });
  afterEach(async () => {
    site.emulator.faults.clear();
    await site.cleanup();
  });
  afterAll(async () => {
    const emulator = await closeSharedEmulator();
    expect(emulator?.unexpected ?? []).toEqual([]);
  });

  it('with 20% of requests throttled, unavailable or reset, every accepted write ends stored exactly once', async () => {
    // One retry only, so that some writes exhaust it and go through the outbox.
    const store = await site.open({ retry: { maxRetries: 1 } });
    const events: WriteEvent[] = [];
    store.writes.subscribe((e) => events.push(e));
    const project = await store.projects.create(buildProject());
    await store.sync(); // as the app does when it starts
    site.emulator.faults.setRandom({
      rate: 0.2,
      seed: 20260302,
      ops: WRITE_OPS,
      faults: [
        { type: 'status', status: 429, retryAfterSeconds: 1 },
        { type: 'status', status: 429 },
        { type: 'status', status: 503 },
        { type: 'status', status: 503, retryAfterSeconds: 2 },
        { type: 'reset' },
        { type: 'reset-after-apply' },
      ],
    });

    // 60 risks raised at once (batched), then three rounds of edits of each; the outbox is replayed
    // between rounds, under the same faults. Once a write waits in the outbox, later ones queue behind it.
    const risks = Array.from({ length: 60 }, (_, i) => buildRisk({ id: `risk-${i}`, projectId: project.id }));
    const created = await Promise.allSettled(risks.map((r) => store.risks.create(r)));
    expect(created.filter((r) => r.status === 'rejected')).toEqual([]);
    const final = new Map<string, Risk>(risks.map((r) => [r.id, { ...r, version: 1 }]));
    for (let round = 1; round <= 3; round++) {
      for (let i = 0; i < 10 && store.pendingWrites() > 0; i++) await store.flushOutbox();
      const edits = await Promise.allSettled(
        [...final.values()].map((r) =>
          store.risks
            .update({ ...r, mitigation: `Round ${round}` }, r.version)
            .then((stored) => final.set(stored.id, stored)),
        ),
      );
      expect(edits.filter((r) => r.status === 'rejected')).toEqual([]);
    }
    // Replaying under the same faults until the queue is empty.
    for (let i = 0; i < 1000 && store.pendingWrites() > 0; i++) await store.flushOutbox();
    expect(store.pendingWrites()).toBe(0);
    const injected = site.emulator.faults.injected;
    expect(injected.length).toBeGreaterThan(20);
    expect(injected.some((f) => f.fault.type === 'reset-after-apply')).toBe(true);
    expect(events.some((e) => e.type === 'queued')).toBe(true);
    expect(
      site.emulator.count('items.update', { inBatch: true }) + site.emulator.count('items.update'),
    ).toBeGreaterThan(0);

    site.emulator.faults.clear();
    expect(events.filter((e) => e.type === 'rejected')).toEqual([]);
    expect(await store.deadLetters()).toEqual([]);

    const items = itemsByEntityId(site, 'TH Risks');
    expect(items.size).toBe(60);
    for (const [id, copies] of items) {
      expect(copies, id).toHaveLength(1);
      expect(copies[0]?.EntityVersion).toBe(4);
      expect(JSON.parse(String(copies[0]?.EntityJson))).toEqual(final.get(id));
    }
    const reread = await site.open();
    expect((await reread.risks.list({ limit: 100 })).items).toHaveLength(60);
    expect(await reread.risks.get('risk-7')).toEqual(final.get('risk-7'));
  });

  it('accepts writes while SharePoint is down, tells the caller they are queued, and replays them in order', async () => {
    const store = await site.open({ retry: { maxRetries: 1 } });
    const events: WriteEvent[] = [];
    store.writes.subscribe((e) => events.push(e));
    await store.people.list();
    site.emulator.faults.inject(
      { type: 'status', status: 503 },
      { ops: ['items.create', 'items.update'], times: 1000 },
    );

    const person = buildPerson({ id: 'queued-person' });
    const { value, queued } = await store.writes.observe(() => store.people.create(person));
    expect(value).toEqual({ ...person, version: 1 });
    expect(queued).toEqual([
      expect.objectContaining({
        list: 'people',
        entity: 'person',
        entityId: 'queued-person',
        op: 'create',
        reason: 'unavailable',
      }),
    ]);
    // The queued write is visible at once, and later writes queue behind it.
    expect(await store.people.get('queued-person')).toEqual(value);
    const renamed = await store.people.update({ ...value, name: 'Renamed while down' }, 1);
    expect(renamed.version).toBe(2);
    const other = await store.writes.observe(() => store.people.create(buildPerson({ id: 'second' })));
    expect(other.queued[0]?.reason).toBe('behind-queued-writes');
    expect(store.pendingWrites()).toBe(3);
    expect(site.emulator.itemsOf(site.siteId, 'TH Roster')).toEqual([]);

    // Still down: nothing lands, nothing is lost.
    expect(await store.flushOutbox()).toMatchObject({ synced: 0, remaining: 3 });

    site.emulator.faults.clear();
    expect(await store.flushOutbox()).toEqual({ synced: 3, rejected: 0, remaining: 0 });
    expect(events.filter((e) => e.type === 'synced').map((e) => [e.write.op, e.write.entityId])).toEqual([
      ['create', 'queued-person'],
      ['update', 'queued-person'],
      ['create', 'second'],
    ]);
    const items = itemsByEntityId(site, 'TH Roster');
    expect(items.get('queued-person')).toEqual([
      expect.objectContaining({ EntityVersion: 2, Title: 'Renamed while down' }),
    ]);
    expect(items.get('second')).toHaveLength(1);
    expect(await (await site.open()).people.get('queued-person')).toEqual(renamed);
  });

  it('replays queued writes by itself once Graph answers again (background worker)', async () => {
    const store = await site.open({ retry: { maxRetries: 0 }, autoReplay: true });
    const synced = new Promise<WriteEvent>((resolve) => {
      store.writes.subscribe((e) => {
        if (e.type === 'synced') resolve(e);
      });
    });
    site.emulator.faults.inject({ type: 'status', status: 503 }, { ops: ['items.create'] });
    const { queued } = await store.writes.observe(() =>
      store.people.create(buildPerson({ id: 'background' })),
    );
    expect(queued).toHaveLength(1);
    expect(await synced).toMatchObject({ write: { entityId: 'background', op: 'create' } });
    expect(store.pendingWrites()).toBe(0);
    expect(itemsByEntityId(site, 'TH Roster').get('background')).toHaveLength(1);
  });

  it('keeps queued writes across a restart and replays them from the next instance', async () => {
    const dataDir = site.tempDir();
    const first = await site.open({ retry: { maxRetries: 0 } }, { dataDir });
    site.emulator.faults.inject(
      { type: 'status', status: 429, retryAfterSeconds: 30 },
      { ops: ['items.create'], times: 1000 },
    );
    await first.projects.create(buildProject({ id: 'survivor', code: 'SV-1' }));
    expect(first.pendingWrites()).toBe(1);
    await first.close();

    site.emulator.faults.clear();
    const second = await site.open({}, { dataDir });
    expect(second.pendingWrites()).toBe(1);
    expect(await second.flushOutbox()).toEqual({ synced: 1, rejected: 0, remaining: 0 });
    expect(itemsByEntityId(site, 'TH Projects').get('survivor')).toHaveLength(1);
  });

  it('a replay that SharePoint refuses for good becomes a reported dead letter, never a silent loss', async () => {
    const store = await site.open({ retry: { maxRetries: 0 } });
    const other = await site.open();
    const events: WriteEvent[] = [];
    store.writes.subscribe((e) => events.push(e));
    const project = await store.projects.create(buildProject({ id: 'contested', code: 'CT-1' }));
    site.emulator.faults.inject({ type: 'status', status: 503 }, { ops: ['items.update'], times: 1 });
    await store.projects.update({ ...project, title: 'Edited while SharePoint was down' }, 1);
    expect(store.pendingWrites()).toBe(1);
    const winner = await other.projects.update({ ...project, title: 'Edited by another instance' }, 1);

    expect(await store.flushOutbox()).toEqual({ synced: 0, rejected: 1, remaining: 0 });
    expect(events.find((e) => e.type === 'rejected')).toMatchObject({
      write: { entityId: 'contested', op: 'update' },
      reason: expect.stringContaining('changed meanwhile'),
    });
    const [dead] = await store.deadLetters();
    expect(dead).toMatchObject({
      entityId: 'contested',
      entity: expect.objectContaining({ title: 'Edited while SharePoint was down' }),
    });
    expect(await store.projects.get('contested')).toEqual(winner);
  });

  it('sends 100 status updates written together as 5 JSON batches', async () => {
    const store = await site.open();
    const project = await store.projects.create(buildProject());
    site.emulator.resetCounts();
    const updates = Array.from({ length: 100 }, (_, i) =>
      buildStatusUpdate({ projectId: project.id, period: shiftPeriod('2024-W01', i) }),
    );
    await Promise.all(updates.map((u) => store.statusUpdates.create(u)));
    expect(site.emulator.count('$batch')).toBe(5);
    expect(site.emulator.count('items.create', { inBatch: true })).toBe(100);
    expect(site.emulator.count('items.create')).toBe(0);
  });

  it('a second sync with no change costs exactly one request per list', async () => {
    const store = await site.open();
    await store.projects.create(buildProject());
    await store.sync();
    site.emulator.resetCounts();
    await store.sync();
    expect(site.emulator.countsByOperation()).toEqual({ 'items.delta': 9 });
  });

  it('reports and skips a list item that no longer validates, without failing the read', async () => {
    const invalid: Array<{ list: string; itemId: string; issues: FieldIssue[] }> = [];
    const store = await site.open({
      onInvalidItem: (list, itemId, issues) => invalid.push({ list, itemId, issues }),
    });
    const good = await store.people.create(buildPerson({ id: 'good' }));
    const bad = await store.people.create(buildPerson({ id: 'bad' }));
    const list = site.emulator.model.list(site.siteId, 'TH Roster');
    const item = [...list.items.values()].find((i) => i.fields.EntityId === 'bad');
    site.emulator.model.updateItem(
      list,
      item!.id,
      { EntityJson: JSON.stringify({ ...bad, email: 'not an e-mail' }) },
      undefined,
    );

    const reader = await site.open({
      onInvalidItem: (l, id, issues) => invalid.push({ list: l, itemId: id, issues }),
    });
    expect((await reader.people.list()).items).toEqual([good]);
    expect(await reader.people.get('bad')).toBeUndefined();
    expect(invalid).toEqual([
      { list: 'people', itemId: item!.id, issues: [expect.objectContaining({ path: 'email' })] },
    ]);
  });
});
