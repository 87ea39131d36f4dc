// A project: its fields (editable by permission), status updates (post and history), milestones,
// KPIs, risks and audit history. Sub-pages are routes (#/projects/<code>/<tab>) so links reach them.
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeft16Regular, Edit16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import {
  canEditProject,
  canEditRisk,
  canPostStatusUpdate,
  canRaiseRisk,
} from '../../../bot/domain/permissions.js';
import { pillarName } from '../../../bot/domain/pillar.js';
import { projectTitle } from '../../../bot/domain/project.js';
import { DEFAULT_ESCALATION_THRESHOLD } from '../../../bot/domain/risk.js';
import { mirrored } from '../components/mirrored.js';
import { ErrorView } from '../components/error-view.js';
import { HealthBadge } from '../components/health-badge.js';
import { HistoryPanel } from '../components/history-panel.js';
import { KpisPanel } from '../components/kpis-panel.js';
import { Loading } from '../components/loading.js';
import { MilestonesPanel } from '../components/milestones-panel.js';
import { ProjectForm } from '../components/project-form.js';
import { ProjectStatus } from '../components/project-status.js';
import { RaiseRiskForm } from '../components/raise-risk-form.js';
import { useRiskEditing } from '../components/risk-editing.js';
import { RiskTable } from '../components/risk-table.js';
import { StatusUpdateForm } from '../components/status-update-form.js';
import { UpdateHistory } from '../components/update-history.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { hrefOf, navigate } from '../router.js';
import type { Project } from '../../../bot/domain/project.js';

const TABS = ['overview', 'updates', 'milestones', 'kpis', 'risks', 'history'] as const;
type ProjectTab = (typeof TABS)[number];
const EDIT_ID = 'edit-project';

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  title: { marginBlock: tokens.spacingVerticalS },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'center',
    marginBlockEnd: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground2,
  },
  tabs: { marginBlockEnd: tokens.spacingVerticalL },
  editButton: { marginBlockEnd: tokens.spacingVerticalM },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
});

export default function ProjectPage({ code, tab }: { code: string; tab?: string }) {
  const styles = useStyles();
  const { api, homePillar, me } = useApp();
  const { t, locale, date, dir } = useI18n();
  const people = usePeople(api);
  const [editing, setEditing] = useState(false);
  const loaded = useLoad(() => api.project(code), [api, code, locale]);
  const current: ProjectTab = (TABS as readonly string[]).includes(tab ?? '')
    ? (tab as ProjectTab)
    : 'overview';

  if (loaded.error) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const overview = loaded.data.value;
  const project = overview.project;
  const version = loaded.data.version ?? project.version;
  const name = (id: string) => people.get(id)?.name ?? id;

  return (
    <>
      <Link href={hrefOf({ name: 'portfolio', pillar: homePillar })} className={styles.back}>
        <ArrowLeft16Regular aria-hidden style={mirrored(dir)} />
        {t('project.back')}
      </Link>
      <h1 className={styles.title}>
        {project.code} · {projectTitle(project, locale)}
      </h1>
      <div className={styles.facts}>
        <HealthBadge health={overview.health} />
        <Text>{t(`reporting.${overview.reporting}`)}</Text>
        <Text>{pillarName(project.pillar, locale)}</Text>
        <Text>{t(`kind.${project.kind}`)}</Text>
        <Text>
          {t('project.owner')}: {name(project.ownerId)}
        </Text>
        {project.leadIds.length ? (
          <Text>
            {t('project.leads')}: {project.leadIds.map(name).join(', ')}
          </Text>
        ) : null}
        {overview.lastUpdateAt ? (
          <Text>
            {t('project.lastUpdate')}: {date(overview.lastUpdateAt)} (
            {t('project.daysAgo', { count: overview.daysSinceUpdate ?? 0 })})
          </Text>
        ) : null}
      </div>
      <TabList
        className={styles.tabs}
        selectedValue={current}
        onTabSelect={(_, d) =>
          navigate({
            name: 'project',
            code: project.code,
            tab: d.value === 'overview' ? undefined : String(d.value),
          })
        }
      >
        {TABS.map((k) => (
          <Tab key={k} value={k}>
            {t(`project.tab.${k}` as MessageKey)}
          </Tab>
        ))}
      </TabList>
      {current === 'overview' ? (
        editing ? (
          <>
            <ProjectForm
              key={project.id}
              project={project}
              version={version}
              onSaved={(p, v) => loaded.set({ value: { ...overview, project: p }, version: v })}
            />
            <Button
              className={styles.editButton}
              onClick={() => {
                setEditing(false);
                setTimeout(() => document.getElementById(EDIT_ID)?.focus(), 0);
              }}
            >
              {t('status.doneEditing')}
            </Button>
          </>
        ) : (
          <>
            {canEditProject(me.person, project).allowed ? (
              <Button
                id={EDIT_ID}
                className={styles.editButton}
                appearance="primary"
                icon={<Edit16Regular />}
                onClick={() => setEditing(true)}
              >
                {t('status.edit')}
              </Button>
            ) : null}
            <ProjectStatus overview={overview} />
          </>
        )
      ) : null}
      {current === 'updates' ? <UpdatesPanel project={project} onPosted={loaded.reload} /> : null}
      {current === 'milestones' ? <MilestonesPanel project={project} /> : null}
      {current === 'kpis' ? <KpisPanel project={project} /> : null}
      {current === 'risks' ? <ProjectRisks project={project} /> : null}
      {current === 'history' ? <HistoryPanel project={project} /> : null}
    </>
  );
}

function UpdatesPanel({ project, onPosted }: { project: Project; onPosted: () => void }) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, locale } = useI18n();
  const people = usePeople(api);
  const canPost = canPostStatusUpdate(me.person, project).allowed;
  const draft = useLoad(
    () => (canPost ? api.draft(project.id) : Promise.resolve(undefined)),
    [api, project.id, canPost],
  );
  const updates = useLoad(() => api.statusUpdates(project.id), [api, project.id, locale]);
  return (
    <div className={styles.columns}>
      <div>
        {!canPost ? (
          <MessageBar intent="info">
            <MessageBarBody>{t('update.noPermission')}</MessageBarBody>
          </MessageBar>
        ) : draft.error ? (
          <ErrorView error={draft.error} onRetry={draft.reload} />
        ) : draft.data ? (
          <StatusUpdateForm
            key={draft.data.existing?.version ?? 0}
            projectId={project.id}
            draft={draft.data}
            onPosted={() => {
              updates.reload();
              onPosted();
            }}
          />
        ) : (
          <Loading />
        )}
      </div>
      <section aria-labelledby="update-history-title">
        <h2 id="update-history-title">{t('update.history')}</h2>
        {updates.error ? <ErrorView error={updates.error} onRetry={updates.reload} /> : null}
        {updates.data ? (
          <UpdateHistory updates={updates.data} people={people} />
        ) : updates.loading ? (
          <Loading />
        ) : null}
      </section>
    </div>
  );
}

function ProjectRisks({ project }: { project: Project }) {
  const { api, me } = useApp();
  const { t, locale } = useI18n();
  const people = usePeople(api);
  const risks = useLoad(() => api.risks({ projectId: project.id }), [api, project.id, locale]);
  const settings = useLoad(() => api.settings(), [api]);
  const editing = useRiskEditing(() => risks.reload());
  return (
    <section aria-labelledby="project-risks-title">
      <h2 id="project-risks-title">{t('risks.forProject', { code: project.code })}</h2>
      {risks.error ? <ErrorView error={risks.error} onRetry={risks.reload} /> : null}
      {risks.data ? (
        <RiskTable
          risks={risks.data}
          people={people}
          caption={t('risks.forProject', { code: project.code })}
          canEdit={(r) => canEditRisk(me.person, r, project).allowed}
          onEdit={editing.edit}
        />
      ) : risks.loading ? (
        <Loading />
      ) : null}
      {editing.notice}
      {editing.editor}
      {canRaiseRisk(me.person).allowed ? (
        <RaiseRiskForm
          projectId={project.id}
          threshold={settings.data?.value.escalationThreshold ?? DEFAULT_ESCALATION_THRESHOLD}
          onRaised={risks.reload}
        />
      ) : null}
    </section>
  );
}
