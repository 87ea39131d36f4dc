import type { Locale } from '../domain/locale.js';
import { format, type MessageParams } from './format.js';
import { ar } from './messages/ar.js';
import { en, type MessageKey, type Messages } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import { ru } from './messages/ru.js';
import { zh } from './messages/zh.js';

export type { MessageKey, Messages };

export const CATALOGUES: Readonly<Record<Locale, Messages>> = { ar, en, es, fr, ru, zh };

export function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for `key` in `locale`, with parameters inserted as text. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return format(locale, CATALOGUES[locale][key] ?? en[key], params);
}

export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => t(locale, key, params);
}
