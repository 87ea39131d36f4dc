// Creating a project, for the Transformation Office: code, title, kind, pillar, unit, owner and the
// optional dates and description. One idempotency key per creation (a refused attempt stored
// nothing, so its retry keeps the key; a new key after each project created); the server's field
// messages in the user's language beside their fields; the input kept on every failure.
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { PILLARS, pillarName, type PillarCode } from '../../../bot/domain/pillar.js';
import {
  PROJECT_KINDS,
  type Project,
  type ProjectCreate,
  type ProjectKind,
} from '../../../bot/domain/project.js';
import { useApp } from '../context.js';
import { useEditor } from '../hooks/use-editor.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n } from '../i18n/index.js';
import { EditorShell, useFieldRowStyles } from './editor-shell.js';
import { OrgUnitField } from './org-unit-options.js';
import { Options } from './options.js';

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
  const styles = useFieldRowStyles();
  const { api } = useApp();
  const { t, locale } = useI18n();
  const people = usePeople(api);
  const editor = useEditor<Values>({
    initial: () => ({ ...EMPTY, pillar: PILLARS.some((p) => p.code === pillar) ? (pillar ?? '') : '' }),
    focus: true,
  });
  const { values, set, field } = editor;
  const submit = () =>
    void editor.submit(
      (key) => api.createProject(createOf(values), key),
      (res) => onCreated(res.value, res.syncQueued === true),
    );

  const owners = [...people.values()]
    .filter((p) => p.active)
    .sort((a, b) => a.name.localeCompare(b.name, locale));

  return (
    <EditorShell
      editor={editor}
      onSubmit={submit}
      label={t('projects.new')}
      testId="new-project"
      heading={<h2>{t('projects.new')}</h2>}
      submitLabel={t('projects.create')}
      onCancel={onCancel}
      spacing="block"
    >
      <div className={styles.wide}>
        <Field label={t('table.col.code')} hint={t('projects.codeHint')} required {...field('code')}>
          <Input value={values.code} onChange={(_, d) => set('code', d.value)} />
        </Field>
        <Field label={t('field.title')} required {...field('title')}>
          <Input value={values.title} onChange={(_, d) => set('title', d.value)} />
        </Field>
      </div>
      <div className={styles.wide}>
        <Field label={t('projects.kind')} required {...field('kind')}>
          <Select value={values.kind} onChange={(_, d) => set('kind', d.value as ProjectKind)}>
            <Options values={PROJECT_KINDS} label={(k) => t(`kind.${k}`)} />
          </Select>
        </Field>
        <Field label={t('table.col.pillar')} required {...field('pillar')}>
          <Select value={values.pillar} onChange={(_, d) => set('pillar', d.value)}>
            <Options
              values={PILLARS.map((p) => p.code)}
              label={(code) => pillarName(code, locale)}
              none="—"
            />
          </Select>
        </Field>
        <OrgUnitField {...field('orgUnit')} value={values.orgUnit} onChange={(c) => set('orgUnit', c)} none />
        <Field label={t('field.owner')} required {...field('ownerId')}>
          <Select value={values.ownerId} onChange={(_, d) => set('ownerId', d.value)}>
            <Options values={owners.map((p) => p.id)} label={(id) => people.get(id)?.name ?? id} none="—" />
          </Select>
        </Field>
      </div>
      <div className={styles.wide}>
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
    </EditorShell>
  );
}
