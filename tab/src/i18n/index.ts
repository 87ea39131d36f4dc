// The tab's languages: the six official UN languages, chosen from the Teams locale (or, outside
// Teams, the browser or the development language picker). Messages use the same small ICU subset as
// the bot (bot/i18n/format.ts): {name} arguments and plurals.
import { createContext, useContext } from 'react';
import { isRtl, resolveLocale, type Locale } from '../../../bot/domain/locale.js';
import { format, type MessageParams } from '../../../bot/i18n/format.js';
import { ar } from './ar.js';
import { en, type Catalogue, type MessageKey } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type { MessageKey, Catalogue };

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { ar, en, es, fr, ru, zh };

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return format(locale, CATALOGUES[locale][key] ?? en[key], params);
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

export function useI18n(): I18n {
  return useContext(I18nContext);
}
