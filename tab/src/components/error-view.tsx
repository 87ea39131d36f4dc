import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ApiError } from '../api/problem.js';
import { useContext } from 'react';
import { AppContext } from '../context.js';
import { useI18n, type Translate } from '../i18n/index.js';

/** The user-facing sentence for a failed call: the server's localised detail, or a neutral one. */
export function messageOf(error: ApiError, t: Translate): string {
  if (error.status === 0) return t('error.network');
  if (error.problem.detail) return error.problem.detail;
  if (error.status === 404) return t('error.notFound');
  return t('error.generic');
}

export interface ErrorViewProps {
  error: ApiError;
  onRetry?: () => void;
  /** Defaults to the app's consent flow. */
  onConsent?: (scopes?: readonly string[]) => Promise<void>;
}

export function ErrorView({ error, onRetry, onConsent }: ErrorViewProps) {
  const { t } = useI18n();
  const app = useContext(AppContext);
  const consent = onConsent ?? app?.consent;
  if (error.isConsentRequired && consent) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('consent.title')}</MessageBarTitle>
          {t('consent.body')}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            appearance="primary"
            onClick={() => void consent(error.problem.scopes).then(() => onRetry?.())}
          >
            {t('consent.button')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {messageOf(error, t)}
        {error.problem.correlationId ? (
          <div>
            <small>{t('error.reference', { id: error.problem.correlationId })}</small>
          </div>
        ) : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('error.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
