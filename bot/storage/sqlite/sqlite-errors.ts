// Maps driver failures onto the domain's typed errors in one place. Constraint failures are decided
// by the repository that knows which key was violated; everything that means "the database cannot
// answer right now" (locked, I/O, full, closed, not a database) becomes UnavailableError.
import Database from 'better-sqlite3';
import { isAppError, UnavailableError } from '../../domain/errors.js';

const UNAVAILABLE_CODES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_PROTOCOL',
  'SQLITE_NOMEM',
];

export const STORE_NAME = 'sqlite store';

export function sqliteErrorCode(e: unknown): string | undefined {
  return e instanceof Database.SqliteError ? e.code : undefined;
}

/** SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY: the column list named in the message ("t.a, t.b"). */
export function uniqueViolation(e: unknown): string[] | undefined {
  const code = sqliteErrorCode(e);
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return undefined;
  const m = /constraint failed: (.+)$/.exec((e as Error).message);
  return (m?.[1] ?? '').split(',').map((c) => c.trim().replace(/^[^.]+\./, ''));
}

export function isForeignKeyViolation(e: unknown): boolean {
  return sqliteErrorCode(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function isClosedConnection(e: unknown): boolean {
  return e instanceof TypeError && /database connection is not open/i.test(e.message);
}

/** App errors pass through; unavailability becomes UnavailableError with the driver error as cause. */
export function toStoreError(e: unknown): unknown {
  if (isAppError(e)) return e;
  const code = sqliteErrorCode(e);
  if (code && UNAVAILABLE_CODES.some((c) => code === c || code.startsWith(`${c}_`))) {
    return new UnavailableError(STORE_NAME, { cause: e });
  }
  if (isClosedConnection(e)) return new UnavailableError(STORE_NAME, { cause: e });
  return e;
}
