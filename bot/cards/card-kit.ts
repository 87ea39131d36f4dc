// Shared fragments of every bot card: the Adaptive Card 1.5 envelope (rtl for Arabic), text that is
// never interpreted (user text goes into RichTextBlock text runs, which Adaptive Cards do not parse as
// markdown, so "[x](url)", "**", "<at>" stay literal), and the three kinds of action the bot uses:
// Action.Execute (Universal Actions) with an Action.Submit fallback carrying the verb, a message
// back to the bot (imBack), and a link to the tab.
import { isRtl, type Locale } from '../domain/locale.js';
import { isolateLatin } from './bidi.js';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  rtl?: boolean;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
  msteams?: Record<string, unknown>;
  [key: string]: unknown;
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The longest piece of user text a card shows (the tab shows everything). */
export const MAX_SHOWN_TEXT = 1500;

export function card(
  locale: Locale,
  body: CardElement[],
  actions: CardElement[] = [],
  extra: Partial<Pick<AdaptiveCardJson, 'refresh'>> = {},
): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    ...(isRtl(locale) ? { rtl: true } : {}),
    // Latin runs isolated in right-to-left cards (bidi.ts).
    body: isRtl(locale) ? isolateLatin(body) : body,
    ...(actions.length ? { actions: isRtl(locale) ? isolateLatin(actions) : actions } : {}),
    ...extra,
  };
}

// C0/C1 controls except tab and newline, DEL, and bidi overrides/isolates that can disguise text.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes text safe to show: bidi overrides and control characters removed, whitespace runs bounded,
 * cut to `max` characters. It is then shown in a text run, never as markdown.
 */
export function cleanText(value: string, max = MAX_SHOWN_TEXT): string {
  const cleaned = value.replace(UNSAFE_CHARS, '');
  return cleaned.length > max ? `${cut(cleaned, max - 1)}…` : cleaned;
}

/**
 * The first `max` UTF-16 code units (how the domain counts lengths and Teams counts size), never
 * splitting a surrogate pair.
 */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

/** Text written by the app's own catalogue: may use bold. */
export function heading(text: string, size: 'Medium' | 'Large' = 'Medium'): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', size, wrap: true };
}

export function note(
  text: string,
  options: { subtle?: boolean; color?: string; spacing?: string } = {},
): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.subtle ? { isSubtle: true, size: 'Small' } : {}),
    ...(options.color ? { color: options.color } : {}),
    ...(options.spacing ? { spacing: options.spacing } : {}),
  };
}

export interface Run {
  text: string;
  bold?: boolean;
  subtle?: boolean;
  color?: string;
  /** User text: cleaned and cut. */
  user?: boolean;
}

/** Plain text (never markdown), e.g. a project title, a summary someone wrote. */
export function plain(
  runs: Array<Run | string>,
  options: { spacing?: string; size?: string } = {},
): CardElement {
  return {
    type: 'RichTextBlock',
    ...(options.spacing ? { spacing: options.spacing } : {}),
    inlines: runs.map((r) => {
      const run = typeof r === 'string' ? { text: r, user: true } : r;
      return {
        type: 'TextRun',
        text: run.user === false ? run.text : cleanText(run.text),
        ...(run.bold ? { weight: 'Bolder' } : {}),
        ...(run.subtle ? { isSubtle: true } : {}),
        ...(run.color ? { color: run.color } : {}),
        ...(options.size ? { size: options.size } : {}),
      };
    }),
  };
}

export function container(
  items: CardElement[],
  options: { separator?: boolean; style?: string } = {},
): CardElement {
  return {
    type: 'Container',
    items,
    ...(options.separator ? { separator: true, spacing: 'Medium' } : {}),
    ...(options.style ? { style: options.style } : {}),
  };
}

/**
 * A Universal Action. Clients without Universal Actions use the Action.Submit fallback, which posts
 * a message whose value carries the same verb and data (the router handles both the same way).
 */
export function execute(title: string, verb: string, data: Record<string, unknown>): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

/** A button that sends a command to the bot as if the user typed it (Teams imBack). */
export function command(title: string, text: string): CardElement {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: text } } };
}

export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

export function choice(title: string, value: string): { title: string; value: string } {
  return { title: cleanText(title, 200), value };
}

/** A pre-filled input value: cleaned like shown text, cut to the field's size without an ellipsis. */
export function inputValue(value: string, max: number): string {
  return cut(value.replace(UNSAFE_CHARS, ''), max);
}

/** Size of the card as Teams counts a message: UTF-16, two bytes per code unit. */
export function cardBytes(c: unknown): number {
  return JSON.stringify(c).length * 2;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) or an instant, formatted for the locale. */
export function formatDate(locale: Locale, value: string, timeZone = 'UTC'): string {
  const key = `${locale}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })));
  const d = value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : f.format(d);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A number for the locale, at most two decimals (one formatter per locale, kept). */
export function formatNumber(locale: Locale, value: number): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f.format(value);
}
