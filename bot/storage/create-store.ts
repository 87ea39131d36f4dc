// The one place that chooses the storage implementation from the configuration. The composition root
// calls these; nothing else knows which store is behind the ports.
import { ConfigError, type Config } from '../config.js';
import type { Store } from '../ports/repositories.js';
import type { StateStore } from '../ports/state.js';
import { blobSettingsOf } from './blob/blob-container.js';
import { createBlobStateStore } from './blob/blob-state-store.js';
import { createSharePointStore } from './sharepoint/sharepoint-store.js';
import { silentLogger, type StorageLogger } from './sharepoint/graph-logger.js';
import { withConversationSpool } from './spool/conversation-spool.js';
import type { InvalidRowHandler } from './sqlite/invalid-row.js';
import { DatabaseOpenError } from './sqlite/database.js';
import { createSqliteStateStore, createSqliteStore } from './sqlite/sqlite-store.js';

export interface StoreDeps {
  /** Told about each stored row (or list item) that no longer validates; the read skips it. */
  onInvalidRow?: InvalidRowHandler;
  /** Where the SharePoint store logs retries, throttling, queued and replayed writes (never secrets). */
  logger?: StorageLogger;
  /** Embedded store: see SqliteStoreOptions.repairReadModels (default true). */
  repairReadModels?: boolean;
}

function missing(variable: string, why: string): ConfigError {
  return new ConfigError([{ variable, message: `required ${why}` }]);
}

/** Opens something under DATA_DIR; a file that cannot be opened stops the start naming the variable. */
function inDataDir<T>(config: Config, open: () => T): T {
  try {
    return open();
  } catch (e) {
    if (e instanceof DatabaseOpenError)
      throw new ConfigError([{ variable: 'DATA_DIR', message: `"${config.dataDir}": ${e.message}` }]);
    throw e;
  }
}

export function createStore(config: Config, deps: StoreDeps = {}): Promise<Store> {
  switch (config.store) {
    case 'sqlite':
      // Opening may throw (unavailable, schema too new): the executor turns that into a rejection.
      return new Promise((resolve) =>
        resolve(
          inDataDir(config, () =>
            createSqliteStore({
              dataDir: config.dataDir,
              onInvalidRow: deps.onInvalidRow,
              repairReadModels: deps.repairReadModels,
            }),
          ),
        ),
      );
    case 'sharepoint':
      // SharePoint lists through Graph (bot/storage/sharepoint/, infra/sharepoint.md).
      if (!config.sharepoint.siteId)
        return Promise.reject(missing('SHAREPOINT_SITE_ID', 'when STORE=sharepoint'));
      return createSharePointStore(config, { onInvalidItem: deps.onInvalidRow, logger: deps.logger });
  }
}

export function createStateStore(config: Config, deps: StoreDeps = {}): Promise<StateStore> {
  switch (config.stateStore) {
    case 'sqlite':
      return new Promise((resolve) =>
        resolve(
          inDataDir(config, () =>
            createSqliteStateStore({ dataDir: config.dataDir, onInvalidRow: deps.onInvalidRow }),
          ),
        ),
      );
    case 'blob': {
      // Azure Blob Storage (bot/storage/blob/); Azurite locally.
      const settings = blobSettingsOf(config);
      if (!settings.connectionString && !settings.accountUrl) {
        return Promise.reject(
          missing('AZURE_STORAGE_CONNECTION_STRING', 'when STATE_STORE=blob (or AZURE_STORAGE_ACCOUNT_URL)'),
        );
      }
      return createBlobStateStore(settings, {
        onInvalidBlob: (name) => deps.onInvalidRow?.('blob', name, []),
      }).then((state) => {
        // A reference Blob Storage refuses while it is down waits in DATA_DIR until it is back.
        const conversations = inDataDir(config, () =>
          withConversationSpool(state.conversations, {
            dataDir: config.dataDir,
            logger: deps.logger ?? silentLogger,
          }),
        );
        return {
          ...state,
          conversations,
          close: async () => {
            conversations.close();
            await state.close();
          },
        };
      });
    }
  }
}
