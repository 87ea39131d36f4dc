// Answers shaped like the questions the CTO, owners and ChangeMakers ask Copilot: who has not
// reported for a week, a project's one-page brief (latest status with every dimension, achievements,
// blockers, next steps, milestones due and missed, KPIs, top risks), and the portfolio for a week.
// Read only; every risk shown passes canReadRisk (confidential risks stay with those who may read them).
import { NotFoundError } from '../domain/errors.js';
import type { KpiProgress, Kpi } from '../domain/kpi.js';
import { effectiveMilestoneStatus, isDueWithin, type Milestone } from '../domain/milestone.js';
import { canRead, canReadRisk } from '../domain/permissions.js';
import { comparePeriods, periodEnd, previousPeriod, weeksBetween, type Period } from '../domain/period.js';
import type { Person } from '../domain/person.js';
import type { PillarCode } from '../domain/pillar.js';
import {
  overviewProjects,
  summarisePortfolio,
  type PortfolioSummary,
  type ProjectOverview,
} from '../domain/portfolio.js';
import { addDays, dateInZone } from '../domain/primitives.js';
import { expectsReporting, type Project } from '../domain/project.js';
import { compareRisks, isActiveRisk, type Risk } from '../domain/risk.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { collectAll } from '../ports/paging.js';
import type { AuditService } from './audit-service.js';
import type { RequestContext, ServiceDeps } from './context.js';
import type { KpiService } from './kpi-service.js';
import type { ProjectService } from './project-service.js';
import type { SearchService } from './search-service.js';
import type { SettingsService } from './settings-service.js';

/** Milestones "due" in a brief: planned ones within this many days. */
export const BRIEF_MILESTONE_HORIZON_DAYS = 30;
export const BRIEF_TOP_RISKS = 5;

export interface LateReporter {
  project: Project;
  owner?: Person;
  lastReportedPeriod?: Period;
  /** Weeks between the last report and the period asked about (undefined: never reported). */
  weeksSinceReport?: number;
}

export interface ProjectBrief {
  overview: ProjectOverview;
  owner?: Person;
  leads: Person[];
  latest?: StatusUpdate;
  milestonesDue: Milestone[];
  milestonesMissed: Milestone[];
  kpis: Array<{ kpi: Kpi; progress: KpiProgress }>;
  topRisks: Risk[];
  activeRisks: number;
}

export interface PortfolioBrief {
  summary: PortfolioSummary;
  /** Red and amber projects of the period, red first. */
  attention: Array<{ overview: ProjectOverview; blockers: string }>;
  topRisks: Array<{ risk: Risk; project?: Project }>;
  late: number;
}

export class BriefingService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly projects: ProjectService,
    private readonly kpis: KpiService,
    private readonly settings: SettingsService,
    private readonly search: SearchService,
  ) {}

  private async riskFilter(ctx: RequestContext, projectById: ReadonlyMap<string, Project>) {
    const settings = await this.settings.current();
    return (r: Risk) =>
      canReadRisk(ctx.actor, r, r.projectId ? projectById.get(r.projectId) : undefined, settings).allowed;
  }

  /**
   * Projects that owe a status update for `period` (default: the current week): in a reporting phase,
   * started by the end of that week, and without an update for it. Oldest report first.
   */
  async lateReporters(
    ctx: RequestContext,
    options: { period?: Period; pillar?: PillarCode } = {},
  ): Promise<{ period: Period; items: LateReporter[] }> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'reporting' },
      'read',
    );
    const current = this.projects.currentPeriod();
    const period = options.period && comparePeriods(options.period, current) < 0 ? options.period : current;
    const store = this.deps.store;
    const [projects, reported, latest, people] = await Promise.all([
      collectAll((page) => store.projects.list({ pillar: options.pillar, ...page })),
      collectAll((page) => store.statusUpdates.listByPeriod(period, page)),
      collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod: period, ...page })),
      collectAll((page) => store.people.list(page)),
    ]);
    const done = new Set(reported.map((u) => u.projectId));
    const last = new Map(latest.map((u) => [u.projectId, u.period]));
    const personById = new Map(people.map((p) => [p.id, p]));
    const end = periodEnd(period);
    const items = projects
      .filter((p) => expectsReporting(p) && !done.has(p.id) && (!p.startDate || p.startDate <= end))
      .map((project): LateReporter => {
        const lastReportedPeriod = last.get(project.id);
        return {
          project,
          owner: personById.get(project.ownerId),
          lastReportedPeriod,
          weeksSinceReport: lastReportedPeriod ? weeksBetween(lastReportedPeriod, period) : undefined,
        };
      })
      .sort(
        (a, b) =>
          (b.weeksSinceReport ?? 1000) - (a.weeksSinceReport ?? 1000) ||
          a.project.code.localeCompare(b.project.code),
      );
    return { period, items };
  }

  /** A project's one-page brief, by code in any spelling (TR-07, TR07, tr 7) or id. */
  async projectBrief(ctx: RequestContext, code: string): Promise<ProjectBrief> {
    const hit = await this.search.project(ctx, code);
    const project = hit?.kind === 'project' ? hit.overview.project : await this.projects.get(ctx, code);
    const store = this.deps.store;
    const today = dateInZone(this.deps.clock.now(), this.deps.orgTimeZone);
    const [[overview], updates, milestones, kpis, risks, people] = await Promise.all([
      this.projects.overviewOf([project]),
      store.statusUpdates.listByProject(project.id, { limit: 1 }),
      collectAll((page) => store.milestones.list({ projectId: project.id, ...page })),
      this.kpis.withProgress(ctx, { projectId: project.id }),
      collectAll((page) => store.risks.list({ projectId: project.id, ...page })),
      store.people.getMany([project.ownerId, ...project.leadIds]),
    ]);
    if (!overview) throw new NotFoundError('project', code);
    const canSee = await this.riskFilter(ctx, new Map([[project.id, project]]));
    const active = risks.filter((r) => isActiveRisk(r) && canSee(r)).sort(compareRisks);
    const lastDay = addDays(today, BRIEF_MILESTONE_HORIZON_DAYS);
    const byId = new Map(people.map((p) => [p.id, p]));
    return {
      overview,
      owner: byId.get(project.ownerId),
      leads: project.leadIds.flatMap((id) => byId.get(id) ?? []),
      latest: updates.items[0],
      milestonesDue: milestones.filter((m) => isDueWithin(m, today, lastDay)),
      milestonesMissed: milestones.filter((m) => effectiveMilestoneStatus(m, today) === 'missed'),
      kpis: kpis.map(({ kpi, progress }) => ({ kpi, progress })),
      topRisks: active.slice(0, BRIEF_TOP_RISKS),
      activeRisks: active.length,
    };
  }

  /** The portfolio as of a week (default the current one): health by pillar, red and amber, top risks. */
  async portfolioBrief(ctx: RequestContext, options: { period?: Period } = {}): Promise<PortfolioBrief> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'portfolio' },
      'read',
    );
    const current = this.projects.currentPeriod();
    const period = options.period && comparePeriods(options.period, current) < 0 ? options.period : current;
    const store = this.deps.store;
    const [projects, latest, previous, risks] = await Promise.all([
      collectAll((page) => store.projects.list(page)),
      collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod: period, ...page })),
      collectAll((page) =>
        store.statusUpdates.latestPerProject({ upToPeriod: previousPeriod(period), ...page }),
      ),
      collectAll((page) => store.risks.list({ status: ['open', 'mitigating', 'escalated'], ...page })),
    ]);
    const projectById = new Map(projects.map((p) => [p.id, p]));
    const canSee = await this.riskFilter(ctx, projectById);
    const visible = risks.filter(canSee);
    const now =
      comparePeriods(period, current) === 0
        ? this.deps.clock.now()
        : new Date(`${periodEnd(period)}T23:59:59Z`);
    const overviews = overviewProjects({
      projects,
      latest,
      previous,
      risks: visible,
      currentPeriod: period,
      now,
    });
    const summary = summarisePortfolio(overviews, visible, period);
    const latestById = new Map(latest.map((u) => [u.projectId, u]));
    const rank = { red: 0, amber: 1, green: 2 } as const;
    const attention = overviews
      .filter((o) => o.reporting !== 'not-required' && (o.health === 'red' || o.health === 'amber'))
      .sort(
        (a, b) =>
          rank[a.health ?? 'green'] - rank[b.health ?? 'green'] ||
          a.project.code.localeCompare(b.project.code),
      )
      .map((overview) => ({ overview, blockers: latestById.get(overview.project.id)?.blockers ?? '' }));
    return {
      summary,
      attention,
      topRisks: visible
        .sort(compareRisks)
        .slice(0, BRIEF_TOP_RISKS)
        .map((risk) => ({ risk, project: risk.projectId ? projectById.get(risk.projectId) : undefined })),
      late: overviews.filter((o) => o.reporting === 'overdue' || o.reporting === 'due').length,
    };
  }
}
