// A chart's frame: its heading, the chart (Fluent's charts mirror with the page in Arabic), a text
// summary and the same figures as a table: the text alternative every chart carries.
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { surface } from '../shared-styles.js';

const useStyles = makeStyles({
  figure: {
    margin: 0,
    ...surface,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  chart: { minWidth: 0, overflowX: 'auto' },
  summary: { cursor: 'pointer' },
  table: { tableLayout: 'auto' },
});

export interface ChartTable {
  columns: readonly string[];
  rows: ReadonlyArray<{ key: string; cells: readonly ReactNode[] }>;
}

export function ChartFrame({
  id,
  title,
  summary,
  table,
  children,
  toolbar,
}: {
  id: string;
  title: string;
  /** One sentence for everyone (and screen readers) saying what the chart shows. */
  summary: string;
  table: ChartTable;
  children: ReactNode;
  toolbar?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-title`} data-chart={id}>
      <h3 id={`${id}-title`} className={styles.title}>
        {title}
      </h3>
      {toolbar}
      <div className={styles.chart}>{children}</div>
      <Text as="p">{summary}</Text>
      <TableDetails label={title} table={table} className={styles.table} />
    </figure>
  );
}

/** "Show as table", folded: the figures of a chart as a small table. */
export function TableDetails({
  label,
  table,
  className,
}: {
  label: string;
  table: ChartTable;
  className?: string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <details>
      <summary className={styles.summary}>{t('common.showTable')}</summary>
      <Table size="small" className={className} aria-label={label}>
        <TableHeader>
          <TableRow>
            {table.columns.map((c) => (
              <TableHeaderCell key={c}>{c}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((r) => (
            <TableRow key={r.key}>
              {r.cells.map((c, i) => (
                <TableCell key={i}>{c}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
