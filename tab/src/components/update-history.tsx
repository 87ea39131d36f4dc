// Status updates as a timeline, newest period first; amended updates show their earlier versions.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Person } from '../../../bot/domain/person.js';
import {
  HEALTH_DIMENSIONS,
  type StatusUpdate,
  type StatusUpdateRevision,
} from '../../../bot/domain/status-update.js';
import { useI18n } from '../i18n/index.js';
import { HealthBadge } from './health-badge.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  item: {
    paddingInlineStart: tokens.spacingHorizontalL,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke1,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground2 },
  para: { margin: 0, whiteSpace: 'pre-wrap' },
  dims: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  dim: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  dd: { margin: 0 },
});

function Revision({ r, people }: { r: StatusUpdateRevision; people: ReadonlyMap<string, Person> }) {
  const styles = useStyles();
  const { t, dateTime, number } = useI18n();
  return (
    <>
      <div className={styles.head}>
        <HealthBadge health={r.health} />
        <Text>{number(r.percentComplete / 100, { style: 'percent' })}</Text>
        <Text size={200} className={styles.meta}>
          {t('update.by', {
            name: people.get(r.authorId)?.name ?? r.authorId,
            date: dateTime(r.submittedAt),
            source: t(`source.${r.source}`),
          })}
        </Text>
      </div>
      {/* Every dimension's rating, not only the overall one. */}
      <dl className={styles.dims} aria-label={t('status.dimensions')}>
        {HEALTH_DIMENSIONS.map((d) => (
          <div key={d} className={styles.dim} data-dimension={d}>
            <dt className={styles.meta}>{t(`update.dimension.${d}`)}:</dt>
            <dd className={styles.dd}>
              {r.dimensions[d] ? <HealthBadge health={r.dimensions[d]} /> : t('status.notAssessed')}
            </dd>
          </div>
        ))}
      </dl>
      <p className={styles.para}>{r.summary}</p>
      {r.achievements ? (
        <p className={styles.para}>
          <strong>{t('update.achievements')}:</strong> {r.achievements}
        </p>
      ) : null}
      {r.nextSteps ? (
        <p className={styles.para}>
          <strong>{t('update.nextSteps')}:</strong> {r.nextSteps}
        </p>
      ) : null}
      {r.blockers ? (
        <p className={styles.para}>
          <strong>{t('update.blockers')}:</strong> {r.blockers}
        </p>
      ) : null}
    </>
  );
}

export function UpdateHistory({
  updates,
  people,
}: {
  updates: readonly StatusUpdate[];
  people: ReadonlyMap<string, Person>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  if (updates.length === 0) return <Text>{t('update.none')}</Text>;
  return (
    <ol className={styles.list} aria-label={t('update.history')}>
      {updates.map((u) => (
        <li key={u.id} className={styles.item} data-period={u.period}>
          <h3>{u.period}</h3>
          <Revision r={u} people={people} />
          {u.history.length > 0 ? (
            <details>
              <summary>{t('update.revisions', { count: u.history.length })}</summary>
              {[...u.history].reverse().map((r, i) => (
                <div key={i} className={styles.item}>
                  <Revision r={r} people={people} />
                </div>
              ))}
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
