// Defining a KPI for a project, or editing an existing KPI's definition (name, unit, direction,
// baseline and target, description), for the people who may: a new KPI is created with one
// idempotency key per attempt; an edit sends only the changed fields with the version the user
// started from, and a stale version shows the conflict with the current values. Field messages come
// from the server in the user's language and appear next to their fields; the form keeps the user's
// input on every failure.
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { Kpi, KpiDirection, type KpiCreate, type KpiPatch } from '../../../bot/domain/kpi.js';
import type { Project } from '../../../bot/domain/project.js';
import { useApp } from '../context.js';
import { useEntityEditor } from '../hooks/use-entity-editor.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { EditorShell, useFieldRowStyles } from './editor-shell.js';
import { Options } from './options.js';

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

const FIELDS: ReadonlyArray<{ name: FieldName; label: MessageKey }> = [
  { name: 'title', label: 'kpi.name' },
  { name: 'unit', label: 'kpi.unit' },
  { name: 'direction', label: 'kpi.direction' },
  { name: 'baselineValue', label: 'kpi.baselineValue' },
  { name: 'baselineDate', label: 'kpi.baselineDate' },
  { name: 'targetValue', label: 'kpi.targetValue' },
  { name: 'targetDate', label: 'kpi.targetDate' },
  { name: 'description', label: 'field.description' },
];

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
const KNOWN_PATHS = Object.values(PATHS).flat();

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

export interface KpiEditorProps {
  project: Project;
  /** The KPI to edit; none to define a new one for the project. */
  kpi?: Kpi;
  /** The stored KPI, and whether the write still waits to sync ("saved, will sync"). */
  onSaved: (kpi: Kpi, syncQueued: boolean) => void;
  onCancel: () => void;
}

export function KpiEditor({ project, kpi, onSaved, onCancel }: KpiEditorProps) {
  const styles = useFieldRowStyles();
  const { api } = useApp();
  const { t, date, number } = useI18n();
  const editor = useEntityEditor({
    entity: kpi,
    empty: EMPTY,
    valuesOf,
    patchOf,
    parse: (raw) => Kpi.safeParse(raw).data,
    update: (against, patch) => api.updateKpi(against.entity.id, patch, against.version),
    create: (values, key) => api.createKpi(createOf(project.id, values), key),
    fields: FIELDS,
    show: (name, v) => {
      if (name === 'direction') return t(`kpi.direction.${v.direction}`);
      if (name === 'baselineDate' || name === 'targetDate') return date(v[name]);
      if (name === 'baselineValue' || name === 'targetValue')
        return v[name].trim() === '' ? '' : number(Number(v[name]));
      return v[name];
    },
    saved: (k, { syncQueued }) => onSaved(k, syncQueued),
    focus: true,
  });
  const { values, set, base } = editor;
  const field = (name: FieldName) => editor.labelled(name, PATHS[name]);

  const heading = base ? t('kpi.editOf', { title: base.entity.title }) : t('kpi.add');
  return (
    <EditorShell
      editor={editor}
      onSubmit={editor.save}
      label={heading}
      testId="kpi-editor"
      heading={<h3>{heading}</h3>}
      conflict={editor.conflictProps}
      // Messages the server sent for something that is not one of these fields (e.g. the KPI's scope).
      moreErrors={editor.unplaced(KNOWN_PATHS)}
      submitLabel={base ? t('common.save') : t('kpi.add')}
      onCancel={onCancel}
      spacing="start"
    >
      <div className={styles.row}>
        <Field {...field('title')} required>
          <Input value={values.title} onChange={(_, d) => set('title', d.value)} />
        </Field>
        <Field {...field('unit')} required>
          <Input value={values.unit} onChange={(_, d) => set('unit', d.value)} />
        </Field>
        <Field {...field('direction')}>
          <Select value={values.direction} onChange={(_, d) => set('direction', d.value as KpiDirection)}>
            <Options values={KpiDirection.options} label={(dir) => t(`kpi.direction.${dir}`)} />
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
    </EditorShell>
  );
}
