// Every card the bot can send, in every language, with the largest content the domain accepts:
// parses with the adaptivecards library without warnings, version 1.5, under 40 KB, only elements
// Teams supports, rtl for Arabic, Action.Execute with an Action.Submit fallback, a tab deep link on
// every actionable card.
import { afterAll, describe, expect, it } from 'vitest';
import { cardBytes } from '../../bot/cards/card-kit.js';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { allCards, largest, parseWarnings } from './all-cards.js';

const TEAMS_ELEMENTS = new Set([
  'AdaptiveCard',
  'TextBlock',
  'RichTextBlock',
  'TextRun',
  'Container',
  'ColumnSet',
  'Column',
  'ActionSet',
  'FactSet',
  'Image',
  'Input.Text',
  'Input.Number',
  'Input.ChoiceSet',
  'Input.Toggle',
  'Input.Date',
  'Action.Execute',
  'Action.Submit',
  'Action.OpenUrl',
  'Action.ShowCard',
]);

function types(card: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string') found.push(o.type);
      for (const [k, x] of Object.entries(o)) if (k !== 'data') walk(x);
    }
  };
  walk(card);
  return found;
}

const sizes: Record<string, Record<string, number>> = {};
afterAll(() => {
  // The measured sizes, for the report (largest content the domain accepts).
  const rows = Object.entries(sizes).map(
    ([name, byLocale]) =>
      `${name.padEnd(16)} ${SUPPORTED_LOCALES.map((l) => `${l} ${(byLocale[l]! / 1024).toFixed(1)}`).join('  ')}`,
  );
  console.log(`card sizes in KB (UTF-16, as Teams counts)\n${rows.join('\n')}`);
});

describe.each(SUPPORTED_LOCALES)('cards in %s', (locale) => {
  const cards = allCards(
    locale,
    largest(locale === 'ar' ? 'ق' : locale === 'zh' ? '变' : locale === 'ru' ? 'ж' : 'w'),
  );
  it.each(Object.keys(cards))('%s', (name) => {
    const card = cards[name]!;
    expect(parseWarnings(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    const bytes = cardBytes(card);
    (sizes[name] ??= {})[locale] = bytes;
    expect(bytes).toBeLessThan(40 * 1024);
    expect(card.rtl === true).toBe(locale === 'ar');
    const used = types(card);
    expect(used.filter((t) => !TEAMS_ELEMENTS.has(t))).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/"(isEnabled|style":"(positive|destructive))"/);
    const executes = JSON.stringify(card).match(/"type":"Action\.Execute"/g)?.length ?? 0;
    const fallbacks = JSON.stringify(card).match(/"fallback":\{"type":"Action\.Submit"/g)?.length ?? 0;
    const refresh = card.refresh ? 1 : 0;
    expect(fallbacks).toBe(executes - refresh);
    const actionable = used.some(
      (t) => t.startsWith('Input.') || t === 'Action.Execute' || t === 'Action.Submit',
    );
    if (actionable) {
      expect(JSON.stringify(card)).toContain(
        'https://teams.microsoft.com/l/entity/11111111-2222-4333-8444-555555555555/',
      );
    }
  });
});

describe('worst case for JSON size: text made only of characters JSON escapes', () => {
  it.each(SUPPORTED_LOCALES)(
    '%s: every card under 80 KB, the cards without a pre-filled form under 40 KB',
    (locale) => {
      const cards = allCards(locale, { line: '"'.repeat(200), text: '\\'.repeat(4000) });
      const forms = new Set(['updateForm', 'updateFormAmend', 'riskFormChoices', 'riskReview']);
      for (const [name, card] of Object.entries(cards)) {
        expect(parseWarnings(card), name).toEqual([]);
        expect(cardBytes(card), name).toBeLessThan((forms.has(name) ? 80 : 40) * 1024);
      }
    },
  );
});
