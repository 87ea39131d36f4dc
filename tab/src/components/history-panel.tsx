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
  dimensions: 'status.dimensions',
  leadIds: 'project.leads',
  mitigation: 'risks.mitigation',
  category: 'risks.category',
  unit: 'kpi.unit',
  baseline: 'kpi.baseline',
  target: 'kpi.target',
  period: 'status.period',
};

/**
 * Stored bookkeeping the reader has no use for (keys, ids, timestamps, revision lists): left out of the
 * history rather than shown under their storage names.
 */
const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'submissionKey',
  'authorId',
  'submittedAt',
  'source',
  'history',
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'raisedById',
  'raisedAt',
  'escalation',
  'titles',
]);

const DIMENSION_LABELS: Readonly<Record<string, MessageKey>> = {
  schedule: 'update.dimension.schedule',
  budget: 'update.dimension.budget',
  scope: 'update.dimension.scope',
  resources: 'update.dimension.resources',
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

function labelKey(field: string): MessageKey | undefined {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined;
}

/** A change worth showing: a field with a label, not stored bookkeeping. */
export function shownChange(field: string): boolean {
  return !HIDDEN_FIELDS.has(field) && labelKey(field) !== undefined;
}

function show(v: unknown, t: (k: MessageKey) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((k) => k in DIMENSION_LABELS)) {
    // Health by dimension: "Schedule: On track, Resources: Off track" ({} reads as nothing set).
    const entries = Object.entries(v as Record<string, string>).filter(([, h]) => h);
    if (entries.length === 0) return '—';
    return entries
      .map(([d, h]) => `${t(DIMENSION_LABELS[d]!)}: ${t(`health.${h}` as MessageKey)}`)
      .join(', ');
  }
  if (typeof v === 'object' && v !== null && 'value' in v && 'date' in v) {
    return `${String(v.value)} (${String(v.date)})`;
  }
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
              {e.changes.some((c) => shownChange(c.field)) ? (
                <ul className={styles.changes}>
                  {e.changes
                    .filter((c) => shownChange(c.field))
                    .map((c) => (
                      <li key={c.field}>
                        <bdi>
                          {t('history.change', {
                            field: t(labelKey(c.field)!),
                            before: show(c.before, t),
                            after: show(c.after, t),
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
