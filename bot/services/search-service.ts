// Finding projects and risks: the message extension's "Find project / risk", GET /api/v1/search and
// the structured Copilot functions (find projects, find risks) all run here, on the search index
// (search/search-index.ts: kept up to date on write, no store scan per query). Words are read by
// search/search-text.ts (codes in any spelling, synonyms in six languages), matched and ranked by
// search/search-criteria.ts. Risks a person may not read (confidential) are never returned.
import { canRead, canReadRisk } from '../domain/permissions.js';
import type { Person } from '../domain/person.js';
import type { ProjectOverview } from '../domain/portfolio.js';
import { isProjectMember, isProjectOwner, type Project } from '../domain/project.js';
import type { Risk } from '../domain/risk.js';
import type { AuditService } from './audit-service.js';
import type { RequestContext, ServiceDeps } from './context.js';
import type { ProjectService } from './project-service.js';
import {
  ACTIVE_RISK_STATUSES,
  criteriaFromText,
  emptyCriteria,
  textMatch,
  type Criteria,
} from './search/search-criteria.js';
import type { IndexSnapshot } from './search/search-index.js';
import { SearchIndex } from './search/search-index.js';
import { keyOfCode, words as foldedWords } from './search/search-text.js';

export { MAX_QUERY_CHARS, MAX_QUERY_WORDS } from './search/search-text.js';
export const MAX_RESULTS_PER_PAGE = 25;

export type SearchHit =
  | { kind: 'project'; overview: ProjectOverview; owner?: Person }
  | { kind: 'risk'; risk: Risk; project?: Project; owner?: Person };

export interface SearchResult {
  hits: SearchHit[];
  /** Matches in all, before paging. */
  total: number;
  /** What was searched for, after reading the words (empty for an initial run). */
  words: string[];
}

export interface SearchQuery {
  text: string;
  skip?: number;
  count?: number;
}

/** The structured filters of the Copilot functions; `text` is read like the search box's words. */
export interface StructuredQuery {
  text?: string;
  skip?: number;
  count?: number;
  projectCode?: string;
  pillars?: Criteria['pillars'];
  kinds?: Criteria['kinds'];
  health?: Criteria['health'];
  phases?: Criteria['phases'];
  reporting?: Criteria['reporting'];
  riskLevels?: Criteria['riskLevels'];
  riskStatuses?: Criteria['riskStatuses'];
  minScore?: number;
  maxScore?: number;
  /** An owner's name (words of it), or "me". */
  owner?: string;
}

function pageOf(query: { skip?: number; count?: number }): { skip: number; count: number } {
  const skip = Math.max(0, Math.floor(Number.isFinite(query.skip) ? (query.skip ?? 0) : 0));
  const wanted = Number.isFinite(query.count) ? (query.count ?? MAX_RESULTS_PER_PAGE) : MAX_RESULTS_PER_PAGE;
  return { skip, count: Math.min(MAX_RESULTS_PER_PAGE, Math.max(1, Math.floor(wanted))) };
}

function isMine(actorId: string, project: Project): boolean {
  return isProjectOwner(actorId, project) || isProjectMember(actorId, project);
}

function ownerMatches(owner: readonly string[], person: Person | undefined): boolean {
  if (owner.length === 0) return true;
  if (!person) return false;
  const name = foldedWords(person.name);
  return owner.every((w) => name.some((n) => n.startsWith(w)));
}

function describe(c: Criteria, snapshot: IndexSnapshot): string[] {
  const statuses = [...c.riskStatuses];
  const active =
    statuses.length === ACTIVE_RISK_STATUSES.length &&
    ACTIVE_RISK_STATUSES.every((s) => c.riskStatuses.has(s));
  return [
    ...[...c.codes].map((k) => snapshot.projectByCodeKey.get(k)?.code ?? k),
    ...(c.want === 'both' ? [] : [c.want]),
    ...(active ? ['status:active'] : statuses.map((v) => `status:${v}`)),
    ...[...c.pillars].map((v) => `pillar:${v}`),
    ...[...c.kinds].map((v) => `kind:${v}`),
    ...[...c.health].map((v) => `health:${v}`),
    ...[...c.phases].map((v) => `phase:${v}`),
    ...[...c.reporting].map((v) => `reporting:${v}`),
    ...[...c.riskLevels].map((v) => `level:${v}`),
    ...(c.mine ? ['mine'] : []),
    ...c.free,
  ];
}

type Ranked = { rank: number; tie: number; order: string; matched: number; hit: SearchHit };

/**
 * Free words narrow the results as far as they can: the items matching the most of them are kept
 * (all of them when some item matches every word). When none matches any word, the facets and codes
 * alone decide, or, without any, nothing is found.
 */
function narrowByWords(ranked: Ranked[], c: Criteria): Ranked[] {
  if (c.free.length === 0) return ranked;
  const best = ranked.reduce((m, r) => Math.max(m, r.matched), 0);
  if (best > 0) return ranked.filter((r) => r.matched === best);
  const constrained =
    c.codes.size +
      c.pillars.size +
      c.kinds.size +
      c.phases.size +
      c.health.size +
      c.reporting.size +
      c.riskStatuses.size +
      c.riskLevels.size +
      c.owner.length >
      0 ||
    c.mine ||
    c.want !== 'both';
  return constrained ? ranked : [];
}

export class SearchService {
  private readonly index: SearchIndex;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly projects: ProjectService,
    options: { maxAgeMs?: number } = {},
  ) {
    this.index = new SearchIndex({
      store: deps.store,
      clock: deps.clock,
      currentPeriod: () => projects.currentPeriod(),
      maxAgeMs: options.maxAgeMs,
    });
  }

  private async enforceRead(ctx: RequestContext, entityId = 'portfolio'): Promise<void> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'project', entityId }, 'read');
  }

  /** A predicate: may the actor read this risk (confidential risks: owner, leads, pillar lead, CTO). */
  private riskReader(ctx: RequestContext, snapshot: IndexSnapshot): (r: Risk) => boolean {
    const settings = snapshot.settings;
    return (r) =>
      canReadRisk(ctx.actor, r, r.projectId ? snapshot.projectById.get(r.projectId) : undefined, settings)
        .allowed;
  }

  /**
   * Projects and risks matching the words of `text`, best first, paged by skip/count (count at most
   * 25). With no words: the caller's own projects (owner, lead or member), or the portfolio when
   * they have none.
   */
  async search(ctx: RequestContext, query: SearchQuery): Promise<SearchResult> {
    await this.enforceRead(ctx);
    const page = pageOf(query);
    const snapshot = await this.index.snapshot();
    if (!query.text.trim()) {
      const mine = snapshot.projects.filter((p) => isMine(ctx.actor.id, p));
      const all = mine.length > 0 ? mine : snapshot.projects;
      return {
        hits: all.slice(page.skip, page.skip + page.count).map((p) => this.projectHit(snapshot, p)),
        total: all.length,
        words: [],
      };
    }
    const criteria = criteriaFromText(query.text, snapshot);
    return this.run(ctx, snapshot, criteria, page);
  }

  /** The Copilot functions: structured filters, plus words read as the search box reads them. */
  async find(ctx: RequestContext, want: 'projects' | 'risks', query: StructuredQuery): Promise<SearchResult> {
    await this.enforceRead(ctx);
    const snapshot = await this.index.snapshot();
    const c = query.text?.trim() ? criteriaFromText(query.text, snapshot) : emptyCriteria();
    if (c.empty) return { hits: [], total: 0, words: [] };
    c.want = want;
    const add = <T>(into: Set<T>, values: Iterable<T> | undefined) => {
      for (const v of values ?? []) into.add(v);
    };
    add(c.pillars, query.pillars);
    add(c.kinds, query.kinds);
    add(c.health, query.health);
    add(c.phases, query.phases);
    add(c.reporting, query.reporting);
    add(c.riskLevels, query.riskLevels);
    add(c.riskStatuses, query.riskStatuses);
    if (query.projectCode) {
      c.codes.add(keyOfCode(query.projectCode) ?? `unknown:${query.projectCode}`);
    }
    if (query.minScore !== undefined) c.minScore = query.minScore;
    if (query.maxScore !== undefined) c.maxScore = query.maxScore;
    const owner = query.owner?.trim();
    if (owner && ['me', 'moi', 'yo', 'я', 'أنا', '我'].includes(owner.toLowerCase())) c.mine = true;
    else if (owner) c.owner = foldedWords(owner);
    return this.run(ctx, snapshot, c, pageOf(query));
  }

  private projectHit(snapshot: IndexSnapshot, p: Project): SearchHit {
    const overview = snapshot.overviewById.get(p.id) ?? {
      project: p,
      reporting: 'not-required',
      openRisks: 0,
    };
    return { kind: 'project', overview, owner: snapshot.people.get(p.ownerId) };
  }

  private projectPasses(c: Criteria, snapshot: IndexSnapshot, p: Project, actorId: string): boolean {
    const o = snapshot.overviewById.get(p.id);
    if (c.codes.size > 0 && !c.codes.has(keyOfCode(p.code) ?? '')) return false;
    if (c.pillars.size > 0 && !c.pillars.has(p.pillar)) return false;
    if (c.kinds.size > 0 && !c.kinds.has(p.kind)) return false;
    if (c.phases.size > 0 && !c.phases.has(p.phase)) return false;
    if (c.health.size > 0 && !(o?.health && c.health.has(o.health))) return false;
    if (c.reporting.size > 0 && !(o && c.reporting.has(o.reporting))) return false;
    return !c.mine || isMine(actorId, p);
  }

  private run(
    ctx: RequestContext,
    snapshot: IndexSnapshot,
    c: Criteria,
    page: { skip: number; count: number },
  ): SearchResult {
    if (c.empty) return { hits: [], total: 0, words: [] };
    const actorId = ctx.actor.id;
    const ranked: Ranked[] = [];
    if (c.want !== 'risks') {
      for (const p of snapshot.projects) {
        if (!this.projectPasses(c, snapshot, p, actorId)) continue;
        if (!ownerMatches(c.owner, snapshot.people.get(p.ownerId))) continue;
        const text = c.free.length > 0 ? textMatch(snapshot.projectDoc(p), c.free) : { matched: 0, score: 1 };
        const exact = c.codes.size > 0 ? 1000 : 0;
        ranked.push({
          rank: exact + text.score,
          tie: 0,
          order: `0 ${p.code}`,
          matched: text.matched,
          hit: this.projectHit(snapshot, p),
        });
      }
    }
    if (c.want !== 'projects') {
      const canSee = this.riskReader(ctx, snapshot);
      const statuses = c.riskStatuses.size > 0 ? c.riskStatuses : new Set(ACTIVE_RISK_STATUSES);
      const projectFacets = { ...c, mine: false, want: c.want };
      for (const r of snapshot.risks) {
        if (!statuses.has(r.status)) continue;
        if (c.riskLevels.size > 0 && !c.riskLevels.has(r.level)) continue;
        if (c.minScore !== undefined && r.score < c.minScore) continue;
        if (c.maxScore !== undefined && r.score > c.maxScore) continue;
        const project = r.projectId ? snapshot.projectById.get(r.projectId) : undefined;
        const projectFiltered =
          c.codes.size + c.pillars.size + c.kinds.size + c.phases.size + c.health.size + c.reporting.size > 0;
        if (projectFiltered && !(project && this.projectPasses(projectFacets, snapshot, project, actorId)))
          continue;
        const owner = r.ownerId ? snapshot.people.get(r.ownerId) : undefined;
        if (!ownerMatches(c.owner, owner)) continue;
        if (c.mine && r.ownerId !== actorId && !(project && isMine(actorId, project))) continue;
        if (!canSee(r)) continue;
        const text = c.free.length > 0 ? textMatch(snapshot.riskDoc(r), c.free) : { matched: 0, score: 1 };
        ranked.push({
          // Risks rank by their words, then by score (highest first): "risks by score".
          rank: c.highest || c.free.length === 0 ? 1 : text.score,
          matched: text.matched,
          tie: r.score,
          order: `1 ${r.raisedAt} ${r.id}`,
          hit: { kind: 'risk', risk: r, project, owner },
        });
      }
    }
    const kept = narrowByWords(ranked, c);
    kept.sort(
      (a, b) =>
        b.rank - a.rank ||
        (a.order[0] ?? '').localeCompare(b.order[0] ?? '') ||
        b.tie - a.tie ||
        a.order.localeCompare(b.order),
    );
    return {
      hits: kept.slice(page.skip, page.skip + page.count).map((r) => r.hit),
      total: kept.length,
      words: describe(c, snapshot),
    };
  }

  /** One project by code (link unfurling, the project brief), with its overview and owner. */
  async project(ctx: RequestContext, code: string): Promise<SearchHit | undefined> {
    await this.enforceRead(ctx, code);
    const snapshot = await this.index.snapshot();
    const key = keyOfCode(code);
    const project = key ? snapshot.projectByCodeKey.get(key) : undefined;
    if (!project) {
      const found = await this.projects.lookup.find(code);
      return found ? this.projectHit(snapshot, found) : undefined;
    }
    return this.projectHit(snapshot, project);
  }

  /** The caller may read this risk (for surfaces that hold a risk already). */
  async canRead(ctx: RequestContext, risk: Risk): Promise<boolean> {
    const snapshot = await this.index.snapshot();
    return this.riskReader(ctx, snapshot)(risk);
  }
}
