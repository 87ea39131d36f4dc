import { Badge, makeStyles } from '@fluentui/react-components';
import type { RiskLevel } from '../../../bot/domain/risk.js';
import { useI18n } from '../i18n/index.js';

// A badge is one line: in a narrow column it keeps its words together rather than spilling out.
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

const COLOR = { low: 'success', medium: 'warning', high: 'severe', critical: 'danger' } as const;

export function LevelBadge({ level, score }: { level: RiskLevel; score?: number }) {
  const styles = useStyles();
  const { t, number } = useI18n();
  return (
    <Badge className={styles.badge} appearance="tint" color={COLOR[level]}>
      {score !== undefined ? `${number(score)} · ` : ''}
      {t(`level.${level}`)}
    </Badge>
  );
}
