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
import { periodOf, recentPeriods, type Period } from '../domain/period.js';
import type { PortfolioSummary, ProjectOverview } from '../domain/portfolio.js';
import { Project, ProjectCreate, ProjectPatch } from '../domain/project.js';
import { overviewFromFacts, summariseFacts } from '../domain/read-model.js';
import { daysSince } from '../domain/reporting.js';
import { parseInput } from '../domain/validation.js';
import { clampLimit, collectAll, type Page } from '../ports/paging.js';
import type { ProjectQuery } from '../ports/repositories.js';
import type { AuditService } from './audit-service.js';
import type { Created, RequestContext, ServiceDeps } from './context.js';
import { createKeyed, idForCreate } from './idempotency.js';
import { KeptAnswers } from './kept-answers.js';
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

  /**
   * One page of the projects matching the filters (ordered by code), each with its derived health,
   * trend, reporting state and risk counts from the read models: one page of projects and their
   * facts, never the whole portfolio.
   */
  async overview(ctx: RequestContext, query: OverviewQuery = {}): Promise<Page<ProjectOverview>> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'portfolio' },
      'read',
    );
    return this.overviewPage(query);
  }

  /**
   * overview() without the permission check (for services that checked already). A page is kept
   * until a write may change a project or its facts, or the period turns; the days since each
   * project's last update move with the clock, so the page carrying them is kept only until the
   * first of them changes. Kept pages are shared and frozen: callers copy what they change.
   */
  async overviewPage(query: OverviewQuery = {}): Promise<Page<ProjectOverview>> {
    const current = this.currentPeriod();
    const generation = await this.deps.store.readModels.generation();
    const kept = await this.pages.get(generation, JSON.stringify([current, query]), async () => {
      const { search, ...filters } = query;
      const projects = search?.trim()
        ? await this.searchPage(filters, search)
        : await this.deps.store.projects.list(filters);
      return { page: { items: await this.overviewOf(projects.items), nextCursor: projects.nextCursor } };
    });
    const now = this.deps.clock.now();
    if (!kept.dated || now.getTime() >= kept.dated.validUntil || now.getTime() < kept.dated.at) {
      kept.dated = datedPage(kept.page, now);
    }
    return kept.dated.page;
  }

  private readonly pages = new KeptAnswers<KeptPage>();

  /**
   * Keyset paging with a filter the store cannot apply (code and title words): each round asks for
   * as many projects as are still missing, so the last one read is the last one returned and the
   * store's cursor stays exact.
   */
  private async searchPage(filters: ProjectQuery, search: string): Promise<Page<Project>> {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const limit = clampLimit(filters.limit);
    const items: Project[] = [];
    let cursor = filters.cursor;
    do {
      const page = await this.deps.store.projects.list({ ...filters, limit: limit - items.length, cursor });
      for (const p of page.items) {
        const hay = `${p.code} ${p.title}`.toLowerCase();
        if (words.every((w) => hay.includes(w))) items.push(p);
      }
      cursor = page.nextCursor;
    } while (cursor && items.length < limit);
    return { items, nextCursor: cursor };
  }

  /** These projects' overviews now, from their read-model facts. */
  async overviewOf(projects: readonly Project[]): Promise<ProjectOverview[]> {
    const current = this.currentPeriod();
    const now = this.deps.clock.now();
    const facts = projects.length
      ? await this.deps.store.readModels.projectFacts(projects.map((p) => p.id))
      : [];
    const byId = new Map(facts.map((f) => [f.projectId, f]));
    return projects.map((p) => overviewFromFacts(p, byId.get(p.id), current, now));
  }

  /** Portfolio health by pillar, from every project's facts (no status update or risk is read). */
  async summary(ctx: RequestContext): Promise<PortfolioSummary> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'portfolio' },
      'read',
    );
    const readModels = this.deps.store.readModels;
    const current = this.currentPeriod();
    // Kept until a write changes some facts (any instance's) or the period turns.
    const summary = await this.summaries.get(await readModels.generation(), current, async () => {
      const [facts, portfolioWide] = await Promise.all([
        collectAll((page) => readModels.listFacts(page)),
        readModels.portfolioWideRisks(),
      ]);
      return summariseFacts(facts, portfolioWide, current);
    });
    // A copy: a caller changing its answer must not change the next caller's.
    return structuredClone(summary);
  }

  private readonly summaries = new KeptAnswers<PortfolioSummary>(4);

  /**
   * Portfolio and pillar health over the last `weeks` reporting weeks (this one included), oldest
   * first, from the latest update of each project up to each week. Kept (like the summary) until a
   * write may change a project or an update, by any instance, or the period turns: the cockpit asks
   * for it on every visit, and working it out reads the latest updates once per week shown.
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
    const generation = await store.readModels.generation();
    const history = await this.histories.get(generation, periods.join(','), async () => {
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
    });
    // A copy: a caller changing its answer must not change the next caller's.
    return structuredClone(history);
  }

  private readonly histories = new KeptAnswers<HealthWeek[]>(8);

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
    const result = await createKeyed(this.deps.store.projects, project, {
      entity: 'project',
      idempotencyKey,
      givenId,
      fields,
      sameOrigin: (existing) => existing.code === project.code,
    });
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
    const stored = await this.audit.recordWrite(
      () => this.deps.store.projects.update(next, expectedVersion),
      ctx,
      target,
      'update',
      current,
      next,
    );
    return stored;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

interface KeptPage {
  page: Page<ProjectOverview>;
  /** The page with the days since each update as of `at`, right until `validUntil` (ms). */
  dated?: { page: Page<ProjectOverview>; at: number; validUntil: number };
}

const DAY_MS = 86_400_000;

/** The page with each project's days since its last update at `now`, frozen, and until when it holds. */
function datedPage(page: Page<ProjectOverview>, now: Date): NonNullable<KeptPage['dated']> {
  let validUntil = Infinity;
  const items = page.items.map((o) => {
    const days = daysSince(o.lastUpdateAt, now);
    if (o.lastUpdateAt && days !== undefined) {
      validUntil = Math.min(validUntil, Date.parse(o.lastUpdateAt) + (days + 1) * DAY_MS);
    }
    return Object.freeze({ ...o, daysSinceUpdate: days });
  });
  const dated = Object.freeze({
    items: Object.freeze(items) as ProjectOverview[],
    nextCursor: page.nextCursor,
  });
  return { page: dated, at: now.getTime(), validUntil };
}
