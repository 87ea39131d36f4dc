// The one place that chooses the storage implementation from the configuration. The composition root
// calls these; nothing else knows which store is behind the ports.
import { ConfigError, type Config } from '../config.js';
import type { Store } from '../ports/repositories.js';
import type { StateStore } from '../ports/state.js';
import type { InvalidRowHandler } from './sqlite/invalid-row.js';
import { createSqliteStateStore, createSqliteStore } from './sqlite/sqlite-store.js';

export interface StoreDeps {
  /** Told about each stored row (or list item) that no longer validates; the read skips it. */
  onInvalidRow?: InvalidRowHandler;
}

function notAvailableYet(variable: string, mode: string, folder: string): ConfigError {
  return new ConfigError([
    {
      variable,
      message: `${variable}=${mode} is not available yet in this version (it will live in ${folder}); use ${variable}=sqlite`,
    },
  ]);
}

export function createStore(config: Config, deps: StoreDeps = {}): Promise<Store> {
  switch (config.store) {
    case 'sqlite':
      // Opening may throw (unavailable, schema too new): the executor turns that into a rejection.
      return new Promise((resolve) =>
        resolve(createSqliteStore({ dataDir: config.dataDir, onInvalidRow: deps.onInvalidRow })),
      );
    case 'sharepoint':
      // Seam: return createSharePointStore(config.sharepoint, ...) from bot/storage/sharepoint/.
      return Promise.reject(notAvailableYet('STORE', 'sharepoint', 'bot/storage/sharepoint/'));
  }
}

export function createStateStore(config: Config, deps: StoreDeps = {}): Promise<StateStore> {
  switch (config.stateStore) {
    case 'sqlite':
      return new Promise((resolve) =>
        resolve(createSqliteStateStore({ dataDir: config.dataDir, onInvalidRow: deps.onInvalidRow })),
      );
    case 'blob':
      // Seam: return createBlobStateStore(config.azureStorage, ...) from bot/storage/blob/.
      return Promise.reject(notAvailableYet('STATE_STORE', 'blob', 'bot/storage/blob/'));
  }
}
