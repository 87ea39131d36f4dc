// The tab's languages: the six official UN languages, chosen from the Teams locale (or, outside
// Teams, the browser or the development language picker). Messages use the same small ICU subset as
// the bot (bot/i18n/format.ts): {name} arguments and plurals.
import { createContext, useContext, useEffect, useState } from 'react';
import { isRtl, resolveLocale, type Locale } from '../../../bot/domain/locale.js';
import { format, type MessageParams } from '../../../bot/i18n/format.js';
import type { Catalogue, MessageKey } from './en.js';

export type { MessageKey, Catalogue };

// Each language is its own chunk: the first page loads only the active one, the others on a switch.
const LOADERS: Readonly<Record<Locale, () => Promise<Catalogue>>> = {
  ar: () => import('./ar.js').then((m) => m.ar),
  en: () => import('./en.js').then((m) => m.en),
  es: () => import('./es.js').then((m) => m.es),
  fr: () => import('./fr.js').then((m) => m.fr),
  ru: () => import('./ru.js').then((m) => m.ru),
  zh: () => import('./zh.js').then((m) => m.zh),
};

const loaded = new Map<Locale, Catalogue>();
const loading = new Map<Locale, Promise<Catalogue>>();

/** Loads (once) the catalogue of a language; `makeI18n` for it translates with it afterwards. */
export function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const known = loaded.get(locale);
  if (known) return Promise.resolve(known);
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]().then(
      (catalogue) => {
        loaded.set(locale, catalogue);
        loading.delete(locale);
        return catalogue;
      },
      (e: unknown) => {
        loading.delete(locale);
        throw e;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Makes a catalogue available without loading it (tests render every language synchronously). */
export function provideCatalogue(locale: Locale, catalogue: Catalogue): void {
  loaded.set(locale, catalogue);
}

export function isCatalogueLoaded(locale: Locale): boolean {
  return loaded.has(locale);
}

/**
 * The message in `locale`. Every catalogue has every key (checked by the Catalogue type), so the
 * fallbacks (English, then the key) only show before any catalogue has loaded.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = loaded.get(locale)?.[key] ?? loaded.get('en')?.[key] ?? key;
  return format(locale, template, params);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: Translate;
  /** A calendar date (YYYY-MM-DD) or instant in the user's language. */
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string) => string;
  number: (n: number | null | undefined, options?: Intl.NumberFormatOptions) => string;
}

/**
 * In right-to-left languages, text arguments (codes such as 2026-W48, names, titles) are wrapped in
 * Unicode isolates so that their own direction does not reorder the sentence around them.
 */
function isolate(params: MessageParams | undefined): MessageParams | undefined {
  if (!params) return params;
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? `\u2068${v}\u2069` : v;
  return out;
}

export function makeI18n(tag: string | undefined): I18n {
  const locale = resolveLocale(tag);
  const rtl = isRtl(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    locale,
    dir: rtl ? 'rtl' : 'ltr',
    t: (key, params) => translate(locale, key, rtl ? isolate(params) : params),
    date: (iso) => {
      if (!iso) return '';
      const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
    },
    number: (n, options) =>
      n == null ? '' : options ? new Intl.NumberFormat(locale, options).format(n) : numberFormat.format(n),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

/**
 * The I18n of a language tag, once its catalogue has loaded: on a switch, the current language stays
 * until the new catalogue arrives (the entry loads the first one before rendering, see main.tsx).
 */
export function useLanguage(tag: string | undefined): I18n {
  const wanted = resolveLocale(tag);
  const [i18n, setI18n] = useState(() => makeI18n(wanted));
  useEffect(() => {
    if (i18n.locale === wanted && isCatalogueLoaded(wanted)) return;
    let live = true;
    loadCatalogue(wanted).then(
      () => live && setI18n(makeI18n(wanted)),
      // Offline or a failed chunk: keep the language on screen; the next switch tries again.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, i18n.locale]);
  return i18n;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
