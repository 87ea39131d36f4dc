// A throw-away embedded store in a fresh directory under the OS temp dir, for tests and benchmarks in
// any folder. cleanup() closes it and deletes the directory.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StateStore } from '../../ports/state.js';
import {
  createSqliteStateStore,
  createSqliteStore,
  type SqliteStateStoreOptions,
  type SqliteStore,
  type SqliteStoreOptions,
} from './sqlite-store.js';

export interface TemporarySqliteStore {
  dataDir: string;
  store: SqliteStore;
  /** Another connection to the same file: a second app instance. Closed by cleanup(). */
  openStore(options?: Omit<SqliteStoreOptions, 'dataDir'>): SqliteStore;
  openStateStore(options?: Omit<SqliteStateStoreOptions, 'dataDir'>): StateStore;
  cleanup(): Promise<void>;
}

export function createTemporarySqliteStore(
  options: Omit<SqliteStoreOptions, 'dataDir'> = {},
): TemporarySqliteStore {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'transformation-hub-'));
  const opened: Array<{ close(): Promise<void> }> = [];
  const track = <T extends { close(): Promise<void> }>(s: T): T => {
    opened.push(s);
    return s;
  };
  const store = track(createSqliteStore({ ...options, dataDir }));
  return {
    dataDir,
    store,
    openStore: (more = {}) => track(createSqliteStore({ ...options, ...more, dataDir })),
    openStateStore: (more = {}) => track(createSqliteStateStore({ ...options, ...more, dataDir })),
    cleanup: async () => {
      await Promise.allSettled(opened.map((s) => s.close()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
