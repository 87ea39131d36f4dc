// Latin text inside right-to-left cards. In an Arabic card, a run of Latin text such as a project
// title "New ITU website." is laid out inside a right-to-left paragraph: its neutral characters
// (full stop, brackets, spaces next to digits) take the paragraph's direction and jump to the wrong
// side. Each left-to-right run is wrapped in a first-strong isolate (U+2068 ... U+2069), so it is
// laid out on its own and keeps its punctuation where its writer put it.
//
// - A text run (plain text, usually one piece of user text or one label) is isolated as a whole
//   when it contains Latin letters: trailing punctuation stays with it.
// - In TextBlocks (markdown, where the app's Arabic sentences embed user words) each Latin run is
//   isolated from its first to its last letter or digit, so the Arabic sentence keeps its own
//   punctuation; link targets ("](...)") are left untouched.
// User text never carries isolates of its own (cleanText and inert remove them), so these are the
// only ones in a card, always balanced.
const FSI = '\u2068';
const PDI = '\u2069';
const LETTER = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
const STRONG_LTR = new RegExp(`[${LETTER}]`);
const LTR_RUN = new RegExp(`[${LETTER}](?:[${LETTER}0-9 .,:;'’&/+\\-]*[${LETTER}0-9])?`, 'g');

/**
 * The whole text in a first-strong isolate when it has Latin letters; spaces at either end stay
 * outside, so "TR-07 " keeps its space between the code and the Arabic title that follows.
 */
export function isolateRun(text: string): string {
  if (!STRONG_LTR.test(text)) return text;
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return `${m[1]}${FSI}${m[2]}${PDI}${m[3]}`;
}

/** Each Latin run of a markdown text isolated; link targets unchanged. */
export function isolateLatinRuns(markdown: string): string {
  return markdown
    .split(/(\]\([^)]*\))/)
    .map((part, i) => (i % 2 ? part : part.replace(LTR_RUN, (run) => `${FSI}${run}${PDI}`)))
    .join('');
}

/** A card body (or any card JSON) with its texts isolated for a right-to-left card. */
export function isolateLatin<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => isolateLatin(v as unknown)) as T;
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'data' || k === 'url' || k === 'verb' || k === 'id') out[k] = v;
    else if (k === 'text' && typeof v === 'string' && o.type === 'TextRun') out[k] = isolateRun(v);
    else if (k === 'text' && typeof v === 'string' && o.type === 'TextBlock') out[k] = isolateLatinRuns(v);
    else if (k === 'facts' && Array.isArray(v))
      out[k] = v.map((f: { title: string; value: string }) => ({ ...f, value: isolateLatinRuns(f.value) }));
    else out[k] = isolateLatin(v);
  }
  return out as T;
}
