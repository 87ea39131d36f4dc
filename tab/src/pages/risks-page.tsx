// The risk register: heat map (likelihood x impact) with drill-down, and the table alternative;
// people who may update a risk do it from the table.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { canEditRisk } from '../../../bot/domain/permissions.js';
import { ErrorView } from '../components/error-view.js';
import { Loading } from '../components/loading.js';
import { RiskHeatMap, type Cell } from '../components/risk-heat-map.js';
import { useRiskEditing } from '../components/risk-editing.js';
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
  const projectId = project
    ? projects.data?.find((o) => o.project.code === project.toUpperCase())?.project.id
    : undefined;
  const waiting = project !== undefined && !projects.data;
  const risks = useLoad(
    () =>
      waiting ? Promise.resolve([]) : api.risks({ projectId, status: 'proposed,open,mitigating,escalated' }),
    [api, projectId, waiting, locale],
  );
  const editing = useRiskEditing(() => risks.reload());
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
            {editing.notice}
            <RiskTable
              risks={shown}
              projects={byId}
              people={people}
              caption={caption}
              canEdit={(r) =>
                canEditRisk(me.person, r, r.projectId ? byId.get(r.projectId)?.project : undefined).allowed
              }
              onEdit={editing.edit}
            />
            {editing.editor}
          </section>
        </div>
      )}
    </>
  );
}
