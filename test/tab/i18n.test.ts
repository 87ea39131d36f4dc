// Every UI string exists in every language, with the same arguments, and plurals parse.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { makeI18n, translate } from '../../tab/src/i18n/index.js';
import { CATALOGUES } from './catalogues.js';
import { en, type MessageKey } from '../../tab/src/i18n/en.js';

/** Top-level argument names: `{name}` and `{count, plural, ...}` (not the words inside plural branches). */
function args(template: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '{') {
      if (depth === 0) {
        const m = /^\{\s*([A-Za-z][A-Za-z0-9]*)\s*[,}]/.exec(template.slice(i));
        if (m?.[1]) names.add(m[1]);
      }
      depth++;
    } else if (c === '}') depth--;
  }
  return [...names].sort();
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

const keys = Object.keys(en) as MessageKey[];

describe('tab catalogues', () => {
  it.each(SUPPORTED_LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual([...keys].sort());
  });

  it.each(SUPPORTED_LOCALES)(
    '%s: every message is non-empty, balanced and takes the English arguments',
    (locale) => {
      for (const key of keys) {
        const message = CATALOGUES[locale][key];
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
        expect(balanced(message), `${locale} ${key} braces`).toBe(true);
        expect(args(message), `${locale} ${key} arguments`).toEqual(args(en[key]));
      }
    },
  );

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))(
    '%s is a translation: fewer than a tenth of its messages are the English text',
    (locale) => {
      const same = keys.filter((key) => CATALOGUES[locale][key] === en[key]);
      expect(same.length / keys.length, `${locale} same as English: ${same.join(', ')}`).toBeLessThan(0.1);
    },
  );

  it('formats plurals per language', () => {
    expect(translate('en', 'portfolio.projectsCount', { count: 1 })).toBe('1 project');
    expect(translate('en', 'portfolio.projectsCount', { count: 5 })).toBe('5 projects');
    expect(translate('ru', 'portfolio.projectsCount', { count: 3 })).toBe('3 проекта');
    expect(translate('ar', 'portfolio.projectsCount', { count: 2 })).toBe('مشروعان');
    expect(translate('fr', 'project.daysAgo', { count: 0 })).toBe("aujourd'hui");
  });

  it('maps Teams locales and sets the direction', () => {
    expect(makeI18n('ar-SA')).toMatchObject({ locale: 'ar', dir: 'rtl' });
    expect(makeI18n('fr-CH')).toMatchObject({ locale: 'fr', dir: 'ltr' });
    expect(makeI18n('de-DE')).toMatchObject({ locale: 'en', dir: 'ltr' });
  });
});
