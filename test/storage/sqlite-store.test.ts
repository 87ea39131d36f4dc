// The embedded SQLite store: both contract suites, then what only SQLite has (migrations, pragmas,
// invalid rows read back, driver failures, the seeding transaction).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  DuplicateError,
  UnavailableError,
  ValidationError,
  type FieldIssue,
} from '../../bot/domain/errors.js';
import { shiftPeriod } from '../../bot/domain/period.js';
import { collectAll } from '../../bot/ports/paging.js';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import {
  databasePath,
  DEFAULT_DATABASE_FILE,
  migrate,
  openDatabase,
  schemaVersion,
  SchemaVersionError,
} from '../../bot/storage/sqlite/database.js';
import { MIGRATIONS, type Migration } from '../../bot/storage/sqlite/migrations.js';
import {
  createSqliteStateStore,
  createSqliteStore,
  type SqliteStore,
} from '../../bot/storage/sqlite/sqlite-store.js';
import {
  createTemporarySqliteStore,
  type TemporarySqliteStore,
} from '../../bot/storage/sqlite/temporary-store.js';
import { describeStoreContract } from '../contract/repositories.contract.js';
import { describeStateStoreContract } from '../contract/state-store.contract.js';
import {
  buildAuditEvent,
  buildKpi,
  buildMeasurement,
  buildMilestone,
  buildPerson,
  buildProject,
  buildRisk,
  buildRunRecord,
  buildConversation,
  buildSettings,
  buildStatusUpdate,
  FIXTURE_TIME,
} from '../helpers/fixtures.js';

const CLAIM_TIMEOUT_MS = 10 * 60_000;

describeStoreContract('sqlite', () => {
  const t = createTemporarySqliteStore();
  return Promise.resolve({
    store: t.store,
    cleanup: t.cleanup,
    openSecondInstance: () => Promise.resolve(t.openStore()),
  });
});

describeStateStoreContract('sqlite', () => {
  const t = createTemporarySqliteStore();
  const stateStore = t.openStateStore({ claimTimeoutMs: CLAIM_TIMEOUT_MS });
  return Promise.resolve({
    stateStore,
    claimTimeoutMs: CLAIM_TIMEOUT_MS,
    cleanup: t.cleanup,
    openSecondInstance: () => Promise.resolve(t.openStateStore({ claimTimeoutMs: CLAIM_TIMEOUT_MS })),
  });
});

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'transformation-hub-test-'));
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('sqlite database', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its directory and file, in WAL mode with foreign keys on and a busy timeout', () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const db = openDatabase({ dataDir });
    try {
      expect(db.name).toBe(path.join(dataDir, DEFAULT_DATABASE_FILE));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
    // WAL is a property of the file: a plain connection sees it too.
    const raw = new Database(path.join(dataDir, DEFAULT_DATABASE_FILE));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('supports a private in-memory database', () => {
    const db = openDatabase({ dataDir: dir, fileName: ':memory:' });
    expect(databasePath({ dataDir: dir, fileName: ':memory:' })).toBe(':memory:');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  describe('migrations', () => {
    const counted = () => {
      const runs: number[] = [];
      const migrations: Migration[] = [
        { version: 1, name: 'one', up: 'CREATE TABLE one (x INTEGER)' },
        {
          version: 2,
          name: 'two',
          up: (db) => {
            runs.push(2);
            db.exec('CREATE TABLE two (x INTEGER); INSERT INTO two VALUES (2);');
          },
        },
      ];
      return { runs, migrations };
    };

    it('applies each migration once; reopening does not run them again', () => {
      const { runs, migrations } = counted();
      openDatabase({ dataDir: dir, migrations }).close();
      const db = openDatabase({ dataDir: dir, migrations });
      expect(runs).toEqual([2]);
      expect(schemaVersion(db)).toBe(2);
      expect(db.prepare('SELECT count(*) AS n FROM two').get()).toEqual({ n: 1 });
      db.close();
    });

    it('applies only the migrations added since the file was last opened', () => {
      const { runs, migrations } = counted();
      openDatabase({ dataDir: dir, migrations: migrations.slice(0, 1) }).close();
      const db = openDatabase({ dataDir: dir, migrations });
      expect(runs).toEqual([2]);
      expect(schemaVersion(db)).toBe(2);
      db.close();
    });

    it('migration 3 copies the confidential flag of the risks already stored into its column', () => {
      openDatabase({ dataDir: dir, migrations: MIGRATIONS.slice(0, 2) }).close();
      const raw = new Database(path.join(dir, DEFAULT_DATABASE_FILE));
      const insert = raw.prepare(
        'INSERT INTO risks (id, version, data, project_id, status, owner_id, score, raised_at_ms) VALUES (?, 1, ?, NULL, ?, NULL, 4, 0)',
      );
      insert.run('r-secret', JSON.stringify({ confidential: true }), 'open');
      insert.run('r-plain', JSON.stringify({}), 'open');
      raw.close();
      const db = openDatabase({ dataDir: dir });
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT id, confidential FROM risks ORDER BY id').all()).toEqual([
        { id: 'r-plain', confidential: 0 },
        { id: 'r-secret', confidential: 1 },
      ]);
      db.close();
    });

    it('refuses a database written by a newer schema version, naming both versions', () => {
      const raw = new Database(path.join(dir, DEFAULT_DATABASE_FILE));
      raw.pragma(`user_version = ${MIGRATIONS.length + 3}`);
      raw.close();
      let error: unknown;
      try {
        createSqliteStore({ dataDir: dir });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SchemaVersionError);
      expect((error as SchemaVersionError).found).toBe(MIGRATIONS.length + 3);
      expect((error as SchemaVersionError).supported).toBe(MIGRATIONS.length);
      expect((error as Error).message).toMatch(/newer/);
    });

    it('a failing migration rolls back entirely and leaves the version as it was', () => {
      const failing: Migration[] = [
        { version: 1, name: 'one', up: 'CREATE TABLE one (x INTEGER)' },
        { version: 2, name: 'broken', up: 'CREATE TABLE two (x INTEGER); THIS IS NOT SQL;' },
      ];
      expect(() => openDatabase({ dataDir: dir, migrations: failing })).toThrow();
      const raw = new Database(path.join(dir, DEFAULT_DATABASE_FILE));
      expect(schemaVersion(raw)).toBe(0);
      expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
      raw.close();
    });

    it('refuses a migration list whose versions are out of order', () => {
      const db = new Database(':memory:');
      expect(() => migrate(db, [{ version: 2, name: 'wrong', up: 'SELECT 1' }])).toThrow(/expected 1/);
      db.close();
    });
  });

  it('a file that is not a database is reported as unavailable', () => {
    writeFileSync(
      path.join(dir, DEFAULT_DATABASE_FILE),
      'this is not a database, just some text '.repeat(100),
    );
    expect(() => createSqliteStore({ dataDir: dir })).toThrow(UnavailableError);
  });
});

describe('sqlite store', () => {
  let t: TemporarySqliteStore;
  let store: SqliteStore;
  let raw: Database.Database;
  beforeEach(() => {
    t = createTemporarySqliteStore();
    store = t.store;
    raw = new Database(path.join(t.dataDir, DEFAULT_DATABASE_FILE));
  });
  afterEach(async () => {
    raw.close();
    await t.cleanup();
  });

  describe('referential integrity (foreign keys)', () => {
    it.each([
      [
        'status update',
        () => store.statusUpdates.create(buildStatusUpdate({ projectId: 'missing' })),
        'projectId',
      ],
      ['milestone', () => store.milestones.create(buildMilestone({ projectId: 'missing' })), 'projectId'],
      ['risk', () => store.risks.create(buildRisk({ projectId: 'missing' })), 'projectId'],
      ['KPI', () => store.kpis.create(buildKpi({ projectId: 'missing' })), 'projectId'],
      ['measurement', () => store.measurements.create(buildMeasurement({ kpiId: 'missing' })), 'kpiId'],
    ] as const)('a %s must name an existing parent', async (_name, create, field) => {
      const error = await rejectionOf(create());
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        expect.objectContaining({ path: field, code: 'not_found' }),
      ]);
    });

    it('an update that points a child at a missing parent is refused too', async () => {
      const project = await store.projects.create(buildProject());
      const milestone = await store.milestones.create(buildMilestone({ projectId: project.id }));
      expect(
        await rejectionOf(store.milestones.update({ ...milestone, projectId: 'missing' }, 1)),
      ).toBeInstanceOf(ValidationError);
    });

    it('is enforced by the database itself, not only by the repositories', () => {
      raw.pragma('foreign_keys = ON');
      expect(() =>
        raw
          .prepare(
            "INSERT INTO milestones (id, version, data, project_id, status, due_date) VALUES ('m', 1, '{}', 'x', 'planned', '2026-01-01')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    });
  });

  it('refuses to store an entity that does not validate', async () => {
    const error = await rejectionOf(store.projects.create({ ...buildProject(), pillar: 'XXX' as 'GOV' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('pillar');
    expect(await store.isEmpty()).toBe(true);
  });

  it('a second person with the same Entra object id is a DuplicateError', async () => {
    const aadObjectId = '11111111-2222-4333-8444-555555555555';
    await store.people.create(buildPerson({ aadObjectId }));
    expect(await rejectionOf(store.people.create(buildPerson({ aadObjectId })))).toBeInstanceOf(
      DuplicateError,
    );
  });

  it('names and titles sort without regard to letter case', async () => {
    const people = [
      buildPerson({ name: 'bea Lopez' }),
      buildPerson({ name: 'Ali Haddad' }),
      buildPerson({ name: 'Carl Berg' }),
    ];
    for (const p of people) await store.people.create(p);
    expect((await store.people.list()).items.map((p) => p.name)).toEqual([
      'Ali Haddad',
      'bea Lopez',
      'Carl Berg',
    ]);
    for (const title of ['zeta index', 'Alpha rate', 'beta share'])
      await store.kpis.create(buildKpi({ title }));
    expect((await store.kpis.list()).items.map((k) => k.title)).toEqual([
      'Alpha rate',
      'beta share',
      'zeta index',
    ]);
  });

  it('orders instants by time, not by their spelling', async () => {
    const early = await store.risks.create(buildRisk({ raisedAt: '2026-03-02T09:00:00Z' }));
    const late = await store.risks.create(buildRisk({ raisedAt: '2026-03-02T09:00:00.500Z' }));
    expect((await store.risks.list()).items.map((r) => r.id)).toEqual([late.id, early.id]);
    await store.audit.append(buildAuditEvent({ id: 'a-1', at: '2026-03-02T10:00:00+01:00' }));
    await store.audit.append(buildAuditEvent({ id: 'a-2', at: '2026-03-02T09:30:00Z' }));
    expect((await store.audit.list()).items.map((e) => e.id)).toEqual(['a-2', 'a-1']);
    expect((await store.audit.list({ since: '2026-03-02T10:15:00+01:00' })).items.map((e) => e.id)).toEqual([
      'a-2',
    ]);
  });

  describe('cursors', () => {
    beforeEach(async () => {
      for (let i = 0; i < 3; i++) await store.projects.create(buildProject());
    });

    it('are opaque base64url strings', async () => {
      const page = await store.projects.list({ limit: 1 });
      expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it('from one listing are refused by another', async () => {
      const page = await store.projects.list({ limit: 1 });
      const error = await rejectionOf(store.people.list({ cursor: page.nextCursor }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe('cursor');
    });

    it.each([
      ['wrong key types', { s: 'projects.list', k: [1, 2] }],
      ['too few keys', { s: 'projects.list', k: ['FX-1'] }],
      ['extra fields', { s: 'projects.list', k: ['FX-1', 'a'], x: 1 }],
      ['not an object', ['projects.list']],
    ])('with %s are refused', async (_name, json) => {
      const cursor = Buffer.from(JSON.stringify(json)).toString('base64url');
      expect(await rejectionOf(store.projects.list({ cursor }))).toBeInstanceOf(ValidationError);
    });

    it('a bad period or instant in a query is a ValidationError', async () => {
      expect(
        await rejectionOf(store.statusUpdates.latestPerProject({ upToPeriod: '2026-W99' })),
      ).toBeInstanceOf(ValidationError);
      expect(await rejectionOf(store.statusUpdates.listByPeriod('last week'))).toBeInstanceOf(
        ValidationError,
      );
      expect(await rejectionOf(store.audit.list({ since: 'yesterday' }))).toBeInstanceOf(ValidationError);
    });
  });

  describe('invalid rows read back', () => {
    let reports: Array<{ table: string; id: string; issues: FieldIssue[] }>;
    let reporting: SqliteStore;
    beforeEach(() => {
      reports = [];
      reporting = t.openStore({ onInvalidRow: (table, id, issues) => reports.push({ table, id, issues }) });
    });

    async function threeProjects() {
      const projects = [];
      for (let i = 0; i < 3; i++) projects.push(await store.projects.create(buildProject()));
      return projects as [
        Awaited<ReturnType<typeof store.projects.create>>,
        ...Array<Awaited<ReturnType<typeof store.projects.create>>>,
      ];
    }

    it('broken JSON: list skips the row and reports it; get returns undefined and reports it', async () => {
      const [a, b, c] = await threeProjects();
      raw.prepare("UPDATE projects SET data = '{not json' WHERE id = ?").run(b!.id);
      const page = await reporting.projects.list();
      expect(page.items.map((p) => p.id)).toEqual([a.id, c!.id]);
      expect(reports).toEqual([
        { table: 'projects', id: b!.id, issues: [expect.objectContaining({ code: 'invalid_json' })] },
      ]);
      expect(await reporting.projects.get(b!.id)).toBeUndefined();
      expect(await reporting.projects.getByCode(b!.code)).toBeUndefined();
      expect((await reporting.projects.getMany([a.id, b!.id])).map((p) => p.id)).toEqual([a.id]);
      expect(reports).toHaveLength(4);
    });

    it('valid JSON that fails the schema is skipped and reported with the failing field', async () => {
      const [a, b] = await threeProjects();
      raw.prepare("UPDATE projects SET data = json_set(data, '$.pillar', 'XXX') WHERE id = ?").run(a.id);
      const page = await reporting.projects.list({ limit: 2 });
      expect(page.items.map((p) => p.id)).toEqual([b!.id]);
      expect(page.nextCursor).toBeDefined();
      expect(reports).toEqual([
        { table: 'projects', id: a.id, issues: [expect.objectContaining({ path: 'pillar' })] },
      ]);
      const all = await collectAll((req) => reporting.projects.list(req), 1);
      expect(all).toHaveLength(2);
    });

    it('a JSON value that is not an object is reported', async () => {
      const [a] = await threeProjects();
      raw.prepare("UPDATE projects SET data = '[1,2]' WHERE id = ?").run(a.id);
      expect(await reporting.projects.get(a.id)).toBeUndefined();
      expect(reports[0]?.issues[0]?.code).toBe('invalid_type');
    });

    it('a conflicting update of a broken row reports a conflict without a current entity; an update from its version repairs it', async () => {
      const [a] = await threeProjects();
      raw.prepare("UPDATE projects SET data = 'garbage', version = 4 WHERE id = ?").run(a.id);
      const error = await rejectionOf(reporting.projects.update({ ...a, title: 'Repaired' }, 1));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).current).toBeUndefined();
      const repaired = await reporting.projects.update({ ...a, title: 'Repaired' }, 4);
      expect(await reporting.projects.get(a.id)).toEqual(repaired);
      expect(repaired.version).toBe(5);
    });

    it('every table skips and reports its invalid rows', async () => {
      const project = await store.projects.create(buildProject());
      const update = await store.statusUpdates.create(buildStatusUpdate({ projectId: project.id }));
      const risk = await store.risks.create(buildRisk());
      const milestone = await store.milestones.create(buildMilestone({ projectId: project.id }));
      const kpi = await store.kpis.create(buildKpi());
      const measurement = await store.measurements.create(buildMeasurement({ kpiId: kpi.id }));
      const person = await store.people.create(buildPerson());
      const event = buildAuditEvent();
      await store.audit.append(event);
      await store.settings.save(buildSettings(), null);
      const state = t.openStateStore({
        onInvalidRow: (table, id, issues) => reports.push({ table, id, issues }),
      });
      const conversation = buildConversation({ personId: 'p' });
      await state.conversations.upsert(conversation);
      await state.runs.record(buildRunRecord());

      for (const [table, id] of [
        ['status_updates', update.id],
        ['risks', risk.id],
        ['milestones', milestone.id],
        ['kpis', kpi.id],
        ['measurements', measurement.id],
        ['people', person.id],
        ['audit_events', event.id],
        ['settings', 'settings'],
      ]) {
        raw.prepare(`UPDATE ${table} SET data = '{}' WHERE id = ?`).run(id!);
      }
      raw.prepare("UPDATE conversations SET data = '{}'").run();
      raw.prepare("UPDATE runs SET status = 'bogus'").run();

      expect((await reporting.statusUpdates.listByProject(project.id)).items).toEqual([]);
      expect((await reporting.statusUpdates.latestPerProject()).items).toEqual([]);
      expect((await reporting.risks.list()).items).toEqual([]);
      expect((await reporting.milestones.list()).items).toEqual([]);
      expect((await reporting.kpis.list()).items).toEqual([]);
      expect((await reporting.measurements.list()).items).toEqual([]);
      expect((await reporting.people.list()).items).toEqual([]);
      expect((await reporting.audit.list()).items).toEqual([]);
      expect(await reporting.settings.get()).toBeUndefined();
      expect(await state.conversations.list()).toEqual([]);
      expect(await state.conversations.getPersonal('p')).toBeUndefined();
      expect(await state.runs.list({})).toEqual([]);
      expect([...new Set(reports.map((r) => r.table))].sort()).toEqual(
        [
          'audit_events',
          'conversations',
          'kpis',
          'measurements',
          'milestones',
          'people',
          'risks',
          'runs',
          'settings',
          'status_updates',
        ].sort(),
      );
      await state.close();
    });

    it('a reporter that throws does not break the read', async () => {
      const [a, b] = await threeProjects();
      raw.prepare("UPDATE projects SET data = 'x' WHERE id = ?").run(a.id);
      const throwing = t.openStore({
        onInvalidRow: () => {
          throw new Error('logger down');
        },
      });
      expect((await throwing.projects.list()).items.map((p) => p.id)).toContain(b!.id);
    });
  });

  describe('unavailability', () => {
    it('a closed store rejects with UnavailableError', async () => {
      const other = t.openStore();
      await other.close();
      await other.close(); // closing twice is harmless
      const error = await rejectionOf(other.ping());
      expect(error).toBeInstanceOf(UnavailableError);
      expect(await rejectionOf(other.projects.get('x'))).toBeInstanceOf(UnavailableError);
    });

    it('a write blocked by another writer beyond the busy timeout rejects with UnavailableError carrying SQLITE_BUSY', async () => {
      const impatient = t.openStore({ busyTimeoutMs: 10 });
      raw.exec('BEGIN IMMEDIATE');
      try {
        const error = await rejectionOf(impatient.projects.create(buildProject()));
        expect(error).toBeInstanceOf(UnavailableError);
        expect(((error as UnavailableError).cause as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
        // Readers are not blocked by a writer in WAL mode.
        await expect(impatient.projects.list()).resolves.toEqual({ items: [], nextCursor: undefined });
      } finally {
        raw.exec('ROLLBACK');
      }
      await expect(impatient.projects.create(buildProject())).resolves.toBeDefined();
    });
  });

  describe('transaction (bulk seeding)', () => {
    it('commits every write made inside it', async () => {
      const projects = Array.from({ length: 50 }, () => buildProject());
      const created = store.transaction(() => projects.map((p) => store.projects.create(p)));
      expect(await Promise.all(created)).toHaveLength(50);
      expect((await store.projects.list()).items).toHaveLength(50);
    });

    it('rolls everything back when one write inside it fails, and throws that error', async () => {
      const first = buildProject();
      const pending: Array<Promise<unknown>> = [];
      let error: unknown;
      try {
        store.transaction(() => {
          pending.push(store.projects.create(first));
          pending.push(store.projects.create(buildProject()));
          pending.push(store.projects.create({ ...buildProject(), id: first.id }));
        });
      } catch (e) {
        error = e;
      }
      const settled = await Promise.allSettled(pending);
      expect(error).toBeInstanceOf(DuplicateError);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect(await store.isEmpty()).toBe(true);
    });

    it('rolls back when the function throws', async () => {
      expect(() =>
        store.transaction(() => {
          void store.people.create(buildPerson());
          throw new Error('seed failed');
        }),
      ).toThrow('seed failed');
      expect(await store.isEmpty()).toBe(true);
    });
  });

  describe('writeAudited (a write and its audit record in one transaction)', () => {
    const eventsOf = async (entityId: string) => (await store.audit.list({ entityId })).items;

    it('stores both and answers what the write answers', async () => {
      const project = await store.projects.create(buildProject());
      const update = buildStatusUpdate({ projectId: project.id });
      const event = buildAuditEvent({ entityType: 'status-update', entityId: update.id, action: 'create' });
      const stored = await store.writeAudited!(() => store.statusUpdates.create(update), [event]);
      expect(stored).toMatchObject({ id: update.id, version: 1 });
      expect((await eventsOf(update.id)).map((e) => e.id)).toEqual([event.id]);
    });

    it('a refused write leaves no audit record, and its error is thrown', async () => {
      const project = await store.projects.create(buildProject());
      const update = await store.statusUpdates.create(buildStatusUpdate({ projectId: project.id }));
      const event = buildAuditEvent({ entityType: 'status-update', entityId: update.id, action: 'amend' });
      await expect(
        store.writeAudited!(() => store.statusUpdates.update({ ...update, summary: 'Stale.' }, 7), [event]),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await eventsOf(update.id)).toEqual([]);
      expect((await store.statusUpdates.get(update.id))?.summary).toBe(update.summary);
    });

    it('refuses a write that reaches the store only after an await, recording nothing', async () => {
      const project = await store.projects.create(buildProject());
      const update = buildStatusUpdate({ projectId: project.id });
      const event = buildAuditEvent({ entityType: 'status-update', entityId: update.id, action: 'create' });
      await expect(
        store.writeAudited!(async () => {
          await Promise.resolve();
          return store.statusUpdates.create(update);
        }, [event]),
      ).rejects.toThrow(/at once/);
      expect(await eventsOf(update.id)).toEqual([]);
    });

    it('an audit record that cannot be stored undoes the write', async () => {
      const project = await store.projects.create(buildProject());
      const update = await store.statusUpdates.create(buildStatusUpdate({ projectId: project.id }));
      const taken = await (async () => {
        const e = buildAuditEvent({ entityId: 'other' });
        await store.audit.append(e);
        return e.id;
      })();
      // The second event has the id of a stored one: its append fails inside the transaction, and the
      // write and the first event go with it.
      const first = buildAuditEvent({ entityType: 'status-update', entityId: update.id });
      const event = buildAuditEvent({ id: taken, entityType: 'status-update', entityId: update.id });
      await expect(
        store.writeAudited!(
          () =>
            store.statusUpdates.update(
              { ...update, summary: 'Never stored.', percentComplete: update.percentComplete + 1 },
              update.version,
            ),
          [first, event],
        ),
      ).rejects.toBeInstanceOf(DuplicateError);
      expect(await eventsOf(update.id)).toEqual([]);
      const current = await store.statusUpdates.get(update.id);
      expect(current).toMatchObject({ version: update.version, summary: update.summary });
      // The project's facts were not moved by the undone write either.
      const [facts] = await store.readModels.projectFacts([project.id]);
      expect(facts?.updates[0]?.percentComplete).toBe(update.percentComplete);
    });
  });

  it('latestPerProject answers for 1,000 projects with 10 updates each', async () => {
    const periods = Array.from({ length: 10 }, (_, i) => shiftPeriod('2026-W01', i));
    const pending: Array<Promise<unknown>> = [];
    store.transaction(() => {
      for (let p = 0; p < 1000; p++) {
        const projectId = `bulk-${String(p).padStart(4, '0')}`;
        pending.push(store.projects.create(buildProject({ id: projectId })));
        // Project p stops reporting after (p % 10) + 1 periods.
        for (const period of periods.slice(0, (p % 10) + 1)) {
          pending.push(store.statusUpdates.create(buildStatusUpdate({ projectId, period })));
        }
      }
    });
    await Promise.all(pending);
    const latest: StatusUpdate[] = await collectAll((req) => store.statusUpdates.latestPerProject(req));
    expect(latest).toHaveLength(1000);
    latest.forEach((u, p) => {
      expect(u.projectId).toBe(`bulk-${String(p).padStart(4, '0')}`);
      expect(u.period).toBe(periods[p % 10]);
    });
    const upTo = await collectAll(
      (req) => store.statusUpdates.latestPerProject({ ...req, upToPeriod: periods[2] }),
      300,
    );
    expect(upTo).toHaveLength(1000);
    expect(upTo.every((u, p) => u.period === periods[Math.min(p % 10, 2)])).toBe(true);
    // The query plan walks the (project_id, period) index rather than sorting the table.
    const plan = raw
      .prepare(
        'EXPLAIN QUERY PLAN SELECT project_id, MAX(period) FROM status_updates WHERE period <= ? GROUP BY project_id ORDER BY project_id',
      )
      .all('2026-W05') as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_status_updates/,
    );
    expect(plan.map((r) => r.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('sqlite state store', () => {
  let t: TemporarySqliteStore;
  beforeEach(() => {
    t = createTemporarySqliteStore();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('recording a pending run renews its claim, like a lease heartbeat', async () => {
    const state = t.openStateStore({ claimTimeoutMs: 60_000 });
    const key = { kind: 'digest', period: '2026-W10', recipientId: 'cto' };
    const at = (ms: number) => new Date(Date.parse(FIXTURE_TIME) + ms).toISOString();
    expect(await state.runs.claim(key, at(0))).toBe(true);
    await state.runs.record(
      buildRunRecord({ ...key, status: 'pending', attempts: 1, detail: 'throttled', updatedAt: at(50_000) }),
    );
    expect(await state.runs.claim(key, at(70_000))).toBe(false);
    expect(await state.runs.claim(key, at(110_001))).toBe(true);
  });

  it('uses the default claim timeout when none is configured', async () => {
    const state = createSqliteStateStore({ dataDir: t.dataDir });
    const key = { kind: 'digest', period: '2026-W10', recipientId: 'cto' };
    const at = (ms: number) => new Date(Date.parse(FIXTURE_TIME) + ms).toISOString();
    expect(await state.runs.claim(key, at(0))).toBe(true);
    expect(await state.runs.claim(key, at(60_000))).toBe(false);
    expect(await state.runs.claim(key, at(24 * 3_600_000))).toBe(true);
    await state.close();
  });

  it.each([
    [
      'a claim time that is not an instant',
      (s: ReturnType<typeof t.openStateStore>) =>
        s.runs.claim({ kind: 'd', period: 'p', recipientId: 'r' }, 'soon'),
    ],
    [
      'an empty run key',
      (s: ReturnType<typeof t.openStateStore>) =>
        s.runs.claim({ kind: '', period: 'p', recipientId: 'r' }, FIXTURE_TIME),
    ],
    [
      'a run record with an unknown status',
      (s: ReturnType<typeof t.openStateStore>) =>
        s.runs.record(buildRunRecord({ status: 'sent' as 'delivered' })),
    ],
    [
      'a conversation without a service URL',
      (s: ReturnType<typeof t.openStateStore>) =>
        s.conversations.upsert(buildConversation({ serviceUrl: '' })),
    ],
    [
      'a lease with a non-positive ttl',
      (s: ReturnType<typeof t.openStateStore>) => s.leases.acquire('x', 'h', 0, new Date(FIXTURE_TIME)),
    ],
    [
      'a lease with an invalid date',
      (s: ReturnType<typeof t.openStateStore>) => s.leases.acquire('x', 'h', 10, new Date('nope')),
    ],
    [
      'a lease with an empty holder',
      (s: ReturnType<typeof t.openStateStore>) => s.leases.acquire('x', '', 10, new Date(FIXTURE_TIME)),
    ],
  ])('refuses %s with a ValidationError', async (_name, act) => {
    expect(await rejectionOf(act(t.openStateStore()))).toBeInstanceOf(ValidationError);
  });

  it('shares the file with the portfolio store without either seeing the other', async () => {
    const state = t.openStateStore();
    await state.conversations.upsert(buildConversation());
    expect(await t.store.isEmpty()).toBe(true);
    await t.store.people.create(buildPerson());
    expect(await state.conversations.list()).toHaveLength(1);
  });

  it('a closed state store rejects with UnavailableError', async () => {
    const state = t.openStateStore();
    await state.close();
    expect(await rejectionOf(state.ping())).toBeInstanceOf(UnavailableError);
  });
});

describe('reporting through onInvalidRow is optional', () => {
  it('defaults to ignoring invalid rows', async () => {
    const t = createTemporarySqliteStore();
    try {
      const p = await t.store.projects.create(buildProject());
      const raw = new Database(path.join(t.dataDir, DEFAULT_DATABASE_FILE));
      raw.prepare("UPDATE projects SET data = 'x' WHERE id = ?").run(p.id);
      raw.close();
      expect(await t.store.projects.get(p.id)).toBeUndefined();
      expect((await t.store.projects.list()).items).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});

describe('two processes on one file', () => {
  // Starting a Node process with the TypeScript loader takes seconds on a busy machine.
  it(
    'a lease and a run claim held by this process are refused to another process, and released to it',
    { timeout: 60_000 },
    async () => {
      const t = createTemporarySqliteStore();
      try {
        const state = t.openStateStore();
        const key = { kind: 'digest', period: '2026-W10', recipientId: 'person-cto' };
        const child = (at: string) =>
          JSON.parse(
            execFileSync(
              process.execPath,
              ['--import', 'tsx', path.join(import.meta.dirname, 'state-store-child.ts'), t.dataDir, at],
              {
                encoding: 'utf8',
              },
            ),
          ) as { lease: boolean; claim: boolean };

        expect(await state.leases.acquire('scheduler', 'this-process', 60_000, new Date(FIXTURE_TIME))).toBe(
          true,
        );
        expect(await state.runs.claim(key, FIXTURE_TIME)).toBe(true);
        expect(child(FIXTURE_TIME)).toEqual({ lease: false, claim: false });

        await state.leases.release('scheduler', 'this-process');
        await state.runs.record(buildRunRecord({ ...key, status: 'failed' }));
        expect(child(FIXTURE_TIME)).toEqual({ lease: true, claim: true });
        expect(await state.leases.acquire('scheduler', 'this-process', 60_000, new Date(FIXTURE_TIME))).toBe(
          false,
        );
        expect(await state.runs.claim(key, FIXTURE_TIME)).toBe(false);
      } finally {
        await t.cleanup();
      }
    },
  );
});
