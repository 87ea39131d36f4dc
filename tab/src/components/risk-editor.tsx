// Updating a risk (triage a proposed one, rate it again, record the mitigation, close it), for the
// people who may: the PATCH carries the version the user started from; a stale version shows the
// conflict with the current values; field messages come from the server in the user's language; the
// form keeps the user's input on every failure.
import { Field, Select, Textarea } from '@fluentui/react-components';
import { Risk, RISK_STATUSES, type RiskPatch, type RiskStatus } from '../../../bot/domain/risk.js';
import { useApp } from '../context.js';
import { useEntityEditor } from '../hooks/use-entity-editor.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { EditorShell, useFieldRowStyles } from './editor-shell.js';
import { ConfidentialField, RatingSelect } from './risk-fields.js';
import { Options } from './options.js';

interface Values {
  status: RiskStatus;
  likelihood: number;
  impact: number;
  mitigation: string;
  confidential: boolean;
}
type FieldName = keyof Values;

const FIELDS: ReadonlyArray<{ name: FieldName; label: MessageKey }> = [
  { name: 'status', label: 'risks.col.status' },
  { name: 'likelihood', label: 'risks.likelihood' },
  { name: 'impact', label: 'risks.impact' },
  { name: 'mitigation', label: 'risks.mitigation' },
  { name: 'confidential', label: 'risks.confidential' },
];

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
  const styles = useFieldRowStyles();
  const { api } = useApp();
  const { t, number } = useI18n();
  const editor = useEntityEditor({
    entity: risk,
    valuesOf,
    patchOf,
    parse: (raw) => Risk.safeParse(raw).data,
    update: (against, patch) => api.updateRisk(against.entity.id, patch, against.version),
    fields: FIELDS,
    show: (name, v) => {
      if (name === 'status') return t(`riskStatus.${v.status}`);
      if (name === 'mitigation') return v.mitigation;
      if (name === 'confidential') return t(v.confidential ? 'common.yes' : 'common.no');
      return number(v[name]);
    },
    saved: (r, { syncQueued }) => onSaved(r, syncQueued),
    focus: true,
  });
  const { values, set } = editor;

  const heading = t('risks.updateOf', { title: editor.base!.entity.title });
  return (
    <EditorShell
      editor={editor}
      onSubmit={editor.save}
      label={heading}
      testId="risk-editor"
      heading={<h3>{heading}</h3>}
      conflict={editor.conflictProps}
      submitLabel={t('common.save')}
      onCancel={onCancel}
      spacing="start"
    >
      <div className={styles.row}>
        <Field {...editor.labelled('status')}>
          <Select value={values.status} onChange={(_, d) => set('status', d.value as RiskStatus)}>
            <Options values={RISK_STATUSES} label={(s) => t(`riskStatus.${s}`)} />
          </Select>
        </Field>
        <RatingSelect
          field={editor.labelled('likelihood')}
          value={values.likelihood}
          onChange={(n) => set('likelihood', n)}
        />
        <RatingSelect
          field={editor.labelled('impact')}
          value={values.impact}
          onChange={(n) => set('impact', n)}
        />
      </div>
      <Field {...editor.labelled('mitigation')}>
        <Textarea
          value={values.mitigation}
          onChange={(_, d) => set('mitigation', d.value)}
          resize="vertical"
          rows={3}
        />
      </Field>
      <ConfidentialField checked={values.confidential} onChange={(c) => set('confidential', c)} />
    </EditorShell>
  );
}
