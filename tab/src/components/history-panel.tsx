// A project's audit history: who changed what, when and through which surface.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AuditAction, EntityType } from '../../../bot/domain/audit.js';
import type { Project } from '../../../bot/domain/project.js';
import type { Surface } from '../../../bot/domain/status-update.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
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

/** Field names the tab has words for; others show as stored. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  title: 'field.title',
  phase: 'field.phase',
  startDate: 'field.startDate',
  dueDate: 'field.dueDate',
  budgetChf: 'field.budget',
  spendChf: 'field.spend',
  description: 'field.description',
  ownerId: 'field.owner',
  health: 'update.health',
  percentComplete: 'update.percent',
  summary: 'update.summary',
  achievements: 'update.achievements',
  nextSteps: 'update.nextSteps',
  blockers: 'update.blockers',
  likelihood: 'risks.likelihood',
  impact: 'risks.impact',
  status: 'milestones.col.status',
};

const ACTION_LABELS: Readonly<Record<AuditAction, MessageKey>> = {
  create: 'audit.action.create',
  update: 'audit.action.update',
  amend: 'audit.action.amend',
  escalate: 'audit.action.escalate',
  acknowledge: 'audit.action.acknowledge',
  forbidden: 'audit.action.forbidden',
  seed: 'audit.action.seed',
  nudge: 'audit.action.nudge',
  'uncertain-send': 'audit.action.uncertain-send',
  'sync-rejected': 'audit.action.sync-rejected',
};

const ENTITY_LABELS: Readonly<Record<EntityType, MessageKey>> = {
  project: 'audit.entity.project',
  'status-update': 'audit.entity.status-update',
  risk: 'audit.entity.risk',
  milestone: 'audit.entity.milestone',
  kpi: 'audit.entity.kpi',
  measurement: 'audit.entity.measurement',
  person: 'audit.entity.person',
  settings: 'audit.entity.settings',
};

const SURFACE_LABELS: Readonly<Record<Surface, MessageKey>> = {
  bot: 'source.bot',
  tab: 'source.tab',
  api: 'source.api',
  job: 'source.job',
  seed: 'source.seed',
  system: 'source.system',
};

function fieldLabel(t: (k: MessageKey) => string, field: string): string {
  const key = Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined;
  return key ? t(key) : field;
}

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
                  action: t(ACTION_LABELS[e.action]),
                  entity: t(ENTITY_LABELS[e.entityType]),
                })}
              </Text>{' '}
              <Text size={200} className={styles.meta}>
                {dateTime(e.at)} · {t(SURFACE_LABELS[e.surface])}
              </Text>
              {e.changes.length > 0 ? (
                <ul className={styles.changes}>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      <bdi>
                        {t('history.change', {
                          field: fieldLabel(t, c.field),
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
