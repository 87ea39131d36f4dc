// The SharePoint outbox in Azure Blob Storage (STATE_STORE=blob): one blob per waiting write under
// outbox/queue/, named <enqueued-at ms, 15 digits>-<counter>-<idempotency key hash> so that listing
// returns them oldest first; dead letters under outbox/dead/. The idempotency key is also kept in an
// index blob (outbox/keys/<hash>) created with If-None-Match: *, so appending the same write twice,
// from any instance, keeps one entry.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ContainerClient } from '@azure/storage-blob';
import {
  OutboxEntrySchema,
  type DeadLetter,
  type NewOutboxEntry,
  type Outbox,
  type OutboxEntry,
} from '../outbox/outbox.js';
import { blobContainer, type BlobSettings } from './blob-container.js';
import { BlobJson } from './blob-json.js';

const QUEUE = 'outbox/queue/';
const DEAD = 'outbox/dead/';
const KEYS = 'outbox/keys/';

const Stored = OutboxEntrySchema.omit({ seq: true });
const DeadStored = Stored.extend({ seq: z.number().int(), reason: z.string(), rejectedAt: z.string() });
const KeyIndex = z.object({ blob: z.string() });

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export function createBlobOutbox(
  settings: BlobSettings,
  deps: { container?: ContainerClient; now?: () => number },
): Outbox {
  const container = deps.container ?? blobContainer(settings);
  const blobs = new BlobJson(container);
  const now = deps.now ?? Date.now;
  let counter = 0;
  let ready: Promise<unknown> | undefined;
  const ensure = () => (ready ??= container.createIfNotExists());
  /** Blob name -> seq: positions are the listing order, stable for the life of the process. */
  const seqOf = new Map<string, number>();
  const nameOf = new Map<number, string>();
  let nextSeq = 1;
  const assign = (name: string): number => {
    let seq = seqOf.get(name);
    if (seq === undefined) {
      seq = nextSeq++;
      seqOf.set(name, seq);
      nameOf.set(seq, name);
    }
    return seq;
  };

  const readEntry = async (
    name: string,
  ): Promise<{ entry: OutboxEntry; etag: string } | 'invalid' | undefined> => {
    const read = await blobs.read(name, Stored);
    if (!read) return undefined;
    if ('invalid' in read) return 'invalid';
    return { entry: { ...read.value, seq: assign(name) }, etag: read.etag };
  };

  return {
    append: async (e: NewOutboxEntry) => {
      await ensure();
      const keyBlob = `${KEYS}${hash(e.key)}`;
      const name = `${QUEUE}${String(now()).padStart(15, '0')}-${String(counter++).padStart(6, '0')}-${hash(e.key)}`;
      if (!(await blobs.create(keyBlob, { blob: name }))) {
        const existing = await blobs.read(keyBlob, KeyIndex);
        const found = existing && !('invalid' in existing) ? await readEntry(existing.value.blob) : undefined;
        if (found && found !== 'invalid') return { entry: found.entry, created: false };
        // A stale key index (its entry was replayed): take it over.
        await blobs.put(keyBlob, { blob: name });
      }
      const stored = { ...e, attempts: 0, lastError: null };
      await blobs.put(name, stored);
      return { entry: { ...stored, seq: assign(name) }, created: true };
    },

    peek: async (limit) => {
      await ensure();
      const names = (await blobs.list(QUEUE)).map((b) => b.name).slice(0, limit);
      const entries: OutboxEntry[] = [];
      for (const name of names) {
        const read = await readEntry(name);
        if (read === 'invalid') {
          await blobs.put(`${DEAD}${name.slice(QUEUE.length)}`, {
            unreadable: name,
            rejectedAt: new Date(now()).toISOString(),
          });
          await blobs.delete(name);
          continue;
        }
        if (read) entries.push(read.entry);
      }
      return entries;
    },

    remove: async (seq) => {
      const name = nameOf.get(seq);
      if (!name) return;
      const read = await readEntry(name);
      await blobs.delete(name);
      if (read && read !== 'invalid') await blobs.delete(`${KEYS}${hash(read.entry.key)}`);
      nameOf.delete(seq);
      seqOf.delete(name);
    },

    recordFailure: async (seq, error) => {
      const name = nameOf.get(seq);
      if (!name) return;
      const read = await readEntry(name);
      if (!read || read === 'invalid') return;
      const { seq: _seq, ...rest } = read.entry;
      await blobs.replace(
        name,
        { ...rest, attempts: rest.attempts + 1, lastError: error.slice(0, 1000) },
        read.etag,
      );
    },

    deadLetter: async (entry, reason, at) => {
      const name = nameOf.get(entry.seq);
      if (!name) return;
      await blobs.put(`${DEAD}${name.slice(QUEUE.length)}`, {
        ...entry,
        reason: reason.slice(0, 1000),
        rejectedAt: at,
      });
      await blobs.delete(name);
      await blobs.delete(`${KEYS}${hash(entry.key)}`);
      nameOf.delete(entry.seq);
      seqOf.delete(name);
    },

    deadLetters: async () => {
      await ensure();
      const out: DeadLetter[] = [];
      for (const { name } of await blobs.list(DEAD)) {
        const read = await blobs.read(name, DeadStored);
        if (read && !('invalid' in read)) out.push(read.value);
      }
      return out;
    },

    size: async () => {
      await ensure();
      return (await blobs.list(QUEUE)).length;
    },

    close: () => Promise.resolve(),
  };
}
