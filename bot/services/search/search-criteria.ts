// What a search asks for, whether it came from words ("open risks of TR 7", "proyectos rojos de
// Gobernanza") or from the structured parameters of the Copilot functions, and how an item is matched
// and scored against it. Facets filter (one of the values of each facet given; several facets all
// apply); free words must each match some field of the item (title in any language, owner, org unit,
// pillar, ...), words that match nothing in the portfolio are ignored; ranking: exact code, then
// title words, then other fields; risks by score.
import type { Health } from '../../domain/health.js';
import type { PillarCode } from '../../domain/pillar.js';
import type { ProjectKind, ProjectPhase } from '../../domain/project.js';
import type { ReportingState } from '../../domain/reporting.js';
import { RISK_STATUSES, type RiskLevel, type RiskStatus } from '../../domain/risk.js';
import type { Doc, IndexSnapshot } from './search-index.js';
import { CJK, parseQuery } from './search-text.js';

export interface Criteria {
  /** Code keys of named projects (search-text.ts codeKey). */
  codes: Set<string>;
  health: Set<Health>;
  reporting: Set<ReportingState>;
  kinds: Set<ProjectKind>;
  phases: Set<ProjectPhase>;
  pillars: Set<PillarCode>;
  riskStatuses: Set<RiskStatus>;
  riskLevels: Set<RiskLevel>;
  minScore?: number;
  maxScore?: number;
  /** Folded words of an owner's name; each must begin a word of the owner's name. */
  owner: string[];
  mine: boolean;
  free: string[];
  want: 'projects' | 'risks' | 'both';
  highest: boolean;
  /** The query had words but none of them asked for anything. */
  empty: boolean;
}

export const ACTIVE_RISK_STATUSES: readonly RiskStatus[] = RISK_STATUSES.filter((s) => s !== 'closed');

export function emptyCriteria(): Criteria {
  return {
    codes: new Set(),
    health: new Set(),
    reporting: new Set(),
    kinds: new Set(),
    phases: new Set(),
    pillars: new Set(),
    riskStatuses: new Set(),
    riskLevels: new Set(),
    owner: [],
    mine: false,
    free: [],
    want: 'both',
    highest: false,
    empty: false,
  };
}

function matchesWord(doc: Doc, word: string): number {
  if (CJK.test(word)) {
    if (doc.titleText.includes(word)) return 20;
    return doc.otherText.includes(word) ? 5 : 0;
  }
  if (doc.title.has(word)) return 30;
  // Beginnings of words ("web" finds "website") from three letters: "au" or "de" would find anything.
  const prefix = word.length >= 3;
  if (prefix) for (const w of doc.title) if (w.startsWith(word)) return 20;
  if (doc.other.has(word)) return 10;
  if (prefix) for (const w of doc.other) if (w.startsWith(word)) return 5;
  return 0;
}

/** How many free words an item matches, and their summed weights. */
export function textMatch(doc: Doc, free: readonly string[]): { matched: number; score: number } {
  let matched = 0;
  let score = 0;
  for (const word of free) {
    const s = matchesWord(doc, word);
    if (s > 0) matched += 1;
    score += s;
  }
  return { matched, score };
}

/** Does this word match anything in the portfolio? (Words that match nothing are ignored.) */
function knownWord(snapshot: IndexSnapshot, word: string): boolean {
  return (
    snapshot.projects.some((p) => matchesWord(snapshot.projectDoc(p), word) > 0) ||
    snapshot.risks.some((r) => matchesWord(snapshot.riskDoc(r), word) > 0)
  );
}

/** Criteria from words (the message extension, `q` of the Copilot functions). */
export function criteriaFromText(text: string, snapshot: IndexSnapshot): Criteria {
  const parsed = parseQuery(text, new Set(snapshot.projectByCodeKey.keys()));
  const c = emptyCriteria();
  for (const code of parsed.codes) c.codes.add(code);
  let riskOnly = false;
  let projectOnly = false;
  for (const f of parsed.facets) {
    switch (f.kind) {
      case 'health':
        c.health.add(f.value);
        projectOnly = true;
        break;
      case 'reporting':
        c.reporting.add(f.value);
        projectOnly = true;
        break;
      case 'projectKind':
        c.kinds.add(f.value);
        projectOnly = true;
        break;
      case 'phase':
        c.phases.add(f.value);
        projectOnly = true;
        break;
      case 'pillar':
        c.pillars.add(f.value);
        break;
      case 'riskStatus':
        for (const s of f.value === 'active' ? ACTIVE_RISK_STATUSES : [f.value]) c.riskStatuses.add(s);
        riskOnly = true;
        break;
      case 'riskLevel':
        // "high risks" means high and above.
        for (const l of f.value === 'high' ? (['high', 'critical'] as const) : [f.value]) c.riskLevels.add(l);
        riskOnly = true;
        break;
      case 'risks':
        riskOnly = true;
        break;
      case 'mine':
        c.mine = true;
        break;
      case 'highest':
        c.highest = true;
        break;
    }
  }
  c.want = riskOnly ? 'risks' : projectOnly ? 'projects' : 'both';
  c.free = parsed.free.filter((w) => knownWord(snapshot, w));
  c.empty = parsed.hadText && c.codes.size === 0 && parsed.facets.length === 0 && c.free.length === 0;
  return c;
}
