// Admin -> Roster and roles: search the roster, change a person's role or whether they are active in
// place, edit their details (the keyboard comes back to their Edit button), add someone.
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ROLES, type Person, type Role } from '../../../../bot/domain/person.js';
import { asApiError, type ApiError } from '../../api/problem.js';
import { useSavedNotice } from '../../components/editor-shell.js';
import { ErrorView } from '../../components/error-view.js';
import { TableHead } from '../../components/loaded-table.js';
import { Loading } from '../../components/loading.js';
import { PersonEditor } from '../../components/person-editor.js';
import { useApp } from '../../context.js';
import { useLoad } from '../../hooks/use-load.js';
import { useI18n } from '../../i18n/index.js';
import { AddPersonForm } from './add-person-form.js';
import { Options } from '../../components/options.js';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    marginBlockEnd: tokens.spacingVerticalM,
  },
});

const personEditId = (p: Pick<Person, 'id'>) => `person-edit-${p.id}`;

export function RosterSection() {
  const styles = useStyles();
  const { api } = useApp();
  const { t, locale } = useI18n();
  const savedNotice = useSavedNotice();
  const roster = useLoad(() => api.roster(), [api, locale]);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Person | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const change = async (person: Person, patch: { role?: Role; active?: boolean }) => {
    setFailure(undefined);
    try {
      await api.updatePerson(person.id, patch, person.version);
    } catch (e) {
      setFailure(asApiError(e, ''));
    }
    roster.reload();
  };
  if (roster.error) return <ErrorView error={roster.error} onRetry={roster.reload} />;
  if (!roster.data) return <Loading />;
  const words = query.trim().toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
  const shown = roster.data.filter((p) => {
    const text = `${p.name} ${p.email} ${p.orgUnit} ${t(`role.${p.role}`)}`.toLocaleLowerCase(locale);
    return words.every((w) => text.includes(w));
  });
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t('admin.tab.roster')}</h2>
      {failure ? <ErrorView error={failure} /> : null}
      <div className={styles.toolbar}>
        <Field label={t('admin.search')}>
          <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Text role="status">{t('admin.peopleCount', { count: shown.length })}</Text>
      </div>
      <Table aria-labelledby="roster-title" size="small">
        <TableHead
          columns={(['name', 'email', 'role', 'unit', 'active', 'actions'] as const).map((c) =>
            t(`admin.col.${c}`),
          )}
        />
        <TableBody>
          {shown.map((p) => (
            <TableRow key={p.id} data-person={p.id}>
              <TableCell>{p.name}</TableCell>
              <TableCell>{p.email}</TableCell>
              <TableCell>
                <Select
                  aria-label={t('admin.roleOf', { name: p.name })}
                  value={p.role}
                  onChange={(_, d) => void change(p, { role: d.value as Role })}
                >
                  <Options values={ROLES} label={(r) => t(`role.${r}`)} />
                </Select>
              </TableCell>
              <TableCell>{p.orgUnit}</TableCell>
              <TableCell>
                <Switch
                  aria-label={t('admin.activeOf', { name: p.name })}
                  checked={p.active}
                  onChange={(_, d) => void change(p, { active: d.checked })}
                />
              </TableCell>
              <TableCell>
                <Button
                  id={personEditId(p)}
                  size="small"
                  aria-label={t('admin.editOf', { name: p.name })}
                  aria-expanded={editing?.id === p.id}
                  onClick={() => {
                    setSaved(undefined);
                    setEditing(p);
                  }}
                >
                  {t('admin.edit')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editing ? (
        // The editor takes the keyboard when it opens and gives it back to this Edit button.
        <PersonEditor
          key={editing.id}
          person={editing}
          onSaved={(_, queued) => {
            setEditing(undefined);
            setSaved(savedNotice(queued));
            roster.reload();
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      <AddPersonForm onAdded={roster.reload} />
    </section>
  );
}
