// Conversation references that could not reach the shared state store (Azure Blob Storage down) are
// kept in a small SQLite file in this instance's DATA_DIR (conversation-spool.db) and written when the
// store answers again. A reference is the only way to message someone proactively, and Teams sends it
// once (install, first message): losing it means no digest, reminder or escalation for that person.
//
// withConversationSpool() wraps the store's ConversationStore: an upsert or remove the store refuses
// as unavailable is spooled (the newest per conversation wins) instead of failing the bot's turn, and
// a timer replays the spool, oldest first, until it is empty. Reads see spooled changes, so the
// instance keeps working with what it was told. Several instances on one host may share the file
// (replaying twice is harmless: an upsert is idempotent).
import { UnavailableError } from '../../domain/errors.js';
import type { ConversationRecord, ConversationStore } from '../../ports/state.js';
import { openDatabase, type SqliteDatabase } from '../sqlite/database.js';
import { ConversationRecordSchema, parseConversationRecord } from '../sqlite/state-records.js';

export const SPOOL_FILE = 'conversation-spool.db';
export const DEFAULT_SPOOL_RETRY_MS = 5_000;

const MIGRATIONS = [
  {
    version: 1,
    name: 'conversation spool',
    up: `CREATE TABLE spool (
  conversation_id TEXT PRIMARY KEY,
  removed INTEGER NOT NULL,
  data TEXT,
  spooled_at_ms INTEGER NOT NULL
) STRICT;`,
  },
];

interface SpoolRow {
  conversationId: string;
  removed: number;
  data: string | null;
}

export interface SpoolLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface SpooledConversationStore extends ConversationStore {
  /** Writes what is spooled to the store; resolves with how many are still waiting. */
  flush(): Promise<number>;
  /** How many changes wait in the spool. */
  waiting(): number;
  /** Stops the replay timer and closes the file (what is spooled stays for the next start). */
  close(): void;
}

export function withConversationSpool(
  inner: ConversationStore,
  options: { dataDir: string; logger: SpoolLogger; retryMs?: number },
): SpooledConversationStore {
  const db: SqliteDatabase = openDatabase({
    dataDir: options.dataDir,
    fileName: SPOOL_FILE,
    migrations: MIGRATIONS,
  });
  const retryMs = options.retryMs ?? DEFAULT_SPOOL_RETRY_MS;
  const put = db.prepare<[string, number, string | null, number]>(
    'INSERT INTO spool (conversation_id, removed, data, spooled_at_ms) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (conversation_id) DO UPDATE SET removed = excluded.removed, data = excluded.data, ' +
      'spooled_at_ms = excluded.spooled_at_ms',
  );
  const all = db.prepare<[], SpoolRow>(
    'SELECT conversation_id AS conversationId, removed, data FROM spool ORDER BY spooled_at_ms, conversation_id',
  );
  const drop = db.prepare<[string, string | null, number]>(
    'DELETE FROM spool WHERE conversation_id = ? AND data IS ? AND removed = ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM spool');
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<number> | undefined;
  let closed = false;

  const entries = (): Array<{ row: SpoolRow; record: ConversationRecord | undefined }> =>
    all.all().map((row) => {
      const parsed = row.data ? ConversationRecordSchema.safeParse(JSON.parse(row.data)) : undefined;
      return {
        row,
        record: parsed?.success ? { ...parsed.data, reference: parsed.data.reference } : undefined,
      };
    });
  const waiting = () => (closed ? 0 : (count.get()?.n ?? 0));

  const schedule = () => {
    if (timer || closed) return;
    timer = setInterval(() => {
      void flush();
    }, retryMs);
    timer.unref();
  };

  const flushOnce = async (): Promise<number> => {
    for (const { row, record } of entries()) {
      try {
        if (row.removed) await inner.remove(row.conversationId);
        else if (record) await inner.upsert(record);
      } catch (error) {
        if (error instanceof UnavailableError) break;
        options.logger.warn(
          { err: error, conversationId: row.conversationId },
          'spooled conversation dropped',
        );
      }
      // Only this change: a newer one spooled meanwhile stays.
      if (!closed) drop.run(row.conversationId, row.data, row.removed);
    }
    const left = waiting();
    if (left === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
      options.logger.info({}, 'spooled conversation references written to the state store');
    }
    return left;
  };

  const flush = (): Promise<number> => {
    if (closed) return Promise.resolve(0);
    flushing ??= flushOnce().finally(() => {
      flushing = undefined;
    });
    return flushing;
  };

  const spool = (conversationId: string, record: ConversationRecord | undefined, error: unknown) => {
    put.run(conversationId, record ? 0 : 1, record ? JSON.stringify(record) : null, Date.now());
    options.logger.warn(
      { err: error, conversationId, waiting: waiting() },
      'state store unavailable: conversation change kept in the local spool, written when it returns',
    );
    schedule();
  };

  const spooled = (conversationId: string) => entries().find((e) => e.row.conversationId === conversationId);

  if (waiting() > 0) {
    schedule();
    void flush();
  }

  return {
    upsert: async (input) => {
      const record = parseConversationRecord(input);
      try {
        await inner.upsert(record);
      } catch (error) {
        if (!(error instanceof UnavailableError) || closed) throw error;
        spool(record.conversationId, record, error);
      }
    },

    remove: async (conversationId) => {
      try {
        await inner.remove(conversationId);
      } catch (error) {
        if (!(error instanceof UnavailableError) || closed) throw error;
        spool(conversationId, undefined, error);
      }
    },

    get: async (conversationId) => {
      const waitingChange = closed ? undefined : spooled(conversationId);
      if (waitingChange) return waitingChange.record;
      return inner.get(conversationId);
    },

    getPersonal: async (personId) => {
      const mine = closed
        ? []
        : entries().filter(
            (e) => e.record?.personId === personId && e.record.conversationType === 'personal',
          );
      const newest = mine.map((e) => e.record!).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
      try {
        const stored = await inner.getPersonal(personId);
        if (stored && (!newest || stored.updatedAt > newest.updatedAt)) return stored;
        return newest ?? stored;
      } catch (error) {
        if (newest) return newest;
        throw error;
      }
    },

    list: async () => {
      const stored = await inner.list();
      if (closed) return stored;
      const changes = new Map(entries().map((e) => [e.row.conversationId, e.record]));
      const merged = stored.filter((r) => !changes.has(r.conversationId));
      for (const record of changes.values()) if (record) merged.push(record);
      return merged;
    },

    flush,
    waiting,
    close: () => {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      db.close();
    },
  };
}
