// applySeed writes a seed through the repository ports: against a remote-like store that only has the
// port (order, audit trail, failures) and against the embedded SQLite store (read back through the
// ports, bulk transactions, first-start seeding).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateError } from '../../bot/domain/errors.js';
import { collectAll } from '../../bot/ports/paging.js';
import type { Store } from '../../bot/ports/repositories.js';
import { applySeed, dependencyWaves, seedAuditId } from '../../bot/seed/apply-seed.js';
import { buildDemoPortfolio } from '../../bot/seed/demo-portfolio.js';
import { countSeed, type SeedCounts, type SeedData } from '../../bot/seed/seed-data.js';
import { seedDemoIfEmpty } from '../../bot/seed/seed-if-empty.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import {
  createTemporarySqliteStore,
  type TemporarySqliteStore,
} from '../../bot/storage/sqlite/temporary-store.js';
import { createRecordingStore } from './recording-store.js';

const ZONE = 'Europe/Zurich';
const NOW = new Date('2026-11-25T10:00:00.000Z');
const demo = buildDemoPortfolio({ now: NOW, timeZone: ZONE });
/** Entities plus the settings document: one audit event each. */
const entityTotal = (c: SeedCounts): number =>
  c.people + c.projects + c.statusUpdates + c.risks + c.milestones + c.kpis + c.measurements + 1;

describe('applySeed through the port alone', () => {
  it('writes every entity once, each with one seed audit event by the system', async () => {
    const store = createRecordingStore();
    const result = await applySeed(store, demo, { reason: 'demo portfolio' });
    const counts = countSeed(demo);
    expect(result.counts).toEqual(counts);
    expect(store.rows.get('person')?.size).toBe(counts.people);
    expect(store.rows.get('project')?.size).toBe(counts.projects);
    expect(store.rows.get('status-update')?.size).toBe(counts.statusUpdates);
    expect(store.rows.get('risk')?.size).toBe(counts.risks);
    expect(store.rows.get('milestone')?.size).toBe(counts.milestones);
    expect(store.rows.get('kpi')?.size).toBe(counts.kpis);
    expect(store.rows.get('measurement')?.size).toBe(counts.measurements);
    expect(store.savedSettings).toEqual([demo.settings]);

    expect(store.audits).toHaveLength(entityTotal(counts));
    expect(result.auditEvents).toBe(store.audits.length);
    for (const a of store.audits) {
      expect(a).toMatchObject({
        action: 'seed',
        surface: 'seed',
        actorId: 'system',
        reason: 'demo portfolio',
      });
      expect(a.id).toBe(seedAuditId(a.entityType, a.entityId));
    }
    const auditOf = (type: string, id: string) =>
      store.audits.find((a) => a.entityType === type && a.entityId === id);
    const update = demo.statusUpdates[0]!;
    expect(auditOf('status-update', update.id)).toMatchObject({
      projectId: update.projectId,
      at: update.createdAt,
    });
    const measured = demo.measurements.find((m) => demo.kpis.find((k) => k.id === m.kpiId)?.projectId)!;
    const kpi = demo.kpis.find((k) => k.id === measured.kpiId)!;
    expect(auditOf('measurement', measured.id)?.projectId).toBe(kpi.projectId);
    expect(auditOf('person', 'p-cto')?.projectId).toBeNull();
    expect(auditOf('settings', 'settings')).toBeDefined();
  });

  it('writes each entity after what it refers to (its project, dependencies, KPI), settings last', async () => {
    const store = createRecordingStore();
    await applySeed(store, demo, { batchSize: 7 });
    const entityWrites = store.writes.filter((w) => w.kind !== 'audit');
    const at = new Map(entityWrites.map((w, i) => [`${w.kind}:${w.id}`, i]));
    const before = (first: string, then: string) => expect(at.get(first)!).toBeLessThan(at.get(then)!);
    for (const p of demo.projects)
      for (const dep of p.dependencies) before(`project:${dep}`, `project:${p.id}`);
    for (const k of demo.kpis) if (k.projectId) before(`project:${k.projectId}`, `kpi:${k.id}`);
    for (const m of demo.measurements) before(`kpi:${m.kpiId}`, `measurement:${m.id}`);
    for (const u of demo.statusUpdates) before(`project:${u.projectId}`, `status-update:${u.id}`);
    for (const r of demo.risks) if (r.projectId) before(`project:${r.projectId}`, `risk:${r.id}`);
    for (const m of demo.milestones) before(`project:${m.projectId}`, `milestone:${m.id}`);
    expect(entityWrites.at(-1)?.kind).toBe('settings');
  });

  it('does not wait for a whole kind: a slow project holds up only what refers to it', async () => {
    const store = createRecordingStore();
    const slow = demo.projects.find((p) => demo.statusUpdates.some((u) => u.projectId === p.id))!;
    store.delayOn.set(slow.id, 50);
    await applySeed(store, demo);
    const entityWrites = store.writes.filter((w) => w.kind !== 'audit');
    const index = (kind: string, id: string) => entityWrites.findIndex((w) => w.kind === kind && w.id === id);
    const slowAt = index('project', slow.id);
    // Updates of other projects were stored while the slow project was still being written...
    const other = demo.statusUpdates.find((u) => u.projectId !== slow.id)!;
    expect(index('status-update', other.id)).toBeLessThan(slowAt);
    // ...and none of its own before it.
    for (const u of demo.statusUpdates.filter((x) => x.projectId === slow.id))
      expect(index('status-update', u.id)).toBeGreaterThan(slowAt);
  });

  it('orders projects in dependency waves, even when a dependency is listed later', () => {
    const [a, b, c] = demo.projects;
    const chain = [
      { ...a!, dependencies: [b!.id] },
      { ...b!, dependencies: [c!.id] },
      { ...c!, dependencies: [] },
    ];
    expect(dependencyWaves(chain).map((w) => w.map((p) => p.id))).toEqual([[c!.id], [b!.id], [a!.id]]);
    // A cycle cannot be ordered, but it must not hang or lose projects.
    const cycle = [
      { ...a!, dependencies: [b!.id] },
      { ...b!, dependencies: [a!.id] },
    ];
    expect(dependencyWaves(cycle).flat()).toHaveLength(2);
  });

  it('rejects with the failing write and does not report success', async () => {
    const store = createRecordingStore();
    store.failOn.add('prj-tr-07');
    await expect(applySeed(store, demo)).rejects.toThrow(/prj-tr-07/);
    expect(store.rows.get('status-update')).toBeUndefined();
  });

  it('replaces settings the store already has instead of failing', async () => {
    const store = createRecordingStore();
    await store.settings.save({ ...demo.settings, pillarLeads: {}, digestSubscribers: [] }, null);
    await applySeed(store, demo);
    expect(store.savedSettings).toHaveLength(2);
    expect(store.savedSettings[1]).toMatchObject({ version: 2, pillarLeads: demo.settings.pillarLeads });
  });

  it('keeps audit ids within the id limit for long entity ids', () => {
    const long = `x${'y'.repeat(63)}`;
    const id = seedAuditId('status-update', long);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(seedAuditId('status-update', long)).toBe(id);
    expect(seedAuditId('status-update', `${long.slice(0, -1)}z`)).not.toBe(id);
  });
});

async function countStore(store: Store): Promise<SeedCounts> {
  const projects = await collectAll((r) => store.projects.list(r));
  let statusUpdates = 0;
  for (const p of projects)
    statusUpdates += (await collectAll((r) => store.statusUpdates.listByProject(p.id, r))).length;
  return {
    people: (await collectAll((r) => store.people.list(r))).length,
    projects: projects.length,
    statusUpdates,
    risks: (await collectAll((r) => store.risks.list(r))).length,
    milestones: (await collectAll((r) => store.milestones.list(r))).length,
    kpis: (await collectAll((r) => store.kpis.list(r))).length,
    measurements: (await collectAll((r) => store.measurements.list(r))).length,
  };
}

describe('applySeed into the embedded SQLite store', () => {
  let tmp: TemporarySqliteStore;
  beforeEach(() => {
    tmp = createTemporarySqliteStore();
  });
  afterEach(async () => {
    await tmp.cleanup();
  });
  const bulk = <T>(fn: () => T): T => tmp.store.transaction(fn);

  async function expectStored(data: SeedData): Promise<void> {
    expect(await countStore(tmp.store)).toEqual(countSeed(data));
    const audit = await collectAll((r) => tmp.store.audit.list(r));
    expect(audit).toHaveLength(entityTotal(countSeed(data)));
    expect(audit.every((a) => a.action === 'seed' && a.actorId === 'system' && a.surface === 'seed')).toBe(
      true,
    );
    expect(await tmp.store.settings.get()).toEqual(data.settings);
  }

  it('stores the demo portfolio in bulk transactions; the ports read back what was seeded', async () => {
    await applySeed(tmp.store, demo, { bulk });
    await expectStored(demo);
    const website = demo.projects.find((p) => p.code === 'TR-07')!;
    expect(await tmp.store.projects.getByCode('TR-07')).toEqual(website);
    const amended = demo.statusUpdates.find((u) => u.history.length > 0)!;
    expect(await tmp.store.statusUpdates.get(amended.id)).toEqual(amended);
    const escalated = demo.risks.find((r) => r.status === 'escalated')!;
    expect(await tmp.store.risks.get(escalated.id)).toEqual(escalated);
    expect(await tmp.store.people.getByAadObjectId('00000000-0000-4000-8000-000000000003')).toMatchObject({
      id: 'p-changemaker',
    });
    expect(await tmp.store.isEmpty()).toBe(false);
  });

  it('stores a synthetic portfolio with the same counts, with or without bulk', async () => {
    const data = buildSyntheticPortfolio({ projects: 50, now: NOW, timeZone: ZONE, seed: 3 });
    await applySeed(tmp.store, data, { bulk, batchSize: 300 });
    await expectStored(data);
    const plain = tmp.openStore({ fileName: 'plain.db' });
    await applySeed(plain, data);
    expect(await countStore(plain)).toEqual(countSeed(data));
  });

  it('rolls a failed bulk batch back as a whole and rejects', async () => {
    const tenth = demo.people[9]!;
    await tmp.store.people.create(tenth);
    await expect(applySeed(tmp.store, demo, { bulk })).rejects.toBeInstanceOf(DuplicateError);
    // The other people of that batch were rolled back with it; nothing later was written.
    expect((await collectAll((r) => tmp.store.people.list(r))).map((p) => p.id)).toEqual([tenth.id]);
    expect(await collectAll((r) => tmp.store.projects.list(r))).toEqual([]);
    expect(await collectAll((r) => tmp.store.audit.list(r))).toEqual([]);
  });

  it('seeds the demo on first start only', async () => {
    expect(await seedDemoIfEmpty(tmp.store, { now: NOW, timeZone: ZONE, bulk })).toBe(true);
    await expectStored(demo);
    expect(
      await seedDemoIfEmpty(tmp.store, { now: new Date(NOW.getTime() + 86_400_000), timeZone: ZONE }),
    ).toBe(false);
    expect(await countStore(tmp.store)).toEqual(countSeed(demo));
  });

  it('lets the loser of a first-start race return false instead of failing', async () => {
    const second = tmp.openStore();
    const results = await Promise.all([
      seedDemoIfEmpty(tmp.store, { now: NOW, timeZone: ZONE, bulk }),
      seedDemoIfEmpty(second, {
        now: NOW,
        timeZone: ZONE,
        bulk: <T>(fn: () => T): T => second.transaction(fn),
      }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await countStore(tmp.store)).toEqual(countSeed(demo));
  });
});
