// Risks as a table, highest score first: the text alternative of the heat map.
import {
  Button,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { Person } from '../../../bot/domain/person.js';
import type { Risk } from '../../../bot/domain/risk.js';
import { compareRisks } from '../../../bot/domain/risk.js';
import type { ProjectOverview } from '../api/endpoints.js';
import { useI18n } from '../i18n/index.js';
import { hrefOf } from '../router.js';
import { LevelBadge } from './level-badge.js';

// Columns sized by their content, so the risk's title is not squeezed to the width of a rating.
// A status stays on one line (in Chinese a two-character status wrapped one character per line).
const useStyles = makeStyles({ table: { tableLayout: 'auto' }, nowrap: { whiteSpace: 'nowrap' } });

export interface RiskTableProps {
  risks: readonly Risk[];
  projects?: ReadonlyMap<string, ProjectOverview>;
  people: ReadonlyMap<string, Person>;
  caption: string;
  /** When given, a risk the user may update gets an Update button. */
  onEdit?: (risk: Risk) => void;
  canEdit?: (risk: Risk) => boolean;
}

export function RiskTable({ risks, projects, people, caption, onEdit, canEdit }: RiskTableProps) {
  const styles = useStyles();
  const { t, number } = useI18n();
  if (risks.length === 0) return <Text>{t('risks.none')}</Text>;
  return (
    <Table className={styles.table} aria-label={caption} data-testid="risk-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('risks.col.level')}</TableHeaderCell>
          <TableHeaderCell>{t('risks.col.title')}</TableHeaderCell>
          {projects ? <TableHeaderCell>{t('risks.col.project')}</TableHeaderCell> : null}
          <TableHeaderCell>{t('risks.likelihood')}</TableHeaderCell>
          <TableHeaderCell>{t('risks.impact')}</TableHeaderCell>
          <TableHeaderCell className={styles.nowrap}>{t('risks.col.status')}</TableHeaderCell>
          <TableHeaderCell>{t('risks.col.owner')}</TableHeaderCell>
          {onEdit ? <TableHeaderCell>{t('risks.col.actions')}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...risks].sort(compareRisks).map((r) => {
          const project = r.projectId ? projects?.get(r.projectId)?.project : undefined;
          return (
            <TableRow key={r.id} data-risk={r.id}>
              <TableCell>
                <LevelBadge level={r.level} score={r.score} />
              </TableCell>
              <TableCell>{r.title}</TableCell>
              {projects ? (
                <TableCell>
                  {project ? (
                    <Link href={hrefOf({ name: 'project', code: project.code, tab: 'risks' })}>
                      {project.code}
                    </Link>
                  ) : (
                    t('risks.portfolioWide')
                  )}
                </TableCell>
              ) : null}
              <TableCell>{number(r.likelihood)}</TableCell>
              <TableCell>{number(r.impact)}</TableCell>
              <TableCell className={styles.nowrap}>{t(`riskStatus.${r.status}`)}</TableCell>
              <TableCell>{r.ownerId ? (people.get(r.ownerId)?.name ?? r.ownerId) : '—'}</TableCell>
              {onEdit ? (
                <TableCell>
                  {(canEdit?.(r) ?? true) ? (
                    <Button
                      size="small"
                      aria-label={t('risks.updateOf', { title: r.title })}
                      onClick={() => onEdit(r)}
                    >
                      {t('risks.update')}
                    </Button>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
