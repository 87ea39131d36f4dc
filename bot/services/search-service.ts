// Finding projects and risks from free text: the message extension's search (and any other surface
// that wants "find project / risk"). Matches the project code, title words, the pillar (code or its
// name in any of the six languages), the owner's name and the org unit; risks by their title words,
// their project's code, their owner's name and category. Every word of the query must match
// somewhere. The query is treated as plain text only: normalised (NFKC, case, bidirectional marks
// and control characters removed), cut to a bounded length and number of words, never compiled into
// a regular expression or a store filter.
import { canRead } from '../domain/permissions.js';
import type { Person } from '../domain/person.js';
import { PILLARS } from '../domain/pillar.js';
import type { ProjectOverview } from '../domain/portfolio.js';
import type { Project } from '../domain/project.js';
import { isActiveRisk, type Risk } from '../domain/risk.js';
import { collectAll } from '../ports/paging.js';
import type { AuditService } from './audit-service.js';
import type { RequestContext, ServiceDeps } from './context.js';
import type { ProjectService } from './project-service.js';

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 8;
export const MAX_RESULTS_PER_PAGE = 25;

export type SearchHit =
  | { kind: 'project'; overview: ProjectOverview; owner?: Person }
  | { kind: 'risk'; risk: Risk; project?: Project; owner?: Person };

export interface SearchResult {
  hits: SearchHit[];
  /** Matches in all, before paging. */
  total: number;
  /** The words searched for, after normalisation (empty for an initial run). */
  words: string[];
}

export interface SearchQuery {
  text: string;
  skip?: number;
  count?: number;
}

// Bidi embeddings, overrides, isolates and marks; zero-width characters; C0/C1 controls.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u0000-\u001f\u007f-\u009f]/g;

/**
 * Words that carry no search meaning in the prompts people (and Copilot) write: "find the ERP
 * project", "which Governance projects are red this week", "les risques du projet TR-07".
 */
// prettier-ignore
const STOPWORDS = new Set([
  // en
  'a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'on', 'at', 'to', 'with', 'by', 'is', 'are', 'me',
  'my', 'show', 'find', 'search', 'list', 'which', 'what', 'all', 'this', 'week', 'project', 'projects',
  // fr
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'ou', 'pour', 'dans', 'sur', 'avec',
  'projet', 'projets', 'trouver', 'afficher',
  // es
  'el', 'los', 'las', 'una', 'del', 'y', 'o', 'para', 'en', 'con', 'proyecto', 'proyectos', 'buscar',
  // ru
  'и', 'в', 'на', 'по', 'для', 'проект', 'проекты', 'найти', 'показать',
  // ar
  'في', 'من', 'على', 'مشروع', 'مشاريع',
  // zh
  '的', '项目',
]);

/** "risk" in the six languages, so that "risks of TR-07" finds the risks of TR-07. */
const RISK_WORDS = 'risk risks risque risques riesgo riesgos риск риски 风险 خطر مخاطر المخاطر';

const CJK = /[\u3000-\u9fff\uf900-\ufaff]/;

/** The query as lower-case words of plain text (no markup, no invisible characters), bounded. */
export function queryWords(text: string): string[] {
  const cleaned = text
    .slice(0, MAX_QUERY_CHARS * 4)
    .normalize('NFKC')
    .replace(INVISIBLE, ' ')
    .toLocaleLowerCase('en')
    .slice(0, MAX_QUERY_CHARS);
  const words = cleaned
    .split(/[\s,;:!?"'`*_~#|<>()[\]{}\\/=+]+/u)
    .map((w) => w.replace(/^[.@-]+|[.@-]+$/g, ''))
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

function normalise(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, ' ').toLocaleLowerCase('en');
}

/** The searchable words of an item: lower-case, split on spaces and punctuation (codes stay whole). */
function haystack(text: string): { words: string[]; text: string } {
  const lower = normalise(text);
  return { words: lower.split(/[\s,;:!?"'`*_~#|<>()[\]{}\\/=+·.]+/u).filter(Boolean), text: lower };
}

function pillarTerms(code: string): string {
  const pillar = PILLARS.find((p) => p.code === code);
  return pillar ? [pillar.code, ...Object.values(pillar.name)].join(' ') : code;
}

/**
 * 0 when some word does not match; otherwise higher for a better match (an exact code first, then
 * whole words, then word beginnings). A query word matches the beginning of a word of the item
 * ("web" finds "website"); Chinese, which is written without spaces, matches anywhere.
 */
function score(
  words: readonly string[],
  code: string | undefined,
  hay: { words: string[]; text: string },
): number {
  let total = 0;
  for (const word of words) {
    if (code && code === word) total += 100;
    else if (code?.startsWith(word)) total += 20;
    else if (hay.words.includes(word)) total += 10;
    else if (hay.words.some((w) => w.startsWith(word))) total += 5;
    else if (CJK.test(word) && hay.text.includes(word)) total += 5;
    else return 0;
  }
  return total;
}

export class SearchService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly projects: ProjectService,
  ) {}

  /**
   * Projects and risks matching every word of `text`, best first, paged by skip/count (count at
   * most 25). With no words: the caller's own projects (owner, lead or member), or the portfolio
   * when they have none.
   */
  async search(ctx: RequestContext, query: SearchQuery): Promise<SearchResult> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'portfolio' },
      'read',
    );
    const skip = Math.max(0, Math.floor(Number.isFinite(query.skip) ? (query.skip ?? 0) : 0));
    const count = Math.min(
      MAX_RESULTS_PER_PAGE,
      Math.max(
        1,
        Math.floor(
          Number.isFinite(query.count) ? (query.count ?? MAX_RESULTS_PER_PAGE) : MAX_RESULTS_PER_PAGE,
        ),
      ),
    );
    const words = queryWords(query.text);
    const store = this.deps.store;
    const [projects, people] = await Promise.all([
      collectAll((page) => store.projects.list(page)),
      collectAll((page) => store.people.list(page)),
    ]);
    const personById = new Map(people.map((p) => [p.id, p]));
    const projectById = new Map(projects.map((p) => [p.id, p]));

    type Ranked = { score: number; order: string } & (
      | { kind: 'project'; overview: ProjectOverview; owner?: Person }
      | { kind: 'risk'; risk: Risk; project?: Project; owner?: Person }
    );
    const ranked: Ranked[] = [];
    if (words.length === 0) {
      const mine = projects.filter(
        (p) =>
          p.ownerId === ctx.actor.id ||
          p.leadIds.includes(ctx.actor.id) ||
          p.memberIds.includes(ctx.actor.id),
      );
      const shown = (mine.length > 0 ? mine : projects).slice(skip, skip + count);
      const overviews = await this.projects.overviewOf(shown);
      return {
        hits: overviews.map((o) => ({
          kind: 'project',
          overview: o,
          owner: personById.get(o.project.ownerId),
        })),
        total: mine.length > 0 ? mine.length : projects.length,
        words,
      };
    }
    const [overviews, risks] = await Promise.all([
      this.projects.overviewOf(projects),
      collectAll((page) => store.risks.list(page)),
    ]);
    for (const o of overviews) {
      const p = o.project;
      const owner = personById.get(p.ownerId);
      const hay = haystack(
        `${p.code} ${p.title} ${pillarTerms(p.pillar)} ${owner?.name ?? ''} ${p.orgUnit} ${p.kind} ${p.phase} ${o.health ?? ''}`,
      );
      const s = score(words, p.code.toLowerCase(), hay);
      if (s > 0) ranked.push({ kind: 'project', score: s, order: `0 ${p.code}`, overview: o, owner });
    }
    for (const r of risks.filter(isActiveRisk)) {
      const project = r.projectId ? projectById.get(r.projectId) : undefined;
      const owner = r.ownerId ? personById.get(r.ownerId) : undefined;
      const hay = haystack(
        `${r.title} ${project?.code ?? ''} ${project ? pillarTerms(project.pillar) : ''} ${owner?.name ?? ''} ${r.category} ${r.level} ${r.status} ${RISK_WORDS}`,
      );
      const s = score(words, undefined, hay);
      // A risk ranks just below a project with the same score; higher risk scores first.
      if (s > 0) {
        ranked.push({
          kind: 'risk',
          score: s,
          order: `1 ${String(25 - r.score).padStart(2, '0')} ${r.id}`,
          risk: r,
          project,
          owner,
        });
      }
    }
    ranked.sort((a, b) => b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const hits = ranked.slice(skip, skip + count).map(({ score: _s, order: _o, ...hit }): SearchHit => hit);
    return { hits, total: ranked.length, words };
  }

  /** One project by code (link unfurling), with its overview and owner; undefined when unknown. */
  async project(ctx: RequestContext, code: string): Promise<SearchHit | undefined> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'project', entityId: code }, 'read');
    const project = await this.projects.lookup.find(code);
    if (!project) return undefined;
    const [overview] = await this.projects.overviewOf([project]);
    if (!overview) return undefined;
    const owner = await this.deps.store.people.get(project.ownerId);
    return { kind: 'project', overview, owner };
  }
}
