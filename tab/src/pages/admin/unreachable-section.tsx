// Admin -> Unreachable people: whom proactive messages could not reach, why, and when.
import { TableCell, TableRow } from '@fluentui/react-components';
import { LoadedTable } from '../../components/loaded-table.js';
import { useApp } from '../../context.js';
import { useLoad } from '../../hooks/use-load.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';

const REASONS: ReadonlySet<string> = new Set(['not-installed', 'blocked', 'gone', 'no-conversation']);

export function UnreachableSection({ kindLabel }: { kindLabel: (kind: string) => string }) {
  const { api } = useApp();
  const { t, dateTime, locale } = useI18n();
  const list = useLoad(() => api.unreachable(), [api, locale]);
  return (
    <LoadedTable
      id="unreachable-title"
      title={t('admin.tab.unreachable')}
      loaded={list}
      none={t('admin.unreachableNone')}
      missing={t('admin.unreachableMissing')}
      columns={[
        t('admin.col.name'),
        t('admin.col.kind'),
        t('admin.col.period'),
        t('admin.col.reason'),
        t('admin.col.at'),
      ]}
      row={(u) => (
        <TableRow key={`${u.personId}-${u.kind}-${u.period}`} data-person={u.personId}>
          <TableCell>
            {u.name}
            {u.email ? ` (${u.email})` : ''}
          </TableCell>
          <TableCell>{kindLabel(u.kind)}</TableCell>
          <TableCell>{u.period}</TableCell>
          <TableCell>
            {REASONS.has(u.reason) ? t(`admin.reason.${u.reason}` as MessageKey) : u.reason}
          </TableCell>
          <TableCell>{u.at ? dateTime(u.at) : '—'}</TableCell>
        </TableRow>
      )}
    />
  );
}
