// A Store for testing applySeed through the port alone: in memory, every call resolves on a later
// tick (like a remote store), creates refuse duplicates and references to rows that are not there yet
// (like foreign keys), and every write is recorded in order. Lists return everything on one page.
import { DuplicateError, ValidationError } from '../../bot/domain/errors.js';
import type { AuditEvent } from '../../bot/domain/audit.js';
import type { Kpi, Measurement } from '../../bot/domain/kpi.js';
import type { Milestone } from '../../bot/domain/milestone.js';
import type { Person } from '../../bot/domain/person.js';
import type { Project } from '../../bot/domain/project.js';
import type { Risk } from '../../bot/domain/risk.js';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import type { Settings } from '../../bot/domain/settings.js';
import type { Page } from '../../bot/ports/paging.js';
import type { Store, Versioned, VersionedRepository } from '../../bot/ports/repositories.js';

export interface RecordedWrite {
  kind: string;
  id: string;
}

const later = <T>(fn: () => T): Promise<T> =>
  new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(fn());
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });

const all = <T>(items: Iterable<T>): Promise<Page<T>> => later(() => ({ items: [...items] }));

export interface RecordingStore extends Store {
  writes: RecordedWrite[];
  rows: Map<string, Map<string, Versioned>>;
  audits: AuditEvent[];
  savedSettings: Settings[];
  /** Makes the next create of this id fail. */
  failOn: Set<string>;
  /** Holds the create of this id back for so many ms (a write held up by throttling). */
  delayOn: Map<string, number>;
}

export function createRecordingStore(): RecordingStore {
  const writes: RecordedWrite[] = [];
  const rows = new Map<string, Map<string, Versioned>>();
  const audits: AuditEvent[] = [];
  const savedSettings: Settings[] = [];
  const failOn = new Set<string>();
  const delayOn = new Map<string, number>();
  const table = (kind: string) => {
    let t = rows.get(kind);
    if (!t) rows.set(kind, (t = new Map()));
    return t;
  };
  const mustExist = (kind: string, field: string, id: string | null | undefined) => {
    if (id != null && !table(kind).has(id)) {
      throw new ValidationError([{ path: field, code: 'not_found', message: `no ${kind} ${id}` }]);
    }
  };

  function repo<T extends Versioned>(
    kind: string,
    check: (e: T) => void = () => undefined,
  ): VersionedRepository<T> & {
    list(): Promise<Page<T>>;
  } {
    const t = () => table(kind) as Map<string, T>;
    return {
      get: (id) => later(() => t().get(id)),
      getMany: (ids) => later(() => ids.flatMap((id) => t().get(id) ?? [])),
      create: async (e) => {
        const held = delayOn.get(e.id);
        if (held) await new Promise((resolve) => setTimeout(resolve, held));
        return later(() => {
          if (failOn.has(e.id)) throw new Error(`injected failure on ${e.id}`);
          if (t().has(e.id)) throw new DuplicateError(kind, e.id);
          check(e);
          t().set(e.id, e);
          writes.push({ kind, id: e.id });
          return e;
        });
      },
      update: () => Promise.reject(new Error('update is not used by the seed')),
      list: () => all(t().values()),
    };
  }

  const people = repo<Person>('person');
  const projects = repo<Project>('project', (p) => {
    mustExist('person', 'ownerId', p.ownerId);
    for (const id of p.dependencies) mustExist('project', 'dependencies', id);
  });
  const kpis = repo<Kpi>('kpi', (k) => mustExist('project', 'projectId', k.projectId));
  const measurements = repo<Measurement>('measurement', (m) => mustExist('kpi', 'kpiId', m.kpiId));
  const statusUpdates = repo<StatusUpdate>('status-update', (u) => {
    mustExist('project', 'projectId', u.projectId);
    mustExist('person', 'authorId', u.authorId);
  });
  const risks = repo<Risk>('risk', (r) => mustExist('project', 'projectId', r.projectId));
  const milestones = repo<Milestone>('milestone', (m) => mustExist('project', 'projectId', m.projectId));
  const unused = () => Promise.reject(new Error('not used by the seed'));

  return {
    kind: 'recording',
    writes,
    rows,
    audits,
    savedSettings,
    failOn,
    delayOn,
    people: { ...people, getByAadObjectId: unused, getByEmail: unused },
    projects: { ...projects, getByCode: unused },
    statusUpdates: {
      ...statusUpdates,
      getForPeriod: unused,
      listByProject: unused,
      listByPeriod: unused,
      latestPerProject: unused,
    },
    risks,
    milestones,
    kpis,
    measurements,
    readModels: {
      projectFacts: unused,
      listFacts: unused,
      portfolioWideRisks: unused,
      generation: unused,
      rebuild: unused,
    },
    audit: {
      append: (event) =>
        later(() => {
          if (audits.some((a) => a.id === event.id)) throw new DuplicateError('audit-event', event.id);
          audits.push(event);
          writes.push({ kind: 'audit', id: event.entityId });
        }),
      list: () => all(audits),
    },
    settings: {
      get: () => later(() => savedSettings.at(-1)),
      save: (settings, expectedVersion) =>
        later(() => {
          if (expectedVersion === null && savedSettings.length > 0)
            throw new DuplicateError('settings', 'settings');
          const stored = { ...settings, version: (expectedVersion ?? 0) + 1 };
          savedSettings.push(stored);
          writes.push({ kind: 'settings', id: 'settings' });
          return stored;
        }),
    },
    ping: () => later(() => undefined),
    isEmpty: () => later(() => table('project').size === 0 && table('person').size === 0),
    close: () => later(() => undefined),
  };
}
