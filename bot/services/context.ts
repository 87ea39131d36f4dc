import type { Locale } from '../domain/locale.js';
import type { Person } from '../domain/person.js';
import type { Surface } from '../domain/status-update.js';
import type { Clock } from '../ports/clock.js';
import type { EventPublisher } from '../ports/events.js';
import type { IdGenerator } from '../ports/ids.js';
import type { Store } from '../ports/repositories.js';

/** Who is acting, through which surface, for which request. Built by the surface from an authenticated identity. */
export interface RequestContext {
  actor: Person;
  surface: Surface;
  correlationId: string;
  locale: Locale;
}

export interface ServiceDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  events: EventPublisher;
  /** The organisation's time zone: reporting periods are ISO weeks seen from here. */
  orgTimeZone: string;
}

/** The result of a create that may have been a replay of an earlier submission. */
export interface Created<T> {
  value: T;
  /** True when the same idempotency key had already created this entity; nothing new was stored. */
  replayed: boolean;
}
