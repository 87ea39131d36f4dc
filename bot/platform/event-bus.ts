import type { DomainEvent } from '../domain/events.js';
import type { EventBus, EventHandler } from '../ports/events.js';

/**
 * In-process publish/subscribe. Handlers run after the publishing write has completed, each in its
 * own macrotask (setImmediate): what a write sets off (stopping reminders, telling the CTO) runs once
 * the request that wrote has been answered, not inside its latency. A failing handler is reported
 * and never reaches the publisher. Durability of what a handler does is the handler's business.
 */
export class InProcessEventBus implements EventBus {
  private readonly handlers = new Set<EventHandler>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown, event: DomainEvent) => void) {}

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  publish(event: DomainEvent): void {
    for (const handler of this.handlers) {
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => handler(event))
        .catch((e: unknown) => this.onError(e, event))
        .finally(() => this.pending.delete(run));
      this.pending.add(run);
    }
  }

  /** Resolves when every handler started so far has finished (tests, graceful shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
