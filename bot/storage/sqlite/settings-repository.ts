// The one settings document, as a single row with id "settings" and its own version.
import { ConflictError, DuplicateError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { Settings } from '../../domain/settings.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { SettingsRepository } from '../../ports/repositories.js';
import { parseStoredRow } from './invalid-row.js';
import type { SqliteContext } from './sqlite-context.js';
import { uniqueViolation } from './sqlite-errors.js';
import type { StoredVersionedRow } from './versioned-table.js';

const TABLE = 'settings';
const ID = 'settings';

export function createSettingsRepository(ctx: SqliteContext): SettingsRepository {
  const read = () => {
    const row = ctx
      .statement<StoredVersionedRow>(`SELECT id, version, data FROM ${TABLE} WHERE id = ?`)
      .get(ID);
    return { row, settings: row ? parseStoredRow(Settings, TABLE, row, ctx.onInvalidRow) : undefined };
  };

  const prepare = (settings: Settings, version: number): Settings => {
    const result = Settings.safeParse({ ...settings, version });
    if (!result.success) throw new ValidationError(toFieldIssues(result.error));
    return result.data;
  };

  return {
    get: () => ctx.run(() => read().settings),

    save: (settings, expectedVersion) =>
      ctx.run(() => {
        if (expectedVersion === null) {
          const stored = prepare(settings, 1);
          try {
            ctx
              .statement(`INSERT INTO ${TABLE} (id, version, data) VALUES (?, 1, ?)`)
              .run(ID, JSON.stringify(stored));
          } catch (error) {
            if (uniqueViolation(error)) throw new DuplicateError('settings', ID);
            throw error;
          }
          return stored;
        }
        const stored = prepare(settings, expectedVersion + 1);
        const { changes } = ctx
          .statement(`UPDATE ${TABLE} SET version = version + 1, data = ? WHERE id = ? AND version = ?`)
          .run(JSON.stringify(stored), ID, expectedVersion);
        if (changes === 1) return stored;
        const current = read();
        if (!current.row) throw new NotFoundError('settings', ID);
        throw new ConflictError<Settings | undefined>('settings', ID, expectedVersion, current.settings);
      }),
  };
}
