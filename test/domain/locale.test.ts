import { describe, expect, it } from 'vitest';
import {
  isLocale,
  isRtl,
  LOCALE_NAMES,
  resolveLocale,
  SUPPORTED_LOCALES,
  type Locale,
} from '../../bot/domain/locale.js';

describe('resolveLocale', () => {
  it.each<[string | null | undefined, Locale, string]>([
    // Teams client locales
    ['fr-CH', 'fr', 'Swiss French'],
    ['fr-FR', 'fr', 'French'],
    ['zh-CN', 'zh', 'Simplified Chinese'],
    ['zh-Hant-TW', 'zh', 'Traditional Chinese with a script subtag'],
    ['zh_TW', 'zh', 'underscore separator'],
    ['ar-SA', 'ar', 'Arabic'],
    ['ar', 'ar', 'bare language'],
    ['ru-RU', 'ru', 'Russian'],
    ['es-419', 'es', 'Latin American Spanish'],
    ['en-us', 'en', 'lower-case region'],
    ['EN-GB', 'en', 'upper-case language'],
    [' fr-CH ', 'fr', 'surrounding spaces'],
    // Nothing usable: the fallback
    ['', 'en', 'empty'],
    [undefined, 'en', 'undefined'],
    [null, 'en', 'null'],
    ['xx', 'en', 'unknown language'],
    ['de-CH', 'en', 'unsupported language'],
    ['*', 'en', 'wildcard'],
    ['frx', 'en', 'not a prefix match'],
    // Accept-Language headers
    ['de-CH,fr;q=0.8,en;q=0.5', 'fr', 'first supported by quality'],
    ['en;q=0.5,fr;q=0.8', 'fr', 'higher quality wins whatever the order'],
    ['es, ru;q=0.9', 'es', 'no q means 1'],
    ['ru;q=0.9, es', 'es', 'no q means 1, even listed later'],
    ['fr;q=0, en;q=0.1', 'en', 'q=0 means not acceptable'],
    ['fr;q=0', 'en', 'only a refused language: fallback'],
    ['fr;Q=0, ar;q=0.2', 'ar', 'the q parameter name is case-insensitive'],
    ['fr;q=abc, ru;q=0.3', 'ru', 'an unreadable quality is ignored'],
    ['de-DE;q=0.9, *;q=0.8, zh-CN;q=0.7', 'zh', 'wildcard skipped'],
    [',,fr', 'fr', 'empty entries skipped'],
    ['en;q=0.8, fr;q=0.8', 'en', 'equal quality keeps the listed order'],
  ])('%j -> %s (%s)', (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected);
  });

  it.each<[string | undefined, Locale, Locale]>([
    [undefined, 'fr', 'fr'],
    ['xx', 'ar', 'ar'],
    ['ru', 'ar', 'ru'],
  ])('resolveLocale(%j, fallback %s) = %s', (tag, fallback, expected) => {
    expect(resolveLocale(tag, fallback)).toBe(expected);
  });
});

describe('isRtl, isLocale and the language names', () => {
  it.each<[Locale, boolean]>([
    ['ar', true],
    ['en', false],
    ['es', false],
    ['fr', false],
    ['ru', false],
    ['zh', false],
  ])('isRtl(%s) = %s', (locale, rtl) => {
    expect(isRtl(locale)).toBe(rtl);
  });

  it.each([
    ['fr', true],
    ['zh', true],
    ['fr-CH', false],
    ['de', false],
    ['', false],
    [undefined, false],
    [3, false],
  ])('isLocale(%j) = %s', (value, ok) => {
    expect(isLocale(value)).toBe(ok);
  });

  it('the six UN languages each have a name in themselves', () => {
    expect([...SUPPORTED_LOCALES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    for (const locale of SUPPORTED_LOCALES) expect(LOCALE_NAMES[locale].length).toBeGreaterThan(0);
  });
});
