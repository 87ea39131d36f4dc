// Editing a project's fields with optimistic concurrency: the PATCH carries the version the user
// started from; a stale version shows the conflict with the current values. Validation messages
// come from the server in the user's language and appear next to their fields. The form keeps the
// user's input on every failure.
import { Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { canEditProject } from '../../../bot/domain/permissions.js';
import {
  Project,
  PROJECT_PHASES,
  type ProjectPatch,
  type ProjectPhase,
} from '../../../bot/domain/project.js';
import { useApp } from '../context.js';
import { useEntityEditor } from '../hooks/use-entity-editor.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { EditorShell, useFieldRowStyles, useSavedNotice } from './editor-shell.js';
import { Options } from './options.js';

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

export interface ProjectFormProps {
  project: Project;
  version: number;
  onSaved: (project: Project, version: number) => void;
}

export function ProjectForm({ project, version, onSaved }: ProjectFormProps) {
  const styles = useFieldRowStyles();
  const { api, me } = useApp();
  const { t } = useI18n();
  const savedNotice = useSavedNotice();
  const editor = useEntityEditor({
    entity: project,
    version,
    valuesOf,
    patchOf,
    parse: (raw) => Project.safeParse(raw).data,
    update: (against, patch) => api.updateProject(against.entity.id, patch, against.version),
    fields: FIELDS,
    show: (name, v) => (name === 'phase' ? t(`phase.${v.phase}`) : v[name]),
    saved: (p, { version: next, syncQueued }) => {
      onSaved(p, next);
      return savedNotice(syncQueued);
    },
    tookCurrent: ({ entity, version: current }) => onSaved(entity, current),
  });
  const { values, set, field } = editor;
  const canEdit = canEditProject(me.person, editor.base!.entity).allowed;

  return (
    <EditorShell
      editor={editor}
      onSubmit={editor.save}
      label={t('project.tab.overview')}
      conflict={editor.conflictProps}
      submitLabel={t('common.save')}
      readOnly={!canEdit}
    >
      {!canEdit ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('common.readOnly')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('field.title')} required {...field('title')}>
        <Input value={values.title} onChange={(_, d) => set('title', d.value)} readOnly={!canEdit} />
      </Field>
      <Field label={t('field.phase')} {...field('phase')}>
        <Select
          value={values.phase}
          onChange={(_, d) => set('phase', d.value as ProjectPhase)}
          disabled={!canEdit}
        >
          <Options values={PROJECT_PHASES} label={(p) => t(`phase.${p}`)} />
        </Select>
      </Field>
      <div className={styles.wide}>
        <Field label={t('field.startDate')} {...field('startDate')}>
          <Input
            type="date"
            value={values.startDate}
            onChange={(_, d) => set('startDate', d.value)}
            readOnly={!canEdit}
          />
        </Field>
        <Field label={t('field.dueDate')} {...field('dueDate')}>
          <Input
            type="date"
            value={values.dueDate}
            onChange={(_, d) => set('dueDate', d.value)}
            readOnly={!canEdit}
          />
        </Field>
      </div>
      <div className={styles.wide}>
        <Field label={t('field.budget')} {...field('budgetChf')}>
          <Input
            type="number"
            inputMode="decimal"
            value={values.budgetChf}
            onChange={(_, d) => set('budgetChf', d.value)}
            readOnly={!canEdit}
          />
        </Field>
        <Field label={t('field.spend')} {...field('spendChf')}>
          <Input
            type="number"
            inputMode="decimal"
            value={values.spendChf}
            onChange={(_, d) => set('spendChf', d.value)}
            readOnly={!canEdit}
          />
        </Field>
      </div>
      <Field label={t('field.description')} {...field('description')}>
        <Textarea
          value={values.description}
          onChange={(_, d) => set('description', d.value)}
          readOnly={!canEdit}
          resize="vertical"
          rows={5}
        />
      </Field>
    </EditorShell>
  );
}
