// Status shown by a shape and a word, never by colour alone. The Teams host configs' `good`,
// `warning` and `attention` text colours fall under 4.5:1 on at least one theme (warning #f8d22a on
// white is 1.5:1, good #92c353 on white 2.1:1, attention #d74654 on the dark theme 3.2:1; computed in
// test/cards/contrast.test.ts), so status text keeps the default colour and carries one of these
// marks. They are geometric shapes without an emoji presentation: drawn in the text colour, they
// keep its contrast in the light, dark and high-contrast themes.
import type { Health } from '../domain/health.js';
import type { RiskLevel } from '../domain/risk.js';

export const MARK = { ok: '✓', notice: '◆', alert: '■', fine: '●', none: '○' } as const;

export const HEALTH_MARKS: Readonly<Record<Health, string>> = {
  green: MARK.fine,
  amber: MARK.notice,
  red: MARK.alert,
};

export const LEVEL_MARKS: Readonly<Record<RiskLevel, string>> = {
  low: MARK.fine,
  medium: MARK.fine,
  high: MARK.notice,
  critical: MARK.alert,
};

/** `text` preceded by its mark. */
export function marked(mark: string, text: string): string {
  return `${mark} ${text}`;
}

/**
 * The only text colours the cards use: both keep at least 4.5:1 against the default and emphasis
 * backgrounds of the light, dark and high-contrast Teams host configs.
 */
export const SAFE_TEXT_COLORS: ReadonlySet<string> = new Set(['Default', 'Accent']);
