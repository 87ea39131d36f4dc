// Editing a roster person's details (name, e-mail, org unit, preferred language, time zone), for the
// Transformation Office: the PATCH carries the version the user started from (If-Match); a stale
// version shows the conflict with the current values; field messages come from the server in the
// user's language and appear next to their fields; the form keeps the user's input on every failure.
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
import { LOCALE_NAMES, SUPPORTED_LOCALES, type Locale } from '../../../bot/domain/locale.js';
import { ORG_UNITS } from '../../../bot/domain/org-unit.js';
import { Person, type PersonPatch } from '../../../bot/domain/person.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ConflictPanel, type ConflictRow } from './conflict-panel.js';
import { ErrorView } from './error-view.js';

interface Values {
  name: string;
  email: string;
  orgUnit: string;
  /** '' for "same as in Teams" (no preferred language stored). */
  locale: string;
  timeZone: string;
}
type FieldName = keyof Values;

const LABELS: Record<FieldName, MessageKey> = {
  name: 'admin.col.name',
  email: 'admin.col.email',
  orgUnit: 'admin.col.unit',
  locale: 'admin.col.language',
  timeZone: 'admin.timeZone',
};

const valuesOf = (p: Person): Values => ({
  name: p.name,
  email: p.email,
  orgUnit: p.orgUnit,
  locale: p.locale ?? '',
  timeZone: p.timeZone,
});

/** Only the fields the user changed. */
function patchOf(base: Values, v: Values): PersonPatch {
  const patch: PersonPatch = {};
  if (v.name !== base.name) patch.name = v.name;
  if (v.email !== base.email) patch.email = v.email;
  if (v.orgUnit !== base.orgUnit) patch.orgUnit = v.orgUnit;
  if (v.locale !== base.locale) patch.locale = v.locale === '' ? null : (v.locale as Locale);
  if (v.timeZone !== base.timeZone) patch.timeZone = v.timeZone;
  return patch;
}

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '760px',
    marginBlock: tokens.spacingVerticalL,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '& > *': { minWidth: 0 },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function PersonEditor({
  person,
  onSaved,
  onCancel,
}: {
  person: Person;
  /** The stored person, and whether the write still waits to sync ("saved, will sync"). */
  onSaved: (person: Person, syncQueued: boolean) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const { t } = useI18n();
  const [base, setBase] = useState(person);
  const [values, setValues] = useState<Values>(() => valuesOf(person));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<Person | undefined>();
  const [saving, setSaving] = useState(false);
  // Opening the editor takes the keyboard to its first field.
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);

  const set = (name: FieldName, value: string) => setValues((v) => ({ ...v, [name]: value }));

  /** Saves my edits (relative to what I started from) over `against`, the version believed current. */
  const save = async (against: Person, patch: PersonPatch) => {
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      const res = await api.updatePerson(against.id, patch, against.version);
      setConflict(undefined);
      onSaved(res.value, res.syncQueued === true);
    } catch (e) {
      const err = asApiError(e, '');
      const current = err.isConflict ? Person.safeParse(err.problem.current) : undefined;
      if (current?.success) setConflict(current.data);
      else {
        setErrors(err.fieldErrors());
        setFailure(err);
      }
    } finally {
      setSaving(false);
    }
  };

  const unitName = (code: string) => {
    const unit = ORG_UNITS.find((u) => u.code === code);
    return unit ? `${unit.code} · ${unit.name}` : code;
  };
  const show = (name: FieldName, v: Values): string =>
    name === 'locale'
      ? v.locale
        ? LOCALE_NAMES[v.locale as Locale]
        : t('admin.languageTeams')
      : name === 'orgUnit'
        ? unitName(v.orgUnit)
        : v[name];
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

  const heading = t('admin.editOf', { name: base.name });
  return (
    <form
      className={styles.form}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save(base, patchOf(valuesOf(base), values));
      }}
      noValidate
      aria-label={heading}
      data-testid="person-editor"
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
        <Field {...field('name')} required>
          <Input ref={firstField} value={values.name} onChange={(_, d) => set('name', d.value)} />
        </Field>
        <Field {...field('email')} required>
          <Input type="email" value={values.email} onChange={(_, d) => set('email', d.value)} />
        </Field>
        <Field {...field('orgUnit')} required>
          <Select value={values.orgUnit} onChange={(_, d) => set('orgUnit', d.value)}>
            {ORG_UNITS.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} · {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field {...field('locale')}>
          <Select value={values.locale} onChange={(_, d) => set('locale', d.value)}>
            <option value="">{t('admin.languageTeams')}</option>
            {SUPPORTED_LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field {...field('timeZone')} required>
          <Input value={values.timeZone} onChange={(_, d) => set('timeZone', d.value)} />
        </Field>
      </div>
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
