// Editing a milestone (rename it, move its date, set its status), for the people who may manage the
// project's milestones: the PATCH carries the version the user started from; a stale version shows
// the conflict with the current values; field messages come from the server in the user's language
// and appear next to their fields; the form keeps the user's input on every failure.
import { Field, Input, Select } from '@fluentui/react-components';
import {
  Milestone,
  MILESTONE_STATUSES,
  type MilestonePatch,
  type MilestoneStatus,
} from '../../../bot/domain/milestone.js';
import { useApp } from '../context.js';
import { useEntityEditor } from '../hooks/use-entity-editor.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { EditorShell, useFieldRowStyles } from './editor-shell.js';
import { Options } from './options.js';

interface Values {
  title: string;
  dueDate: string;
  status: MilestoneStatus;
}
type FieldName = keyof Values;

const FIELDS: ReadonlyArray<{ name: FieldName; label: MessageKey }> = [
  { name: 'title', label: 'field.title' },
  { name: 'dueDate', label: 'field.dueDate' },
  { name: 'status', label: 'milestones.col.status' },
];

const valuesOf = (m: Milestone): Values => ({ title: m.title, dueDate: m.dueDate, status: m.status });

/** Only the fields the user changed. */
function patchOf(base: Values, v: Values): MilestonePatch {
  const patch: MilestonePatch = {};
  if (v.title !== base.title) patch.title = v.title;
  if (v.dueDate !== base.dueDate) patch.dueDate = v.dueDate;
  if (v.status !== base.status) patch.status = v.status;
  return patch;
}

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
  const styles = useFieldRowStyles();
  const { api } = useApp();
  const { t, date } = useI18n();
  const editor = useEntityEditor({
    entity: milestone,
    valuesOf,
    patchOf,
    parse: (raw) => Milestone.safeParse(raw).data,
    update: (against, patch) => api.updateMilestone(against.entity.id, patch, against.version),
    fields: FIELDS,
    show: (name, v) =>
      name === 'status' ? t(`milestone.${v.status}`) : name === 'dueDate' ? date(v.dueDate) : v.title,
    saved: (m, { syncQueued }) => onSaved(m, syncQueued),
    focus: true,
  });
  const { values, set } = editor;
  const field = (name: FieldName) => editor.labelled(name);

  const heading = t('milestones.editOf', { title: editor.base!.entity.title });
  return (
    <EditorShell
      editor={editor}
      onSubmit={editor.save}
      label={heading}
      testId="milestone-editor"
      heading={<h3>{heading}</h3>}
      conflict={editor.conflictProps}
      moreErrors={editor.unplaced(FIELDS.map((f) => f.name))}
      submitLabel={t('common.save')}
      onCancel={onCancel}
      spacing="start"
    >
      <Field {...field('title')} required>
        <Input value={values.title} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field {...field('dueDate')} required>
          <Input type="date" value={values.dueDate} onChange={(_, d) => set('dueDate', d.value)} />
        </Field>
        <Field {...field('status')}>
          <Select value={values.status} onChange={(_, d) => set('status', d.value as MilestoneStatus)}>
            <Options values={MILESTONE_STATUSES} label={(s) => t(`milestone.${s}`)} />
          </Select>
        </Field>
      </div>
    </EditorShell>
  );
}
