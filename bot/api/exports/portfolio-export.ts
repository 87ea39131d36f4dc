// What the Excel export holds: the projects `GET /api/v1/projects` would list for the same filters,
// and the risks, milestones and KPIs of those projects (plus the portfolio- and pillar-wide ones when
// no filter narrower than a pillar is set). Read through the services, so their permission checks
// apply; a small selection is read project by project, a large one list by list.
import type { Milestone } from '../../domain/milestone.js';
import type { PillarCode } from '../../domain/pillar.js';
import type { ProjectOverview } from '../../domain/portfolio.js';
import type { Risk } from '../../domain/risk.js';
import { collectAll } from '../../ports/paging.js';
import type { RequestContext } from '../../services/context.js';
import type { KpiWithProgress } from '../../services/kpi-service.js';
import type { OverviewQuery } from '../../services/project-service.js';
import type { Services } from '../../services/services.js';

export interface PortfolioExport {
  projects: ProjectOverview[];
  risks: Risk[];
  milestones: Milestone[];
  kpis: KpiWithProgress[];
  /** Display names of the people the sheets mention, by id. */
  people: ReadonlyMap<string, string>;
}

/** Below this many projects, items are read per project; above, whole lists are read once and filtered. */
const PER_PROJECT_LIMIT = 50;

export async function collectPortfolioExport(
  services: Services,
  ctx: RequestContext,
  query: OverviewQuery,
): Promise<PortfolioExport> {
  const projects = await collectAll((page) => services.projects.overview(ctx, { ...query, ...page }));
  const ids = new Set(projects.map((o) => o.project.id));
  // Portfolio- and pillar-wide risks and KPIs belong to no project: they come with an unfiltered or
  // pillar-only export.
  const { pillar, limit: _limit, cursor: _cursor, ...narrower } = query;
  const wide = Object.values(narrower).every((v) => v === undefined || v === '');
  const inScope = <T extends { projectId: string | null }>(item: T, pillarOf?: PillarCode | null) =>
    item.projectId !== null
      ? ids.has(item.projectId)
      : wide && (pillar === undefined || pillarOf === undefined || pillarOf === pillar);

  const perProject = projects.length <= PER_PROJECT_LIMIT;
  const each = <T>(read: (projectId: string) => Promise<T[]>) =>
    Promise.all([...ids].map(read)).then((lists) => lists.flat());
  const [risks, milestones, kpis, people] = await Promise.all([
    perProject
      ? each((projectId) => collectAll((page) => services.risks.list(ctx, { projectId, ...page }))).then(
          async (own) =>
            wide
              ? [
                  ...own,
                  ...(await collectAll((page) => services.risks.list(ctx, { portfolioWide: true, ...page }))),
                ]
              : own,
        )
      : collectAll((page) => services.risks.list(ctx, page)),
    perProject
      ? each((projectId) => collectAll((page) => services.milestones.list(ctx, { projectId, ...page })))
      : collectAll((page) => services.milestones.list(ctx, page)),
    perProject && !wide
      ? each((projectId) => services.kpis.withProgress(ctx, { projectId }))
      : services.kpis.withProgress(ctx, pillar ? { pillar } : {}),
    collectAll((page) => services.roster.list(ctx, page)),
  ]);
  return {
    projects,
    risks: risks.filter((r) => inScope(r)).sort(byProjectThen(projects, (r) => -r.score)),
    milestones: milestones.filter((m) => inScope(m)).sort(byProjectThen(projects, (m) => m.dueDate)),
    kpis: kpis
      .filter((k) => inScope(k.kpi, k.kpi.pillar))
      .sort(
        byProjectThen(
          projects,
          (k) => k.kpi.title,
          (k) => k.kpi.projectId,
        ),
      ),
    people: new Map(people.map((p) => [p.id, p.name])),
  };
}

/** Orders items as their projects are listed (by code), portfolio-wide items last, then by `key`. */
function byProjectThen<T>(
  projects: readonly ProjectOverview[],
  key: (item: T) => string | number,
  projectOf: (item: T) => string | null = (item) => (item as { projectId: string | null }).projectId,
) {
  const rank = new Map(projects.map((o, i) => [o.project.id, i]));
  return (a: T, b: T): number => {
    const pa = rank.get(projectOf(a) ?? '') ?? projects.length;
    const pb = rank.get(projectOf(b) ?? '') ?? projects.length;
    if (pa !== pb) return pa - pb;
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
