// Raising a risk on a project: the level shows live, and a score at or above the escalation
// threshold warns that it goes to the Transformation Office at once.
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { RISK_CATEGORIES, riskLevel, type RiskCategory } from '../../../bot/domain/risk.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useI18n } from '../i18n/index.js';
import { newKey } from '../ids.js';
import { ErrorView } from './error-view.js';

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
});

export function RaiseRiskForm({
  projectId,
  threshold,
  onRaised,
}: {
  projectId: string | null;
  threshold: number;
  onRaised: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const { t, number } = useI18n();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<RiskCategory>('delivery');
  const [likelihood, setLikelihood] = useState(3);
  const [impact, setImpact] = useState(3);
  const [confidential, setConfidential] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [raised, setRaised] = useState(false);
  const [key, setKey] = useState(newKey);
  const score = likelihood * impact;
  const level = riskLevel(score);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFailure(undefined);
    setRaised(false);
    try {
      await api.raiseRisk({ projectId, title, description, category, likelihood, impact, confidential }, key);
      setKey(newKey());
      setTitle('');
      setDescription('');
      setConfidential(false);
      setRaised(true);
      onRaised();
    } catch (err) {
      const apiErr = asApiError(err, '');
      setErrors(apiErr.fieldErrors());
      setFailure(apiErr);
    }
  };

  const rating = (value: number, onChange: (n: number) => void, label: string) => (
    <Field label={label}>
      <Select value={String(value)} onChange={(_, d) => onChange(Number(d.value))}>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {number(n)}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="raise-risk-title"
    >
      <h2 id="raise-risk-title">{t('risks.raise')}</h2>
      <Field label={t('risks.col.title')} required validationMessage={errors.title}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={t('risks.description')} validationMessage={errors.description}>
        <Textarea
          value={description}
          onChange={(_, d) => setDescription(d.value)}
          rows={3}
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Field label={t('risks.category')}>
          <Select value={category} onChange={(_, d) => setCategory(d.value as RiskCategory)}>
            {RISK_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        {rating(likelihood, setLikelihood, t('risks.likelihood'))}
        {rating(impact, setImpact, t('risks.impact'))}
      </div>
      <Field hint={t('risks.confidentialHint')}>
        <Checkbox
          label={t('risks.confidential')}
          checked={confidential}
          onChange={(_, d) => setConfidential(d.checked === true)}
        />
      </Field>
      <p role="status" aria-live="polite">
        {t('risks.scorePreview', { score: number(score), level: t(`level.${level}`) })}
      </p>
      {score >= threshold ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('risks.escalationWarning')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {failure ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('common.fixErrors')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      {raised ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('risks.raised')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" type="submit">
          {t('risks.raise')}
        </Button>
      </div>
    </form>
  );
}
