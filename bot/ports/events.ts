import type { DomainEvent } from '../domain/events.js';

/** Services publish after a successful write; subscribers must not throw into the publisher. */
export interface EventPublisher {
  publish(event: DomainEvent): void;
}

export type EventHandler = (event: DomainEvent) => void | Promise<void>;

export interface EventBus extends EventPublisher {
  subscribe(handler: EventHandler): () => void;
}
