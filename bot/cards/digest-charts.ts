// The digest's charts: a health donut for the portfolio, a stacked bar of health by pillar and a
// 12-week trend line. Teams draws chart elements; Outlook, older clients, the Agents Playground and
// Microsoft's `adaptivecards` renderer do not know them and render each chart's `fallback`, which
// carries the same figures as text (the digest as it read before the charts).
//
// Data shapes, checked with the search tool against Microsoft's "Charts in Adaptive Cards"
// (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/charts-in-adaptive-cards;
// typed the same in the Teams SDK's Microsoft.Teams.Cards: DonutChartData {legend, value, color},
// LineChartData {legend, values, color}) and ../shared/PLATFORM-FACTS.md B5:
//   Chart.Donut                 data: [{ legend, value, color? }]
//   Chart.HorizontalBar.Stacked data: [{ title, data: [{ legend, value, color? }] }]
//   Chart.Line                  data: [{ legend, values: [{ x, y }], color? }]
// Each also takes `title` and the common element properties, `fallback` among them.
import type { WeeklyHealth } from '../domain/health-trend.js';
import type { Locale } from '../domain/locale.js';
import type { HealthCounts } from '../domain/portfolio.js';
import { t } from '../i18n/translate.js';
import type { CardElement } from './digest-card-kit.js';

/** The chart element types the app sends (each always with a fallback). */
export const CHART_TYPES = ['Chart.Donut', 'Chart.HorizontalBar.Stacked', 'Chart.Line'] as const;

// Semantic chart colours of the Teams chart palette; the legend names every slice, so colour is
// never the only cue.
const COLORS = { green: 'good', amber: 'warning', red: 'attention', unknown: 'neutral' } as const;
const HEALTH_KEYS = ['green', 'amber', 'red'] as const;

function legend(locale: Locale, key: keyof typeof COLORS): string {
  return t(locale, key === 'unknown' ? 'digest.chart.unknown' : `digest.health.${key}`);
}

/** Portfolio health this week; `fallback` is what hosts without charts show instead. */
export function healthDonut(locale: Locale, health: HealthCounts, fallback: CardElement): CardElement {
  const keys = [...HEALTH_KEYS, 'unknown'] as const;
  return {
    type: 'Chart.Donut',
    title: t(locale, 'digest.chart.portfolio'),
    data: keys
      .filter((k) => health[k] > 0)
      .map((k) => ({ legend: legend(locale, k), value: health[k], color: COLORS[k] })),
    fallback,
  };
}

/** One stacked bar per pillar (green, amber, red). */
export function pillarBars(
  locale: Locale,
  rows: ReadonlyArray<{ name: string; health: HealthCounts }>,
  fallback: CardElement,
): CardElement {
  return {
    type: 'Chart.HorizontalBar.Stacked',
    title: t(locale, 'digest.chart.pillars'),
    data: rows.map((r) => ({
      title: r.name,
      data: HEALTH_KEYS.map((k) => ({ legend: legend(locale, k), value: r.health[k], color: COLORS[k] })),
    })),
    fallback,
  };
}

/** "W37" for 2026-W37: short enough for an axis. */
function weekLabel(period: string): string {
  return period.slice(5);
}

/** The weeks' health as three lines, with the same figures as a fact list for hosts without charts. */
export function trendLine(locale: Locale, weeks: readonly WeeklyHealth[]): CardElement {
  const title = t(locale, 'digest.chart.trend', { weeks: weeks.length });
  return {
    type: 'Chart.Line',
    title,
    data: HEALTH_KEYS.map((k) => ({
      legend: legend(locale, k),
      color: COLORS[k],
      values: weeks.map((w) => ({ x: weekLabel(w.period), y: w[k] })),
    })),
    fallback: {
      type: 'Container',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: `**${title}**`, wrap: true },
        {
          type: 'FactSet',
          spacing: 'Small',
          facts: weeks.map((w) => ({
            title: weekLabel(w.period),
            value: t(locale, 'digest.chart.week', { green: w.green, amber: w.amber, red: w.red }),
          })),
        },
      ],
    },
  };
}
