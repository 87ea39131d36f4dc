// Creating a project, for the Transformation Office: code, title, kind, pillar, unit, owner and the
// optional dates and description. One idempotency key per creation (a refused attempt stored
// nothing, so its retry keeps the key; a new key after each project created); the server's field
// messages in the user's language beside their fields; the input kept on every failure.
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
import { ORG_UNITS } from '../../../bot/domain/org-unit.js';
import { PILLARS, pillarName, type PillarCode } from '../../../bot/domain/pillar.js';
import {
  PROJECT_KINDS,
  type Project,
  type ProjectCreate,
  type ProjectKind,
} from '../../../bot/domain/project.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n } from '../i18n/index.js';
import { newKey } from '../ids.js';
import { ErrorView } from './error-view.js';

interface Values {
  code: string;
  title: string;
  kind: ProjectKind;
  pillar: string;
  orgUnit: string;
  ownerId: string;
  startDate: string;
  dueDate: string;
  description: string;
}
type FieldName = keyof Values;

const EMPTY: Values = {
  code: '',
  title: '',
  kind: 'project',
  pillar: '',
  orgUnit: '',
  ownerId: '',
  startDate: '',
  dueDate: '',
  description: '',
};

function createOf(v: Values): ProjectCreate {
  return {
    code: v.code.trim(),
    title: v.title,
    kind: v.kind,
    pillar: v.pillar as PillarCode,
    orgUnit: v.orgUnit,
    ownerId: v.ownerId,
    startDate: v.startDate || null,
    dueDate: v.dueDate || null,
    description: v.description,
  };
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

export function NewProjectForm({
  pillar,
  onCreated,
  onCancel,
}: {
  /** The pillar the portfolio is filtered by (a channel tab's pillar), chosen to start with. */
  pillar?: string;
  /** The stored project, and whether the write still waits to sync ("saved, will sync"). */
  onCreated: (project: Project, syncQueued: boolean) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const { t, locale } = useI18n();
  const people = usePeople(api);
  const [values, setValues] = useState<Values>(() => ({
    ...EMPTY,
    pillar: PILLARS.some((p) => p.code === pillar) ? (pillar ?? '') : '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [saving, setSaving] = useState(false);
  const [key, setKey] = useState(newKey);
  // Opening the form takes the keyboard to its first field.
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);

  const set = (name: FieldName, value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setFailure(undefined);
    try {
      const res = await api.createProject(createOf(values), key);
      setKey(newKey());
      onCreated(res.value, res.syncQueued === true);
    } catch (err) {
      const apiErr = asApiError(err, '');
      setErrors(apiErr.fieldErrors());
      setFailure(apiErr);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: FieldName) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });
  const owners = [...people.values()]
    .filter((p) => p.active)
    .sort((a, b) => a.name.localeCompare(b.name, locale));

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('projects.new')}
      data-testid="new-project"
    >
      <h2>{t('projects.new')}</h2>
      <div className={styles.row}>
        <Field label={t('table.col.code')} hint={t('projects.codeHint')} required {...field('code')}>
          <Input ref={firstField} value={values.code} onChange={(_, d) => set('code', d.value)} />
        </Field>
        <Field label={t('field.title')} required {...field('title')}>
          <Input value={values.title} onChange={(_, d) => set('title', d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('projects.kind')} required {...field('kind')}>
          <Select value={values.kind} onChange={(_, d) => set('kind', d.value)}>
            {PROJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('table.col.pillar')} required {...field('pillar')}>
          <Select value={values.pillar} onChange={(_, d) => set('pillar', d.value)}>
            <option value="">—</option>
            {PILLARS.map((p) => (
              <option key={p.code} value={p.code}>
                {pillarName(p.code, locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('admin.col.unit')} required {...field('orgUnit')}>
          <Select value={values.orgUnit} onChange={(_, d) => set('orgUnit', d.value)}>
            <option value="">—</option>
            {ORG_UNITS.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} · {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('field.owner')} required {...field('ownerId')}>
          <Select value={values.ownerId} onChange={(_, d) => set('ownerId', d.value)}>
            <option value="">—</option>
            {owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('field.startDate')} {...field('startDate')}>
          <Input type="date" value={values.startDate} onChange={(_, d) => set('startDate', d.value)} />
        </Field>
        <Field label={t('field.dueDate')} {...field('dueDate')}>
          <Input type="date" value={values.dueDate} onChange={(_, d) => set('dueDate', d.value)} />
        </Field>
      </div>
      <Field label={t('field.description')} {...field('description')}>
        <Textarea value={values.description} onChange={(_, d) => set('description', d.value)} />
      </Field>
      {failure ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('common.fixErrors')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('common.saving') : t('projects.create')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
