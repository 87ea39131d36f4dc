// A stale edit: what the user typed next to what is stored now, and the two ways forward. Nothing
// the user typed is lost until they choose.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useI18n } from '../i18n/index.js';
import { TableHead } from './loaded-table.js';

export interface ConflictRow {
  field: string;
  label: string;
  mine: string;
  current: string;
}

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function ConflictPanel({
  rows,
  onUseCurrent,
  onKeepMine,
}: {
  rows: readonly ConflictRow[];
  onUseCurrent: () => void;
  onKeepMine: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.box} data-testid="conflict">
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t('conflict.title')}</MessageBarTitle>
          {t('conflict.body')}
        </MessageBarBody>
      </MessageBar>
      {rows.length > 0 ? (
        <Table size="small" aria-label={t('conflict.title')}>
          <TableHead columns={[t('conflict.field'), t('conflict.yours'), t('conflict.current')]} />
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.field} data-field={r.field}>
                <TableCell>{r.label}</TableCell>
                <TableCell>{r.mine || '—'}</TableCell>
                <TableCell>{r.current || '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <div className={styles.actions}>
        <Button onClick={onUseCurrent}>{t('conflict.useCurrent')}</Button>
        <Button appearance="primary" onClick={onKeepMine}>
          {t('conflict.keepMine')}
        </Button>
      </div>
    </div>
  );
}

/** The rows of the fields whose shown value differs between my values and the current ones. */
export function diffRows<V>(
  fields: ReadonlyArray<{ name: keyof V & string; label: string }>,
  show: (name: keyof V & string, values: V) => string,
  mine: V,
  current: V,
): ConflictRow[] {
  return fields.flatMap(({ name, label }) => {
    const m = show(name, mine);
    const c = show(name, current);
    return m === c ? [] : [{ field: name, label, mine: m, current: c }];
  });
}
