// KPIs and their measurements. Project KPIs are edited by the project's owners, pillar KPIs by the
// pillar's leads, both by the CTO and by the KPI's own owner.
import { NotFoundError } from '../domain/errors.js';
import {
  Kpi,
  KpiCreate,
  KpiPatch,
  kpiProgress,
  Measurement,
  MeasurementCreate,
  MeasurementPatch,
  type KpiProgress,
} from '../domain/kpi.js';
import { canEditKpi, canRead } from '../domain/permissions.js';
import type { Project } from '../domain/project.js';
import { parseInput } from '../domain/validation.js';
import { collectAll, type Page } from '../ports/paging.js';
import type { KpiQuery, MeasurementQuery } from '../ports/repositories.js';
import type { AuditService } from './audit-service.js';
import type { Created, RequestContext, ServiceDeps } from './context.js';
import { createKeyed, firstVersion, idForCreate } from './idempotency.js';
import { ProjectLookup } from './project-lookup.js';
import type { SettingsService } from './settings-service.js';

export interface KpiWithProgress {
  kpi: Kpi;
  measurements: Measurement[];
  progress: KpiProgress;
}

export class KpiService {
  private readonly lookup: ProjectLookup;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {
    this.lookup = new ProjectLookup(deps.store);
  }

  async list(ctx: RequestContext, query: KpiQuery): Promise<Page<Kpi>> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'kpi', entityId: 'kpis' }, 'read');
    if (query.projectId) {
      const project = await this.lookup.require(query.projectId);
      return this.deps.store.kpis.list({ ...query, projectId: project.id });
    }
    return this.deps.store.kpis.list(query);
  }

  /** KPIs with their measurements and progress, for charts and the digest. */
  async withProgress(
    ctx: RequestContext,
    query: Omit<KpiQuery, 'cursor' | 'limit'> = {},
  ): Promise<KpiWithProgress[]> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'kpi', entityId: 'kpis' }, 'read');
    const projectId = query.projectId ? (await this.lookup.require(query.projectId)).id : undefined;
    const kpis = await collectAll((page) => this.deps.store.kpis.list({ ...query, projectId, ...page }));
    if (kpis.length === 0) return [];
    const measurements = await collectAll((page) =>
      this.deps.store.measurements.list({ kpiIds: kpis.map((k) => k.id), ...page }),
    );
    const byKpi = new Map<string, Measurement[]>();
    for (const m of measurements) byKpi.set(m.kpiId, [...(byKpi.get(m.kpiId) ?? []), m]);
    return kpis.map((kpi) => {
      const ms = byKpi.get(kpi.id) ?? [];
      return { kpi, measurements: ms, progress: kpiProgress(kpi, ms) };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<KpiWithProgress> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'kpi', entityId: id }, 'read');
    const kpi = await this.deps.store.kpis.get(id);
    if (!kpi) throw new NotFoundError('kpi', id);
    const measurements = await collectAll((page) =>
      this.deps.store.measurements.list({ kpiIds: [id], ...page }),
    );
    return { kpi, measurements, progress: kpiProgress(kpi, measurements) };
  }

  private async projectOf(kpi: Pick<Kpi, 'projectId'>): Promise<Project | undefined> {
    return kpi.projectId ? this.lookup.require(kpi.projectId) : undefined;
  }

  async create(ctx: RequestContext, input: unknown, idempotencyKey?: string): Promise<Created<Kpi>> {
    const { id: givenId, ...fields } = parseInput(KpiCreate, input);
    const project = await this.projectOf(fields);
    const settings = await this.settings.current();
    const target = { entityType: 'kpi', entityId: 'new', projectId: project?.id ?? null } as const;
    // The owner named in the body is not yet granted: creating needs rights over the project or pillar.
    await this.audit.enforce(
      ctx,
      canEditKpi(ctx.actor, { ...fields, ownerId: null }, project, settings),
      target,
      'create',
    );
    if (fields.ownerId) await this.lookup.assertPeople({ ownerId: fields.ownerId });
    const id = givenId ?? idForCreate(this.deps.ids, 'kpi', ctx.actor.id, idempotencyKey);
    const now = this.deps.clock.now().toISOString();
    const kpi = parseInput(Kpi, {
      ...fields,
      projectId: project?.id ?? null,
      id,
      ...firstVersion(now),
    });
    const result = await createKeyed(this.deps.store.kpis, kpi, {
      entity: 'kpi',
      idempotencyKey,
      givenId,
      fields,
      sameOrigin: (existing) => existing.title === kpi.title,
    });
    if (!result.replayed)
      await this.audit.record(ctx, { ...target, entityId: id }, 'create', undefined, result.value);
    return result;
  }

  async update(ctx: RequestContext, id: string, patch: unknown, expectedVersion: number): Promise<Kpi> {
    const changes = parseInput(KpiPatch, patch);
    const current = await this.deps.store.kpis.get(id);
    if (!current) throw new NotFoundError('kpi', id);
    const project = await this.projectOf(current);
    const settings = await this.settings.current();
    const target = { entityType: 'kpi', entityId: id, projectId: current.projectId } as const;
    await this.audit.enforce(ctx, canEditKpi(ctx.actor, current, project, settings), target, 'update');
    // A project named by its code is stored by its id, as on create.
    if (changes.projectId) changes.projectId = (await this.lookup.require(changes.projectId)).id;
    // Moving a KPI to another project or pillar needs the right to edit it there as well; owning the
    // KPI gives no rights over the project or pillar it moves to.
    const moves =
      (changes.projectId !== undefined && changes.projectId !== current.projectId) ||
      (changes.pillar !== undefined && changes.pillar !== current.pillar);
    if (moves) {
      const moved = { ...current, ...changes };
      await this.audit.enforce(
        ctx,
        canEditKpi(ctx.actor, { ...moved, ownerId: null }, await this.projectOf(moved), settings),
        target,
        'move',
      );
    }
    if (changes.ownerId) await this.lookup.assertPeople({ ownerId: changes.ownerId });
    const next = parseInput(Kpi, { ...current, ...changes, updatedAt: this.deps.clock.now().toISOString() });
    const stored = await this.audit.recordWrite(
      () => this.deps.store.kpis.update(next, expectedVersion),
      ctx,
      target,
      'update',
      current,
      next,
    );
    return stored;
  }

  async listMeasurements(ctx: RequestContext, query: MeasurementQuery): Promise<Page<Measurement>> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'measurement', entityId: 'measurements' },
      'read',
    );
    return this.deps.store.measurements.list(query);
  }

  async recordMeasurement(
    ctx: RequestContext,
    kpiId: string,
    input: unknown,
    idempotencyKey?: string,
  ): Promise<Created<Measurement>> {
    const { id: givenId, ...fields } = parseInput(MeasurementCreate, input);
    const kpi = await this.deps.store.kpis.get(kpiId);
    if (!kpi) throw new NotFoundError('kpi', kpiId);
    const project = await this.projectOf(kpi);
    const target = { entityType: 'measurement', entityId: 'new', projectId: kpi.projectId } as const;
    await this.audit.enforce(
      ctx,
      canEditKpi(ctx.actor, kpi, project, await this.settings.current()),
      target,
      'record',
    );
    const id = givenId ?? idForCreate(this.deps.ids, 'measurement', ctx.actor.id, idempotencyKey);
    const now = this.deps.clock.now().toISOString();
    const measurement = parseInput(Measurement, {
      ...fields,
      kpiId,
      id,
      byId: ctx.actor.id,
      ...firstVersion(now),
    });
    const result = await createKeyed(this.deps.store.measurements, measurement, {
      entity: 'measurement',
      idempotencyKey,
      givenId,
      fields,
      sameOrigin: (existing) => existing.kpiId === kpiId,
    });
    if (!result.replayed)
      await this.audit.record(ctx, { ...target, entityId: id }, 'create', undefined, result.value);
    return result;
  }

  async updateMeasurement(
    ctx: RequestContext,
    id: string,
    patch: unknown,
    expectedVersion: number,
  ): Promise<Measurement> {
    const changes = parseInput(MeasurementPatch, patch);
    const current = await this.deps.store.measurements.get(id);
    if (!current) throw new NotFoundError('measurement', id);
    const kpi = await this.deps.store.kpis.get(current.kpiId);
    if (!kpi) throw new NotFoundError('kpi', current.kpiId);
    const target = { entityType: 'measurement', entityId: id, projectId: kpi.projectId } as const;
    await this.audit.enforce(
      ctx,
      canEditKpi(ctx.actor, kpi, await this.projectOf(kpi), await this.settings.current()),
      target,
      'update',
    );
    const next = parseInput(Measurement, {
      ...current,
      ...changes,
      updatedAt: this.deps.clock.now().toISOString(),
    });
    const stored = await this.audit.recordWrite(
      () => this.deps.store.measurements.update(next, expectedVersion),
      ctx,
      target,
      'update',
      current,
      next,
    );
    return stored;
  }
}
