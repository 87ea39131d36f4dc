// Recent proactive runs (Admin -> Unreachable people): outcomes per run, and the sends an instance
// left uncertain when it stopped, with what was done (sent again, or not: the kind's policy).
import { TableCell, TableRow } from '@fluentui/react-components';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { useI18n } from '../i18n/index.js';
import type { RunHistory as Run } from '../api/endpoints.js';
import { LoadedTable } from './loaded-table.js';

const SENT = ['delivered', 'throttled-then-delivered'];
const NAMED = [...SENT, 'unreachable', 'failed'];

export function RunHistory({ kindLabel }: { kindLabel: (kind: string) => string }) {
  const { api } = useApp();
  const { t, dateTime, locale } = useI18n();
  const runs = useLoad(() => api.runs(), [api, locale]);
  const count = (r: Run, statuses: readonly string[]) => statuses.reduce((n, s) => n + (r.counts[s] ?? 0), 0);
  return (
    <LoadedTable
      id="runs-title"
      title={t('runs.title')}
      loaded={runs}
      none={t('runs.none')}
      columns={[t('runs.col.run'), t('runs.col.when'), t('runs.col.outcomes'), t('runs.col.uncertain')]}
      row={(r) => (
        <TableRow key={`${r.kind}-${r.period}`} data-run={`${r.kind}:${r.period}`}>
          <TableCell>
            {kindLabel(r.kind)} {r.period}
          </TableCell>
          <TableCell>{dateTime(r.lastAt)}</TableCell>
          <TableCell>
            {t('runs.outcomes', {
              delivered: count(r, SENT),
              unreachable: count(r, ['unreachable']),
              failed: count(r, ['failed']),
              other: r.recipients - count(r, NAMED),
            })}
          </TableCell>
          <TableCell>
            {r.uncertain.length === 0
              ? '—'
              : r.uncertain.map((u) => (
                  <div key={u.recipientId}>
                    {t(u.action === 'resent' ? 'runs.uncertain.resent' : 'runs.uncertain.left', {
                      name: u.name,
                      holder: u.holder,
                    })}
                  </div>
                ))}
          </TableCell>
        </TableRow>
      )}
    />
  );
}
