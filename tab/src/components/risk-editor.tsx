// Updating a risk (triage a proposed one, rate it again, record the mitigation, close it), for the
// people who may: the PATCH carries the version the user started from; a stale version shows the
// conflict with the current values; field messages come from the server in the user's language; the
// form keeps the user's input on every failure.
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { Risk, RISK_STATUSES, type RiskPatch, type RiskStatus } from '../../../bot/domain/risk.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ConflictPanel, type ConflictRow } from './conflict-panel.js';
import { ErrorView } from './error-view.js';

interface Values {
  status: RiskStatus;
  likelihood: number;
  impact: number;
  mitigation: string;
  confidential: boolean;
}
type FieldName = keyof Values;

const LABELS: Record<FieldName, MessageKey> = {
  status: 'risks.col.status',
  likelihood: 'risks.likelihood',
  impact: 'risks.impact',
  mitigation: 'risks.mitigation',
  confidential: 'risks.confidential',
};

const valuesOf = (r: Risk): Values => ({
  status: r.status,
  likelihood: r.likelihood,
  impact: r.impact,
  mitigation: r.mitigation,
  confidential: r.confidential,
});

/** Only the fields the user changed. */
function patchOf(base: Values, v: Values): RiskPatch {
  const patch: RiskPatch = {};
  if (v.status !== base.status) patch.status = v.status;
  if (v.likelihood !== base.likelihood) patch.likelihood = v.likelihood;
  if (v.impact !== base.impact) patch.impact = v.impact;
  if (v.mitigation !== base.mitigation) patch.mitigation = v.mitigation;
  if (v.confidential !== base.confidential) patch.confidential = v.confidential;
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

export function RiskEditor({
  risk,
  onSaved,
  onCancel,
}: {
  risk: Risk;
  /** `syncQueued`: the server kept the change in its outbox (SharePoint busy); it will sync. */
  onSaved: (risk: Risk, syncQueued: boolean) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const { t, number } = useI18n();
  const [base, setBase] = useState(risk);
  const [values, setValues] = useState<Values>(() => valuesOf(risk));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<Risk | undefined>();
  const [saving, setSaving] = useState(false);

  const set = <K extends FieldName>(name: K, value: Values[K]) => setValues((v) => ({ ...v, [name]: value }));

  const save = async (against: Risk, patch: RiskPatch) => {
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      const res = await api.updateRisk(against.id, patch, against.version);
      setConflict(undefined);
      onSaved(res.value, res.syncQueued === true);
    } catch (e) {
      const err = asApiError(e, '');
      const current = err.isConflict ? Risk.safeParse(err.problem.current) : undefined;
      if (current?.success) setConflict(current.data);
      else {
        setErrors(err.fieldErrors());
        setFailure(err);
      }
    } finally {
      setSaving(false);
    }
  };

  const show = (name: FieldName, v: Values): string => {
    if (name === 'status') return t(`riskStatus.${v.status}`);
    if (name === 'mitigation') return v.mitigation;
    if (name === 'confidential') return t(v.confidential ? 'common.yes' : 'common.no');
    return number(v[name]);
  };
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
  const rating = (name: 'likelihood' | 'impact') => (
    <Field {...field(name)}>
      <Select value={String(values[name])} onChange={(_, d) => set(name, Number(d.value))}>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {number(n)}
          </option>
        ))}
      </Select>
    </Field>
  );

  const heading = t('risks.updateOf', { title: base.title });
  return (
    <form
      className={styles.form}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save(base, patchOf(valuesOf(base), values));
      }}
      noValidate
      aria-label={heading}
      data-testid="risk-editor"
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
      <div className={styles.row}>
        <Field {...field('status')}>
          <Select value={values.status} onChange={(_, d) => set('status', d.value as RiskStatus)}>
            {RISK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`riskStatus.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        {rating('likelihood')}
        {rating('impact')}
      </div>
      <Field {...field('mitigation')}>
        <Textarea
          value={values.mitigation}
          onChange={(_, d) => set('mitigation', d.value)}
          resize="vertical"
          rows={3}
        />
      </Field>
      <Field hint={t('risks.confidentialHint')}>
        <Checkbox
          label={t('risks.confidential')}
          checked={values.confidential}
          onChange={(_, d) => set('confidential', d.checked === true)}
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
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving || !!conflict}>
          {saving ? t('common.saving') : t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
