// Opens the embedded SQLite database: creates its directory, sets the connection pragmas and brings
// the schema up to date. One file may be opened by several processes at once (two app instances):
// WAL lets readers and one writer work together and busy_timeout makes writers wait for each other.
import { accessSync, constants, existsSync, mkdirSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '../../domain/errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

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

/**
 * The database file cannot be opened at start: which file and why, in words an operator can act on.
 * Still an UnavailableError for callers that only care that the store cannot answer.
 */
export class DatabaseOpenError extends UnavailableError {
  override name = 'DatabaseOpenError';
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`sqlite database ${file}`, options);
    this.message = `cannot open the database ${file}: ${reason}`;
  }
}

/** statfs types of kernel pseudo file systems: nothing can be stored there (and mkdir may hang). */
const PSEUDO_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'procfs'],
  [0x62656572, 'sysfs'],
  [0x27e0eb, 'cgroupfs'],
  [0x63677270, 'cgroup2fs'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x1cd1, 'devpts'],
]);

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

/** Why opening failed, for the start-up message (the raw driver text is kept as the cause). */
export function openFailureReason(e: unknown): string {
  const code = errorCode(e);
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY'))
    return 'the directory or file is not writable (permission denied)';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a directory';
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) return 'the disk is full';
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT'))
    return 'the file is not a SQLite database or is corrupt (restore it from a backup, or move it away to start with an empty store)';
  if (code.startsWith('SQLITE_CANTOPEN'))
    return 'the file cannot be opened (no permission, or not a regular file)';
  if (code.startsWith('SQLITE_BUSY')) return 'another process holds a lock on it';
  const message = e instanceof Error ? e.message : String(e);
  return code ? `${message} (${code})` : message;
}

/** The nearest existing directory on the way to `dir` (the one that decides the file system). */
function existingAncestor(dir: string): string {
  let current = dir;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/** Refuses a data directory on a kernel pseudo file system, or one that is not a writable directory. */
function checkDirectory(dir: string, file: string): void {
  const ancestor = existingAncestor(dir);
  const type = Number(statfsSync(ancestor).type);
  const pseudo = PSEUDO_FILE_SYSTEMS.get(type);
  if (pseudo)
    throw new DatabaseOpenError(
      file,
      `${ancestor} is on ${pseudo}, a kernel pseudo file system; choose a directory on a disk`,
    );
  mkdirSync(dir, { recursive: true });
  if (!statSync(dir).isDirectory()) throw new DatabaseOpenError(file, `${dir} is not a directory`);
  accessSync(dir, constants.W_OK);
}

export function databasePath(options: Pick<OpenDatabaseOptions, 'dataDir' | 'fileName'>): string {
  const fileName = options.fileName ?? DEFAULT_DATABASE_FILE;
  return fileName === MEMORY_DATABASE ? MEMORY_DATABASE : path.resolve(options.dataDir, fileName);
}

export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  const file = databasePath(options);
  let db: SqliteDatabase | undefined;
  try {
    if (file !== MEMORY_DATABASE) checkDirectory(path.dirname(file), file);
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
    if (e instanceof SchemaVersionError || e instanceof DatabaseOpenError) throw e;
    throw new DatabaseOpenError(file, openFailureReason(e), { cause: e });
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
