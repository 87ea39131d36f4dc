// Editing a project's fields with optimistic concurrency: the PATCH carries the version the user
// started from; a stale version shows the conflict with the current values. Validation messages
// come from the server in the user's language and appear next to their fields. The form keeps the
// user's input on every failure.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { canEditProject } from '../../../bot/domain/permissions.js';
import {
  Project,
  PROJECT_PHASES,
  type ProjectPatch,
  type ProjectPhase,
} from '../../../bot/domain/project.js';
import type { ApiError } from '../api/problem.js';
import { asApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ConflictPanel, type ConflictRow } from './conflict-panel.js';
import { ErrorView } from './error-view.js';

type Values = {
  title: string;
  phase: ProjectPhase;
  startDate: string;
  dueDate: string;
  budgetChf: string;
  spendChf: string;
  description: string;
};
type FieldName = keyof Values;

const FIELDS: ReadonlyArray<{ name: FieldName; label: MessageKey }> = [
  { name: 'title', label: 'field.title' },
  { name: 'phase', label: 'field.phase' },
  { name: 'startDate', label: 'field.startDate' },
  { name: 'dueDate', label: 'field.dueDate' },
  { name: 'budgetChf', label: 'field.budget' },
  { name: 'spendChf', label: 'field.spend' },
  { name: 'description', label: 'field.description' },
];

function valuesOf(p: Project): Values {
  return {
    title: p.title,
    phase: p.phase,
    startDate: p.startDate ?? '',
    dueDate: p.dueDate ?? '',
    budgetChf: p.budgetChf === null ? '' : String(p.budgetChf),
    spendChf: p.spendChf === null ? '' : String(p.spendChf),
    description: p.description,
  };
}

const money = (s: string): number | null => (s.trim() === '' ? null : Number(s));

/** Only the fields the user changed. */
function patchOf(base: Values, v: Values): ProjectPatch {
  const patch: ProjectPatch = {};
  if (v.title !== base.title) patch.title = v.title;
  if (v.phase !== base.phase) patch.phase = v.phase;
  if (v.startDate !== base.startDate) patch.startDate = v.startDate || null;
  if (v.dueDate !== base.dueDate) patch.dueDate = v.dueDate || null;
  if (v.budgetChf !== base.budgetChf) patch.budgetChf = money(v.budgetChf);
  if (v.spendChf !== base.spendChf) patch.spendChf = money(v.spendChf);
  if (v.description !== base.description) patch.description = v.description;
  return patch;
}

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface ProjectFormProps {
  project: Project;
  version: number;
  onSaved: (project: Project, version: number) => void;
}

export function ProjectForm({ project, version, onSaved }: ProjectFormProps) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t } = useI18n();
  const [base, setBase] = useState(() => ({ project, version }));
  const [values, setValues] = useState<Values>(() => valuesOf(project));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<{ current: Project; version: number } | undefined>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'queued' | false>(false);
  const canEdit = canEditProject(me.person, base.project).allowed;

  const set = (name: FieldName) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setSaved(false);
  };

  /** Saves my edits (relative to what I started from) over `against`, the version believed current. */
  const save = async (against: { project: Project; version: number }, patch: ProjectPatch) => {
    setSaving(true);
    setFailure(undefined);
    setErrors({});
    try {
      const res = await api.updateProject(against.project.id, patch, against.version);
      const nextVersion = res.version ?? res.value.version;
      setBase({ project: res.value, version: nextVersion });
      setValues(valuesOf(res.value));
      setConflict(undefined);
      setSaved(res.syncQueued ? 'queued' : 'saved');
      onSaved(res.value, nextVersion);
    } catch (e) {
      const err = asApiError(e, '');
      if (err.isConflict) {
        const current = Project.safeParse(err.problem.current);
        if (current.success) setConflict({ current: current.data, version: current.data.version });
        else setFailure(err);
      } else if (err.problem.errors?.length) {
        setErrors(err.fieldErrors());
        setFailure(err);
      } else {
        setFailure(err);
      }
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(base, patchOf(valuesOf(base.project), values));
  };

  const conflictRows: ConflictRow[] = conflict
    ? FIELDS.flatMap(({ name, label }) => {
        const current = valuesOf(conflict.current)[name];
        const mine = values[name];
        if (current === mine) return [];
        const show = (v: string) => (name === 'phase' ? t(`phase.${v as ProjectPhase}`) : v);
        return [{ field: name, label: t(label), mine: show(mine), current: show(current) }];
      })
    : [];

  const field = (name: FieldName) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('project.tab.overview')}>
      {!canEdit ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('common.readOnly')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {conflict ? (
        <ConflictPanel
          rows={conflictRows}
          onUseCurrent={() => {
            setBase({ project: conflict.current, version: conflict.version });
            setValues(valuesOf(conflict.current));
            setConflict(undefined);
            onSaved(conflict.current, conflict.version);
          }}
          onKeepMine={() => {
            // Only the fields I changed go over the current version; the other person's changes to
            // fields I did not touch stay.
            const mine = patchOf(valuesOf(base.project), values);
            const next = { project: conflict.current, version: conflict.version };
            setBase(next);
            void save(next, mine);
          }}
        />
      ) : null}
      <Field label={t('field.title')} required {...field('title')}>
        <Input value={values.title} onChange={(_, d) => set('title')(d.value)} readOnly={!canEdit} />
      </Field>
      <Field label={t('field.phase')} {...field('phase')}>
        <Select value={values.phase} onChange={(_, d) => set('phase')(d.value)} disabled={!canEdit}>
          {PROJECT_PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`phase.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.pair}>
        <Field label={t('field.startDate')} {...field('startDate')}>
          <Input
            type="date"
            value={values.startDate}
            onChange={(_, d) => set('startDate')(d.value)}
            readOnly={!canEdit}
          />
        </Field>
        <Field label={t('field.dueDate')} {...field('dueDate')}>
          <Input
            type="date"
            value={values.dueDate}
            onChange={(_, d) => set('dueDate')(d.value)}
            readOnly={!canEdit}
          />
        </Field>
      </div>
      <div className={styles.pair}>
        <Field label={t('field.budget')} {...field('budgetChf')}>
          <Input
            type="number"
            inputMode="decimal"
            value={values.budgetChf}
            onChange={(_, d) => set('budgetChf')(d.value)}
            readOnly={!canEdit}
          />
        </Field>
        <Field label={t('field.spend')} {...field('spendChf')}>
          <Input
            type="number"
            inputMode="decimal"
            value={values.spendChf}
            onChange={(_, d) => set('spendChf')(d.value)}
            readOnly={!canEdit}
          />
        </Field>
      </div>
      <Field label={t('field.description')} {...field('description')}>
        <Textarea
          value={values.description}
          onChange={(_, d) => set('description')(d.value)}
          readOnly={!canEdit}
          resize="vertical"
          rows={5}
        />
      </Field>
      {failure && !conflict ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('common.fixErrors')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t(saved === 'queued' ? 'common.savedWillSync' : 'common.saved')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {canEdit ? (
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={saving || !!conflict}>
            {saving ? t('common.saving') : t('common.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
