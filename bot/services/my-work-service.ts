// "My work": what a person owns or contributes to, what they owe this week, their risks and the
// milestones coming up on their projects. Used by the tab's My work page and the bot's `projects`.
import { canRead } from '../domain/permissions.js';
import { addDays, dateInZone } from '../domain/primitives.js';
import type { Milestone } from '../domain/milestone.js';
import type { ProjectOverview } from '../domain/portfolio.js';
import { isUpdateMissing } from '../domain/reporting.js';
import { compareRisks, isActiveRisk, type Risk } from '../domain/risk.js';
import { collectAll } from '../ports/paging.js';
import type { AuditService } from './audit-service.js';
import type { RequestContext, ServiceDeps } from './context.js';
import type { ProjectService } from './project-service.js';

export interface MyWork {
  /** Projects I own or lead, then change cases I am a member of. */
  projects: Array<ProjectOverview & { relation: 'owner' | 'lead' | 'member' }>;
  /** My projects whose update for the current period is missing. */
  updatesDue: ProjectOverview[];
  /** Active risks I own, and active risks on my projects, highest first. */
  risks: Risk[];
  /**
   * Planned milestones due within `horizonDays` on my projects, change cases I am a member of
   * included (members manage their milestones, as they post their updates).
   */
  milestonesDue: Milestone[];
}

export class MyWorkService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly projects: ProjectService,
  ) {}

  /**
   * Projects I own or lead, then change cases I am a member of, with their overviews (kept by the
   * project service until the data changes): what the bot's `projects` answer shows.
   */
  async myProjects(ctx: RequestContext): Promise<MyWork['projects']> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'project', entityId: 'my-work' }, 'read');
    return this.projectsOf(ctx.actor.id);
  }

  private async projectsOf(me: string): Promise<MyWork['projects']> {
    const [owned, member] = await Promise.all([
      collectAll((page) => this.projects.overviewPage({ ownerOrLeadId: me, ...page })),
      collectAll((page) => this.projects.overviewPage({ memberId: me, ...page })),
    ]);
    const ownedIds = new Set(owned.map((o) => o.project.id));
    return [...owned, ...member.filter((o) => !ownedIds.has(o.project.id))].map((o) => ({
      ...o,
      relation:
        o.project.ownerId === me
          ? ('owner' as const)
          : ownedIds.has(o.project.id)
            ? ('lead' as const)
            : ('member' as const),
    }));
  }

  async get(ctx: RequestContext, horizonDays = 14): Promise<MyWork> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'project', entityId: 'my-work' }, 'read');
    const me = ctx.actor.id;
    const store = this.deps.store;
    const projects = await this.projectsOf(me);
    const all = projects.map((o) => o.project);
    const owned = projects.filter((o) => o.relation !== 'member').map((o) => o.project);
    const today = dateInZone(this.deps.clock.now(), this.deps.orgTimeZone);
    const [myRisks, projectRisks, milestones] = await Promise.all([
      collectAll((page) => store.risks.list({ ownerId: me, ...page })),
      Promise.all(owned.map((p) => collectAll((page) => store.risks.list({ projectId: p.id, ...page })))),
      Promise.all(
        all.map((p) =>
          collectAll((page) =>
            store.milestones.list({
              projectId: p.id,
              status: ['planned'],
              dueFrom: today,
              dueTo: addDays(today, horizonDays),
              ...page,
            }),
          ),
        ),
      ),
    ]);
    const risks = new Map<string, Risk>();
    for (const r of [...myRisks, ...projectRisks.flat()]) if (isActiveRisk(r)) risks.set(r.id, r);
    return {
      projects,
      updatesDue: projects
        .filter((o) => isUpdateMissing(o.reporting))
        .map(({ relation: _relation, ...o }) => o),
      risks: [...risks.values()].sort(compareRisks),
      milestonesDue: milestones
        .flat()
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)),
    };
  }
}
