// A project's audit history: who changed what, when and through which surface.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Project } from '../../../bot/domain/project.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n } from '../i18n/index.js';
import { ErrorView } from './error-view.js';
import { Loading } from './loading.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    paddingBlock: tokens.spacingVerticalXS,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: tokens.colorNeutralStroke3,
  },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  meta: { color: tokens.colorNeutralForeground2 },
});

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v.length > 120 ? `${v.slice(0, 117)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

export function HistoryPanel({ project }: { project: Project }) {
  const styles = useStyles();
  const { api } = useApp();
  const { t, dateTime, locale } = useI18n();
  const people = usePeople(api);
  const events = useLoad(() => api.audit({ projectId: project.id }), [api, project.id, locale]);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {events.error ? <ErrorView error={events.error} onRetry={events.reload} /> : null}
      {!events.data ? (
        events.loading ? (
          <Loading />
        ) : null
      ) : events.data.items.length === 0 ? (
        <Text>{t('history.none')}</Text>
      ) : (
        <ol className={styles.list}>
          {events.data.items.map((e) => (
            <li key={e.id} className={styles.item}>
              <Text weight="semibold">
                {t('history.entry', {
                  who: people.get(e.actorId)?.name ?? e.actorId,
                  action: e.action,
                  entity: e.entityType,
                })}
              </Text>{' '}
              <Text size={200} className={styles.meta}>
                {dateTime(e.at)} · {e.surface}
              </Text>
              {e.changes.length > 0 ? (
                <ul className={styles.changes}>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      <bdi>
                        {t('history.change', {
                          field: c.field,
                          before: show(c.before),
                          after: show(c.after),
                        })}
                      </bdi>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
