// Opens the embedded SQLite database: creates its directory, sets the connection pragmas and brings
// the schema up to date. One file may be opened by several processes at once (two app instances):
// WAL lets readers and one writer work together and busy_timeout makes writers wait for each other.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '../../domain/errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { toStoreError } from './sqlite-errors.js';

export type SqliteDatabase = Database.Database;

export const DEFAULT_DATABASE_FILE = 'transformation-hub.db';
export const MEMORY_DATABASE = ':memory:';
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenDatabaseOptions {
  /** Directory of the database file; created when missing. Ignored for MEMORY_DATABASE. */
  dataDir: string;
  /** File name inside dataDir, or MEMORY_DATABASE for a private in-memory database. */
  fileName?: string;
  /** How long a writer waits for another connection's write lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** The schema; tests pass their own list to exercise the migration runner. */
  migrations?: readonly Migration[];
}

/** The database file was written by a newer version of the app; opening it could corrupt its data. */
export class SchemaVersionError extends Error {
  override name = 'SchemaVersionError';
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database ${file} has schema version ${found}, newer than version ${supported} that this version of ` +
        'the app knows. Run the newer app version, or point DATA_DIR at another directory.',
    );
  }
}

export function databasePath(options: Pick<OpenDatabaseOptions, 'dataDir' | 'fileName'>): string {
  const fileName = options.fileName ?? DEFAULT_DATABASE_FILE;
  return fileName === MEMORY_DATABASE ? MEMORY_DATABASE : path.resolve(options.dataDir, fileName);
}

export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  const file = databasePath(options);
  let db: SqliteDatabase | undefined;
  try {
    if (file !== MEMORY_DATABASE) mkdirSync(path.dirname(file), { recursive: true });
    // `timeout` is SQLite's busy_timeout: a writer waits this long for another connection's lock.
    db = new Database(file, {
      timeout: Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS)),
    });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS, file);
    return db;
  } catch (e) {
    if (db?.open) db.close();
    if (e instanceof SchemaVersionError) throw e;
    const mapped = toStoreError(e);
    throw mapped instanceof UnavailableError
      ? mapped
      : new UnavailableError(`sqlite database ${file}`, { cause: e });
  }
}

export function schemaVersion(db: SqliteDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Applies the migrations the database has not seen yet, all in one IMMEDIATE transaction, and sets
 * user_version with them. The version is read inside the transaction, so two processes opening the same
 * new file at once apply each migration once: the second waits for the first and then finds nothing
 * to do.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[], file = db.name): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const target = migrations.length;
  const seen = schemaVersion(db);
  if (seen > target) throw new SchemaVersionError(file, seen, target);
  if (seen === target) return; // the common case: no write lock taken on open
  const apply = db.transaction(() => {
    const current = schemaVersion(db);
    if (current > target) throw new SchemaVersionError(file, current, target);
    for (const m of migrations.slice(current)) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  apply.immediate();
}
