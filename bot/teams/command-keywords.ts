// The words that start each command, in the six official languages. The router accepts any of them
// whatever the person's language (a Spanish speaker in an English Teams client can still type
// "ayuda"); the first word of a list is the one shown in that language's help. The manifest
// packager checks the manifest's commandLists against this table.
import { SUPPORTED_LOCALES, type Locale } from '../domain/locale.js';
import { BOT_COMMANDS } from './command-catalog.js';

export type CommandId =
  | 'help'
  | 'projects'
  | 'update'
  | 'risk'
  | 'risks'
  | 'status'
  | 'portfolio'
  | 'digest'
  | 'subscribe'
  | 'unsubscribe'
  | 'away'
  | 'unreachable'
  | 'language';

export const COMMAND_KEYWORDS: Readonly<Record<CommandId, Readonly<Record<Locale, readonly string[]>>>> = {
  help: {
    en: ['help', '?', 'hi', 'hello'],
    fr: ['aide', 'bonjour'],
    es: ['ayuda', 'hola'],
    ru: ['помощь', 'привет'],
    zh: ['帮助', '你好'],
    ar: ['مساعدة', 'مرحبا'],
  },
  projects: {
    en: ['projects', 'my projects'],
    fr: ['projets', 'mes projets'],
    es: ['proyectos', 'mis proyectos'],
    ru: ['проекты', 'мои проекты'],
    zh: ['项目', '我的项目'],
    ar: ['مشاريعي', 'المشاريع'],
  },
  update: {
    en: ['update'],
    fr: ['actualiser', 'mise à jour'],
    es: ['actualizar'],
    ru: ['обновить'],
    zh: ['更新'],
    ar: ['تحديث'],
  },
  risk: {
    en: ['risk'],
    fr: ['risque'],
    es: ['riesgo'],
    ru: ['риск'],
    zh: ['风险'],
    ar: ['خطر'],
  },
  risks: {
    en: ['risks'],
    fr: ['risques'],
    es: ['riesgos'],
    ru: ['риски'],
    zh: ['风险列表'],
    ar: ['المخاطر'],
  },
  status: {
    en: ['status'],
    fr: ['état', 'etat', 'statut'],
    es: ['estado'],
    ru: ['статус'],
    zh: ['状态'],
    ar: ['الحالة'],
  },
  portfolio: {
    en: ['portfolio'],
    fr: ['portefeuille'],
    es: ['cartera'],
    ru: ['портфель'],
    zh: ['项目组合'],
    ar: ['الحافظة'],
  },
  digest: {
    en: ['digest'],
    fr: ['synthèse', 'synthese'],
    es: ['resumen'],
    ru: ['сводка'],
    zh: ['摘要'],
    ar: ['الملخص'],
  },
  subscribe: {
    en: ['subscribe digest', 'subscribe'],
    fr: ["s'abonner", 's’abonner'],
    es: ['suscribirse'],
    ru: ['подписаться'],
    zh: ['订阅摘要'],
    ar: ['اشتراك'],
  },
  unsubscribe: {
    en: ['unsubscribe digest', 'unsubscribe'],
    fr: ['se désabonner', 'se desabonner'],
    es: ['cancelar suscripción', 'cancelar suscripcion'],
    ru: ['отписаться'],
    zh: ['取消订阅摘要'],
    ar: ['إلغاء الاشتراك'],
  },
  away: {
    en: ['away'],
    fr: ['absent'],
    es: ['ausente'],
    ru: ['отсутствую'],
    zh: ['外出'],
    ar: ['غياب'],
  },
  unreachable: {
    en: ['unreachable'],
    fr: ['injoignables'],
    es: ['inalcanzables'],
    ru: ['недоступные'],
    zh: ['无法联系'],
    ar: ['غير المتاحين'],
  },
  language: {
    en: ['language'],
    fr: ['langue'],
    es: ['idioma'],
    ru: ['язык'],
    zh: ['语言'],
    ar: ['اللغة'],
  },
};

export function isCommandId(id: string): id is CommandId {
  return Object.hasOwn(COMMAND_KEYWORDS, id);
}

/** The keyword shown for a command in a language. */
export function keywordOf(id: CommandId, locale: Locale): string {
  return COMMAND_KEYWORDS[id][locale][0] ?? BOT_COMMANDS.find((c) => c.id === id)?.keyword ?? id;
}

/**
 * Lower case, compatibility forms folded (full-width letters, ligatures), typographic quotes unified.
 * `toLowerCase` is Unicode's default case mapping, the same as the root locale's (no Turkish dotless
 * i), without looking a locale up on every message.
 */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[’‘]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Entry {
  id: CommandId;
  keyword: string;
}

/** Every keyword of every language, longest first ("risks" before "risk", "风险列表" before "风险"). */
const ENTRIES: readonly Entry[] = (Object.keys(COMMAND_KEYWORDS) as CommandId[])
  .flatMap((id) =>
    SUPPORTED_LOCALES.flatMap((locale) =>
      COMMAND_KEYWORDS[id][locale].map((k) => ({ id, keyword: normalise(k) })),
    ),
  )
  .sort((a, b) => b.keyword.length - a.keyword.length);

const CJK = /[\u3000-\u9fff\uf900-\ufaff]/;

export interface ParsedCommand {
  id: CommandId;
  /** The text after the keyword, trimmed, original case. */
  args: string;
}

/** The command a message starts with, or undefined. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const original = text.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(/^\//, '');
  const lower = normalise(original);
  for (const { id, keyword } of ENTRIES) {
    if (!lower.startsWith(keyword)) continue;
    const next = lower.charAt(keyword.length);
    // A keyword ends at a space or the end; Chinese is written without spaces, so a CJK keyword
    // may be followed directly by its argument ("摘要发送", "状态AI-02"). Longer keywords are tried
    // first, so "风险列表" is never read as "风险" + "列表".
    if (next !== '' && next !== ' ' && !CJK.test(keyword)) continue;
    // Lower-casing keeps the length for the scripts used here, so the offset carries over.
    return { id, args: original.slice(keyword.length).trim() };
  }
  return undefined;
}
