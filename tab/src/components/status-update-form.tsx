// Posting (or amending) the update for the current period. The form starts from the server's draft
// (pre-filled from the previous update); the submission carries the version it amends (0: none
// yet), so a concurrent post shows the conflict instead of overwriting it.
import { Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { HEALTHS, type Health } from '../../../bot/domain/health.js';
import {
  HEALTH_DIMENSIONS,
  StatusUpdate,
  type HealthDimension,
  type StatusUpdateSubmit,
} from '../../../bot/domain/status-update.js';
import type { Draft } from '../api/endpoints.js';
import { useApp } from '../context.js';
import { useEditor } from '../hooks/use-editor.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { diffRows } from './conflict-panel.js';
import { EditorShell, useFieldRowStyles } from './editor-shell.js';
import { Options } from './options.js';

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

/** The fields of the conflict table, in order. */
const COMPARED: ReadonlyArray<{ name: keyof Values; label: MessageKey }> = [
  { name: 'health', label: 'update.health' },
  { name: 'percentComplete', label: 'update.percent' },
  { name: 'summary', label: 'update.summary' },
  { name: 'achievements', label: 'update.achievements' },
  { name: 'nextSteps', label: 'update.nextSteps' },
  { name: 'blockers', label: 'update.blockers' },
];

export interface StatusUpdateFormProps {
  projectId: string;
  draft: Draft;
  onPosted: (update: StatusUpdate) => void;
}

export function StatusUpdateForm({ projectId, draft, onPosted }: StatusUpdateFormProps) {
  const styles = useFieldRowStyles();
  const { api } = useApp();
  const { t } = useI18n();
  const [version, setVersion] = useState(draft.existing?.version ?? 0);
  const editor = useEditor<Values, StatusUpdate>({
    initial: () => valuesOf(draft.existing ?? draft.prefill),
    current: (raw) => StatusUpdate.safeParse(raw).data,
  });
  const { values, set, conflict } = editor;

  const submit = (against: number) =>
    void editor.submit(
      (key) => api.submitUpdate(projectId, bodyOf(values, draft.period), against, key),
      (res) => {
        setVersion(res.value.update.version);
        onPosted(res.value.update);
        return t('update.posted', { period: res.value.update.period });
      },
    );

  const healthLabel = (h: string) => (h ? t(`health.${h as Health}`) : t('common.notSet'));
  const show = (name: keyof Values, v: Values) => (name === 'health' ? healthLabel(v.health) : v[name]);
  const err = (path: keyof Values | `dimensions.${Dim}`) => editor.field(path);

  return (
    <EditorShell
      editor={editor}
      onSubmit={() => submit(version)}
      labelledBy="update-form-title"
      heading={
        <h2 id="update-form-title">
          {version > 0
            ? t('update.amend', { period: draft.period })
            : t('update.title', { period: draft.period })}
        </h2>
      }
      conflict={
        conflict && {
          rows: diffRows(
            COMPARED.map(({ name, label }) => ({ name, label: t(label) })),
            show,
            values,
            valuesOf(conflict),
          ),
          onUseCurrent: () => {
            editor.reset(valuesOf(conflict));
            setVersion(conflict.version);
          },
          onKeepMine: () => {
            setVersion(conflict.version);
            submit(conflict.version);
          },
        }
      }
      submitLabel={t('update.submit')}
    >
      <Field label={t('update.health')} required {...err('health')}>
        <RadioGroup
          value={values.health}
          onChange={(_, d) => set('health', d.value as Health)}
          layout="horizontal"
        >
          {HEALTHS.map((h) => (
            <Radio key={h} value={h} label={t(`health.${h}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        {DIMS.map((d) => (
          <Field key={d} label={t(`update.dimension.${d}`)} {...err(`dimensions.${d}`)}>
            <Select value={values[d]} onChange={(_, data) => set(d, data.value as Health)}>
              <Options values={HEALTHS} label={(h) => t(`health.${h}`)} none={t('common.notSet')} />
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
    </EditorShell>
  );
}
