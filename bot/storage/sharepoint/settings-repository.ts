// The one settings document, as the one item of the settings list (EntityId "settings").
import { z } from 'zod';
import { ConflictError } from '../../domain/errors.js';
import { Settings } from '../../domain/settings.js';
import type { SettingsRepository } from '../../ports/repositories.js';
import { SETTINGS } from './list-schema.js';
import { versionedCodec } from './list-item-codec.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

export const SETTINGS_ID = 'settings';

const SettingsRecord = Settings.extend({ id: z.literal(SETTINGS_ID) });
type SettingsRecord = z.infer<typeof SettingsRecord>;

export function settingsTable(ctx: StoreContext): SharePointListTable<SettingsRecord> {
  return new SharePointListTable(ctx, {
    codec: versionedCodec(SETTINGS, 'settings', SettingsRecord),
  });
}

function withoutId(record: SettingsRecord): Settings {
  const { id: _id, ...settings } = record;
  return settings;
}

export function createSettingsRepository(table: SharePointListTable<SettingsRecord>): SettingsRepository {
  return {
    get: async () => {
      const record = await table.get(SETTINGS_ID);
      return record ? withoutId(record) : undefined;
    },
    save: async (settings, expectedVersion) => {
      const record: SettingsRecord = { ...settings, id: SETTINGS_ID };
      try {
        const stored =
          expectedVersion === null ? await table.create(record) : await table.update(record, expectedVersion);
        return withoutId(stored);
      } catch (error) {
        if (error instanceof ConflictError && error.current !== undefined) {
          const current = error.current as SettingsRecord;
          throw new ConflictError<Settings>(
            'settings',
            SETTINGS_ID,
            error.expectedVersion,
            withoutId(current),
          );
        }
        throw error;
      }
    },
  };
}
