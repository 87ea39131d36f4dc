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

function formatPlural(locale: Locale, value: number, body: string): string {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const close = closingBrace(body, open + 1);
    if (close < 0) break;
    options.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  const chosen =
    options.get(`=${value}`) ?? options.get(pluralRules(locale).select(value)) ?? options.get('other') ?? '';
  return format(locale, chosen, {}).replace(/#/g, numberFormat(locale).format(value));
}

export function format(locale: Locale, template: string, params: MessageParams): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = closingBrace(template, open + 1);
    if (close < 0) {
      out += template.slice(open);
      break;
    }
    const inner = template.slice(open + 1, close);
    const comma = inner.indexOf(',');
    if (comma < 0) {
      const v = params[inner.trim()];
      out += v === undefined ? `{${inner}}` : typeof v === 'number' ? numberFormat(locale).format(v) : v;
    } else {
      const name = inner.slice(0, comma).trim();
      const rest = inner.slice(comma + 1);
      const comma2 = rest.indexOf(',');
      const kind = (comma2 < 0 ? rest : rest.slice(0, comma2)).trim();
      const v = Number(params[name]);
      out +=
        kind === 'plural' && Number.isFinite(v)
          ? formatPlural(locale, v, rest.slice(comma2 + 1))
          : `{${inner}}`;
    }
    i = close + 1;
  }
  return out;
}
