// A section that lists what a load returned as a small table: its heading, the error (with a retry),
// the loading state, the empty message, and the rows (Admin: recent proactive runs, unreachable people).
import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Loaded } from '../hooks/use-load.js';
import { ErrorView } from './error-view.js';
import { Loading } from './loading.js';

/** A table's header row: one cell a column name. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <TableHeader>
      <TableRow>
        {columns.map((c) => (
          <TableHeaderCell key={c}>{c}</TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}

export function LoadedTable<T>({
  id,
  title,
  loaded,
  none,
  missing,
  columns,
  row,
}: {
  /** The heading's id, which names the section and the table. */
  id: string;
  title: string;
  loaded: Loaded<{ items: T[] }>;
  /** Said when the list is empty. */
  none: string;
  /** Said (instead of an error) when the server has no such list (404). */
  missing?: string;
  columns: readonly string[];
  row: (item: T) => ReactElement;
}) {
  const { data, error, reload } = loaded;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {error ? (
        missing !== undefined && error.status === 404 ? (
          <MessageBar intent="info">
            <MessageBarBody>{missing}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={error} onRetry={reload} />
        )
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Text>{none}</Text>
      ) : (
        <Table aria-labelledby={id} size="small">
          <TableHead columns={columns} />
          <TableBody>{data.items.map(row)}</TableBody>
        </Table>
      )}
    </section>
  );
}
