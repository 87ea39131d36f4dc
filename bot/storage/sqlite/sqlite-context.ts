// What every SQLite repository shares: the connection, a statement cache, the invalid-row reporter
// and `run`, which turns a synchronous driver call into the promise the ports speak, with driver
// errors mapped to typed errors.
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import type { InvalidRowHandler } from './invalid-row.js';
import { toStoreError } from './sqlite-errors.js';

export type SqlValue = string | number | bigint | null;
type Statement<P extends unknown[], R> = Database.Statement<P, R>;

export interface SqliteContext {
  readonly db: SqliteDatabase;
  readonly onInvalidRow: InvalidRowHandler;
  /** Runs a synchronous operation; resolves with its result or rejects with a mapped error. */
  run<T>(op: () => T): Promise<T>;
  /** How many operations `run` has started on this connection (a check that a call ran at once). */
  readonly runs: number;
  /** A prepared statement, cached by its SQL text. */
  statement<R>(sql: string): Statement<SqlValue[], R>;
  /** See SqliteStore.transaction. */
  transaction<T>(fn: () => T): T;
}

export function createSqliteContext(db: SqliteDatabase, onInvalidRow: InvalidRowHandler): SqliteContext {
  const cache = new Map<string, Statement<SqlValue[], unknown>>();
  // Inside transaction(): the first failed repository call, so the transaction rolls back even when
  // the caller only holds the rejected promise.
  let inTransaction = false;
  let failure: { error: unknown } | undefined;
  let runs = 0;

  return {
    db,
    onInvalidRow,
    get runs() {
      return runs;
    },
    run<T>(op: () => T): Promise<T> {
      runs += 1;
      try {
        return Promise.resolve(op());
      } catch (e) {
        const mapped = toStoreError(e);
        if (inTransaction && !failure) failure = { error: mapped };
        return Promise.reject(mapped instanceof Error ? mapped : new Error(String(mapped)));
      }
    },
    statement<R>(sql: string): Statement<SqlValue[], R> {
      let s = cache.get(sql);
      if (!s) {
        s = db.prepare<SqlValue[], unknown>(sql);
        cache.set(sql, s);
      }
      return s as Statement<SqlValue[], R>;
    },
    transaction<T>(fn: () => T): T {
      if (inTransaction) return fn();
      const tx = db.transaction(() => {
        const result = fn();
        if (failure) throw failure.error;
        return result;
      });
      inTransaction = true;
      failure = undefined;
      try {
        return tx.immediate();
      } catch (e) {
        throw toStoreError(e);
      } finally {
        inTransaction = false;
        failure = undefined;
      }
    },
  };
}
