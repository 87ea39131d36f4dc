// How a Teams client's renderer sees a card: Microsoft's `adaptivecards` library parses it and runs
// validateProperties(); every parse or validation event is a failure. Chart elements (Chart.Donut,
// ...) are drawn by Teams but unknown to that library, which renders their `fallback` instead. They
// are checked in two ways: the chart itself must have the data shape Microsoft documents (see
// bot/cards/digest-charts.ts) and a fallback element (never "drop"), and the card as a host without
// charts renders it (each chart replaced by its fallback) must parse and validate without events.
// Parsing the card as sent then reports only "Unknown element type Chart.* — fallback used".
import * as AC from 'adaptivecards';
import { CHART_TYPES } from '../../bot/cards/digest-charts.js';

const CHARTS: ReadonlySet<string> = new Set(CHART_TYPES);
const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** The card as a host without charts renders it: every chart element replaced by its fallback. */
export function withoutCharts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCharts);
  if (!isObject(value)) return value;
  if (typeof value.type === 'string' && value.type.startsWith('Chart.')) return withoutCharts(value.fallback);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutCharts(v)]));
}

function isLegendValue(d: unknown): boolean {
  return isObject(d) && typeof d.legend === 'string' && typeof d.value === 'number';
}

/** What is wrong with the chart elements of a card (shape, fallback); empty when all is well. */
export function chartProblems(card: unknown): string[] {
  const problems: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isObject(v)) return;
    if (typeof v.type === 'string' && v.type.startsWith('Chart.')) {
      const data = v.data;
      const ok =
        CHARTS.has(v.type) &&
        Array.isArray(data) &&
        (v.type === 'Chart.Donut'
          ? data.every(isLegendValue)
          : v.type === 'Chart.HorizontalBar.Stacked'
            ? data.every(
                (row) =>
                  isObject(row) &&
                  typeof row.title === 'string' &&
                  Array.isArray(row.data) &&
                  row.data.every(isLegendValue),
              )
            : data.every(
                (s) =>
                  isObject(s) &&
                  typeof s.legend === 'string' &&
                  Array.isArray(s.values) &&
                  s.values.every((p) => isObject(p) && typeof p.x === 'string' && typeof p.y === 'number'),
              ));
      if (!ok) problems.push(`${v.type}: data does not have the documented shape`);
      if (typeof v.title !== 'string' || !v.title) problems.push(`${v.type}: no title`);
      if (
        !isObject(v.fallback) ||
        typeof v.fallback.type !== 'string' ||
        v.fallback.type.startsWith('Chart.')
      )
        problems.push(`${v.type}: no fallback element`);
    }
    Object.values(v).forEach(walk);
  };
  walk(card);
  return problems;
}

function parseAndValidate(card: unknown): string[] {
  const ac = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  ac.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of ac.validateProperties().validationEvents) {
    events.push(`validate: ${e.message}${e.source ? ` (${JSON.stringify(e.source).slice(0, 80)})` : ''}`);
  }
  return events;
}

/** Every event Microsoft's renderer reports for the card; empty when the card is valid. */
export function rendererEvents(card: unknown): string[] {
  const unknownChart =
    /^parse: Unknown element type "(Chart\.[A-Za-z.]+)"\. Fallback will be used if present\.$/;
  const asSent = parseAndValidate(card).filter((e) => {
    const m = unknownChart.exec(e);
    return !(m && CHARTS.has(m[1]!));
  });
  return [
    ...asSent,
    ...parseAndValidate(withoutCharts(card)).map((e) => `without charts: ${e}`),
    ...chartProblems(card),
  ];
}
