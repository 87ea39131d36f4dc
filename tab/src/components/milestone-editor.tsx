// Editing a milestone (rename it, move its date, set its status), for the people who may manage the
// project's milestones: the PATCH carries the version the user started from; a stale version shows
// the conflict with the current values; field messages come from the server in the user's language
// and appear next to their fields; the form keeps the user's input on every failure.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Milestone,
  MILESTONE_STATUSES,
  type MilestonePatch,
  type MilestoneStatus,
} from '../../../bot/domain/milestone.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ConflictPanel, type ConflictRow } from './conflict-panel.js';
import { ErrorView } from './error-view.js';

interface Values {
  title: string;
  dueDate: string;
  status: MilestoneStatus;
}
type FieldName = keyof Values;

const LABELS: Record<FieldName, MessageKey> = {
  title: 'field.title',
  dueDate: 'field.dueDate',
  status: 'milestones.col.status',
};

const valuesOf = (m: Milestone): Values => ({ title: m.title, dueDate: m.dueDate, status: m.status });

/** Only the fields the user changed. */
function patchOf(base: Values, v: Values): MilestonePatch {
  const patch: MilestonePatch = {};
  if (v.title !== base.title) patch.title = v.title;
  if (v.dueDate !== base.dueDate) patch.dueDate = v.dueDate;
  if (v.status !== base.status) patch.status = v.status;
  return patch;
}

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '760px',
    marginBlockStart: tokens.spacingVerticalL,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function MilestoneEditor({
  milestone,
  onSaved,
  onCancel,
}: {
  milestone: Milestone;
  /** The stored milestone, and whether the write still waits to sync ("saved, will sync"). */
  onSaved: (milestone: Milestone, syncQueued: boolean) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const { t, date } = useI18n();
  const [base, setBase] = useState(milestone);
  const [values, setValues] = useState<Values>(() => valuesOf(milestone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<Milestone | undefined>();
  const [saving, setSaving] = useState(false);
  // Opening the editor takes the keyboard to its first field.
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);

  const set = <K extends FieldName>(name: K, value: Values[K]) => setValues((v) => ({ ...v, [name]: value }));

  /** Saves my edits (relative to what I started from) over `against`, the version believed current. */
  const save = async (against: Milestone, patch: MilestonePatch) => {
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      const res = await api.updateMilestone(against.id, patch, against.version);
      setConflict(undefined);
      onSaved(res.value, res.syncQueued === true);
    } catch (e) {
      const err = asApiError(e, '');
      const current = err.isConflict ? Milestone.safeParse(err.problem.current) : undefined;
      if (current?.success) setConflict(current.data);
      else {
        setErrors(err.fieldErrors());
        setFailure(err);
      }
    } finally {
      setSaving(false);
    }
  };

  const show = (name: FieldName, v: Values): string =>
    name === 'status' ? t(`milestone.${v.status}`) : name === 'dueDate' ? date(v.dueDate) : v.title;
  const conflictRows: ConflictRow[] = conflict
    ? (Object.keys(LABELS) as FieldName[]).flatMap((name) => {
        const mine = show(name, values);
        const current = show(name, valuesOf(conflict));
        return mine === current ? [] : [{ field: name, label: t(LABELS[name]), mine, current }];
      })
    : [];

  const field = (name: FieldName) => ({
    label: t(LABELS[name]),
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });

  const heading = t('milestones.editOf', { title: base.title });
  return (
    <form
      className={styles.form}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save(base, patchOf(valuesOf(base), values));
      }}
      noValidate
      aria-label={heading}
      data-testid="milestone-editor"
    >
      <h3>{heading}</h3>
      {conflict ? (
        <ConflictPanel
          rows={conflictRows}
          onUseCurrent={() => {
            setBase(conflict);
            setValues(valuesOf(conflict));
            setConflict(undefined);
          }}
          onKeepMine={() => {
            // Only the fields I changed go over the current version.
            const mine = patchOf(valuesOf(base), values);
            setBase(conflict);
            void save(conflict, mine);
          }}
        />
      ) : null}
      <Field {...field('title')} required>
        <Input ref={firstField} value={values.title} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field {...field('dueDate')} required>
          <Input type="date" value={values.dueDate} onChange={(_, d) => set('dueDate', d.value)} />
        </Field>
        <Field {...field('status')}>
          <Select value={values.status} onChange={(_, d) => set('status', d.value as MilestoneStatus)}>
            {MILESTONE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`milestone.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {failure && !conflict ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {t('common.fixErrors')}
              {errors.completedOn ? ` ${errors.completedOn}` : null}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving || !!conflict}>
          {saving ? t('common.saving') : t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
