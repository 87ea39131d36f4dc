import type { ConversationRecord, ConversationStore } from '../../ports/state.js';
import { parseStoredRow, type StoredRow } from './invalid-row.js';
import type { SqliteContext } from './sqlite-context.js';
import { ConversationRecordSchema, instantMs, parseConversationRecord } from './state-records.js';

const TABLE = 'conversations';
const SELECT = `SELECT conversation_id AS id, data FROM ${TABLE}`;

export function createConversationStore(ctx: SqliteContext): ConversationStore {
  const parse = (row: StoredRow | undefined): ConversationRecord | undefined => {
    if (!row) return undefined;
    const record = parseStoredRow(ConversationRecordSchema, TABLE, row, ctx.onInvalidRow);
    return record ? { ...record, reference: record.reference } : undefined;
  };

  return {
    upsert: (input) =>
      ctx.run(() => {
        const record = parseConversationRecord(input);
        ctx
          .statement(
            `INSERT INTO ${TABLE} (conversation_id, person_id, user_key, conversation_type, updated_at_ms, data) ` +
              'VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET person_id = excluded.person_id, ' +
              'user_key = excluded.user_key, conversation_type = excluded.conversation_type, ' +
              'updated_at_ms = excluded.updated_at_ms, data = excluded.data',
          )
          .run(
            record.conversationId,
            record.personId,
            record.userKey,
            record.conversationType,
            instantMs(record.updatedAt, 'updatedAt'),
            JSON.stringify(record),
          );
      }),

    remove: (conversationId) =>
      ctx.run(() => {
        ctx.statement(`DELETE FROM ${TABLE} WHERE conversation_id = ?`).run(conversationId);
      }),

    /** The person's most recently updated personal chat. */
    getPersonal: (personId) =>
      ctx.run(() =>
        parse(
          ctx
            .statement<StoredRow>(
              `${SELECT} WHERE person_id = ? AND conversation_type = 'personal' ORDER BY updated_at_ms DESC LIMIT 1`,
            )
            .get(personId),
        ),
      ),

    get: (conversationId) =>
      ctx.run(() =>
        parse(ctx.statement<StoredRow>(`${SELECT} WHERE conversation_id = ?`).get(conversationId)),
      ),

    list: () =>
      ctx.run(() =>
        ctx
          .statement<StoredRow>(`${SELECT} ORDER BY conversation_id`)
          .all()
          .map(parse)
          .filter((r): r is ConversationRecord => r !== undefined),
      ),
  };
}
