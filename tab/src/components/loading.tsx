import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/index.js';

export function Loading() {
  const { t } = useI18n();
  return <Spinner size="small" label={t('app.loading')} />;
}
