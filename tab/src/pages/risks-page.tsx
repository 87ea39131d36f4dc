// The risk register: heat map (likelihood x impact) with drill-down, and the table alternative;
// people who may update a risk do it from the table.
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { canEditRisk } from '../../../bot/domain/permissions.js';
import type { Risk } from '../../../bot/domain/risk.js';
import { ErrorView } from '../components/error-view.js';
import { Loading } from '../components/loading.js';
import { RiskHeatMap, type Cell } from '../components/risk-heat-map.js';
import { RiskEditor } from '../components/risk-editor.js';
import { RiskTable } from '../components/risk-table.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n } from '../i18n/index.js';
import { navigate } from '../router.js';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(300px, 440px) minmax(0, 1fr)',
    '@media (max-width: 960px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

export default function RisksPage({ project }: { project?: string }) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, locale } = useI18n();
  const people = usePeople(api);
  const projects = useLoad(() => api.projects(), [api, locale]);
  const [cell, setCell] = useState<Cell | undefined>();
  const [editing, setEditing] = useState<Risk | undefined>();
  const [updated, setUpdated] = useState<false | 'saved' | 'sync'>(false);
  const projectId = project
    ? projects.data?.find((o) => o.project.code === project.toUpperCase())?.project.id
    : undefined;
  const waiting = project !== undefined && !projects.data;
  const risks = useLoad(
    () =>
      waiting ? Promise.resolve([]) : api.risks({ projectId, status: 'proposed,open,mitigating,escalated' }),
    [api, projectId, waiting, locale],
  );
  const byId = useMemo(() => new Map((projects.data ?? []).map((o) => [o.project.id, o])), [projects.data]);
  const shown = (risks.data ?? []).filter(
    (r) => !cell || (r.likelihood === cell.likelihood && r.impact === cell.impact),
  );
  const caption = cell
    ? t('risks.selected', { likelihood: cell.likelihood, impact: cell.impact })
    : project
      ? t('risks.forProject', { code: project })
      : t('risks.title');
  return (
    <>
      <div className={styles.head}>
        <h1>{project ? t('risks.forProject', { code: project }) : t('risks.title')}</h1>
        {project ? (
          <Button onClick={() => navigate({ name: 'risks' })}>{t('risks.clearSelection')}</Button>
        ) : null}
      </div>
      {risks.error ? <ErrorView error={risks.error} onRetry={risks.reload} /> : null}
      {!risks.data || waiting ? (
        <Loading />
      ) : (
        <div className={styles.layout}>
          <section aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">{t('risks.heatmap')}</h2>
            <Text as="p">{t('risks.heatmapHelp')}</Text>
            <RiskHeatMap risks={risks.data} selected={cell} onSelect={setCell} />
          </section>
          <section aria-labelledby="risk-list-title">
            <div className={styles.head}>
              <h2 id="risk-list-title">{caption}</h2>
              {cell ? <Button onClick={() => setCell(undefined)}>{t('risks.clearSelection')}</Button> : null}
            </div>
            {updated ? (
              <MessageBar intent="success" role="status">
                <MessageBarBody>
                  {t(updated === 'sync' ? 'common.savedWillSync' : 'risks.updated')}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <RiskTable
              risks={shown}
              projects={byId}
              people={people}
              caption={caption}
              canEdit={(r) =>
                canEditRisk(me.person, r, r.projectId ? byId.get(r.projectId)?.project : undefined).allowed
              }
              onEdit={(r) => {
                setUpdated(false);
                setEditing(r);
              }}
            />
            {editing ? (
              <RiskEditor
                key={editing.id}
                risk={editing}
                onSaved={(_risk, syncQueued) => {
                  setEditing(undefined);
                  setUpdated(syncQueued ? 'sync' : 'saved');
                  risks.reload();
                }}
                onCancel={() => setEditing(undefined)}
              />
            ) : null}
          </section>
        </div>
      )}
    </>
  );
}
