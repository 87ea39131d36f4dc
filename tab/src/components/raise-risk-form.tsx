// Raising a risk on a project: the level shows live, and a score at or above the escalation
// threshold warns that it goes to the Transformation Office at once.
import { Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { RISK_CATEGORIES, riskLevel, type RiskCategory } from '../../../bot/domain/risk.js';
import { useApp } from '../context.js';
import { useEditor } from '../hooks/use-editor.js';
import { useI18n } from '../i18n/index.js';
import { EditorShell, useFieldRowStyles } from './editor-shell.js';
import { ConfidentialField, RatingSelect } from './risk-fields.js';
import { Options } from './options.js';

const EMPTY = {
  title: '',
  description: '',
  category: 'delivery' as RiskCategory,
  likelihood: 3,
  impact: 3,
  confidential: false,
};

export function RaiseRiskForm({
  projectId,
  threshold,
  onRaised,
}: {
  projectId: string | null;
  threshold: number;
  onRaised: () => void;
}) {
  const styles = useFieldRowStyles();
  const { api } = useApp();
  const { t, number } = useI18n();
  const editor = useEditor({ initial: EMPTY });
  const { values, set, field } = editor;
  const score = values.likelihood * values.impact;
  const level = riskLevel(score);

  const submit = () =>
    void editor.submit(
      (key) => api.raiseRisk({ projectId, ...values }, key),
      () => {
        // The ratings and category stay for the next risk; what describes this one goes.
        editor.update((v) => ({ ...v, title: '', description: '', confidential: false }));
        onRaised();
        return t('risks.raised');
      },
    );

  return (
    <EditorShell
      editor={editor}
      onSubmit={submit}
      labelledBy="raise-risk-title"
      heading={<h2 id="raise-risk-title">{t('risks.raise')}</h2>}
      submitLabel={t('risks.raise')}
      spacing="start"
    >
      <Field label={t('risks.col.title')} required {...field('title')}>
        <Input value={values.title} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <Field label={t('risks.description')} {...field('description')}>
        <Textarea
          value={values.description}
          onChange={(_, d) => set('description', d.value)}
          rows={3}
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Field label={t('risks.category')}>
          <Select value={values.category} onChange={(_, d) => set('category', d.value as RiskCategory)}>
            <Options values={RISK_CATEGORIES} label={(c) => t(`category.${c}`)} />
          </Select>
        </Field>
        <RatingSelect
          field={{ label: t('risks.likelihood') }}
          value={values.likelihood}
          onChange={(n) => set('likelihood', n)}
        />
        <RatingSelect
          field={{ label: t('risks.impact') }}
          value={values.impact}
          onChange={(n) => set('impact', n)}
        />
      </div>
      <ConfidentialField checked={values.confidential} onChange={(c) => set('confidential', c)} />
      <p role="status" aria-live="polite">
        {t('risks.scorePreview', { score: number(score), level: t(`level.${level}`) })}
      </p>
      {score >= threshold ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('risks.escalationWarning')}</MessageBarBody>
        </MessageBar>
      ) : null}
    </EditorShell>
  );
}
