import { Badge, makeStyles } from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  ErrorCircle16Filled,
  QuestionCircle16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import type { Health } from '../../../bot/domain/health.js';
import { useI18n } from '../i18n/index.js';

// A badge is one line: in a narrow column it keeps its words together rather than spilling out.
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });
const LOOK = {
  green: { color: 'success', icon: <CheckmarkCircle16Filled /> },
  amber: { color: 'warning', icon: <Warning16Filled /> },
  red: { color: 'danger', icon: <ErrorCircle16Filled /> },
  unknown: { color: 'informative', icon: <QuestionCircle16Regular /> },
} as const;

/** Health as colour, icon and words (never colour alone). */
export function HealthBadge({ health }: { health: Health | undefined }) {
  const styles = useStyles();
  const { t } = useI18n();
  const key = health ?? 'unknown';
  const look = LOOK[key];
  return (
    <Badge className={styles.badge} appearance="tint" color={look.color} icon={look.icon} data-health={key}>
      {t(`health.${key}`)}
    </Badge>
  );
}
