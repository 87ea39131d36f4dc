// A project's milestones: the list, and for those who may manage them, marking one done, editing one
// (title, due date, status) and adding one.
import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Milestone } from '../../../bot/domain/milestone.js';
import { canManageMilestones } from '../../../bot/domain/permissions.js';
import type { Project } from '../../../bot/domain/project.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { milestoneState, MILESTONE_STATE_COLOR, todayOf } from './milestone-state.js';
import { useLoad } from '../hooks/use-load.js';
import { useI18n } from '../i18n/index.js';
import { newKey } from '../ids.js';
import { ErrorView } from './error-view.js';
import { Loading } from './loading.js';
import { inlineForm } from './shared-styles.js';
import { MilestoneEditor } from './milestone-editor.js';

const useStyles = makeStyles({
  form: inlineForm,
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** After the editor closes, the keyboard goes back to the button that opened it. */
const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
const editId = (m: Pick<Milestone, 'id'>) => `milestone-edit-${m.id}`;

export function MilestonesPanel({ project }: { project: Project }) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, date, locale } = useI18n();
  const list = useLoad(() => api.milestones({ projectId: project.id }), [api, project.id, locale]);
  const canManage = canManageMilestones(me.person, project).allowed;
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [key, setKey] = useState(newKey);
  const [editing, setEditing] = useState<Milestone | undefined>();
  const [saved, setSaved] = useState<'saved' | 'queued' | undefined>();

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFailure(undefined);
    try {
      await api.createMilestone(project.id, { title, dueDate: due }, key);
      setTitle('');
      setDue('');
      setKey(newKey());
      list.reload();
    } catch (err) {
      const apiErr = asApiError(err, '');
      setErrors(apiErr.fieldErrors());
      setFailure(apiErr);
    }
  };

  const markDone = async (m: Milestone) => {
    setFailure(undefined);
    setSaved(undefined);
    try {
      await api.updateMilestone(m.id, { status: 'done' }, m.version);
    } catch (err) {
      setFailure(asApiError(err, ''));
    }
    list.reload();
  };

  return (
    <section aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t('milestones.title')}</h2>
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : null}
      {failure && !failure.problem.errors?.length ? <ErrorView error={failure} /> : null}
      {!list.data ? (
        list.loading ? (
          <Loading />
        ) : null
      ) : list.data.length === 0 ? (
        <Text>{t('common.empty')}</Text>
      ) : (
        <Table aria-labelledby="milestones-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('milestones.col.title')}</TableHeaderCell>
              <TableHeaderCell>{t('milestones.col.due')}</TableHeaderCell>
              <TableHeaderCell>{t('milestones.col.status')}</TableHeaderCell>
              {canManage ? <TableHeaderCell>{t('milestones.col.actions')}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{m.title}</TableCell>
                <TableCell>{date(m.dueDate)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={MILESTONE_STATE_COLOR[milestoneState(m, todayOf(me))]}>
                    {t(`milestone.${milestoneState(m, todayOf(me))}`)}
                  </Badge>{' '}
                  {m.completedOn ? t('milestones.completed', { date: date(m.completedOn) }) : null}
                </TableCell>
                {canManage ? (
                  <TableCell>
                    <div className={styles.actions}>
                      <Button
                        id={editId(m)}
                        size="small"
                        aria-label={t('milestones.editOf', { title: m.title })}
                        onClick={() => {
                          setSaved(undefined);
                          setEditing(m);
                        }}
                      >
                        {t('milestones.edit')}
                      </Button>
                      {m.status !== 'done' ? (
                        <Button size="small" onClick={() => void markDone(m)}>
                          {t('milestones.markDone', { title: m.title })}
                        </Button>
                      ) : null}
                    </div>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t(saved === 'queued' ? 'common.savedWillSync' : 'milestones.saved')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {canManage && editing ? (
        <MilestoneEditor
          key={editing.id}
          milestone={editing}
          onSaved={(m, queued) => {
            setEditing(undefined);
            setSaved(queued ? 'queued' : 'saved');
            list.reload();
            focusSoon(editId(m));
          }}
          onCancel={() => {
            setEditing(undefined);
            focusSoon(editId(editing));
          }}
        />
      ) : null}
      {canManage ? (
        <form
          className={styles.form}
          onSubmit={(e) => void add(e)}
          noValidate
          aria-label={t('milestones.add')}
        >
          <Field label={t('milestones.col.title')} required validationMessage={errors.title}>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} />
          </Field>
          <Field label={t('milestones.col.due')} required validationMessage={errors.dueDate}>
            <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
          </Field>
          <Button type="submit">{t('milestones.add')}</Button>
          {failure?.problem.errors?.length ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{t('common.fixErrors')}</MessageBarBody>
            </MessageBar>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
