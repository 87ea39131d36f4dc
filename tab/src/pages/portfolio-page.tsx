// Portfolio: pillar tiles, the project table, the milestone roadmap and KPI charts. As a channel tab
// it is filtered by the pillar chosen on the configuration page (?pillar=).
import { Button, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { Suspense, useMemo, useState } from 'react';
import { pillarName, type PillarCode } from '../../../bot/domain/pillar.js';
import type { PortfolioSummary, ProjectOverview } from '../api/endpoints.js';
import { CouncilReport } from '../components/council-report.js';
import { todayOf } from '../components/milestone-state.js';
import { ErrorView } from '../components/error-view.js';
import { lazyNamed } from '../components/lazy-named.js';
import { Loading } from '../components/loading.js';
import { PillarTiles } from '../components/pillar-tiles.js';
import { ProjectTable } from '../components/project-table.js';
import type { Cell } from '../components/risk-heat-map.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n } from '../i18n/index.js';
import { navigate } from '../router.js';

// The first view is the project table: the other views and the new-project form load when opened.
const KpiChart = lazyNamed(() => import('../components/kpi-chart.js'), 'KpiChart');
const NewProjectForm = lazyNamed(() => import('../components/new-project-form.js'), 'NewProjectForm');
const Roadmap = lazyNamed(() => import('../components/roadmap.js'), 'Roadmap');
const RiskHeatMap = lazyNamed(() => import('../components/risk-heat-map.js'), 'RiskHeatMap');
const RiskTable = lazyNamed(() => import('../components/risk-table.js'), 'RiskTable');
// The charts (Fluent's chart library) load with the view that shows them, not with the first page.
const HealthCharts = lazyNamed(() => import('../components/charts/health-charts.js'), 'HealthCharts');
const RoadmapTimeline = lazyNamed(
  () => import('../components/charts/roadmap-timeline.js'),
  'RoadmapTimeline',
);

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  kpis: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  views: { marginBlockEnd: tokens.spacingVerticalM },
});

const NEW_PROJECT_ID = 'new-project';

type View = 'projects' | 'health' | 'risks' | 'roadmap' | 'kpis';

export default function PortfolioPage({ pillar }: { pillar?: string }) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, locale } = useI18n();
  const [view, setView] = useState<View>('projects');
  // Creating projects is for the Transformation Office (canAdminister on the server).
  const canCreate = me.canAdminister;
  const [creating, setCreating] = useState(false);
  const summary = useLoad(() => api.summary(), [api, locale]);
  const projects = useLoad(() => api.projects(), [api, locale]);
  const people = usePeople(api);
  const setPillar = (p: string | undefined) => navigate({ name: 'portfolio', pillar: p });
  const byId = useMemo(() => new Map((projects.data ?? []).map((o) => [o.project.id, o])), [projects.data]);

  return (
    <>
      <div className={styles.head}>
        <h1>
          {t('portfolio.title')}
          {pillar ? ` — ${pillarName(pillar as PillarCode, locale)}` : ''}
        </h1>
        {summary.data ? <Text>{t('portfolio.period', { period: summary.data.period })}</Text> : null}
        {canCreate && !creating ? (
          <Button id={NEW_PROJECT_ID} appearance="primary" onClick={() => setCreating(true)}>
            {t('projects.new')}
          </Button>
        ) : null}
        <CouncilReport />
      </div>
      {canCreate && creating ? (
        <Suspense fallback={<Loading />}>
          <NewProjectForm
            pillar={pillar}
            onCreated={(p) => navigate({ name: 'project', code: p.code })}
            onCancel={() => {
              setCreating(false);
              setTimeout(() => document.getElementById(NEW_PROJECT_ID)?.focus(), 0);
            }}
          />
        </Suspense>
      ) : null}
      {summary.error ? <ErrorView error={summary.error} onRetry={summary.reload} /> : null}
      {summary.data ? (
        <PillarTiles summary={summary.data} selected={pillar} onSelect={(p) => setPillar(p)} />
      ) : summary.loading ? (
        <Loading />
      ) : null}
      <TabList
        className={styles.views}
        selectedValue={view}
        onTabSelect={(_, d) => setView(d.value as View)}
        aria-label={t('portfolio.view')}
      >
        <Tab value="projects">{t('portfolio.view.projects')}</Tab>
        <Tab value="health">{t('portfolio.view.health')}</Tab>
        <Tab value="risks">{t('nav.risks')}</Tab>
        <Tab value="roadmap">{t('portfolio.view.roadmap')}</Tab>
        <Tab value="kpis">{t('portfolio.view.kpis')}</Tab>
      </TabList>
      {projects.error ? <ErrorView error={projects.error} onRetry={projects.reload} /> : null}
      {view === 'projects' ? (
        projects.data ? (
          <ProjectTable
            overviews={projects.data}
            people={people}
            pillar={pillar}
            onPillarChange={setPillar}
            personId={me.person.id}
          />
        ) : projects.loading ? (
          <Loading />
        ) : null
      ) : null}
      <Suspense fallback={<Loading />}>
        {view === 'health' && summary.data ? <HealthView summary={summary.data} /> : null}
        {view === 'risks' ? <RisksView pillar={pillar} byId={byId} /> : null}
        {view === 'roadmap' ? <RoadmapView pillar={pillar} byId={byId} /> : null}
        {view === 'kpis' ? <KpiView pillar={pillar} byId={byId} className={styles.kpis} /> : null}
      </Suspense>
    </>
  );
}

/** Health by pillar and the trend over the last 12 reporting weeks. */
function HealthView({ summary }: { summary: PortfolioSummary }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const history = useLoad(() => api.healthHistory(12), [api, locale]);
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">{t('portfolio.view.health')}</h2>
      {history.error ? <ErrorView error={history.error} onRetry={history.reload} /> : null}
      {history.data ? (
        <HealthCharts summary={summary} history={history.data} />
      ) : history.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}

function RoadmapView({ pillar, byId }: { pillar?: string; byId: Map<string, ProjectOverview> }) {
  const { api, me } = useApp();
  const { t, locale } = useI18n();
  const milestones = useLoad(() => api.milestones(), [api, locale]);
  if (milestones.error) return <ErrorView error={milestones.error} onRetry={milestones.reload} />;
  if (!milestones.data) return <Loading />;
  const list = pillar
    ? milestones.data.filter((m) => byId.get(m.projectId)?.project.pillar === pillar)
    : milestones.data;
  return (
    <section aria-label={t('roadmap.title')}>
      <h2>{t('roadmap.title')}</h2>
      {list.length ? <RoadmapTimeline milestones={list} projects={byId} today={todayOf(me)} /> : null}
      <Roadmap milestones={list} projects={byId} today={todayOf(me)} />
    </section>
  );
}

/** The heat map of the portfolio (or the channel's pillar), with drill-down into a cell. */
function RisksView({ pillar, byId }: { pillar?: string; byId: Map<string, ProjectOverview> }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const people = usePeople(api);
  const [cell, setCell] = useState<Cell | undefined>();
  const risks = useLoad(() => api.risks({ status: 'proposed,open,mitigating,escalated' }), [api, locale]);
  if (risks.error) return <ErrorView error={risks.error} onRetry={risks.reload} />;
  if (!risks.data) return <Loading />;
  const inPillar = pillar
    ? risks.data.filter((r) => r.projectId && byId.get(r.projectId)?.project.pillar === pillar)
    : risks.data;
  const shown = cell
    ? inPillar.filter((r) => r.likelihood === cell.likelihood && r.impact === cell.impact)
    : inPillar;
  const caption = cell
    ? t('risks.selected', { likelihood: cell.likelihood, impact: cell.impact })
    : t('risks.title');
  return (
    <section aria-label={t('risks.heatmap')}>
      <h2>{t('risks.heatmap')}</h2>
      <Text as="p">{t('risks.heatmapHelp')}</Text>
      <RiskHeatMap risks={inPillar} selected={cell} onSelect={setCell} />
      <h3>{caption}</h3>
      <RiskTable risks={shown} projects={byId} people={people} caption={caption} />
    </section>
  );
}

function KpiView({
  pillar,
  byId,
  className,
}: {
  pillar?: string;
  byId: Map<string, ProjectOverview>;
  className: string;
}) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const kpis = useLoad(() => api.kpis(pillar ? { pillar } : {}), [api, pillar, locale]);
  if (kpis.error) return <ErrorView error={kpis.error} onRetry={kpis.reload} />;
  if (!kpis.data) return <Loading />;
  return (
    <section aria-label={t('kpi.title')}>
      <h2>{t('kpi.title')}</h2>
      {kpis.data.length === 0 ? <Text>{t('kpi.none')}</Text> : null}
      <div className={className}>
        {kpis.data.map((k) => (
          <KpiChart
            key={k.kpi.id}
            item={k}
            projectCode={k.kpi.projectId ? byId.get(k.kpi.projectId)?.project.code : undefined}
          />
        ))}
      </div>
    </section>
  );
}
