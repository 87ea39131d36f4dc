// A KPI from baseline to target with its measurements: a small SVG chart (an image with a text
// summary for screen readers) and the same data as a table.
import {
  Badge,
  makeStyles,
  shorthands,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { KpiWithProgress } from '../api/endpoints.js';
import { useI18n, type MessageKey } from '../i18n/index.js';

const W = 360;
const H = 160;
const PAD = 28;

const useStyles = makeStyles({
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  svg: { width: '100%', maxWidth: `${W}px`, height: 'auto', direction: 'ltr' },
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
  summary: { cursor: 'pointer' },
});

const TREND_COLOR = {
  'on-track': 'success',
  behind: 'danger',
  achieved: 'brand',
  'no-data': 'informative',
} as const;

export function KpiChart({ item }: { item: KpiWithProgress }) {
  const styles = useStyles();
  const { t, date, number } = useI18n();
  const { kpi, measurements, progress } = item;
  const points = [...measurements].sort((a, b) => (a.date < b.date ? -1 : 1));
  const times = [kpi.baseline.date, kpi.target.date, ...points.map((m) => m.date)].map((d) => Date.parse(d));
  const values = [kpi.baseline.value, kpi.target.value, ...points.map((m) => m.value)];
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const v0 = Math.min(...values);
  const v1 = Math.max(...values);
  const x = (d: string) => PAD + ((Date.parse(d) - t0) / Math.max(1, t1 - t0)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - ((v - v0) / (v1 - v0 || 1)) * (H - 2 * PAD);
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
        <Text weight="semibold">{kpi.title}</Text>
        <Badge className={styles.badge} appearance="tint" color={TREND_COLOR[progress.trend]}>
          {t(`kpi.trend.${progress.trend}` as MessageKey)}
        </Badge>
      </div>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line
          x1={PAD}
          y1={H - PAD}
          x2={W - PAD}
          y2={H - PAD}
          style={{ stroke: tokens.colorNeutralStroke1 }}
        />
        <line
          x1={x(kpi.baseline.date)}
          y1={y(kpi.baseline.value)}
          x2={x(kpi.target.date)}
          y2={y(kpi.target.value)}
          style={{ stroke: tokens.colorNeutralForeground3, strokeDasharray: '4 4', strokeWidth: 2 }}
        />
        {points.length > 1 ? (
          <polyline
            points={points.map((m) => `${x(m.date)},${y(m.value)}`).join(' ')}
            style={{ fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 2 }}
          />
        ) : null}
        {points.map((m) => (
          <circle
            key={m.id}
            cx={x(m.date)}
            cy={y(m.value)}
            r={4}
            style={{ fill: tokens.colorBrandForeground1 }}
          />
        ))}
        <rect
          x={x(kpi.baseline.date) - 4}
          y={y(kpi.baseline.value) - 4}
          width={8}
          height={8}
          style={{ fill: tokens.colorNeutralForeground2 }}
        />
        <path
          d={`M ${x(kpi.target.date)} ${y(kpi.target.value) - 6} l 6 6 l -6 6 l -6 -6 z`}
          style={{ fill: tokens.colorPaletteGreenForeground1 }}
        />
        <text x={PAD} y={H - 8} style={{ fill: tokens.colorNeutralForeground2, fontSize: 11 }}>
          {date(kpi.baseline.date)}
        </text>
        <text
          x={W - PAD}
          y={H - 8}
          textAnchor="end"
          style={{ fill: tokens.colorNeutralForeground2, fontSize: 11 }}
        >
          {date(kpi.target.date)}
        </text>
      </svg>
      {/* The figures the chart is drawn from, in words (the chart itself has no value axis). */}
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
      <details>
        <summary className={styles.summary}>{t('common.showTable')}</summary>
        <Table size="small" aria-label={kpi.title}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('kpi.col.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('kpi.col.date')}</TableHeaderCell>
              <TableHeaderCell>{t('kpi.col.value')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableCell>{t('kpi.baseline')}</TableCell>
              <TableCell>{date(kpi.baseline.date)}</TableCell>
              <TableCell>{fmt(kpi.baseline.value)}</TableCell>
            </TableRow>
            {points.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{t('kpi.measurement')}</TableCell>
                <TableCell>{date(m.date)}</TableCell>
                <TableCell>{fmt(m.value)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell>{t('kpi.target')}</TableCell>
              <TableCell>{date(kpi.target.date)}</TableCell>
              <TableCell>{fmt(kpi.target.value)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </details>
    </article>
  );
}
