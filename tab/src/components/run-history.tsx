// Recent proactive runs (Admin -> Unreachable people): outcomes per run, and the sends an instance
// left uncertain when it stopped, with what was done (sent again, or not: the kind's policy).
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { useI18n } from '../i18n/index.js';
import type { RunHistory as Run } from '../api/endpoints.js';
import { ErrorView } from './error-view.js';
import { Loading } from './loading.js';

const SENT = ['delivered', 'throttled-then-delivered'];
const NAMED = [...SENT, 'unreachable', 'failed'];

export function RunHistory({ kindLabel }: { kindLabel: (kind: string) => string }) {
  const { api } = useApp();
  const { t, dateTime, locale } = useI18n();
  const runs = useLoad(() => api.runs(), [api, locale]);
  const count = (r: Run, statuses: readonly string[]) => statuses.reduce((n, s) => n + (r.counts[s] ?? 0), 0);
  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">{t('runs.title')}</h2>
      {runs.error ? (
        <ErrorView error={runs.error} onRetry={runs.reload} />
      ) : !runs.data ? (
        <Loading />
      ) : runs.data.items.length === 0 ? (
        <Text>{t('runs.none')}</Text>
      ) : (
        <Table aria-labelledby="runs-title" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('runs.col.run')}</TableHeaderCell>
              <TableHeaderCell>{t('runs.col.when')}</TableHeaderCell>
              <TableHeaderCell>{t('runs.col.outcomes')}</TableHeaderCell>
              <TableHeaderCell>{t('runs.col.uncertain')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {runs.data.items.map((r) => (
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
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
