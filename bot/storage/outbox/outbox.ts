// The durable outbox of the SharePoint store: writes accepted while Graph throttles or is unavailable
// wait here, in order, until the replayer lands them. SQLite file locally (sqlite-outbox.ts), Azure
// Blob Storage in the cloud (../blob/blob-outbox.ts). Entries are read back through zod: they are
// stored data, and stored data is untrusted.
import { z } from 'zod';

export const OutboxEntrySchema = z.object({
  /** Position in the queue: replay order. */
  seq: z.number().int().nonnegative(),
  /** Idempotency key: one entry per (list, operation, entity id, version). */
  key: z.string().min(1).max(300),
  list: z.string().min(1).max(40),
  op: z.enum(['create', 'update']),
  entityId: z.string().min(1).max(200),
  /** The entity as the repository validated it (validated again when replayed). */
  entity: z.unknown(),
  /** The write's own id, written with the item: a replay recognises its own earlier landing. */
  writeId: z.string().min(1).max(100),
  /** For updates: the version the write was based on. */
  expectedVersion: z.number().int().min(1).nullable(),
  enqueuedAt: z.string(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().max(1000).nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export type NewOutboxEntry = Omit<OutboxEntry, 'seq' | 'attempts' | 'lastError'>;

export interface DeadLetter extends OutboxEntry {
  reason: string;
  rejectedAt: string;
}

export interface Outbox {
  /** Appends an entry; an entry with the same key already waiting is returned instead (created: false). */
  append(entry: NewOutboxEntry): Promise<{ entry: OutboxEntry; created: boolean }>;
  /** The oldest entries, in replay order. */
  peek(limit: number): Promise<OutboxEntry[]>;
  remove(seq: number): Promise<void>;
  recordFailure(seq: number, error: string): Promise<void>;
  /** Moves an entry that can never be replayed out of the queue, keeping it for people to see. */
  deadLetter(entry: OutboxEntry, reason: string, at: string): Promise<void>;
  deadLetters(): Promise<DeadLetter[]>;
  size(): Promise<number>;
  close(): Promise<void>;
}

export function outboxKey(list: string, op: 'create' | 'update', entityId: string, version: number): string {
  return `${list}:${op}:${entityId}:v${version}`;
}
