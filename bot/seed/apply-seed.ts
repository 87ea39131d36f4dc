// Writes a seed through the repository ports - any Store implementation - in dependency order
// (people, projects, KPIs, measurements, status updates, risks, milestones, settings), with one audit
// event per entity (action `seed`, surface `seed`, actor `system`).
//
// Speed: writes go out in batches rather than one await at a time. A store that offers a synchronous
// transaction helper (the SQLite store's `transaction`) can pass it as `bulk`: each batch - entity
// writes and their audit events - then runs as one transaction, and a failed write rolls its batch back.
// Without `bulk`, each entity is written and then audited, with `batchSize` entities in flight at all
// times (a sliding window, not lockstep batches), each starting as soon as what it refers to is stored
// (its project, the projects it depends on, its KPI), not when the whole previous kind is: an
// entity held up by throttling (Graph's Retry-After) holds up only what depends on it, so the waits
// of different writes overlap instead of adding up, kind after kind.
import type { AuditEvent, EntityType } from '../domain/audit.js';
import { SYSTEM_ACTOR_ID } from '../domain/person.js';
import type { Project } from '../domain/project.js';
import type { Store } from '../ports/repositories.js';
import { countSeed, type SeedCounts, type SeedData } from './seed-data.js';

export type BulkRunner = <T>(fn: () => T) => T;

export interface ApplySeedOptions {
  /** Runs a synchronous function in one write transaction (e.g. SqliteStore.transaction). */
  bulk?: BulkRunner;
  /** Entities per transaction with `bulk` (default 1000); entities in flight without (default 100). */
  batchSize?: number;
  /** Recorded as the audit events' reason, e.g. "demo portfolio". */
  reason?: string;
}

export interface ApplySeedResult {
  counts: SeedCounts;
  auditEvents: number;
}

const MAX_ID = 64;

/** A readable, deterministic audit id; hashed down when the entity id is long. */
export function seedAuditId(entityType: EntityType, entityId: string): string {
  const id = `aud-seed-${entityType}-${entityId}`;
  if (id.length <= MAX_ID) return id;
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  const hash = h.toString(16).padStart(8, '0');
  return `${id.slice(0, MAX_ID - hash.length - 1)}-${hash}`;
}

interface Write {
  /** Stores the entity. */
  create(): Promise<unknown>;
  audit: AuditEvent;
  /** Names this write for the writes that depend on it, e.g. "project:prj-1". */
  key?: string;
  /** Keys of the writes whose entity must be stored first (its project, its KPI, projects it depends on). */
  after?: readonly string[];
}

/** Projects in waves: a project comes after the projects of this seed it depends on. */
export function dependencyWaves(projects: readonly Project[]): Project[][] {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const depth = new Map<string, number>();
  const depthOf = (p: Project, path: Set<string>): number => {
    const known = depth.get(p.id);
    if (known !== undefined) return known;
    if (path.has(p.id)) return 0; // a cycle: no order can satisfy it, keep going
    path.add(p.id);
    let d = 0;
    for (const dep of p.dependencies) {
      const q = byId.get(dep);
      if (q && q.id !== p.id) d = Math.max(d, depthOf(q, path) + 1);
    }
    path.delete(p.id);
    depth.set(p.id, d);
    return d;
  };
  const waves: Project[][] = [];
  for (const p of projects) {
    const d = depthOf(p, new Set());
    (waves[d] ??= []).push(p);
  }
  return waves.filter((w) => w.length > 0);
}

/** Runs `task` over `items` with at most `concurrency` running; the first failure is thrown. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export async function applySeed(
  store: Store,
  data: SeedData,
  options: ApplySeedOptions = {},
): Promise<ApplySeedResult> {
  const { bulk } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? (bulk ? 1000 : 100)));
  const reason = options.reason ?? 'seed';
  let auditEvents = 0;

  const event = (
    entityType: EntityType,
    entityId: string,
    at: string,
    projectId: string | null,
  ): AuditEvent => ({
    id: seedAuditId(entityType, entityId),
    at,
    actorId: SYSTEM_ACTOR_ID,
    surface: 'seed',
    entityType,
    entityId,
    projectId,
    action: 'seed',
    changes: [],
    reason,
    correlationId: null,
  });

  // Without `bulk`: every write starts as soon as the entities it refers to are stored (not when
  // the whole previous kind is), so a write held up by throttling delays only what depends on it.
  // Writes are listed in dependency order, so the window always holds what the waiting ones need.
  const created = new Map<string, Promise<unknown>>();
  const runWindow = async (writes: readonly Write[]): Promise<void> => {
    await inPool(writes, batchSize, async (w) => {
      // Registered before it waits, so that what depends on it waits too.
      const before = (w.after ?? []).flatMap((key) => created.get(key) ?? []);
      const stored = Promise.all(before).then(() => w.create());
      if (w.key) {
        created.set(w.key, stored);
        stored.catch(() => undefined);
      }
      await stored;
      await store.audit.append(w.audit);
      auditEvents += 1;
    });
  };

  const runBulk = async (writes: readonly Write[]): Promise<void> => {
    if (!bulk) return;
    for (let i = 0; i < writes.length; i += batchSize) {
      const batch = writes.slice(i, i + batchSize);
      // Inside the transaction every call runs at once; a handler is attached to each promise right
      // away so that a failure (which makes bulk() throw and roll back) leaves no unhandled rejection.
      const pending = bulk(() =>
        batch.flatMap((w) => {
          const ps = [w.create(), store.audit.append(w.audit)];
          for (const p of ps) p.catch(() => undefined);
          return ps;
        }),
      );
      await Promise.all(pending);
      auditEvents += batch.length;
    }
  };

  const kpiProject = new Map(data.kpis.map((k) => [k.id, k.projectId]));

  const ofProject = (id: string | null) => (id ? [`project:${id}`] : []);
  const phases: Write[][] = [
    data.people.map((p) => ({
      create: () => store.people.create(p),
      audit: event('person', p.id, p.createdAt, null),
    })),
    ...dependencyWaves(data.projects).map((wave) =>
      wave.map((p) => ({
        create: () => store.projects.create(p),
        audit: event('project', p.id, p.createdAt, p.id),
        key: `project:${p.id}`,
        after: p.dependencies.map((d) => `project:${d}`),
      })),
    ),
    data.kpis.map((k) => ({
      create: () => store.kpis.create(k),
      audit: event('kpi', k.id, k.createdAt, k.projectId),
      key: `kpi:${k.id}`,
      after: ofProject(k.projectId),
    })),
    data.measurements.map((m) => ({
      create: () => store.measurements.create(m),
      audit: event('measurement', m.id, m.createdAt, kpiProject.get(m.kpiId) ?? null),
      after: [`kpi:${m.kpiId}`],
    })),
    data.statusUpdates.map((u) => ({
      create: () => store.statusUpdates.create(u),
      audit: event('status-update', u.id, u.createdAt, u.projectId),
      after: ofProject(u.projectId),
    })),
    data.risks.map((r) => ({
      create: () => store.risks.create(r),
      audit: event('risk', r.id, r.createdAt, r.projectId),
      after: ofProject(r.projectId),
    })),
    data.milestones.map((m) => ({
      create: () => store.milestones.create(m),
      audit: event('milestone', m.id, m.createdAt, m.projectId),
      after: ofProject(m.projectId),
    })),
  ];

  if (bulk) for (const phase of phases) await runBulk(phase);
  else await runWindow(phases.flat());

  // Settings: created, or - when the store already has a settings document - replaced.
  const existing = await store.settings.get();
  const settings: Write = {
    create: () =>
      store.settings.save(
        existing ? { ...data.settings, version: existing.version } : data.settings,
        existing?.version ?? null,
      ),
    audit: event('settings', 'settings', data.settings.updatedAt, null),
  };
  if (bulk) await runBulk([settings]);
  else await runWindow([settings]);

  return { counts: countSeed(data), auditEvents };
}
