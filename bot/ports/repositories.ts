// Repository ports. They speak domain types only and ask no more of a store than SharePoint lists
// through Graph can give: single-entity writes (no cross-entity transactions), optimistic
// concurrency on every update, and paged reads.
//
// Contract (test/contract/repositories.contract.ts checks every implementation):
// - create(entity) stores it with version 1 and returns it; an existing id throws DuplicateError.
// - update(entity, expectedVersion) stores it with version expectedVersion + 1 when the stored
//   version equals expectedVersion, otherwise throws ConflictError carrying the current entity;
//   a missing entity throws NotFoundError. Concurrent updates from one version: exactly one wins.
// - reads return entities validated against the domain schema; list results are ordered as stated.
import type { WriteReporter } from './write-reporter.js';
import type { AuditEvent, EntityType } from '../domain/audit.js';
import type { Kpi, Measurement } from '../domain/kpi.js';
import type { Milestone, MilestoneStatus } from '../domain/milestone.js';
import type { Period } from '../domain/period.js';
import type { Person, Role } from '../domain/person.js';
import type { PillarCode } from '../domain/pillar.js';
import type { Project, ProjectKind, ProjectPhase } from '../domain/project.js';
import type { Risk, RiskStatus } from '../domain/risk.js';
import type { Settings } from '../domain/settings.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { Page, PageRequest } from './paging.js';
import type { ReadModels } from './read-models.js';

export interface Versioned {
  id: string;
  version: number;
}

export interface VersionedRepository<T extends Versioned> {
  get(id: string): Promise<T | undefined>;
  /** Several by id, in no particular order; missing ids are left out. */
  getMany(ids: readonly string[]): Promise<T[]>;
  create(entity: T): Promise<T>;
  update(entity: T, expectedVersion: number): Promise<T>;
}

export interface ProjectQuery extends PageRequest {
  pillar?: PillarCode;
  phase?: ProjectPhase;
  kind?: ProjectKind;
  orgUnit?: string;
  /** Projects this person owns or leads. */
  ownerOrLeadId?: string;
  /** Projects this person is a member of. */
  memberId?: string;
}

/** Ordered by code. */
export interface ProjectRepository extends VersionedRepository<Project> {
  getByCode(code: string): Promise<Project | undefined>;
  list(query?: ProjectQuery): Promise<Page<Project>>;
}

/** Ordered newest period first. */
export interface StatusUpdateRepository extends VersionedRepository<StatusUpdate> {
  getForPeriod(projectId: string, period: Period): Promise<StatusUpdate | undefined>;
  listByProject(projectId: string, page?: PageRequest): Promise<Page<StatusUpdate>>;
  /** Every update of the given period, ordered by project id. */
  listByPeriod(period: Period, page?: PageRequest): Promise<Page<StatusUpdate>>;
  /**
   * The latest update of each project whose period is at most `upToPeriod` (all periods when
   * omitted), ordered by project id. One item per project that has any.
   */
  latestPerProject(options?: { upToPeriod?: Period } & PageRequest): Promise<Page<StatusUpdate>>;
}

export interface RiskQuery extends PageRequest {
  projectId?: string;
  /** Only risks not attached to a project. */
  portfolioWide?: boolean;
  status?: readonly RiskStatus[];
  ownerId?: string;
  minScore?: number;
}

/** Ordered by score descending, then raisedAt descending, then id. */
export interface RiskRepository extends VersionedRepository<Risk> {
  list(query?: RiskQuery): Promise<Page<Risk>>;
}

export interface MilestoneQuery extends PageRequest {
  projectId?: string;
  status?: readonly MilestoneStatus[];
  dueFrom?: string;
  dueTo?: string;
}

/** Ordered by due date, then id. */
export interface MilestoneRepository extends VersionedRepository<Milestone> {
  list(query?: MilestoneQuery): Promise<Page<Milestone>>;
}

export interface KpiQuery extends PageRequest {
  projectId?: string;
  pillar?: PillarCode;
}

/** Ordered by title, then id. */
export interface KpiRepository extends VersionedRepository<Kpi> {
  list(query?: KpiQuery): Promise<Page<Kpi>>;
}

export interface MeasurementQuery extends PageRequest {
  kpiIds?: readonly string[];
}

/** Ordered by KPI id, then date ascending, then id. */
export interface MeasurementRepository extends VersionedRepository<Measurement> {
  list(query?: MeasurementQuery): Promise<Page<Measurement>>;
}

export interface PersonQuery extends PageRequest {
  role?: Role;
  active?: boolean;
}

/** Ordered by name, then id. */
export interface PersonRepository extends VersionedRepository<Person> {
  getByAadObjectId(aadObjectId: string): Promise<Person | undefined>;
  getByEmail(email: string): Promise<Person | undefined>;
  list(query?: PersonQuery): Promise<Page<Person>>;
}

export interface AuditQuery extends PageRequest {
  entityType?: EntityType;
  entityId?: string;
  projectId?: string;
  actorId?: string;
  /** Inclusive lower bound on `at`. */
  since?: string;
}

/** Append-only. Ordered newest first (at descending, then id descending). */
export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  list(query?: AuditQuery): Promise<Page<AuditEvent>>;
}

/** One settings document. save() with expectedVersion null creates it (DuplicateError if it exists). */
export interface SettingsRepository {
  get(): Promise<Settings | undefined>;
  save(settings: Settings, expectedVersion: number | null): Promise<Settings>;
}

/** Everything the services need from the system of record. */
export interface Store {
  readonly kind: string;
  readonly projects: ProjectRepository;
  readonly statusUpdates: StatusUpdateRepository;
  readonly risks: RiskRepository;
  readonly milestones: MilestoneRepository;
  readonly kpis: KpiRepository;
  readonly measurements: MeasurementRepository;
  readonly people: PersonRepository;
  readonly audit: AuditRepository;
  readonly settings: SettingsRepository;
  /** Each project's facts, kept up to date with the writes (read-models.ts). */
  readonly readModels: ReadModels;
  /** Resolves when the store answers; rejects with UnavailableError otherwise. */
  ping(): Promise<void>;
  /** Stores with a durable outbox (SharePoint) report the writes they queued (write-reporter.ts). */
  readonly queuedWrites?: WriteReporter;
  /**
   * Stores with transactions (SQLite) run one repository write and append its audit events in one
   * transaction: all are stored or none. `write` must make exactly one repository call. Stores
   * without (SharePoint) leave it out; `writeWithAudit` (below) then appends after the write.
   */
  readonly writeAudited?: <T>(write: () => Promise<T>, events: readonly AuditEvent[]) => Promise<T>;
  /** True when the store holds no projects and no people (first start). */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * One write and its audit event (or events, in order): atomically where the store can
 * (Store.writeAudited), otherwise the events are appended once the write has succeeded (a crash
 * between the two loses them).
 */
export async function writeWithAudit<T>(
  store: Pick<Store, 'audit' | 'writeAudited'>,
  write: () => Promise<T>,
  event: AuditEvent | readonly AuditEvent[],
): Promise<T> {
  const events = isEventList(event) ? event : [event];
  if (store.writeAudited) return store.writeAudited(write, events);
  const result = await write();
  for (const e of events) await store.audit.append(e);
  return result;
}

const isEventList = (e: AuditEvent | readonly AuditEvent[]): e is readonly AuditEvent[] => Array.isArray(e);
