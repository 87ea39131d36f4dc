// GET /api/v1/search: "find project / risk" for the declarative agent's API plugin (Microsoft 365
// Copilot calls it as the action `searchPortfolio`, manifest/template/ai-plugin.json). It runs the
// same search as the message extension (bot/services/search-service.ts: every word must match the
// code, title, pillar in any language, owner, org unit, phase, health; risks by their words), under
// the same identity rules as every /api/v1 route, and answers compact JSON a model can read: no
// cards, no stored text beyond titles and names, a link to the item in the tab.
import { z } from 'zod';
import { Health } from '../../domain/health.js';
import type { Locale } from '../../domain/locale.js';
import { PILLARS } from '../../domain/pillar.js';
import { RISK_LEVELS, RiskStatus, type Risk } from '../../domain/risk.js';
import { tabWebUrl } from '../../cards/links.js';
import { collectAll } from '../../ports/paging.js';
import { MAX_RESULTS_PER_PAGE, type SearchHit } from '../../services/search-service.js';
import type { Services } from '../../services/services.js';
import type { RequestContext } from '../../services/context.js';
import { route } from '../route.js';
import { skipCountOf } from '../skip-count.js';

/** Results per page when the caller does not say (small: the answer goes into a model's context). */
export const DEFAULT_SEARCH_COUNT = 10;
/** Top risks listed under each project. */
export const TOP_RISKS_PER_PROJECT = 3;
/** Risks that count as open on a project (as in the project overview: not proposed, not closed). */
const OPEN_RISK_STATUSES = ['open', 'mitigating', 'escalated'] as const;

const SearchQuery = z.object({
  q: z.string().max(1000).optional(),
  skip: z.coerce.number().int().min(0).max(100_000).optional(),
  count: z.coerce.number().int().min(1).max(MAX_RESULTS_PER_PAGE).optional(),
});

const RiskLevel = z.enum(RISK_LEVELS);

const TopRisk = z.object({
  title: z.string(),
  score: z.number().int(),
  level: RiskLevel,
  status: RiskStatus,
});

export const SearchItemSchema = z.object({
  kind: z.enum(['project', 'risk']),
  /** The project's code (for a risk: its project's code; absent for a portfolio-wide risk). */
  code: z.string().optional(),
  /** Project title, or risk title. */
  title: z.string(),
  pillar: z.string().optional(),
  pillarName: z.string().optional(),
  phase: z.string().optional(),
  health: Health.optional(),
  ownerName: z.string().optional(),
  percentComplete: z.number().optional(),
  lastReportedPeriod: z.string().optional(),
  reporting: z.string().optional(),
  openRisks: z.number().int().optional(),
  topRisks: z.array(TopRisk).optional(),
  /** Risk only: its project's title, score (likelihood x impact), level and status. */
  projectTitle: z.string().optional(),
  score: z.number().int().optional(),
  level: RiskLevel.optional(),
  status: RiskStatus.optional(),
  /** The item in the Transformation Hub tab (web address; opens the tab's route). */
  tabWebUrl: z.string(),
});
export type SearchItem = z.infer<typeof SearchItemSchema>;

export const SearchResponseSchema = z.object({
  /** The words searched for after normalisation; empty: the caller's own projects (or the portfolio). */
  words: z.array(z.string()),
  /** Matches in all, before paging. */
  total: z.number().int(),
  skip: z.number().int(),
  count: z.number().int(),
  /** `skip` for the next page; absent on the last page. */
  nextSkip: z.number().int().optional(),
  results: z.array(SearchItemSchema),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

function pillarName(code: string, locale: Locale): string | undefined {
  return PILLARS.find((p) => p.code === code)?.name[locale];
}

/** Open risks of the projects on this page, highest score first, at most TOP_RISKS_PER_PROJECT each. */
async function topRisksOf(
  services: Services,
  ctx: RequestContext,
  projectIds: readonly string[],
): Promise<Map<string, Risk[]>> {
  const byProject = new Map<string, Risk[]>();
  if (projectIds.length === 0) return byProject;
  const wanted = new Set(projectIds);
  // One paged read of the open register (ordered by score) rather than one read per project.
  const risks = await collectAll((page) => services.risks.list(ctx, { ...page, status: OPEN_RISK_STATUSES }));
  for (const risk of risks) {
    if (!risk.projectId || !wanted.has(risk.projectId)) continue;
    const list = byProject.get(risk.projectId) ?? [];
    if (list.length < TOP_RISKS_PER_PROJECT) list.push(risk);
    byProject.set(risk.projectId, list);
  }
  for (const list of byProject.values()) list.sort((a, b) => b.score - a.score);
  return byProject;
}

function toItem(
  hit: SearchHit,
  publicUrl: string,
  locale: Locale,
  topRisks: Map<string, Risk[]>,
): SearchItem {
  if (hit.kind === 'project') {
    const { project } = hit.overview;
    return {
      kind: 'project',
      code: project.code,
      title: project.title,
      pillar: project.pillar,
      pillarName: pillarName(project.pillar, locale),
      phase: project.phase,
      health: hit.overview.health,
      ownerName: hit.owner?.name,
      percentComplete: hit.overview.percentComplete,
      lastReportedPeriod: hit.overview.lastReportedPeriod,
      reporting: hit.overview.reporting,
      openRisks: hit.overview.openRisks,
      topRisks: (topRisks.get(project.id) ?? []).map((r) => ({
        title: r.title,
        score: r.score,
        level: r.level,
        status: r.status,
      })),
      tabWebUrl: tabWebUrl({ publicUrl }, `projects/${encodeURIComponent(project.code)}`),
    };
  }
  const { risk, project } = hit;
  return {
    kind: 'risk',
    code: project?.code,
    title: risk.title,
    pillar: project?.pillar,
    pillarName: project ? pillarName(project.pillar, locale) : undefined,
    projectTitle: project?.title,
    ownerName: hit.owner?.name,
    score: risk.score,
    level: risk.level,
    status: risk.status,
    tabWebUrl: tabWebUrl(
      { publicUrl },
      project ? `risks?project=${encodeURIComponent(project.code)}` : 'risks',
    ),
  };
}

export function searchRoutes(publicUrl: string) {
  return [
    route({
      method: 'get',
      path: '/api/v1/search',
      operationId: 'searchPortfolio',
      summary:
        'Find projects and risks by words (project code, title words, pillar, owner name, org unit, phase, health): the search of the "Find project / risk" message extension, paged by skip/count (at most 25)',
      tag: 'search',
      query: SearchQuery,
      response: { kind: 'json', schema: SearchResponseSchema, name: 'SearchResponse' },
      handler: async ({ ctx, services, query, locale }) => {
        const { skip, count } = skipCountOf(query, DEFAULT_SEARCH_COUNT);
        const result = await services.search.search(ctx, { text: query.q ?? '', skip, count });
        const projectIds = result.hits.flatMap((h) => (h.kind === 'project' ? [h.overview.project.id] : []));
        const topRisks = await topRisksOf(services, ctx, projectIds);
        const body: SearchResponse = {
          words: result.words,
          total: result.total,
          skip,
          count,
          ...(skip + count < result.total ? { nextSkip: skip + count } : {}),
          results: result.hits.map((hit) => toItem(hit, publicUrl, locale, topRisks)),
        };
        return { body };
      },
    }),
  ];
}
