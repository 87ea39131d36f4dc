// The embedded store: every repository port on one SQLite file (default <dataDir>/transformation-hub.db),
// and the bot-state ports on the same file. Each factory opens its own connection, so a Store and a
// StateStore, or two app instances, may share the file.
import type { Store } from '../../ports/repositories.js';
import type { StateStore } from '../../ports/state.js';
import { createAuditRepository } from './audit-repository.js';
import { createConversationStore } from './conversation-store.js';
import { openDatabase, type OpenDatabaseOptions } from './database.js';
import { safeInvalidRowHandler, type InvalidRowHandler } from './invalid-row.js';
import { createKpiRepository } from './kpi-repository.js';
import { createNoticeStore } from './notice-store.js';
import { createLeaseStore } from './lease-store.js';
import { createMeasurementRepository } from './measurement-repository.js';
import { createMilestoneRepository } from './milestone-repository.js';
import { createPersonRepository } from './person-repository.js';
import { createProjectRepository } from './project-repository.js';
import { createSqliteReadModels } from './read-models.js';
import { createRiskRepository } from './risk-repository.js';
import { createRunStore } from './run-store.js';
import { createSettingsRepository } from './settings-repository.js';
import { createSqliteContext, type SqliteContext } from './sqlite-context.js';
import { createStatusUpdateRepository } from './status-update-repository.js';

export interface SqliteStoreOptions extends Pick<
  OpenDatabaseOptions,
  'dataDir' | 'fileName' | 'busyTimeoutMs'
> {
  /** Told about each stored row that no longer validates (the read skips it). Default: ignore. */
  onInvalidRow?: InvalidRowHandler;
  /**
   * Projects without facts (a database from before the read models, a hand edit) get them when the
   * store opens. False leaves them missing, for `rebuild-read-models --check` to report. Default true.
   */
  repairReadModels?: boolean;
}

export interface SqliteStore extends Store {
  /**
   * Runs `fn` in one synchronous write transaction, for bulk seeding. Repository calls made inside
   * `fn` execute at once, inside the transaction (their promises are already settled when `fn`
   * returns); if any of them fails, or `fn` throws, everything rolls back and transaction() throws
   * that error. `fn` must not be async. Await the promises it collected afterwards.
   */
  transaction<T>(fn: () => T): T;
}

function context(options: SqliteStoreOptions): SqliteContext {
  const db = openDatabase(options);
  return createSqliteContext(db, safeInvalidRowHandler(options.onInvalidRow));
}

function missingFacts(ctx: SqliteContext): string[] {
  return ctx
    .statement<{ id: string }>(
      'SELECT id FROM projects p WHERE NOT EXISTS (SELECT 1 FROM project_facts f WHERE f.project_id = p.id)',
    )
    .all()
    .map((r) => r.id);
}

function lifecycle(ctx: SqliteContext) {
  return {
    ping: () =>
      ctx.run(() => {
        ctx.statement('SELECT 1').get();
      }),
    close: () =>
      ctx.run(() => {
        if (ctx.db.open) ctx.db.close();
      }),
  };
}

export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const ctx = context(options);
  const readModels = createSqliteReadModels(ctx);
  const audit = createAuditRepository(ctx);
  // A database from before the read models (or written by an older version) gets them now.
  if (options.repairReadModels !== false && readModels.incomplete())
    ctx.transaction(() => readModels.refresh(missingFacts(ctx)));
  return {
    kind: 'sqlite',
    projects: createProjectRepository(ctx, readModels),
    statusUpdates: createStatusUpdateRepository(ctx, readModels),
    risks: createRiskRepository(ctx, readModels),
    milestones: createMilestoneRepository(ctx, readModels),
    kpis: createKpiRepository(ctx, readModels),
    measurements: createMeasurementRepository(ctx, readModels),
    readModels,
    people: createPersonRepository(ctx),
    audit,
    // The repositories run their statements at once (ctx.run), so the write and the append both
    // execute inside this transaction; a failure of either rolls both back and is thrown here.
    writeAudited: <T>(write: () => Promise<T>, events: ReadonlyArray<Parameters<typeof audit.append>[0]>) => {
      let written: Promise<T> | undefined;
      try {
        ctx.transaction(() => {
          const before = ctx.runs;
          written = write();
          written.catch(() => undefined);
          // A write that reached the store only after an await would run outside this transaction:
          // refused here (nothing is recorded) rather than recorded apart from it.
          if (ctx.runs === before)
            throw new Error('writeAudited: the write must call the store at once, not after an await');
          for (const event of events) audit.append(event).catch(() => undefined);
        });
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      return written ?? Promise.reject(new Error('writeAudited: no write'));
    },
    settings: createSettingsRepository(ctx),
    isEmpty: () =>
      ctx.run(
        () =>
          ctx
            .statement<{ empty: number }>(
              'SELECT NOT EXISTS (SELECT 1 FROM projects) AND NOT EXISTS (SELECT 1 FROM people) AS empty',
            )
            .get()?.empty === 1,
      ),
    transaction: (fn) => ctx.transaction(() => readModels.deferred(fn)),
    ...lifecycle(ctx),
  };
}

export interface SqliteStateStoreOptions extends SqliteStoreOptions {
  /** After how long a `pending` run claim counts as abandoned and may be claimed again (run-store.ts). */
  claimTimeoutMs?: number;
}

export function createSqliteStateStore(options: SqliteStateStoreOptions): StateStore {
  const ctx = context(options);
  return {
    conversations: createConversationStore(ctx),
    runs: createRunStore(ctx, { claimTimeoutMs: options.claimTimeoutMs }),
    leases: createLeaseStore(ctx),
    notices: createNoticeStore(ctx),
    ...lifecycle(ctx),
  };
}
