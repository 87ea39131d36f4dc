// "Council report" on the Portfolio page (CTO and Transformation Office): pick a period and a
// language, and the server drafts the Council progress report as an editable Word document
// (GET /api/v1/reports/progress), downloaded by the browser.
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
import { useEffect, useRef, useState } from 'react';
import { previousPeriod } from '../../../bot/domain/period.js';
import { ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useI18n } from '../i18n/index.js';
import { messageOf } from './error-view.js';
import { LanguageOptions } from './language-options.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBlockEnd: tokens.spacingVerticalM,
  },
});

const BUTTON_ID = 'council-report';

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function CouncilReport() {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState(() => previousPeriod(me.currentPeriod));
  const [language, setLanguage] = useState<string>(locale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string }>();
  const first = useRef<HTMLInputElement>(null);
  // Focus into the form on open, and back to its button once the closed state is on the page (a
  // timer set in close() could fire before React had rendered the button again).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) first.current?.focus();
    else if (wasOpen.current) document.getElementById(BUTTON_ID)?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!me.canAdminister) return null;
  if (!open) {
    return (
      <Button id={BUTTON_ID} onClick={() => setOpen(true)}>
        {t('report.button')}
      </Button>
    );
  }
  const close = () => {
    setOpen(false);
    setError(undefined);
  };
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const file = await api.progressReport(period.trim(), language);
      save(file.blob, file.fileName ?? `council-progress-report-${period}-${language}.docx`);
      close();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.fieldErrors();
      setError(fields.period ? { field: 'period', message: fields.period } : { message: messageOf(e, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={styles.form}
      aria-label={t('report.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void download();
      }}
    >
      <Field
        label={t('report.period')}
        hint={t('report.periodHint')}
        validationState={error?.field === 'period' ? 'error' : 'none'}
        validationMessage={error?.field === 'period' ? error.message : undefined}
      >
        <Input ref={first} value={period} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
      <Field label={t('report.language')}>
        <Select value={language} onChange={(_, d) => setLanguage(d.value)}>
          <LanguageOptions />
        </Select>
      </Field>
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('report.download')}
      </Button>
      <Button onClick={close}>{t('report.cancel')}</Button>
      {error && !error.field ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('report.failed', { message: error.message })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
