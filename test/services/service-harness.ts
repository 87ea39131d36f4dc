// The service layer over a real, throw-away SQLite store: a tiny portfolio seeded through the store
// ports (no audit events), a fixed clock, sequential ids, a recording event publisher and one
// RequestContext per person. Each test builds its own harness and cleans it up.
//
// Roster                                   Projects
//   p-cto       cto                          prj-erp  TR-07  SPT  owner p-owner, lead p-lead
//   p-owner     owner                        prj-cc   CM-03  PAC  change case, owner p-owner, member p-cm
//   p-lead      owner (lead of TR-07)        prj-web  TR-12  RES  owner p-pillar (the "other" project)
//   p-cm        changemaker, member of CM-03
//   p-cm2       changemaker
//   p-viewer    viewer
//   p-inactive  cto, no longer active (would be allowed everything if the active check broke)
//   p-pillar    owner, PAC pillar lead (settings.pillarLeads)
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { AuditEvent } from '../../bot/domain/audit.js';
import { ForbiddenError, type ForbiddenReason } from '../../bot/domain/errors.js';
import type { DomainEvent } from '../../bot/domain/events.js';
import type { Person } from '../../bot/domain/person.js';
import type { Project } from '../../bot/domain/project.js';
import { FixedClock } from '../../bot/ports/clock.js';
import type { EventPublisher } from '../../bot/ports/events.js';
import type { IdGenerator } from '../../bot/ports/ids.js';
import { collectAll } from '../../bot/ports/paging.js';
import type { RequestContext } from '../../bot/services/context.js';
import { createServices, type Services } from '../../bot/services/services.js';
import type { SqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';
import { createTemporarySqliteStore } from '../../bot/storage/sqlite/temporary-store.js';
import { buildPerson, buildProject, buildSettings } from '../helpers/fixtures.js';

/** A Wednesday afternoon in Geneva, in period 2026-W48. */
export const NOW = '2026-11-25T14:00:00.000Z';
export const CURRENT_PERIOD = '2026-W48';
export const ORG_TIME_ZONE = 'Europe/Zurich';
/** Created-at of the seeded rows: a week before NOW. */
export const SEEDED_AT = '2026-11-18T09:00:00.000Z';

export const WHO = [
  'cto',
  'owner',
  'lead',
  'changemaker',
  'changemaker2',
  'viewer',
  'inactive',
  'pillarLead',
] as const;
export type Who = (typeof WHO)[number];

/** Person ids by name, for tables. */
export const ID: Readonly<Record<Who, string>> = {
  cto: 'p-cto',
  owner: 'p-owner',
  lead: 'p-lead',
  changemaker: 'p-cm',
  changemaker2: 'p-cm2',
  viewer: 'p-viewer',
  inactive: 'p-inactive',
  pillarLead: 'p-pillar',
};

export const PROJECT = { erp: 'prj-erp', changeCase: 'prj-cc', web: 'prj-web' } as const;

/** Entra object ids of the roster (lower case, as stored). */
export const AAD: Readonly<Record<Who, string>> = Object.fromEntries(
  WHO.map((w, i) => [w, `0000000${i}-aaaa-4bbb-8ccc-${String(i).padStart(12, '0')}`]),
) as Record<Who, string>;

/** Domain events as published, in order. */
export class RecordingEvents implements EventPublisher {
  readonly published: DomainEvent[] = [];
  publish(event: DomainEvent): void {
    this.published.push(event);
  }
}

/** New ids are `id-000001`, `id-000002`, ... (so they sort in creation order); keyed ids are stable hashes. */
export function sequentialIds(): IdGenerator {
  let n = 0;
  return {
    newId: () => `id-${String(++n).padStart(6, '0')}`,
    idFor: (scope, key) =>
      `k-${createHash('sha256').update(scope).update('\u0000').update(key).digest('hex').slice(0, 32)}`,
  };
}

export interface Snapshot {
  projects: unknown[];
  statusUpdates: unknown[];
  risks: unknown[];
  milestones: unknown[];
  kpis: unknown[];
  measurements: unknown[];
  people: unknown[];
  settings: unknown;
}

export interface Watch {
  /** Audit events appended since watch(), oldest first. */
  audit(): Promise<AuditEvent[]>;
  /** Domain events published since watch(). */
  events(): DomainEvent[];
  /** Fails unless every entity (audit log aside) is exactly as it was at watch(). */
  expectNothingStored(): Promise<void>;
}

export interface Harness {
  services: Services;
  store: SqliteStore;
  clock: FixedClock;
  events: RecordingEvents;
  person: Record<Who, Person>;
  project: { erp: Project; changeCase: Project; web: Project };
  ctx: Record<Who, RequestContext>;
  /** A RequestContext for someone else (e.g. a person created during the test). */
  contextOf(actor: Person, surface?: RequestContext['surface']): RequestContext;
  /** Every audit event, oldest first. */
  auditLog(): Promise<AuditEvent[]>;
  snapshot(): Promise<Snapshot>;
  watch(): Promise<Watch>;
  /** Another store on the same database: a second instance's writes (closed by cleanup). */
  openOtherInstance(): SqliteStore;
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  now?: string;
  /** Store the settings document (with the PAC pillar lead) up front. Default true. */
  seedSettings?: boolean;
}

const ROLE: Record<Who, Person['role']> = {
  cto: 'cto',
  owner: 'owner',
  lead: 'owner',
  changemaker: 'changemaker',
  changemaker2: 'changemaker',
  viewer: 'viewer',
  inactive: 'cto',
  pillarLead: 'owner',
};

const NAME: Record<Who, string> = {
  cto: 'Claire Tomasi',
  owner: 'Omar Nasser',
  lead: 'Lena Dubois',
  changemaker: 'Chen Mei',
  changemaker2: 'Carlos Medina',
  viewer: 'Vera Ivanova',
  inactive: 'Alain Former', // sorts first: reads of "the first CTO" must skip them
  pillarLead: 'Priya Lal',
};

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const temp = createTemporarySqliteStore();
  const store = temp.store;
  const clock = new FixedClock(options.now ?? NOW);
  const events = new RecordingEvents();
  const services = createServices({
    store,
    clock,
    ids: sequentialIds(),
    events,
    orgTimeZone: ORG_TIME_ZONE,
  });

  const stamps = { version: 1, createdAt: SEEDED_AT, updatedAt: SEEDED_AT };
  const person = Object.fromEntries(
    WHO.map((w) => [
      w,
      buildPerson({
        id: ID[w],
        name: NAME[w],
        email: `${ID[w]}@itu.example.org`,
        aadObjectId: AAD[w],
        role: ROLE[w],
        orgUnit: 'GS-TO',
        active: w !== 'inactive',
        ...stamps,
      }),
    ]),
  ) as Record<Who, Person>;
  for (const p of Object.values(person)) await store.people.create(p);

  const project = {
    erp: buildProject({
      id: PROJECT.erp,
      code: 'TR-07',
      title: 'Enterprise resource planning upgrade',
      kind: 'accelerated-initiative',
      pillar: 'SPT',
      orgUnit: 'IS',
      ownerId: ID.owner,
      leadIds: [ID.lead],
      phase: 'executing',
      startDate: '2026-01-05',
      dueDate: '2027-06-30',
      budgetChf: 1_200_000,
      ...stamps,
    }),
    changeCase: buildProject({
      id: PROJECT.changeCase,
      code: 'CM-03',
      title: 'Paperless workflows change case',
      kind: 'change-case',
      pillar: 'PAC',
      orgUnit: 'GS-TO',
      ownerId: ID.owner,
      memberIds: [ID.changemaker],
      phase: 'executing',
      startDate: '2026-03-02',
      ...stamps,
    }),
    web: buildProject({
      id: PROJECT.web,
      code: 'TR-12',
      title: 'Website redesign',
      kind: 'project',
      pillar: 'RES',
      orgUnit: 'SPM-EAC',
      ownerId: ID.pillarLead,
      phase: 'planning',
      startDate: '2026-02-02',
      ...stamps,
    }),
  };
  for (const p of Object.values(project)) await store.projects.create(p);

  if (options.seedSettings !== false) {
    await store.settings.save(
      buildSettings({ pillarLeads: { PAC: [ID.pillarLead] }, updatedAt: SEEDED_AT }),
      null,
    );
  }

  const contextOf = (actor: Person, surface: RequestContext['surface'] = 'tab'): RequestContext => ({
    actor,
    surface,
    correlationId: `corr-${actor.id}`,
    locale: 'en',
  });
  const ctx = Object.fromEntries(WHO.map((w) => [w, contextOf(person[w])])) as Record<Who, RequestContext>;

  const auditLog = async () =>
    (await collectAll((page) => store.audit.list(page))).sort((a, b) =>
      a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1,
    );

  const snapshot = async (): Promise<Snapshot> => {
    const projects = await collectAll((page) => store.projects.list(page));
    const kpis = await collectAll((page) => store.kpis.list(page));
    return {
      projects,
      statusUpdates: (
        await Promise.all(
          projects.map((p) => collectAll((page) => store.statusUpdates.listByProject(p.id, page))),
        )
      ).flat(),
      risks: await collectAll((page) => store.risks.list(page)),
      milestones: await collectAll((page) => store.milestones.list(page)),
      kpis,
      measurements: await collectAll((page) => store.measurements.list(page)),
      people: await collectAll((page) => store.people.list(page)),
      settings: await store.settings.get(),
    };
  };

  return {
    services,
    store,
    clock,
    events,
    person,
    project,
    ctx,
    contextOf,
    auditLog,
    snapshot,
    async watch(): Promise<Watch> {
      const seen = new Set((await auditLog()).map((e) => e.id));
      const publishedBefore = events.published.length;
      const before = await snapshot();
      return {
        audit: async () => (await auditLog()).filter((e) => !seen.has(e.id)),
        events: () => events.published.slice(publishedBefore),
        expectNothingStored: async () => expect(await snapshot()).toEqual(before),
      };
    },
    openOtherInstance: () => temp.openStore(),
    cleanup: () => temp.cleanup(),
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

export interface RefusalTarget {
  entityType: AuditEvent['entityType'];
  entityId?: string;
  projectId?: string | null;
}

/**
 * `run` must throw ForbiddenError with `reason`, store nothing, publish nothing, and record exactly
 * one `forbidden` audit event naming the actor, the surface, the target and the rule that refused.
 */
export async function expectRefused(
  h: Harness,
  who: Who | Person,
  run: () => Promise<unknown>,
  reason: ForbiddenReason,
  target: RefusalTarget,
): Promise<AuditEvent> {
  const w = await h.watch();
  const error = await rejectionOf(run());
  expect(error).toBeInstanceOf(ForbiddenError);
  expect((error as ForbiddenError).reason).toBe(reason);
  await w.expectNothingStored();
  expect(w.events()).toEqual([]);
  const audit = await w.audit();
  expect(audit).toHaveLength(1);
  const actorId = typeof who === 'string' ? ID[who] : who.id;
  expect(audit[0]).toMatchObject({
    action: 'forbidden',
    actorId,
    surface: 'tab',
    at: h.clock.now().toISOString(),
    correlationId: `corr-${actorId}`,
    changes: [],
    ...target,
  });
  expect(audit[0]!.reason).toMatch(new RegExp(`^[a-z-]+: ${reason}$`));
  return audit[0]!;
}

/** The single audit event a write recorded, checked for actor, surface and correlation. */
export async function expectOneAudit(
  w: Watch,
  who: Who | Person,
  expected: Partial<AuditEvent>,
): Promise<AuditEvent> {
  const audit = await w.audit();
  expect(audit).toHaveLength(1);
  const actorId = typeof who === 'string' ? ID[who] : who.id;
  expect(audit[0]).toMatchObject({ actorId, surface: 'tab', correlationId: `corr-${actorId}`, ...expected });
  return audit[0]!;
}

/** The value of one field's change in an audit event. */
export function changeOf(event: AuditEvent, field: string): { before: unknown; after: unknown } | undefined {
  const c = event.changes.find((x) => x.field === field);
  return c ? { before: c.before, after: c.after } : undefined;
}
