import { Badge } from '@fluentui/react-components';
import type { RiskLevel } from '../../../bot/domain/risk.js';
import { useI18n } from '../i18n/index.js';

const COLOR = { low: 'success', medium: 'warning', high: 'severe', critical: 'danger' } as const;

export function LevelBadge({ level, score }: { level: RiskLevel; score?: number }) {
  const { t, number } = useI18n();
  return (
    <Badge appearance="tint" color={COLOR[level]}>
      {score !== undefined ? `${number(score)} · ` : ''}
      {t(`level.${level}`)}
    </Badge>
  );
}
