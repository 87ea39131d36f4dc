import { NotFoundError } from '../domain/errors.js';
import { Milestone, MilestoneCreate, MilestonePatch } from '../domain/milestone.js';
import { canManageMilestones, canRead } from '../domain/permissions.js';
import { dateInZone } from '../domain/primitives.js';
import { parseInput } from '../domain/validation.js';
import type { Page } from '../ports/paging.js';
import type { MilestoneQuery } from '../ports/repositories.js';
import type { AuditService } from './audit-service.js';
import type { Created, RequestContext, ServiceDeps } from './context.js';
import { createKeyed, firstVersion, idForCreate } from './idempotency.js';
import { ProjectLookup } from './project-lookup.js';

export class MilestoneService {
  private readonly lookup: ProjectLookup;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {
    this.lookup = new ProjectLookup(deps.store);
  }

  private today(): string {
    return dateInZone(this.deps.clock.now(), this.deps.orgTimeZone);
  }

  async list(ctx: RequestContext, query: MilestoneQuery): Promise<Page<Milestone>> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'milestone', entityId: 'roadmap' },
      'read',
    );
    if (query.projectId) {
      const project = await this.lookup.require(query.projectId);
      return this.deps.store.milestones.list({ ...query, projectId: project.id });
    }
    return this.deps.store.milestones.list(query);
  }

  async create(
    ctx: RequestContext,
    projectIdOrCode: string,
    input: unknown,
    idempotencyKey?: string,
  ): Promise<Created<Milestone>> {
    const project = await this.lookup.require(projectIdOrCode);
    const { id: givenId, ...fields } = parseInput(MilestoneCreate, {
      ...(input as object),
      projectId: project.id,
    });
    const target = { entityType: 'milestone', entityId: 'new', projectId: project.id } as const;
    await this.audit.enforce(ctx, canManageMilestones(ctx.actor, project), target, 'create');
    const id = givenId ?? idForCreate(this.deps.ids, 'milestone', ctx.actor.id, idempotencyKey);
    const now = this.deps.clock.now().toISOString();
    const milestone = parseInput(Milestone, {
      ...fields,
      completedOn: fields.status === 'done' ? (fields.completedOn ?? this.today()) : fields.completedOn,
      id,
      ...firstVersion(now),
    });
    const result = await createKeyed(this.deps.store.milestones, milestone, {
      entity: 'milestone',
      idempotencyKey,
      givenId,
      fields,
      sameOrigin: (existing) => existing.projectId === project.id,
    });
    if (!result.replayed) {
      await this.audit.record(ctx, { ...target, entityId: id }, 'create', undefined, result.value);
    }
    return result;
  }

  async update(ctx: RequestContext, id: string, patch: unknown, expectedVersion: number): Promise<Milestone> {
    const changes = parseInput(MilestonePatch, patch);
    const current = await this.deps.store.milestones.get(id);
    if (!current) throw new NotFoundError('milestone', id);
    const project = await this.lookup.require(current.projectId);
    const target = { entityType: 'milestone', entityId: id, projectId: project.id } as const;
    await this.audit.enforce(ctx, canManageMilestones(ctx.actor, project), target, 'update');
    const status = changes.status ?? current.status;
    const completedOn =
      status === 'done'
        ? (changes.completedOn ?? current.completedOn ?? this.today())
        : (changes.completedOn ?? null);
    const next = parseInput(Milestone, {
      ...current,
      ...changes,
      completedOn,
      updatedAt: this.deps.clock.now().toISOString(),
    });
    const stored = await this.audit.recordWrite(
      () => this.deps.store.milestones.update(next, expectedVersion),
      ctx,
      target,
      'update',
      current,
      next,
    );
    return stored;
  }
}
