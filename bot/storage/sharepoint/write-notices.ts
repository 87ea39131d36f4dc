// How the SharePoint store tells its callers that a write was accepted but not yet in SharePoint.
//
// When Graph throttles or is unavailable beyond the retry budget, an accepted write is kept in the
// durable outbox and replayed later (outbox-replayer.ts); the repository call still resolves with the
// stored entity, as the port promises. Two ways to learn that it was queued:
// - `observe(fn)`: run a use case and get back, with its value, the writes it queued. A surface can
//   then say "saved; it will reach SharePoint shortly" instead of "saved" (AsyncLocalStorage carries
//   the collector through the awaits of `fn`, so concurrent requests do not see each other's writes).
// - `subscribe(listener)`: every queued / synced / rejected write, for logs, metrics and the admin page.
// A replay that SharePoint refuses for good (someone changed the item meanwhile) is `rejected`; it is
// reported, kept as a dead letter in the outbox, and never silently dropped.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ListKey } from './list-schema.js';

export interface QueuedWrite {
  list: ListKey;
  /** Entity name ("project", "status-update", ...). */
  entity: string;
  entityId: string;
  op: 'create' | 'update';
  /** The idempotency key of the write (list, operation, entity id, version). */
  key: string;
  /** Why it was queued: Graph throttled, was unavailable, or earlier queued writes must land first. */
  reason: 'throttled' | 'unavailable' | 'behind-queued-writes';
}

export type WriteEvent =
  | { type: 'queued'; write: QueuedWrite }
  | { type: 'synced'; write: QueuedWrite }
  | { type: 'rejected'; write: QueuedWrite; reason: string };

export type WriteListener = (event: WriteEvent) => void;

/** The write-report seam (a port candidate: the embedded store would report no queued writes). */
export interface WriteReporter {
  observe<T>(fn: () => Promise<T>): Promise<{ value: T; queued: QueuedWrite[] }>;
  subscribe(listener: WriteListener): () => void;
}

export class WriteNotices implements WriteReporter {
  private readonly scope = new AsyncLocalStorage<QueuedWrite[]>();
  private readonly listeners = new Set<WriteListener>();

  async observe<T>(fn: () => Promise<T>): Promise<{ value: T; queued: QueuedWrite[] }> {
    const queued: QueuedWrite[] = [];
    const value = await this.scope.run(queued, fn);
    return { value, queued };
  }

  subscribe(listener: WriteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onRejected(
    listener: (write: { entity: string; entityId: string; op: 'create' | 'update'; reason: string }) => void,
  ): () => void {
    return this.subscribe((event) => {
      if (event.type === 'rejected') listener({ ...event.write, reason: event.reason });
    });
  }

  emit(event: WriteEvent): void {
    if (event.type === 'queued') this.scope.getStore()?.push(event.write);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener must not fail the write it is told about.
      }
    }
  }
}
