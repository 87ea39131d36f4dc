// A small ICU MessageFormat subset: `{name}` arguments and
// `{count, plural, =0 {none} one {# item} other {# items}}` with the plural categories of each
// language (Arabic zero/one/two/few/many/other, Russian one/few/many/other, ...), `#` being the
// locale-formatted number. Arguments are inserted as plain text.
import type { Locale } from '../domain/locale.js';

export type MessageParams = Record<string, string | number | undefined>;

const pluralRulesCache = new Map<Locale, Intl.PluralRules>();
const numberFormatCache = new Map<Locale, Intl.NumberFormat>();

function pluralRules(locale: Locale): Intl.PluralRules {
  let r = pluralRulesCache.get(locale);
  if (!r) pluralRulesCache.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

function numberFormat(locale: Locale): Intl.NumberFormat {
  let f = numberFormatCache.get(locale);
  if (!f) numberFormatCache.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}

/** Finds the index of the brace that closes the one opened just before `start`. */
function closingBrace(s: string, start: number): number {
  let depth = 1;
  for (let i = start; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** A template read once: literal text, `{name}` arguments and plural choices (`#` left in their text). */
type Part =
  | string
  | { arg: string; raw: string }
  | { plural: string; raw: string; options: ReadonlyMap<string, readonly Part[]> };

/** Catalogue templates are compiled on first use and kept (their number is fixed by the catalogues). */
const compiled = new Map<string, readonly Part[]>();
const MAX_COMPILED = 10_000;

function compile(template: string): readonly Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = parse(template);
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(template, parts);
  return parts;
}

function parse(template: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      text += template.slice(i);
      break;
    }
    text += template.slice(i, open);
    const close = closingBrace(template, open + 1);
    if (close < 0) {
      text += template.slice(open);
      break;
    }
    const inner = template.slice(open + 1, close);
    const raw = `{${inner}}`;
    const comma = inner.indexOf(',');
    let part: Part | undefined;
    if (comma < 0) part = { arg: inner.trim(), raw };
    else {
      const rest = inner.slice(comma + 1);
      const comma2 = rest.indexOf(',');
      const kind = (comma2 < 0 ? rest : rest.slice(0, comma2)).trim();
      if (kind === 'plural')
        part = { plural: inner.slice(0, comma).trim(), raw, options: pluralOptions(rest.slice(comma2 + 1)) };
    }
    if (part) {
      if (text) parts.push(text);
      parts.push(part);
      text = '';
    } else text += raw;
    i = close + 1;
  }
  if (text) parts.push(text);
  return parts;
}

function pluralOptions(body: string): Map<string, readonly Part[]> {
  const options = new Map<string, readonly Part[]>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const close = closingBrace(body, open + 1);
    if (close < 0) break;
    options.set(selector, compile(body.slice(open + 1, close)));
    i = close + 1;
  }
  return options;
}

const NO_PARAMS: MessageParams = {};

function render(locale: Locale, parts: readonly Part[], params: MessageParams): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('arg' in part) {
      const v = params[part.arg];
      out += v === undefined ? part.raw : typeof v === 'number' ? numberFormat(locale).format(v) : v;
    } else {
      const v = Number(params[part.plural]);
      if (!Number.isFinite(v)) {
        out += part.raw;
        continue;
      }
      const { options } = part;
      const chosen =
        options.get(`=${v}`) ?? options.get(pluralRules(locale).select(v)) ?? options.get('other') ?? [];
      // The chosen branch's own placeholders are not filled (only `#`, the number).
      out += render(locale, chosen, NO_PARAMS).replace(/#/g, numberFormat(locale).format(v));
    }
  }
  return out;
}

export function format(locale: Locale, template: string, params: MessageParams): string {
  return render(locale, compile(template), params);
}
