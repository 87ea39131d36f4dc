// Health by pillar (stacked bars) and portfolio or pillar health over the last reporting weeks
// (lines), with Fluent UI's charts for v9; each with a summary and a table.
import { Select, makeStyles, tokens } from '@fluentui/react-components';
import {
  DataVizPalette,
  LineChart,
  VerticalStackedBarChart,
  type LineChartPoints,
  type VerticalStackedChartProps,
} from '@fluentui/react-charts';
import { useState } from 'react';
import { periodStart } from '../../../../bot/domain/period.js';
import { PILLARS, pillarName, type PillarCode } from '../../../../bot/domain/pillar.js';
import type { HealthHistory, PortfolioSummary } from '../../api/endpoints.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { ChartFrame } from './chart-frame.js';

const LEVELS = ['green', 'amber', 'red', 'unknown'] as const;
type Level = (typeof LEVELS)[number];

/** Health colours from the charts' own palette (the line chart resolves them for the theme). */
export const HEALTH_COLORS: Readonly<Record<Level, string>> = {
  green: DataVizPalette.success,
  amber: DataVizPalette.warning,
  red: DataVizPalette.error,
  unknown: DataVizPalette.disabled,
};

/**
 * The stacked bar chart takes colours as they are: the theme's own status colours (CSS variables of
 * the FluentProvider), so the bars follow the light, dark and high-contrast themes.
 */
const BAR_COLORS: Readonly<Record<Level, string>> = {
  green: tokens.colorPaletteGreenBackground3,
  amber: tokens.colorPaletteMarigoldBackground3,
  red: tokens.colorPaletteRedBackground3,
  unknown: tokens.colorNeutralForeground3,
};

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 480px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // The charts fill their container's height.
  box: { height: '320px' },
});

const HEIGHT = 300;

function healthColumns(i18n: I18n): string[] {
  return LEVELS.map((h) => i18n.t(`health.${h}`));
}

export function HealthByPillarChart({ summary }: { summary: PortfolioSummary }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, locale, number } = i18n;
  const data: VerticalStackedChartProps[] = summary.pillars.map((p) => ({
    xAxisPoint: p.pillar,
    xAxisCalloutData: pillarName(p.pillar, locale),
    chartData: LEVELS.map((h) => ({
      legend: t(`health.${h}`),
      data: p.health[h],
      color: BAR_COLORS[h],
    })),
  }));
  const worst = [...summary.pillars].sort((a, b) => b.health.red - a.health.red)[0];
  return (
    <ChartFrame
      id="health-by-pillar"
      title={t('charts.byPillar', { period: summary.period })}
      summary={t('charts.byPillarSummary', {
        green: summary.totals.health.green,
        amber: summary.totals.health.amber,
        red: summary.totals.health.red,
        unknown: summary.totals.health.unknown,
        pillar: worst && worst.health.red > 0 ? pillarName(worst.pillar, locale) : '—',
      })}
      table={{
        columns: [t('table.col.pillar'), ...healthColumns(i18n)],
        rows: summary.pillars.map((p) => ({
          key: p.pillar,
          cells: [pillarName(p.pillar, locale), ...LEVELS.map((h) => number(p.health[h]))],
        })),
      }}
    >
      <div className={styles.box}>
        <VerticalStackedBarChart
          data={data}
          height={HEIGHT}
          chartTitle={t('charts.byPillar', { period: summary.period })}
          xAxisTitle={t('table.col.pillar')}
          yAxisTitle={t('charts.projects')}
          culture={locale}
          hideLabels
          barWidth="auto"
          maxBarWidth={48}
        />
      </div>
    </ChartFrame>
  );
}

export function HealthTrendChart({ history }: { history: HealthHistory }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, locale, number } = i18n;
  const [pillar, setPillar] = useState<PillarCode | ''>('');
  const weeks = history.items;
  const countsOf = (w: HealthHistory['items'][number]) =>
    pillar ? (w.pillars.find((p) => p.pillar === pillar)?.health ?? w.totals) : w.totals;
  const lines: LineChartPoints[] = LEVELS.map((h) => ({
    legend: t(`health.${h}`),
    color: HEALTH_COLORS[h],
    data: weeks.map((w) => ({
      x: new Date(`${periodStart(w.period)}T00:00:00Z`),
      y: countsOf(w)[h],
      xAxisCalloutData: w.period,
    })),
  }));
  const scope = pillar ? pillarName(pillar, locale) : t('charts.wholePortfolio');
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const selectId = 'trend-pillar';
  return (
    <ChartFrame
      id="health-trend"
      title={t('charts.trend', { count: weeks.length, scope })}
      toolbar={
        <div className={styles.toolbar}>
          <label htmlFor={selectId}>{t('table.col.pillar')}</label>
          <Select id={selectId} value={pillar} onChange={(_, d) => setPillar(d.value as PillarCode | '')}>
            <option value="">{t('charts.wholePortfolio')}</option>
            {PILLARS.map((p) => (
              <option key={p.code} value={p.code}>
                {pillarName(p.code, locale)}
              </option>
            ))}
          </Select>
        </div>
      }
      summary={
        first && last
          ? t('charts.trendSummary', {
              from: first.period,
              to: last.period,
              redFrom: countsOf(first).red,
              redTo: countsOf(last).red,
              greenFrom: countsOf(first).green,
              greenTo: countsOf(last).green,
            })
          : t('common.empty')
      }
      table={{
        columns: [t('charts.week'), ...healthColumns(i18n)],
        rows: weeks.map((w) => ({
          key: w.period,
          cells: [w.period, ...LEVELS.map((h) => number(countsOf(w)[h]))],
        })),
      }}
    >
      <div className={styles.box}>
        <LineChart
          data={{ chartTitle: t('charts.trend', { count: weeks.length, scope }), lineChartData: lines }}
          height={HEIGHT}
          xAxisTitle={t('charts.week')}
          yAxisTitle={t('charts.projects')}
          culture={locale}
          useUTC
        />
      </div>
    </ChartFrame>
  );
}

export function HealthCharts({ summary, history }: { summary: PortfolioSummary; history: HealthHistory }) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      <HealthByPillarChart summary={summary} />
      <HealthTrendChart history={history} />
    </div>
  );
}
