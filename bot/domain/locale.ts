// The six official languages of the United Nations, and how a client's locale maps onto them.
export const SUPPORTED_LOCALES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag (Teams sends e.g. "fr-CH", "zh-CN", "ar-SA", "en-us") or an Accept-Language
 * header to one of the supported languages; anything else falls back.
 */
export function resolveLocale(tag: string | null | undefined, fallback: Locale = 'en'): Locale {
  if (!tag) return fallback;
  const candidates = tag
    .split(',')
    .map((part) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
      return { range: (range ?? '').trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((c) => c.range.length > 0 && Number.isFinite(c.q) && c.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { range } of candidates) {
    const primary = range.split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return fallback;
}

export function isRtl(locale: Locale): boolean {
  return RTL_LOCALES.has(locale);
}

/** Names of the languages in themselves, for language pickers. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  ar: 'العربية',
  en: 'English',
  es: 'Español',
  fr: 'Français',
  ru: 'Русский',
  zh: '中文',
};
