// Finds the project a person means: by code ("TR-07", "tr07", "tr 7") or by words of its title
// ("website", "ai hub"), accent- and case-insensitive. One clear match, several (the bot asks which),
// or none (the bot says so and suggests the closest). Titles in every language count: "état site
// web" finds the project whose French title is "Nouveau site web de l’UIT".
import { allProjectTitles, type LocalizedTitles } from '../domain/project.js';

export interface MatchableProject {
  id: string;
  code: string;
  title: string;
  titles?: LocalizedTitles;
}

export type MatchResult<P> =
  { kind: 'one'; project: P } | { kind: 'many'; candidates: P[] } | { kind: 'none'; suggestions: P[] };

/** Accents dropped, Unicode's default lower case (the root locale's, without a locale look-up per call). */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const STOP_WORDS = new Set([
  'the',
  'of',
  'and',
  'a',
  'for',
  'de',
  'la',
  'le',
  'les',
  'des',
  'et',
  'el',
  'y',
  'du',
  'del',
  'l',
  'project',
]);

/** "tr07", "TR 7", "tr-007" -> "TR-7" style key: letters plus the number without leading zeros. */
function codeKey(s: string): string | undefined {
  const m = /^([a-z]{2,5})[\s_-]*0*(\d{1,4})$/i.exec(s.trim());
  return m ? `${m[1]!.toUpperCase()}-${Number(m[2])}` : undefined;
}

function distance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

export function matchProject<P extends MatchableProject>(
  query: string,
  projects: readonly P[],
): MatchResult<P> {
  const q = query.trim().slice(0, 200);
  const key = codeKey(q);
  if (key) {
    const byCode = projects.filter((p) => codeKey(p.code) === key);
    if (byCode.length === 1) return { kind: 'one', project: byCode[0]! };
  }
  const folded = fold(q);
  const exactTitle = projects.filter((p) => allProjectTitles(p).some((t) => fold(t) === folded));
  if (exactTitle.length === 1) return { kind: 'one', project: exactTitle[0]! };

  const qWords = words(q).filter((w) => !STOP_WORDS.has(w));
  if (qWords.length > 0) {
    const scored = projects
      .map((p) => {
        // Every query word must start some word of one title (any language) or of the code ("web"
        // matches "website"); the title that matches best counts.
        let best = { all: false, whole: -1 };
        for (const title of allProjectTitles(p)) {
          const hay = [...words(title), ...words(p.code)];
          const all = qWords.every((w) => hay.some((h) => h.startsWith(w)));
          const whole = qWords.filter((w) => hay.includes(w)).length;
          if (all && (!best.all || whole > best.whole)) best = { all, whole };
        }
        return { p, ...best };
      })
      .filter((s) => s.all)
      .sort((a, b) => b.whole - a.whole);
    if (scored.length === 1) return { kind: 'one', project: scored[0]!.p };
    if (scored.length > 1) {
      // Whole-word matches beat prefix-only matches when they single one project out.
      const best = scored[0]!.whole;
      const top = scored.filter((s) => s.whole === best);
      if (best > 0 && top.length === 1) return { kind: 'one', project: top[0]!.p };
      return { kind: 'many', candidates: scored.map((s) => s.p) };
    }
  }
  return { kind: 'none', suggestions: suggest(q, projects) };
}

/** The closest projects by edit distance on the code and on title words. */
function suggest<P extends MatchableProject>(query: string, projects: readonly P[]): P[] {
  const q = fold(query).replace(/\s+/g, '');
  const qWords = words(query);
  if (!q) return [];
  return projects
    .map((p) => {
      const codeD = distance(q, fold(p.code).replace(/[\s-]/g, '')) / Math.max(q.length, p.code.length);
      const wordD = Math.min(
        1,
        ...qWords.flatMap((w) =>
          allProjectTitles(p)
            .flatMap(words)
            .map((h) => distance(w, h) / Math.max(w.length, h.length)),
        ),
      );
      return { p, d: Math.min(codeD, wordD) };
    })
    .filter((s) => s.d <= 0.4)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((s) => s.p);
}
