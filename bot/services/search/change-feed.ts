// Which items changed since a reader last looked: a Store wrapped so that every create and update of
// projects, people, risks and status updates is noted (by id; for status updates, by project), and
// every save of the settings. The
// search index (search-index.ts) drains the notes on each query and re-reads only those items, so it
// stays up to date on write instead of scanning the store. Writes made by another process are not
// seen here: readers that care also refresh after a maximum age (search-index.ts).
import type { Store, Versioned, VersionedRepository } from '../../ports/repositories.js';

export type ChangedTable = 'projects' | 'people' | 'risks' | 'statusUpdates' | 'settings';

export class ChangeFeed {
  private readonly pending = new Map<ChangedTable, Set<string>>();
  /** Bumped on every write; readers compare it to skip the drain when nothing moved. */
  sequence = 0;

  note(table: ChangedTable, id: string): void {
    const set = this.pending.get(table) ?? new Set<string>();
    set.add(id);
    this.pending.set(table, set);
    this.sequence += 1;
  }

  /** The ids noted since the last drain, by table; forgets them. */
  drain(): Map<ChangedTable, Set<string>> {
    const out = new Map(this.pending);
    this.pending.clear();
    return out;
  }
}

const FEED = Symbol('changeFeed');
type Tracked = Store & { [FEED]?: ChangeFeed };

function tracked<T extends Versioned, R extends VersionedRepository<T>>(
  repo: R,
  onWrite: (entity: T) => void,
): R {
  return new Proxy(repo, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if ((property !== 'create' && property !== 'update') || typeof value !== 'function') {
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return async (...args: unknown[]) => {
        try {
          const stored = await (value as (...a: unknown[]) => Promise<T>).apply(target, args);
          onWrite(stored);
          return stored;
        } catch (error) {
          // A refused or queued write may still have changed the item: let the reader look again.
          const entity = args[0] as T | undefined;
          if (entity?.id) onWrite(entity);
          throw error;
        }
      };
    },
  });
}

/** The store with its writes noted in a ChangeFeed (the same wrapper when called again). */
export function withChangeFeed(store: Store): Store & { readonly changes: ChangeFeed } {
  const existing = (store as Tracked)[FEED];
  if (existing) return store as Store & { readonly changes: ChangeFeed };
  const feed = new ChangeFeed();
  const projects = tracked(store.projects, (p) => feed.note('projects', p.id));
  const people = tracked(store.people, (p) => feed.note('people', p.id));
  const risks = tracked(store.risks, (r) => feed.note('risks', r.id));
  const settings = new Proxy(store.settings, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const fn = (value as (...a: unknown[]) => unknown).bind(target);
      if (property !== 'save') return fn;
      return async (...args: unknown[]) => {
        try {
          return await fn(...args);
        } finally {
          feed.note('settings', 'settings');
        }
      };
    },
  });
  const statusUpdates = tracked(store.statusUpdates, (u) =>
    feed.note('statusUpdates', (u as Versioned & { projectId?: string }).projectId ?? u.id),
  );
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      if (property === FEED || property === 'changes') return feed;
      if (property === 'projects') return projects;
      if (property === 'people') return people;
      if (property === 'risks') return risks;
      if (property === 'statusUpdates') return statusUpdates;
      if (property === 'settings') return settings;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return wrapped as Store & { readonly changes: ChangeFeed };
}

/** The feed of a wrapped store, if it is one. */
export function changeFeedOf(store: Store): ChangeFeed | undefined {
  return (store as Tracked)[FEED];
}
