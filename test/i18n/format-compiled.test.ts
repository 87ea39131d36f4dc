// The compiled templates (format.ts) answer exactly what the interpreter they replaced answered, for
// any template: well-formed or not, nested plurals, `#`, missing and non-numeric arguments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../bot/domain/locale.js';
import { format, type MessageParams } from '../../bot/i18n/format.js';

// The interpreter format.ts used before templates were compiled (kept here as the reference).
/** Finds the index of the brace that closes the one opened just before `start`. */
function refClosingBrace(s: string, start: number): number {
  let depth = 1;
  for (let i = start; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function refFormatPlural(locale: Locale, value: number, body: string): string {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const close = refClosingBrace(body, open + 1);
    if (close < 0) break;
    options.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  const chosen =
    options.get(`=${value}`) ??
    options.get(new Intl.PluralRules(locale).select(value)) ??
    options.get('other') ??
    '';
  return reference(locale, chosen, {}).replace(/#/g, new Intl.NumberFormat(locale).format(value));
}

function reference(locale: Locale, template: string, params: MessageParams): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = refClosingBrace(template, open + 1);
    if (close < 0) {
      out += template.slice(open);
      break;
    }
    const inner = template.slice(open + 1, close);
    const comma = inner.indexOf(',');
    if (comma < 0) {
      const v = params[inner.trim()];
      out +=
        v === undefined ? `{${inner}}` : typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
    } else {
      const name = inner.slice(0, comma).trim();
      const rest = inner.slice(comma + 1);
      const comma2 = rest.indexOf(',');
      const kind = (comma2 < 0 ? rest : rest.slice(0, comma2)).trim();
      const v = Number(params[name]);
      out +=
        kind === 'plural' && Number.isFinite(v)
          ? refFormatPlural(locale, v, rest.slice(comma2 + 1))
          : `{${inner}}`;
    }
    i = close + 1;
  }
  return out;
}

const fragments = [
  '{',
  '}',
  ',',
  ' ',
  '#',
  'n',
  'x',
  'plural',
  'select',
  'one',
  'other',
  '=0',
  '=2',
  'few',
  'text ',
  'é',
];
const template = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((a) => a.join(''));
const params = fc.record({
  n: fc.oneof(fc.integer({ min: -3, max: 2000 }), fc.constant('abc'), fc.constant(undefined)),
  x: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(undefined)),
});
const locales: Locale[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

describe('format (compiled) against the interpreter it replaced', () => {
  it('answers the same for any template, locale and arguments', () => {
    fc.assert(
      fc.property(template, params, fc.constantFrom(...locales), (t, p, locale) => {
        const args = p as MessageParams;
        expect(format(locale, t, args)).toBe(reference(locale, t, args));
        // Compiled once, answered again from the kept form: still the same.
        expect(format(locale, t, args)).toBe(reference(locale, t, args));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers the same for well-formed plural templates with nested arguments', () => {
    const branch = fc
      .array(fc.constantFrom('# ', 'item', '{x}', '{n}', ' on {x}'), { maxLength: 4 })
      .map((a) => a.join(''));
    const plural = fc
      .tuple(branch, branch, branch)
      .map(([zero, one, other]) => `Hi {x}: {n, plural, =0 {${zero}} one {${one}} other {${other}}}.`);
    fc.assert(
      fc.property(plural, params, fc.constantFrom(...locales), (t, p, locale) => {
        expect(format(locale, t, p as MessageParams)).toBe(reference(locale, t, p as MessageParams));
      }),
      { numRuns: 1000 },
    );
  });
});
