// The outbox in a SQLite file of its own under DATA_DIR (sharepoint-outbox.db): a write accepted while
// SharePoint was throttling or down survives a restart. WAL, one table for the queue and one for dead
// letters; the idempotency key is UNIQUE so that appending the same write twice keeps one entry.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  OutboxEntrySchema,
  type DeadLetter,
  type NewOutboxEntry,
  type Outbox,
  type OutboxEntry,
} from './outbox.js';

export const OUTBOX_FILE = 'sharepoint-outbox.db';

interface Row {
  seq: number;
  key: string;
  list: string;
  op: string;
  entity_id: string;
  write_id: string;
  entity: string;
  expected_version: number | null;
  enqueued_at: string;
  attempts: number;
  last_error: string | null;
}

// A dead letter keeps the columns of the entry it was.
const ENTRY_COLUMNS = `list TEXT NOT NULL,
  op TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  write_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  expected_version INTEGER,
  enqueued_at TEXT NOT NULL,`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  ${ENTRY_COLUMNS}
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE TABLE IF NOT EXISTS outbox_dead_letters (
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  ${ENTRY_COLUMNS}
  attempts INTEGER NOT NULL,
  last_error TEXT,
  reason TEXT NOT NULL,
  rejected_at TEXT NOT NULL
);
`;

function toEntry(row: Row): OutboxEntry | undefined {
  let entity: unknown;
  try {
    entity = JSON.parse(row.entity);
  } catch {
    return undefined;
  }
  const parsed = OutboxEntrySchema.safeParse({
    seq: row.seq,
    key: row.key,
    list: row.list,
    op: row.op,
    entityId: row.entity_id,
    writeId: row.write_id,
    entity,
    expectedVersion: row.expected_version,
    enqueuedAt: row.enqueued_at,
    attempts: row.attempts,
    lastError: row.last_error,
  });
  return parsed.success ? parsed.data : undefined;
}

export function createSqliteOutbox(options: { dataDir: string; fileName?: string }): Outbox {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(path.join(options.dataDir, options.fileName ?? OUTBOX_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const byKey = db.prepare<[string], Row>('SELECT * FROM outbox WHERE key = ?');
  const insert = db.prepare(
    'INSERT INTO outbox (key, list, op, entity_id, write_id, entity, expected_version, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
  );
  const oldest = db.prepare<[number], Row>('SELECT * FROM outbox ORDER BY seq LIMIT ?');
  const removeOne = db.prepare('DELETE FROM outbox WHERE seq = ?');
  const failure = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox');
  const dead = db.prepare(
    'INSERT OR REPLACE INTO outbox_dead_letters (seq, key, list, op, entity_id, write_id, entity, expected_version, enqueued_at, attempts, last_error, reason, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const deadRows = db.prepare<[], Row & { reason: string; rejected_at: string }>(
    'SELECT * FROM outbox_dead_letters ORDER BY seq',
  );
  const moveToDead = db.transaction((entry: OutboxEntry, reason: string, at: string) => {
    dead.run(
      entry.seq,
      entry.key,
      entry.list,
      entry.op,
      entry.entityId,
      entry.writeId,
      JSON.stringify(entry.entity),
      entry.expectedVersion,
      entry.enqueuedAt,
      entry.attempts,
      entry.lastError,
      reason,
      at,
    );
    removeOne.run(entry.seq);
  });

  const moveRawToDead = db.transaction((row: Row, reason: string, at: string) => {
    dead.run(
      row.seq,
      row.key,
      row.list,
      row.op,
      row.entity_id,
      row.write_id,
      row.entity,
      row.expected_version,
      row.enqueued_at,
      row.attempts,
      row.last_error,
      reason,
      at,
    );
    removeOne.run(row.seq);
  });

  return {
    append: (e: NewOutboxEntry) =>
      new Promise((resolve, reject) => {
        const { changes } = insert.run(
          e.key,
          e.list,
          e.op,
          e.entityId,
          e.writeId,
          JSON.stringify(e.entity),
          e.expectedVersion,
          e.enqueuedAt,
        );
        const row = byKey.get(e.key);
        const entry = row ? toEntry(row) : undefined;
        if (entry) resolve({ entry, created: changes === 1 });
        else reject(new Error('the outbox entry could not be read back'));
      }),
    peek: (limit) =>
      new Promise((resolve) => {
        const entries: OutboxEntry[] = [];
        for (const row of oldest.all(limit)) {
          const entry = toEntry(row);
          if (entry) {
            entries.push(entry);
            continue;
          }
          // An entry that no longer reads (edited by hand, written by a broken version) would block
          // the queue for ever: it becomes a dead letter, kept as it was for a person to look at.
          moveRawToDead(row, 'unreadable outbox entry', new Date().toISOString());
        }
        resolve(entries);
      }),
    remove: (seq) => {
      removeOne.run(seq);
      return Promise.resolve();
    },
    recordFailure: (seq, error) => {
      failure.run(error.slice(0, 1000), seq);
      return Promise.resolve();
    },
    deadLetter: (entry, reason, at) => {
      moveToDead(entry, reason.slice(0, 1000), at);
      return Promise.resolve();
    },
    deadLetters: () =>
      Promise.resolve(
        deadRows.all().flatMap((row): DeadLetter[] => {
          const entry = toEntry(row);
          return entry ? [{ ...entry, reason: row.reason, rejectedAt: row.rejected_at }] : [];
        }),
      ),
    size: () => Promise.resolve(count.get()?.n ?? 0),
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}
