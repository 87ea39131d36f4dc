// A KPI from baseline to target with its measurements: a Fluent line chart with a value axis, the
// project it belongs to, the figures in words and the same data as a table.
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DataVizPalette, LineChart } from '@fluentui/react-charts';
import type { KpiWithProgress } from '../api/endpoints.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { TableDetails } from './charts/chart-frame.js';
import { surface } from './shared-styles.js';

const H = 220;
const utc = (d: string) => new Date(`${d}T00:00:00Z`);

const useStyles = makeStyles({
  card: {
    ...surface,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  chart: { minWidth: 0 },
  project: { color: tokens.colorNeutralForeground2 },
  head: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  figures: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
});

const TREND_COLOR = {
  'on-track': 'success',
  behind: 'danger',
  achieved: 'brand',
  'no-data': 'informative',
} as const;

export function KpiChart({ item, projectCode }: { item: KpiWithProgress; projectCode?: string }) {
  const styles = useStyles();
  const { t, date, number, locale } = useI18n();
  const { kpi, measurements, progress } = item;
  const points = [...measurements].sort((a, b) => (a.date < b.date ? -1 : 1));
  const fmt = (v: number) => `${number(v)} ${kpi.unit}`;
  const latest = progress.latest
    ? `${fmt(progress.latest.value)} (${date(progress.latest.date)})`
    : t('kpi.noMeasurement');
  const label = t('kpi.chartLabel', {
    title: kpi.title,
    baseline: fmt(kpi.baseline.value),
    baselineDate: date(kpi.baseline.date),
    target: fmt(kpi.target.value),
    targetDate: date(kpi.target.date),
    latest,
  });
  return (
    <article className={styles.card} data-kpi={kpi.id}>
      <div className={styles.head}>
        <div>
          <Text weight="semibold" as="h3" block>
            {kpi.title}
          </Text>
          {projectCode ? (
            <Text size={200} className={styles.project}>
              {t('kpi.project', { code: projectCode })}
            </Text>
          ) : null}
        </div>
        <Badge className={styles.badge} appearance="tint" color={TREND_COLOR[progress.trend]}>
          {t(`kpi.trend.${progress.trend}` as MessageKey)}
        </Badge>
      </div>
      {/* Fluent's line chart: a value axis in the KPI's unit, time along the bottom, the measured line
          and the planned line from baseline to target; it mirrors with the page in Arabic. */}
      <div className={styles.chart}>
        <LineChart
          data={{
            chartTitle: label,
            lineChartData: [
              {
                legend: t('kpi.series.plan'),
                color: DataVizPalette.disabled,
                lineOptions: { strokeDasharray: '5 5' },
                data: [
                  {
                    x: utc(kpi.baseline.date),
                    y: kpi.baseline.value,
                    xAxisCalloutData: date(kpi.baseline.date),
                  },
                  { x: utc(kpi.target.date), y: kpi.target.value, xAxisCalloutData: date(kpi.target.date) },
                ],
              },
              ...(points.length
                ? [
                    {
                      legend: t('kpi.series.measured'),
                      color: DataVizPalette.color1,
                      data: points.map((m) => ({
                        x: utc(m.date),
                        y: m.value,
                        xAxisCalloutData: date(m.date),
                      })),
                    },
                  ]
                : []),
            ],
          }}
          height={H}
          yAxisTitle={t('kpi.value', { unit: kpi.unit })}
          culture={locale}
          useUTC
          hideLegend={false}
        />
      </div>
      {/* The figures the chart is drawn from, in words. */}
      <Text size={200} className={styles.figures}>
        <span>
          {t('kpi.baseline')}: {fmt(kpi.baseline.value)}
        </span>
        <span>
          {t('kpi.latest')}: {progress.latest ? fmt(progress.latest.value) : '—'}
        </span>
        <span>
          {t('kpi.target')}: {fmt(kpi.target.value)}
        </span>
      </Text>
      <TableDetails
        label={kpi.title}
        table={{
          columns: [t('kpi.col.kind'), t('kpi.col.date'), t('kpi.col.value')],
          rows: [
            { key: 'baseline', cells: [t('kpi.baseline'), date(kpi.baseline.date), fmt(kpi.baseline.value)] },
            ...points.map((m) => ({ key: m.id, cells: [t('kpi.measurement'), date(m.date), fmt(m.value)] })),
            { key: 'target', cells: [t('kpi.target'), date(kpi.target.date), fmt(kpi.target.value)] },
          ],
        }}
      />
    </article>
  );
}
