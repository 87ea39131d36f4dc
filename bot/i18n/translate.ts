import type { FieldIssue } from '../domain/errors.js';
import type { Locale } from '../domain/locale.js';
import * as botAr from './bot/ar.js';
import * as botEn from './bot/en.js';
import * as botEs from './bot/es.js';
import * as botFr from './bot/fr.js';
import * as botRu from './bot/ru.js';
import * as botZh from './bot/zh.js';
import * as digestAr from './digest/ar.js';
import * as digestEn from './digest/en.js';
import * as digestEs from './digest/es.js';
import * as digestFr from './digest/fr.js';
import * as digestRu from './digest/ru.js';
import * as digestZh from './digest/zh.js';
import * as exportAr from './export/ar.js';
import * as exportEn from './export/en.js';
import * as exportEs from './export/es.js';
import * as exportFr from './export/fr.js';
import * as exportRu from './export/ru.js';
import * as exportZh from './export/zh.js';
import * as extAr from './extension/ar.js';
import * as extEn from './extension/en.js';
import * as extEs from './extension/es.js';
import * as extFr from './extension/fr.js';
import * as extRu from './extension/ru.js';
import * as extZh from './extension/zh.js';
import { format, type MessageParams } from './format.js';
import { ar } from './messages/ar.js';
import { en as coreEn } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import { ru } from './messages/ru.js';
import { zh } from './messages/zh.js';
import * as reportAr from './report/ar.js';
import * as reportEn from './report/en.js';
import * as reportEs from './report/es.js';
import * as reportFr from './report/fr.js';
import * as reportRu from './report/ru.js';
import * as reportZh from './report/zh.js';

// The catalogue is assembled from areas (core errors and validation in messages/, the bot's
// conversations in bot/, the digest and reminders in digest/, the message extension in extension/,
// the Excel export in export/)
// so that features add their words without touching each other's files. English is the reference.
const en = { ...coreEn, ...botEn.en, ...digestEn.en, ...extEn.en, ...exportEn.en, ...reportEn.en };

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;

export const CATALOGUES: Readonly<Record<Locale, Messages>> = {
  en,
  ar: { ...ar, ...botAr.ar, ...digestAr.ar, ...extAr.ar, ...exportAr.ar, ...reportAr.ar },
  es: { ...es, ...botEs.es, ...digestEs.es, ...extEs.es, ...exportEs.es, ...reportEs.es },
  fr: { ...fr, ...botFr.fr, ...digestFr.fr, ...extFr.fr, ...exportFr.fr, ...reportFr.fr },
  ru: { ...ru, ...botRu.ru, ...digestRu.ru, ...extRu.ru, ...exportRu.ru, ...reportRu.ru },
  zh: { ...zh, ...botZh.zh, ...digestZh.zh, ...extZh.zh, ...exportZh.zh, ...reportZh.zh },
};

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

/**
 * The message for a field issue in `locale`: the rule's message for this kind of value
 * (validation.<code>.<origin>), else the rule's, else the generic one.
 */
export function issueMessage(locale: Locale, issue: FieldIssue): string {
  const origin = typeof issue.params?.origin === 'string' ? issue.params.origin : undefined;
  const specific = origin ? `validation.${issue.code}.${origin}` : undefined;
  const key: MessageKey =
    specific && hasKey(specific)
      ? specific
      : hasKey(`validation.${issue.code}`)
        ? (`validation.${issue.code}` as MessageKey)
        : 'validation.invalid';
  return t(locale, key, issue.params ?? {});
}
