// Choices made outside Teams (development): persona, language and theme, remembered per browser.
// The page's query string (?lang=ar&theme=dark&as=p-owner) wins, which the end-to-end tests use.
import type { ThemeName } from './host/host.js';

const KEYS = { as: 'th.devUser', lang: 'th.lang', theme: 'th.theme' } as const;
type Pref = keyof typeof KEYS;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readPref(name: Pref): string | undefined {
  const fromQuery = new URLSearchParams(window.location.search).get(name);
  if (fromQuery) return fromQuery;
  return storage()?.getItem(KEYS[name]) ?? undefined;
}

export function writePref(name: Pref, value: string): void {
  storage()?.setItem(KEYS[name], value);
  const url = new URL(window.location.href);
  if (url.searchParams.has(name)) {
    url.searchParams.delete(name);
    window.history.replaceState(null, '', url.toString());
  }
}

export function readThemePref(): ThemeName | undefined {
  const v = readPref('theme');
  return v === 'default' || v === 'dark' || v === 'contrast' ? v : undefined;
}
