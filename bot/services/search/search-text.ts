// Text as search sees it: folded (NFKC, case, accents, Arabic article and diacritics, invisible and
// control characters removed), split into words, never compiled into a regular expression or a store
// filter. A query becomes facets (words of vocabulary.ts), project codes in any spelling people use
// (TR-07, TR07, tr 7, TR-7) and the remaining free words.
import { STOPWORDS, vocabularyEntries, type Facet } from './vocabulary.js';

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 8;

// Bidi embeddings, overrides, isolates and marks; zero-width characters; C0/C1 controls.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u0000-\u001f\u007f-\u009f]/g;
const MARKS = /\p{M}/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** Chinese and Japanese characters: written without spaces, so matched as substrings. */
export const CJK = /[\u3000-\u9fff\uf900-\ufaff]/;
const ARABIC_ARTICLE = /^(?:ال|وال)(?=\p{L}{2,})/u;

/** Case-, accent- and width-insensitive form of a text (Arabic: without diacritics and article). */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, ' ')
    .toLocaleLowerCase('en')
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .replace(/ё/g, 'е')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه');
}

function foldWord(word: string): string {
  return word.replace(ARABIC_ARTICLE, '');
}

/** The words of a folded text: letters and digits, split on everything else. */
export function words(text: string): string[] {
  return fold(text).split(SEPARATORS).filter(Boolean).map(foldWord);
}

/** A project code's comparison key: letters and number, so TR-07, TR07, tr 7 and TR-7 are one. */
export function codeKey(letters: string, digits: string): string {
  return `${letters.toLowerCase()}-${Number.parseInt(digits, 10)}`;
}

/** The key of a code such as TR-07, also written TR07, TR 7 or tr-7 (undefined when it is not one). */
export function keyOfCode(code: string): string | undefined {
  const m = /^([A-Za-z]{2,5})[\s_-]*(\d{1,4})$/.exec(code.trim());
  return m?.[1] && m[2] ? codeKey(m[1], m[2]) : undefined;
}

interface Phrase {
  words: string[];
  facet: Facet;
}

let phrases: { latin: Phrase[]; cjk: Array<{ text: string; facet: Facet }> } | undefined;
let stopwords: Set<string> | undefined;

function vocabulary() {
  if (!phrases) {
    const latin: Phrase[] = [];
    const cjk: Array<{ text: string; facet: Facet }> = [];
    for (const { facet, phrase } of vocabularyEntries()) {
      if (CJK.test(phrase)) cjk.push({ text: fold(phrase).replace(/[^\p{L}\p{N}]/gu, ''), facet });
      else latin.push({ words: words(phrase), facet });
    }
    // Longest first, so "at risk" is read before "risk" and "proposed risks" before "proposed".
    latin.sort((a, b) => b.words.length - a.words.length);
    cjk.sort((a, b) => b.text.length - a.text.length);
    phrases = { latin, cjk };
  }
  return phrases;
}

function isStopword(word: string): boolean {
  stopwords ??= new Set(STOPWORDS.flatMap((w) => words(w)));
  return stopwords.has(word);
}

export interface ParsedQuery {
  /** Code keys (codeKey) of the projects the query names. */
  codes: string[];
  facets: Facet[];
  /** Words left to match against the items' text (folded). */
  free: string[];
  /** True when the query had any word at all (even if none of them meant anything). */
  hadText: boolean;
}

/** Reads a query: project codes in any spelling, facet words in six languages, free words. */
export function parseQuery(text: string, knownCodeKeys: ReadonlySet<string>): ParsedQuery {
  const all = words(text.slice(0, MAX_QUERY_CHARS * 4)).slice(0, 64);
  const codes: string[] = [];
  const facets: Facet[] = [];
  const free: string[] = [];
  const { latin, cjk } = vocabulary();
  for (let i = 0; i < all.length;) {
    const word = all[i] ?? '';
    const next = all[i + 1];
    // A code written whole (tr07, tr-07 split by the separator into "tr" "07") or as letters + digits.
    const whole = /^([a-z]{2,5})(\d{1,4})$/.exec(word);
    if (whole?.[1] && whole[2] && knownCodeKeys.has(codeKey(whole[1], whole[2]))) {
      codes.push(codeKey(whole[1], whole[2]));
      i += 1;
      continue;
    }
    if (
      /^[a-z]{2,5}$/.test(word) &&
      next &&
      /^\d{1,4}$/.test(next) &&
      knownCodeKeys.has(codeKey(word, next))
    ) {
      codes.push(codeKey(word, next));
      i += 2;
      continue;
    }
    const phrase = latin.find((p) => p.words.every((w, k) => all[i + k] === w));
    if (phrase) {
      facets.push(phrase.facet);
      i += phrase.words.length;
      continue;
    }
    if (CJK.test(word)) {
      let rest = word;
      for (const term of cjk) {
        if (rest.includes(term.text)) {
          facets.push(term.facet);
          rest = rest.split(term.text).join(' ');
        }
      }
      for (const stop of ['的', '项目', '哪些', '是', '本周', '列出', '显示', '吗', '有', '和', '或']) {
        rest = rest.split(stop).join(' ');
      }
      free.push(...rest.split(' ').filter((piece) => piece.length > 0));
      i += 1;
      continue;
    }
    if (!isStopword(word)) free.push(word);
    i += 1;
  }
  return {
    codes: [...new Set(codes)],
    facets,
    free: [...new Set(free)].slice(0, MAX_QUERY_WORDS),
    hadText: all.length > 0,
  };
}
