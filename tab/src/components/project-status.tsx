// The project's one-page status (Overview): the latest report with each dimension's rating and the
// trend, top risks, next and missed milestones, KPIs, owner and leads. Editing is behind Edit.
import { Badge, Card, CardHeader, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { HEALTH_DIMENSIONS } from '../../../bot/domain/status-update.js';
import { compareRisks, isActiveRisk } from '../../../bot/domain/risk.js';
import type { ProjectOverview } from '../api/endpoints.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { hrefOf } from '../router.js';
import { HealthBadge } from './health-badge.js';
import { LevelBadge } from './level-badge.js';
import { milestoneState, MILESTONE_STATE_COLOR, todayOf } from './milestone-state.js';
import { Trend } from './trend.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 340px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  wide: { gridColumn: '1 / -1' },
  dims: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  dim: { display: 'grid', gap: tokens.spacingVerticalXXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0 },
  para: { margin: 0, whiteSpace: 'pre-wrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const TOP = 3;

export function ProjectStatus({ overview }: { overview: ProjectOverview }) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, date, number, locale } = useI18n();
  const people = usePeople(api);
  const project = overview.project;
  const updates = useLoad(() => api.statusUpdates(project.id), [api, project.id, locale]);
  const risks = useLoad(() => api.risks({ projectId: project.id }), [api, project.id, locale]);
  const milestones = useLoad(() => api.milestones({ projectId: project.id }), [api, project.id, locale]);
  const kpis = useLoad(() => api.kpis({ projectId: project.id }), [api, project.id, locale]);
  const name = (id: string) => people.get(id)?.name ?? id;
  const latest = updates.data?.[0];
  const today = todayOf(me);
  const topRisks = (risks.data ?? []).filter(isActiveRisk).sort(compareRisks).slice(0, TOP);
  const sorted = [...(milestones.data ?? [])].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const next = sorted.filter((m) => milestoneState(m, today) === 'planned').slice(0, TOP);
  const missed = sorted.filter((m) => ['missed', 'overdue'].includes(milestoneState(m, today)));
  return (
    <div className={styles.grid} data-testid="project-status">
      <Card className={styles.wide}>
        <CardHeader
          header={
            <h2 className={styles.head}>
              {latest ? t('status.latest', { period: latest.period }) : t('status.noReport')}
            </h2>
          }
        />
        <div className={styles.row}>
          <HealthBadge health={overview.health} />
          <Text>
            {t('status.trend')}: <Trend previous={overview.previousHealth} current={overview.health} />
          </Text>
          {overview.percentComplete !== undefined ? (
            <Text>
              {t('status.complete', {
                percent: number(overview.percentComplete / 100, { style: 'percent' }),
              })}
            </Text>
          ) : null}
          <Text>{t(`reporting.${overview.reporting}`)}</Text>
        </div>
        {latest ? (
          <>
            <dl className={styles.dims} aria-label={t('status.dimensions')}>
              {HEALTH_DIMENSIONS.map((d) => (
                <div key={d} className={styles.dim} data-dimension={d}>
                  <dt className={styles.dt}>{t(`update.dimension.${d}` as MessageKey)}</dt>
                  <dd className={styles.dd}>
                    {latest.dimensions[d] ? (
                      <HealthBadge health={latest.dimensions[d]} />
                    ) : (
                      t('status.notAssessed')
                    )}
                  </dd>
                </div>
              ))}
            </dl>
            <p className={styles.para}>{latest.summary}</p>
            {latest.blockers ? (
              <p className={styles.para}>
                <strong>{t('update.blockers')}:</strong> {latest.blockers}
              </p>
            ) : null}
            {latest.nextSteps ? (
              <p className={styles.para}>
                <strong>{t('update.nextSteps')}:</strong> {latest.nextSteps}
              </p>
            ) : null}
          </>
        ) : null}
      </Card>
      <Card>
        <CardHeader header={<h2>{t('status.people')}</h2>} />
        <Text>
          {t('project.owner')}: {name(project.ownerId)}
        </Text>
        <Text>
          {t('project.leads')}: {project.leadIds.length ? project.leadIds.map(name).join(', ') : '—'}
        </Text>
        {project.dueDate ? (
          <Text>
            {t('field.dueDate')}: {date(project.dueDate)}
          </Text>
        ) : null}
      </Card>
      <Card>
        <SectionHeader code={project.code} tab="risks" title={t('status.topRisks')} />
        {risks.data && topRisks.length === 0 ? <Text>{t('risks.none')}</Text> : null}
        <ul className={styles.list}>
          {topRisks.map((r) => (
            <li key={r.id} className={styles.row}>
              <LevelBadge level={r.level} score={r.score} />
              <span>{r.title}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <SectionHeader code={project.code} tab="milestones" title={t('status.milestones')} />
        {milestones.data && next.length + missed.length === 0 ? <Text>{t('roadmap.empty')}</Text> : null}
        <ul className={styles.list}>
          {[...missed, ...next].map((m) => {
            const state = milestoneState(m, today);
            return (
              <li key={m.id} className={styles.row} data-milestone-state={state}>
                <Badge appearance="tint" color={MILESTONE_STATE_COLOR[state]}>
                  {t(`milestone.${state}`)}
                </Badge>
                <Text className={styles.meta}>{date(m.dueDate)}</Text>
                <span>{m.title}</span>
              </li>
            );
          })}
        </ul>
      </Card>
      <Card>
        <SectionHeader code={project.code} tab="kpis" title={t('kpi.title')} />
        {kpis.data && kpis.data.length === 0 ? <Text>{t('kpi.none')}</Text> : null}
        <ul className={styles.list}>
          {(kpis.data ?? []).map((k) => (
            <li key={k.kpi.id} className={styles.row}>
              <span>{k.kpi.title}</span>
              <Text className={styles.meta}>
                {t('status.kpiValue', {
                  latest: k.progress.latest
                    ? `${number(k.progress.latest.value)} ${k.kpi.unit}`
                    : t('kpi.noMeasurement'),
                  target: `${number(k.kpi.target.value)} ${k.kpi.unit}`,
                })}
              </Text>
              <Badge appearance="outline">{t(`kpi.trend.${k.progress.trend}` as MessageKey)}</Badge>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

/** A card's heading that links to the project's tab with the whole list. */
function SectionHeader({ code, tab, title }: { code: string; tab: string; title: string }) {
  return (
    <CardHeader
      header={
        <h2>
          <Link href={hrefOf({ name: 'project', code, tab })}>{title}</Link>
        </h2>
      }
    />
  );
}
