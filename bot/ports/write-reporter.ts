// Queued writes, as the surfaces need to know about them. A store that cannot always write at once
// (SharePoint while Graph throttles or is down) keeps accepted writes in a durable outbox and says
// so here; the embedded store writes at once and never reports any. Surfaces run a use case inside
// `observe` and, when it queued writes, tell the user "saved, will sync" instead of "saved".

export interface QueuedWriteNotice {
  /** Entity name ("project", "status-update", "risk", "audit" ...). */
  entity: string;
  entityId: string;
  op: 'create' | 'update';
  reason: 'throttled' | 'unavailable' | 'behind-queued-writes';
}

export interface WriteReporter {
  /** Runs `fn` and returns its value with the writes it queued instead of storing them at once. */
  observe<T>(fn: () => Promise<T>): Promise<{ value: T; queued: readonly QueuedWriteNotice[] }>;
}

/** For stores that write at once: nothing is ever queued. */
export const immediateWrites: WriteReporter = {
  observe: async (fn) => ({ value: await fn(), queued: [] }),
};

/** The store's reporter when it has one (SharePoint), else `immediateWrites`. */
export function writeReporterOf(store: { readonly queuedWrites?: WriteReporter }): WriteReporter {
  return store.queuedWrites ?? immediateWrites;
}
