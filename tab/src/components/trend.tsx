import { ArrowDown16Regular, ArrowUp16Regular, Subtract16Regular } from '@fluentui/react-icons';
import { healthChange, type Health } from '../../../bot/domain/health.js';
import { useI18n } from '../i18n/index.js';

export function trendOf(
  previous: Health | undefined,
  current: Health | undefined,
): 'improved' | 'worsened' | 'same' | 'unknown' {
  const c = healthChange(previous, current);
  return c === undefined ? 'unknown' : c < 0 ? 'improved' : c > 0 ? 'worsened' : 'same';
}

/** Health trend since the previous period, as an icon and words. */
export function Trend({ previous, current }: { previous: Health | undefined; current: Health | undefined }) {
  const { t } = useI18n();
  const trend = trendOf(previous, current);
  const icon =
    trend === 'improved' ? (
      <ArrowUp16Regular aria-hidden />
    ) : trend === 'worsened' ? (
      <ArrowDown16Regular aria-hidden />
    ) : (
      <Subtract16Regular aria-hidden />
    );
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }} data-trend={trend}>
      {icon}
      {t(`trend.${trend}`)}
    </span>
  );
}
