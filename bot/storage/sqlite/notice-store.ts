// Per-person notices (bot/ports/state.ts NoticeStore): one row each, the person and the times in their
// own columns for the "my open notices" read, the notice as JSON. A dismissed notice stays (dismissed).
import { Notice } from '../../domain/notice.js';
import type { NoticeStore } from '../../ports/state.js';
import { parseStoredRow, type StoredRow } from './invalid-row.js';
import type { SqliteContext } from './sqlite-context.js';
import { instantMs, parseNotice } from './state-records.js';

const TABLE = 'notices';

export function createNoticeStore(ctx: SqliteContext): NoticeStore {
  return {
    add: (input) =>
      ctx.run(() => {
        const notice = parseNotice(input);
        ctx
          .statement(
            `INSERT INTO ${TABLE} (id, person_id, created_at_ms, dismissed_at_ms, data) VALUES (?, ?, ?, ?, ?) ` +
              'ON CONFLICT (id) DO NOTHING',
          )
          .run(
            notice.id,
            notice.personId,
            instantMs(notice.createdAt, 'createdAt'),
            notice.dismissedAt ? instantMs(notice.dismissedAt, 'dismissedAt') : null,
            JSON.stringify(notice),
          );
      }),

    listOpen: (personId, limit = 20) =>
      ctx.run(() =>
        ctx
          .statement<StoredRow>(
            `SELECT id, data FROM ${TABLE} WHERE person_id = ? AND dismissed_at_ms IS NULL ` +
              'ORDER BY created_at_ms DESC, id DESC LIMIT ?',
          )
          .all(personId, limit)
          .map((row) => parseStoredRow(Notice, TABLE, row, ctx.onInvalidRow))
          .filter((n): n is Notice => n !== undefined),
      ),

    dismiss: (personId, id, at) =>
      ctx.run(() => {
        const row = ctx
          .statement<StoredRow>(`SELECT id, data FROM ${TABLE} WHERE id = ? AND person_id = ?`)
          .get(id, personId);
        if (!row) return false;
        const notice = parseStoredRow(Notice, TABLE, row, ctx.onInvalidRow);
        if (!notice || notice.dismissedAt) return true;
        const dismissed = { ...notice, dismissedAt: at };
        ctx
          .statement(`UPDATE ${TABLE} SET dismissed_at_ms = ?, data = ? WHERE id = ?`)
          .run(instantMs(at, 'dismissedAt'), JSON.stringify(dismissed), id);
        return true;
      }),
  };
}
