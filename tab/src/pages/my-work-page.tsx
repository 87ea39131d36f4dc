// My work (personal tab): my projects, the updates I owe, my risks and milestones due soon.
import {
  Button,
  Card,
  CardHeader,
  Link,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ChevronRight16Regular } from '@fluentui/react-icons';
import { projectTitle } from '../../../bot/domain/project.js';
import { ErrorView } from '../components/error-view.js';
import { mirrored } from '../components/mirrored.js';
import { NeedsAttention } from '../components/needs-attention.js';
import { HealthBadge } from '../components/health-badge.js';
import { LevelBadge } from '../components/level-badge.js';
import { Loading } from '../components/loading.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { useI18n } from '../i18n/index.js';
import { hrefOf, navigate } from '../router.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  // Each list is a grid whose rows share its columns (code or badge, the title taking the rest, then
  // the details), so the rows line up and wrap alike.
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  row: {
    display: 'grid',
    gridColumn: '1 / -1',
    gridTemplateColumns: 'subgrid',
    alignItems: 'center',
    justifyItems: 'start',
  },
  // The title has a line of its own (at 1366 px four cards share the row: a title squeezed beside the
  // state and the button broke one or two letters per line), the state and the button below it.
  update: { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  fullRow: { gridColumn: '1 / -1', minWidth: 0, overflowWrap: 'break-word' },
  project: { gridTemplateColumns: 'auto minmax(0, 1fr) auto auto' },
  risk: { gridTemplateColumns: 'auto minmax(0, 1fr) auto' },
  milestone: { gridTemplateColumns: 'auto minmax(0, 1fr) auto' },
  grow: { minWidth: 0, overflowWrap: 'break-word' },
});

export default function MyWorkPage() {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, date, locale, dir } = useI18n();
  const work = useLoad(() => api.myWork(), [api, locale]);
  const projects = useLoad(() => api.projects(), [api, locale]);
  const attention = useLoad(() => api.attention(), [api, locale]);
  const codeOf = (id: string | null) => projects.data?.find((o) => o.project.id === id)?.project.code;
  return (
    <>
      <h1>
        {t('myWork.title')} — {me.person.name}
      </h1>
      {work.error ? <ErrorView error={work.error} onRetry={work.reload} /> : null}
      {!work.data ? (
        work.loading ? (
          <Loading />
        ) : null
      ) : (
        <div className={styles.grid}>
          {attention.data && attention.data.scope !== 'none' ? (
            <NeedsAttention attention={attention.data} onChanged={attention.reload} />
          ) : null}
          <Card>
            <CardHeader header={<h2>{t('myWork.updatesDue')}</h2>} />
            {work.data.updatesDue.length === 0 ? <Text>{t('myWork.noUpdates')}</Text> : null}
            <ul className={mergeClasses(styles.list, styles.update)}>
              {work.data.updatesDue.map((o) => (
                <li key={o.project.id} className={styles.row}>
                  <span className={styles.fullRow}>
                    <strong>{o.project.code}</strong> {projectTitle(o.project, locale)}
                  </span>
                  <Text>{t(`reporting.${o.reporting}`)}</Text>
                  <Button
                    appearance="primary"
                    size="small"
                    icon={<ChevronRight16Regular style={mirrored(dir)} />}
                    iconPosition="after"
                    onClick={() => navigate({ name: 'project', code: o.project.code, tab: 'updates' })}
                  >
                    {t('myWork.postUpdate', { code: o.project.code })}
                  </Button>
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <CardHeader header={<h2>{t('myWork.projects')}</h2>} />
            {work.data.projects.length === 0 ? <Text>{t('myWork.noProjects')}</Text> : null}
            <ul className={mergeClasses(styles.list, styles.project)}>
              {work.data.projects.map((o) => (
                <li key={o.project.id} className={styles.row}>
                  <Link href={hrefOf({ name: 'project', code: o.project.code })}>{o.project.code}</Link>
                  <span className={styles.grow}>{projectTitle(o.project, locale)}</span>
                  <Text size={200}>{t(`myWork.relation.${o.relation}`)}</Text>
                  <HealthBadge health={o.health} />
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <CardHeader header={<h2>{t('myWork.risks')}</h2>} />
            {work.data.risks.length === 0 ? <Text>{t('myWork.noRisks')}</Text> : null}
            <ul className={mergeClasses(styles.list, styles.risk)}>
              {work.data.risks.map((r) => {
                const code = codeOf(r.projectId);
                return (
                  <li key={r.id} className={styles.row}>
                    <LevelBadge level={r.level} score={r.score} />
                    <span className={styles.grow}>{r.title}</span>
                    {code ? <Link href={hrefOf({ name: 'risks', project: code })}>{code}</Link> : null}
                  </li>
                );
              })}
            </ul>
          </Card>
          <Card>
            <CardHeader header={<h2>{t('myWork.milestones')}</h2>} />
            {work.data.milestonesDue.length === 0 ? <Text>{t('myWork.noMilestones')}</Text> : null}
            <ul className={mergeClasses(styles.list, styles.milestone)}>
              {work.data.milestonesDue.map((m) => {
                const code = codeOf(m.projectId);
                return (
                  <li key={m.id} className={styles.row}>
                    <Text>{date(m.dueDate)}</Text>
                    <span className={styles.grow}>{m.title}</span>
                    {code ? (
                      <Link href={hrefOf({ name: 'project', code, tab: 'milestones' })}>{code}</Link>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}
