// Every card the app can send (every builder, every state, six languages) as a Teams client's
// renderer sees it: Microsoft's `adaptivecards` library parses it and validateProperties() runs;
// any event fails the test. Chart elements, unknown to that library, are checked for the documented
// data shape and a fallback, and the card is validated again as hosts without charts render it
// (test/cards/card-validation.ts).
import { describe, expect, it } from 'vitest';
import type { buildEscalationCard } from '../../bot/cards/escalation-card.js';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { chartProblems, rendererEvents, withoutCharts } from './card-validation.js';
import { everyCard } from './every-card.js';

describe.each(SUPPORTED_LOCALES)('every card in %s', (locale) => {
  const cards = everyCard(locale);
  it.each(Object.keys(cards))('%s: no parse or validation event', (name) => {
    expect(rendererEvents(cards[name])).toEqual([]);
  });
});

describe('the validation catches what a Teams client would report', () => {
  const card = everyCard('en').escalation as ReturnType<typeof buildEscalationCard>;

  it('a required input without an error message', () => {
    const json = JSON.stringify(card).replace(/,"errorMessage":"[^"]*"/, '');
    expect(rendererEvents(JSON.parse(json))).toEqual([
      expect.stringMatching(/^validate: Required inputs should have an error message/),
      expect.stringMatching(/^without charts: validate: Required inputs should have an error message/),
    ]);
  });

  it('the Reassign choice set carries an error message in every language', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const json = JSON.stringify(everyCard(locale).escalation);
      expect(json).toMatch(/"isRequired":true,"errorMessage":"[^"]{10,}"/);
    }
  });

  it('a chart without a fallback, or with data of another shape', () => {
    const digest = everyCard('fr').digest as { body: Array<Record<string, unknown>> };
    const donut = digest.body.find((e) => e.type === 'Chart.Donut')!;
    expect(chartProblems({ body: [{ ...donut, fallback: 'drop' }] })).toEqual([
      'Chart.Donut: no fallback element',
    ]);
    expect(chartProblems({ body: [{ ...donut, data: [{ x: 'a', y: 1 }] }] })).toEqual([
      'Chart.Donut: data does not have the documented shape',
    ]);
    expect(rendererEvents({ ...digest, body: [{ ...donut, type: 'Chart.Gauge' }] })).toContain(
      'parse: Unknown element type "Chart.Gauge". Fallback will be used if present.',
    );
  });

  it('hosts without charts read the figures in the fallbacks', () => {
    const digest = everyCard('en').digest;
    const plain = JSON.stringify(withoutCharts(digest));
    expect(plain).not.toContain('"type":"Chart.');
    expect(plain).toContain('**Portfolio** · ');
    expect(plain).toContain('Health over the last 12 weeks');
    expect(plain).toMatch(/"title":"W48","value":"\d+ green · \d+ amber · \d+ red"/);
  });
});
