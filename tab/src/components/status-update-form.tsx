// Posting (or amending) the update for the current period. The form starts from the server's draft
// (pre-filled from the previous update); the submission carries the version it amends (0: none
// yet), so a concurrent post shows the conflict instead of overwriting it.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { HEALTHS, type Health } from '../../../bot/domain/health.js';
import {
  HEALTH_DIMENSIONS,
  StatusUpdate,
  type HealthDimension,
  type StatusUpdateSubmit,
} from '../../../bot/domain/status-update.js';
import type { Draft } from '../api/endpoints.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { newKey } from '../ids.js';
import { ConflictPanel, type ConflictRow } from './conflict-panel.js';
import { ErrorView } from './error-view.js';

type Dim = HealthDimension;
const DIMS: readonly Dim[] = HEALTH_DIMENSIONS;

interface Values {
  health: Health | '';
  schedule: Health | '';
  budget: Health | '';
  scope: Health | '';
  resources: Health | '';
  percentComplete: string;
  summary: string;
  achievements: string;
  nextSteps: string;
  blockers: string;
}
type Name = keyof Values;

const TEXTS: ReadonlyArray<{
  name: 'summary' | 'achievements' | 'nextSteps' | 'blockers';
  label: MessageKey;
  rows: number;
}> = [
  { name: 'summary', label: 'update.summary', rows: 3 },
  { name: 'achievements', label: 'update.achievements', rows: 3 },
  { name: 'nextSteps', label: 'update.nextSteps', rows: 3 },
  { name: 'blockers', label: 'update.blockers', rows: 2 },
];

function valuesOf(
  c: Partial<Omit<StatusUpdate, 'dimensions'>> & { dimensions?: Partial<Record<Dim, Health>> },
): Values {
  return {
    health: c.health ?? '',
    schedule: c.dimensions?.schedule ?? '',
    budget: c.dimensions?.budget ?? '',
    scope: c.dimensions?.scope ?? '',
    resources: c.dimensions?.resources ?? '',
    percentComplete: c.percentComplete === undefined ? '' : String(c.percentComplete),
    summary: c.summary ?? '',
    achievements: c.achievements ?? '',
    nextSteps: c.nextSteps ?? '',
    blockers: c.blockers ?? '',
  };
}

/** What the user entered; missing required fields are left out and the server names them, localised. */
function bodyOf(v: Values, period: string): Partial<StatusUpdateSubmit> {
  const dimensions: Partial<Record<Dim, Health>> = {};
  for (const d of DIMS) {
    const value = v[d];
    if (value) dimensions[d] = value;
  }
  return {
    period,
    ...(v.health ? { health: v.health } : {}),
    dimensions,
    ...(v.percentComplete.trim() === '' ? {} : { percentComplete: Number(v.percentComplete) }),
    summary: v.summary,
    achievements: v.achievements,
    nextSteps: v.nextSteps,
    blockers: v.blockers,
  };
}

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  dims: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

export interface StatusUpdateFormProps {
  projectId: string;
  draft: Draft;
  onPosted: (update: StatusUpdate) => void;
}

export function StatusUpdateForm({ projectId, draft, onPosted }: StatusUpdateFormProps) {
  const styles = useStyles();
  const { api } = useApp();
  const { t } = useI18n();
  const [version, setVersion] = useState(draft.existing?.version ?? 0);
  const [values, setValues] = useState<Values>(() => valuesOf(draft.existing ?? draft.prefill));
  const [key, setKey] = useState(newKey);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<StatusUpdate | undefined>();
  const [posted, setPosted] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const set = (name: Name, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setPosted(undefined);
  };

  const submit = async (against: number) => {
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      const res = await api.submitUpdate(projectId, bodyOf(values, draft.period), against, key);
      setVersion(res.value.update.version);
      setConflict(undefined);
      setKey(newKey());
      setPosted(res.value.update.period);
      onPosted(res.value.update);
    } catch (e) {
      const err = asApiError(e, '');
      if (err.isConflict) {
        const current = StatusUpdate.safeParse(err.problem.current);
        if (current.success) setConflict(current.data);
        else setFailure(err);
      } else {
        setErrors(err.fieldErrors());
        setFailure(err);
      }
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(version);
  };

  const healthLabel = (h: string) => (h ? t(`health.${h as Health}`) : t('common.notSet'));
  const conflictRows: ConflictRow[] = conflict
    ? (
        [
          ['health', 'update.health'],
          ['percentComplete', 'update.percent'],
          ['summary', 'update.summary'],
          ['achievements', 'update.achievements'],
          ['nextSteps', 'update.nextSteps'],
          ['blockers', 'update.blockers'],
        ] as const
      ).flatMap(([name, label]) => {
        const current = valuesOf(conflict)[name];
        const mine = values[name];
        if (current === mine) return [];
        return [
          {
            field: name,
            label: t(label),
            mine: name === 'health' ? healthLabel(mine) : mine,
            current: name === 'health' ? healthLabel(current) : current,
          },
        ];
      })
    : [];

  const err = (path: string) => ({
    validationMessage: errors[path],
    validationState: errors[path] ? ('error' as const) : ('none' as const),
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="update-form-title">
      <h2 id="update-form-title">
        {version > 0
          ? t('update.amend', { period: draft.period })
          : t('update.title', { period: draft.period })}
      </h2>
      {conflict ? (
        <ConflictPanel
          rows={conflictRows}
          onUseCurrent={() => {
            setValues(valuesOf(conflict));
            setVersion(conflict.version);
            setConflict(undefined);
          }}
          onKeepMine={() => {
            setVersion(conflict.version);
            void submit(conflict.version);
          }}
        />
      ) : null}
      <Field label={t('update.health')} required {...err('health')}>
        <RadioGroup value={values.health} onChange={(_, d) => set('health', d.value)} layout="horizontal">
          {HEALTHS.map((h) => (
            <Radio key={h} value={h} label={t(`health.${h}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.dims}>
        {DIMS.map((d) => (
          <Field key={d} label={t(`update.dimension.${d}`)} {...err(`dimensions.${d}`)}>
            <Select value={values[d]} onChange={(_, data) => set(d, data.value)}>
              <option value="">{t('common.notSet')}</option>
              {HEALTHS.map((h) => (
                <option key={h} value={h}>
                  {t(`health.${h}`)}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Field label={t('update.percent')} required {...err('percentComplete')}>
        <Input
          type="number"
          min={0}
          max={100}
          value={values.percentComplete}
          onChange={(_, d) => set('percentComplete', d.value)}
        />
      </Field>
      {TEXTS.map(({ name, label, rows }) => (
        <Field key={name} label={t(label)} required={name === 'summary'} {...err(name)}>
          <Textarea
            value={values[name]}
            onChange={(_, d) => set(name, d.value)}
            rows={rows}
            resize="vertical"
          />
        </Field>
      ))}
      {failure && !conflict ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('common.fixErrors')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      {posted ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('update.posted', { period: posted })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" type="submit" disabled={saving || !!conflict}>
          {saving ? t('common.saving') : t('update.submit')}
        </Button>
      </div>
    </form>
  );
}
