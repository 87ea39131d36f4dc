import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { CATALOGUES, hasKey, t } from '../../bot/i18n/translate.js';

const en = CATALOGUES.en;
const keys = Object.keys(en);

/** Argument names used in a message: `{name}` and `{name, plural, ...}` at the top level. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === '{') {
      if (depth === 0) {
        const m = /^\{\s*([A-Za-z_][\w]*)\s*[,}]/.exec(message.slice(i));
        if (m?.[1]) names.add(m[1]);
      }
      depth++;
    } else if (message[i] === '}') depth--;
  }
  return [...names].sort();
}

describe('message catalogues', () => {
  it('has every English key in every language, nothing extra, and no empty message', () => {
    expect(keys.length).toBeGreaterThan(30);
    for (const locale of SUPPORTED_LOCALES) {
      const catalogue = CATALOGUES[locale];
      const missing = keys.filter((k) => !Object.hasOwn(catalogue, k));
      const extra = Object.keys(catalogue).filter((k) => !Object.hasOwn(en, k));
      const empty = Object.entries(catalogue)
        .filter(([, v]) => v.trim() === '')
        .map(([k]) => k);
      expect({ locale, missing, extra, empty }).toEqual({ locale, missing: [], extra: [], empty: [] });
    }
  });

  it('uses the same arguments in every language as in English', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const mismatched = keys.filter(
        (k) =>
          argumentsOf(CATALOGUES[locale][k as keyof typeof en]).join() !==
          argumentsOf(en[k as keyof typeof en]).join(),
      );
      expect({ locale, mismatched }).toEqual({ locale, mismatched: [] });
    }
  });

  it('has balanced braces in every message', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const [key, message] of Object.entries(CATALOGUES[locale])) {
        const open = (message.match(/\{/g) ?? []).length;
        const close = (message.match(/\}/g) ?? []).length;
        expect({ locale, key, balanced: open === close }).toEqual({ locale, key, balanced: true });
      }
    }
  });

  it('translates (a non-English message differs from English for most keys)', () => {
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
      const same = keys.filter((k) => CATALOGUES[locale][k as keyof typeof en] === en[k as keyof typeof en]);
      // Product names and codes may stay the same; real messages may not.
      expect(same.length / keys.length).toBeLessThan(0.1);
    }
  });

  it('looks keys up and inserts arguments as text', () => {
    expect(hasKey('errors.not_found')).toBe(true);
    expect(hasKey('no.such.key')).toBe(false);
    expect(hasKey('toString')).toBe(false);
    expect(t('en', 'errors.not_found', { entity: '<b>project</b>' })).toBe(
      'We could not find that <b>project</b>.',
    );
    expect(t('fr', 'errors.not_found', { entity: 'projet' })).toContain('projet');
  });
});
