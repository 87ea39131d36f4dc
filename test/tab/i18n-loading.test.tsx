// The tab loads one language's catalogue at a time: a fresh i18n module knows no catalogue, loading
// one brings exactly that language, and a switch keeps the current language until the next arrives.
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as I18nModule from '../../tab/src/i18n/index.js';

let i18n: typeof I18nModule;

beforeEach(async () => {
  // A fresh module: the test setup provided every catalogue to the shared one.
  vi.resetModules();
  i18n = await import('../../tab/src/i18n/index.js');
});

describe('catalogues load per language', () => {
  it('loads only the language asked for', async () => {
    expect(i18n.isCatalogueLoaded('fr')).toBe(false);
    expect(i18n.translate('fr', 'nav.portfolio')).toBe('nav.portfolio');
    const fr = await i18n.loadCatalogue('fr');
    expect(fr['nav.portfolio']).toBe('Portefeuille');
    expect(i18n.translate('fr', 'nav.portfolio')).toBe('Portefeuille');
    for (const other of ['ar', 'en', 'es', 'ru', 'zh'] as const)
      expect(i18n.isCatalogueLoaded(other)).toBe(false);
    // Loading again reuses the catalogue.
    expect(await i18n.loadCatalogue('fr')).toBe(fr);
  });

  it('switching language keeps the current one until the other catalogue has loaded', async () => {
    await i18n.loadCatalogue('en');
    const { result, rerender } = renderHook(({ tag }: { tag: string }) => i18n.useLanguage(tag), {
      initialProps: { tag: 'en' },
    });
    expect(result.current.locale).toBe('en');
    expect(result.current.t('nav.portfolio')).toBe('Portfolio');
    expect(i18n.isCatalogueLoaded('ar')).toBe(false);
    act(() => rerender({ tag: 'ar-SA' }));
    expect(result.current.locale).toBe('en');
    await waitFor(() => expect(result.current.locale).toBe('ar'));
    expect(result.current.dir).toBe('rtl');
    expect(result.current.t('nav.portfolio')).toBe('الحافظة');
    expect(i18n.isCatalogueLoaded('ar')).toBe(true);
    expect(i18n.isCatalogueLoaded('zh')).toBe(false);
  });
});
