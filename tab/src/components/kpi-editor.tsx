// Defining a KPI for a project, or editing an existing KPI's definition (name, unit, direction,
// baseline and target, description), for the people who may: a new KPI is created with one
// idempotency key per attempt; an edit sends only the changed fields with the version the user
// started from, and a stale version shows the conflict with the current values. Field messages come
// from the server in the user's language and appear next to their fields; the form keeps the user's
// input on every failure.
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
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Kpi, KpiDirection, type KpiCreate, type KpiPatch } from '../../../bot/domain/kpi.js';
import type { Project } from '../../../bot/domain/project.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { newKey } from '../ids.js';
import { ConflictPanel, type ConflictRow } from './conflict-panel.js';
import { ErrorView } from './error-view.js';

interface Values {
  title: string;
  unit: string;
  direction: KpiDirection;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  description: string;
}
type FieldName = keyof Values;

const LABELS: Record<FieldName, MessageKey> = {
  title: 'kpi.name',
  unit: 'kpi.unit',
  direction: 'kpi.direction',
  baselineValue: 'kpi.baselineValue',
  baselineDate: 'kpi.baselineDate',
  targetValue: 'kpi.targetValue',
  targetDate: 'kpi.targetDate',
  description: 'field.description',
};

/** The server's issue paths that belong to each field ("target" is the target-versus-baseline rule). */
const PATHS: Record<FieldName, readonly string[]> = {
  title: ['title'],
  unit: ['unit'],
  direction: ['direction'],
  baselineValue: ['baseline.value', 'baseline'],
  baselineDate: ['baseline.date'],
  targetValue: ['target.value', 'target'],
  targetDate: ['target.date'],
  description: ['description'],
};
const KNOWN_PATHS = new Set(Object.values(PATHS).flat());

const EMPTY: Values = {
  title: '',
  unit: '',
  direction: 'higher-is-better',
  baselineValue: '',
  baselineDate: '',
  targetValue: '',
  targetDate: '',
  description: '',
};

const valuesOf = (k: Kpi): Values => ({
  title: k.title,
  unit: k.unit,
  direction: k.direction,
  baselineValue: String(k.baseline.value),
  baselineDate: k.baseline.date,
  targetValue: String(k.target.value),
  targetDate: k.target.date,
  description: k.description,
});

/** An empty number is sent as such (JSON null) so that the server names the field that needs one. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

function createOf(projectId: string, v: Values): KpiCreate {
  return {
    title: v.title,
    description: v.description,
    projectId,
    unit: v.unit,
    direction: v.direction,
    baseline: { value: num(v.baselineValue), date: v.baselineDate },
    target: { value: num(v.targetValue), date: v.targetDate },
  };
}

/** Only the fields the user changed; a baseline or target goes whole (value and date). */
function patchOf(base: Values, v: Values): KpiPatch {
  const patch: KpiPatch = {};
  if (v.title !== base.title) patch.title = v.title;
  if (v.unit !== base.unit) patch.unit = v.unit;
  if (v.direction !== base.direction) patch.direction = v.direction;
  if (v.description !== base.description) patch.description = v.description;
  if (v.baselineValue !== base.baselineValue || v.baselineDate !== base.baselineDate)
    patch.baseline = { value: num(v.baselineValue), date: v.baselineDate };
  if (v.targetValue !== base.targetValue || v.targetDate !== base.targetDate)
    patch.target = { value: num(v.targetValue), date: v.targetDate };
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
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface KpiEditorProps {
  project: Project;
  /** The KPI to edit; none to define a new one for the project. */
  kpi?: Kpi;
  /** The stored KPI, and whether the write still waits to sync ("saved, will sync"). */
  onSaved: (kpi: Kpi, syncQueued: boolean) => void;
  onCancel: () => void;
}

export function KpiEditor({ project, kpi, onSaved, onCancel }: KpiEditorProps) {
  const styles = useStyles();
  const { api } = useApp();
  const { t, date, number } = useI18n();
  const [base, setBase] = useState(kpi);
  const [values, setValues] = useState<Values>(() => (kpi ? valuesOf(kpi) : EMPTY));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<Kpi | undefined>();
  const [saving, setSaving] = useState(false);
  // Opening the editor takes the keyboard to its first field.
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const [key, setKey] = useState(newKey);

  const set = <K extends FieldName>(name: K, value: Values[K]) => setValues((v) => ({ ...v, [name]: value }));

  const failed = (e: unknown) => {
    const err = asApiError(e, '');
    const current = err.isConflict && base ? Kpi.safeParse(err.problem.current) : undefined;
    if (current?.success) setConflict(current.data);
    else {
      setErrors(err.fieldErrors());
      setFailure(err);
    }
  };

  /** Saves my edits (relative to what I started from) over `against`, the version believed current. */
  const save = async (against: Kpi | undefined, patch: KpiPatch) => {
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      const res = against
        ? await api.updateKpi(against.id, patch, against.version)
        : await api.createKpi(createOf(project.id, values), key);
      if (!against) setKey(newKey());
      setConflict(undefined);
      onSaved(res.value, res.syncQueued === true);
    } catch (e) {
      failed(e);
    } finally {
      setSaving(false);
    }
  };

  const show = (name: FieldName, v: Values): string => {
    if (name === 'direction') return t(`kpi.direction.${v.direction}`);
    if (name === 'baselineDate' || name === 'targetDate') return date(v[name]);
    if (name === 'baselineValue' || name === 'targetValue')
      return v[name].trim() === '' ? '' : number(Number(v[name]));
    return v[name];
  };
  const conflictRows: ConflictRow[] = conflict
    ? (Object.keys(LABELS) as FieldName[]).flatMap((name) => {
        const mine = show(name, values);
        const current = show(name, valuesOf(conflict));
        return mine === current ? [] : [{ field: name, label: t(LABELS[name]), mine, current }];
      })
    : [];

  const messageOf = (name: FieldName): string | undefined =>
    PATHS[name].map((p) => errors[p]).find((m) => m !== undefined);
  const field = (name: FieldName) => {
    const message = messageOf(name);
    return {
      label: t(LABELS[name]),
      validationMessage: message,
      validationState: message ? ('error' as const) : ('none' as const),
    };
  };
  // Messages the server sent for something that is not one of these fields (e.g. the KPI's scope).
  const other = Object.entries(errors)
    .filter(([path]) => !KNOWN_PATHS.has(path))
    .map(([, message]) => message);

  const heading = base ? t('kpi.editOf', { title: base.title }) : t('kpi.add');
  return (
    <form
      className={styles.form}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save(base, base ? patchOf(valuesOf(base), values) : {});
      }}
      noValidate
      aria-label={heading}
      data-testid="kpi-editor"
    >
      <h3>{heading}</h3>
      {conflict && base ? (
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
      <div className={styles.row}>
        <Field {...field('title')} required>
          <Input ref={firstField} value={values.title} onChange={(_, d) => set('title', d.value)} />
        </Field>
        <Field {...field('unit')} required>
          <Input value={values.unit} onChange={(_, d) => set('unit', d.value)} />
        </Field>
        <Field {...field('direction')}>
          <Select value={values.direction} onChange={(_, d) => set('direction', d.value as KpiDirection)}>
            {KpiDirection.options.map((dir) => (
              <option key={dir} value={dir}>
                {t(`kpi.direction.${dir}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field {...field('baselineValue')} required>
          <Input
            type="number"
            inputMode="decimal"
            value={values.baselineValue}
            onChange={(_, d) => set('baselineValue', d.value)}
          />
        </Field>
        <Field {...field('baselineDate')} required>
          <Input type="date" value={values.baselineDate} onChange={(_, d) => set('baselineDate', d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field {...field('targetValue')} required>
          <Input
            type="number"
            inputMode="decimal"
            value={values.targetValue}
            onChange={(_, d) => set('targetValue', d.value)}
          />
        </Field>
        <Field {...field('targetDate')} required>
          <Input type="date" value={values.targetDate} onChange={(_, d) => set('targetDate', d.value)} />
        </Field>
      </div>
      <Field {...field('description')}>
        <Textarea
          value={values.description}
          onChange={(_, d) => set('description', d.value)}
          resize="vertical"
          rows={3}
        />
      </Field>
      {failure && !conflict ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{[t('common.fixErrors'), ...other].join(' ')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving || !!conflict}>
          {saving ? t('common.saving') : base ? t('common.save') : t('kpi.add')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
