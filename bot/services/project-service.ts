// Projects: reading the portfolio (with each project's derived health and reporting state) and
// editing projects, with permissions and audit.
import { ValidationError } from '../domain/errors.js';
import { canAdminister, canEditProject, canRead, canReassignProject } from '../domain/permissions.js';
import {
  healthHistory,
  HEALTH_HISTORY_WEEKS,
  MAX_HEALTH_HISTORY_WEEKS,
  type HealthWeek,
} from '../domain/health-history.js';
import { periodOf, previousPeriod, recentPeriods, type Period } from '../domain/period.js';
import {
  overviewProjects,
  summarisePortfolio,
  type PortfolioSummary,
  type ProjectOverview,
} from '../domain/portfolio.js';
import { Project, ProjectCreate, ProjectPatch } from '../domain/project.js';
import { isActiveRisk } from '../domain/risk.js';
import { parseInput } from '../domain/validation.js';
import { collectAll, type Page } from '../ports/paging.js';
import type { ProjectQuery } from '../ports/repositories.js';
import type { AuditService } from './audit-service.js';
import type { Created, RequestContext, ServiceDeps } from './context.js';
import { createIdempotent, idForCreate, sameFields } from './idempotency.js';
import { ProjectLookup } from './project-lookup.js';

export interface OverviewQuery extends ProjectQuery {
  /** Case-insensitive search on code and title words. */
  search?: string;
}

export class ProjectService {
  readonly lookup: ProjectLookup;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {
    this.lookup = new ProjectLookup(deps.store);
  }

  currentPeriod(): Period {
    return periodOf(this.deps.clock.now(), this.deps.orgTimeZone);
  }

  async get(ctx: RequestContext, idOrCode: string): Promise<Project> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'project', entityId: idOrCode }, 'read');
    return this.lookup.require(idOrCode);
  }

  async list(ctx: RequestContext, query: ProjectQuery): Promise<Page<Project>> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'portfolio' },
      'read',
    );
    return this.deps.store.projects.list(query);
  }

  /** Every project matching the filters, with derived health, trend, reporting state and risk counts. */
  async overview(ctx: RequestContext, query: OverviewQuery = {}): Promise<ProjectOverview[]> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'portfolio' },
      'read',
    );
    const { search, limit: _limit, cursor: _cursor, ...filters } = query;
    let projects = await collectAll((page) => this.deps.store.projects.list({ ...filters, ...page }));
    if (search && search.trim()) {
      const words = search.toLowerCase().split(/\s+/).filter(Boolean);
      projects = projects.filter((p) => {
        const hay = `${p.code} ${p.title}`.toLowerCase();
        return words.every((w) => hay.includes(w));
      });
    }
    return this.overviewOf(projects);
  }

  async overviewOf(projects: readonly Project[]): Promise<ProjectOverview[]> {
    const current = this.currentPeriod();
    const all = projects.length > 50;
    const ids = new Set(projects.map((p) => p.id));
    const keep = <T extends { projectId: string | null }>(items: T[]) =>
      all ? items.filter((i) => i.projectId !== null && ids.has(i.projectId)) : items;
    const [latest, previous, risks] = await Promise.all([
      all
        ? collectAll((page) =>
            this.deps.store.statusUpdates.latestPerProject({ upToPeriod: current, ...page }),
          )
        : this.latestFor(projects, current),
      all
        ? collectAll((page) =>
            this.deps.store.statusUpdates.latestPerProject({ upToPeriod: previousPeriod(current), ...page }),
          )
        : this.latestFor(projects, previousPeriod(current)),
      all
        ? collectAll((page) =>
            this.deps.store.risks.list({ status: ['open', 'mitigating', 'escalated'], ...page }),
          )
        : this.risksFor(projects),
    ]);
    return overviewProjects({
      projects,
      latest: keep(latest),
      previous: keep(previous),
      risks: keep(risks),
      currentPeriod: current,
      now: this.deps.clock.now(),
    });
  }

  private async latestFor(projects: readonly Project[], upTo: Period) {
    const pages = await Promise.all(
      projects.map((p) => this.deps.store.statusUpdates.listByProject(p.id, { limit: 5 })),
    );
    return pages.flatMap((page) => {
      const first = page.items.find((u) => u.period <= upTo);
      return first ? [first] : [];
    });
  }

  private async risksFor(projects: readonly Project[]) {
    const lists = await Promise.all(
      projects.map((p) => collectAll((page) => this.deps.store.risks.list({ projectId: p.id, ...page }))),
    );
    return lists.flat().filter(isActiveRisk);
  }

  async summary(ctx: RequestContext): Promise<PortfolioSummary> {
    const overviews = await this.overview(ctx);
    const risks = await collectAll((page) =>
      this.deps.store.risks.list({ status: ['open', 'mitigating', 'escalated'], ...page }),
    );
    return summarisePortfolio(overviews, risks, this.currentPeriod());
  }

  /**
   * Portfolio and pillar health over the last `weeks` reporting weeks (this one included), oldest
   * first, from the latest update of each project up to each week.
   */
  async healthHistory(ctx: RequestContext, weeks = HEALTH_HISTORY_WEEKS): Promise<HealthWeek[]> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'portfolio' },
      'read',
    );
    const periods = recentPeriods(
      this.currentPeriod(),
      Math.min(Math.max(1, weeks), MAX_HEALTH_HISTORY_WEEKS),
    );
    const store = this.deps.store;
    const [projects, latest] = await Promise.all([
      collectAll((page) => store.projects.list(page)),
      Promise.all(
        periods.map((upToPeriod) =>
          collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod, ...page })),
        ),
      ),
    ]);
    return healthHistory(
      projects,
      periods.map((period, i) => ({ period, latest: latest[i] ?? [] })),
    );
  }

  async create(ctx: RequestContext, input: unknown, idempotencyKey?: string): Promise<Created<Project>> {
    const { id: givenId, ...fields } = parseInput(ProjectCreate, input);
    await this.audit.enforce(
      ctx,
      canAdminister(ctx.actor),
      { entityType: 'project', entityId: fields.code },
      'create',
    );
    await this.lookup.assertPeople(fields);
    await this.lookup.assertProjectsExist(fields.dependencies, 'dependencies');
    const id = givenId ?? idForCreate(this.deps.ids, 'project', ctx.actor.id, idempotencyKey);
    const now = this.deps.clock.now().toISOString();
    const project = parseInput(Project, { ...fields, id, version: 1, createdAt: now, updatedAt: now });
    await this.lookup.assertCodeFree(project.code, id);
    const result = await createIdempotent(
      idempotencyKey,
      () => this.deps.store.projects.create(project),
      () => this.deps.store.projects.get(id),
      (existing) => existing.code === project.code,
      {
        entity: 'project',
        keyDerived: givenId === undefined,
        matches: (existing) => sameFields(existing, project, Object.keys(fields)),
      },
    );
    if (!result.replayed) {
      await this.audit.record(
        ctx,
        { entityType: 'project', entityId: id, projectId: id },
        'create',
        undefined,
        result.value,
      );
    }
    return result;
  }

  async update(
    ctx: RequestContext,
    idOrCode: string,
    patch: unknown,
    expectedVersion: number,
  ): Promise<Project> {
    const changes = parseInput(ProjectPatch, patch);
    const current = await this.lookup.require(idOrCode);
    const target = { entityType: 'project', entityId: current.id, projectId: current.id } as const;
    await this.audit.enforce(ctx, canEditProject(ctx.actor, current), target, 'update');
    const reassigns =
      (changes.ownerId !== undefined && changes.ownerId !== current.ownerId) ||
      (changes.leadIds !== undefined && !sameList(changes.leadIds, current.leadIds));
    if (reassigns) await this.audit.enforce(ctx, canReassignProject(ctx.actor, current), target, 'reassign');
    await this.lookup.assertPeople(changes);
    if (changes.dependencies) {
      if (changes.dependencies.includes(current.id)) {
        throw new ValidationError([
          { path: 'dependencies', code: 'self_dependency', message: 'a project cannot depend on itself' },
        ]);
      }
      await this.lookup.assertProjectsExist(changes.dependencies, 'dependencies');
    }
    const next = parseInput(Project, {
      ...current,
      ...changes,
      updatedAt: this.deps.clock.now().toISOString(),
    });
    const stored = await this.deps.store.projects.update(next, expectedVersion);
    await this.audit.record(ctx, target, 'update', current, stored);
    return stored;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
