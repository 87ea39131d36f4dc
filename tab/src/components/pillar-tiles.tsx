// One tile per pillar: projects by health, the change since last period and missing updates.
// Choosing a tile filters the table to that pillar.
import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { pillarName, type PillarCode } from '../../../bot/domain/pillar.js';
import type { PortfolioSummary } from '../api/endpoints.js';
import { useI18n } from '../i18n/index.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBlockEnd: tokens.spacingVerticalL,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalS,
  },
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
  },
  dot: {
    width: '10px',
    height: '10px',
    borderRadius: '50%',
    display: 'inline-block',
    forcedColorAdjust: 'none',
  },
  green: { backgroundColor: tokens.colorPaletteGreenForeground1 },
  amber: { backgroundColor: tokens.colorPaletteMarigoldForeground1 },
  red: { backgroundColor: tokens.colorPaletteRedForeground1 },
  unknown: { backgroundColor: tokens.colorNeutralForeground3 },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
});

export interface PillarTilesProps {
  summary: PortfolioSummary;
  selected?: string;
  onSelect: (pillar: PillarCode | undefined) => void;
}

export function PillarTiles({ summary, selected, onSelect }: PillarTilesProps) {
  const styles = useStyles();
  const { t, locale, number } = useI18n();
  return (
    <ul className={styles.grid} aria-label={t('portfolio.tiles')}>
      {summary.pillars.map((p) => {
        const isSelected = selected === p.pillar;
        const name = pillarName(p.pillar, locale);
        return (
          <li key={p.pillar}>
            <Card
              className={isSelected ? styles.selected : undefined}
              onClick={() => onSelect(isSelected ? undefined : p.pillar)}
              selected={isSelected}
              floatingAction={undefined}
              aria-pressed={isSelected}
              role="button"
              tabIndex={0}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(isSelected ? undefined : p.pillar);
                }
              }}
              aria-label={`${name}: ${t('portfolio.projectsCount', { count: p.projects })}, ${t('health.green')} ${p.health.green}, ${t('health.amber')} ${p.health.amber}, ${t('health.red')} ${p.health.red}, ${t('health.unknown')} ${p.health.unknown}. ${t('portfolio.improved', { count: p.improved })}, ${t('portfolio.worsened', { count: p.worsened })}. ${t('portfolio.filterPillar')}`}
              data-pillar={p.pillar}
            >
              <CardHeader
                header={<Text weight="semibold">{name}</Text>}
                description={t('portfolio.projectsCount', { count: p.projects })}
              />
              <div className={styles.counts}>
                {(['green', 'amber', 'red', 'unknown'] as const).map((h) => (
                  <span key={h} className={styles.count}>
                    <span className={`${styles.dot} ${styles[h]}`} aria-hidden />
                    {t(`health.${h}`)} {number(p.health[h])}
                  </span>
                ))}
              </div>
              <Text size={200} className={styles.meta}>
                ▲ {t('portfolio.improved', { count: number(p.improved) })} · ▼{' '}
                {t('portfolio.worsened', { count: number(p.worsened) })}
              </Text>
              <Text size={200} className={styles.meta}>
                {t('portfolio.updatesMissing', { count: number(p.updatesMissing) })}
              </Text>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
