// Shared fragments of the proactive cards (digest, reminders, escalations): the Adaptive Card 1.5
// envelope with Teams full width and right-to-left for Arabic, Universal Actions with the
// Action.Submit fallback, and user text made inert for the TextBlock markdown subset.
import { isRtl, type Locale } from '../domain/locale.js';
import { isolateLatin } from './bidi.js';

import type { AdaptiveCardJson, CardElement } from './card-kit.js';

export type { CardElement };
/** The same card JSON as the bot's cards (card-kit.ts). */
export type AdaptiveCard = AdaptiveCardJson;

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function adaptiveCard(locale: Locale, body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    ...(isRtl(locale) ? { rtl: true } : {}),
    msteams: { width: 'Full' },
    // Latin runs isolated in right-to-left cards (bidi.ts).
    body: isRtl(locale) ? isolateLatin(body) : body,
    ...(actions.length ? { actions: isRtl(locale) ? isolateLatin(actions) : actions } : {}),
  };
}

/**
 * User-written text (titles, blockers, names) shown in a TextBlock: markdown characters are escaped
 * and line starts that would become lists are neutralised, so a title such as "**urgent** [x](y)"
 * shows as typed instead of as formatting or a link.
 */
export function inert(text: string): string {
  return text.replace(/[\\*_[\]()~`<>#|]/g, (c) => `\\${c}`).replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

export function textBlock(text: string, options: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(text: string): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    weight: 'Bolder',
    size: 'Medium',
    spacing: 'Medium',
    separator: true,
  };
}

/** A Universal Action; old clients use the Action.Submit fallback with the same verb and data. */
export function execute(
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  extra: CardElement = {},
): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: { verb, ...data } },
  };
}

export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

/** Short date in the recipient's language (the Adaptive Cards DATE() function is not supported in Teams). */
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

export function shortDate(locale: Locale, isoDate: string): string {
  let f = dateFormats.get(locale);
  if (!f)
    dateFormats.set(
      locale,
      (f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })),
    );
  return f.format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}

export { formatNumber } from './card-kit.js';

/** Size of the card as Teams counts a message (UTF-16: two bytes per code unit). */
export function cardBytes(card: unknown): number {
  return JSON.stringify(card).length * 2;
}
