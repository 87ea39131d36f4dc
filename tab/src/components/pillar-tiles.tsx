// One tile per pillar: projects by health, the change since last period and missing updates
// (overdue apart from those merely due this week, as Needs attention splits them).
// Choosing a tile filters the table to that pillar.
import { makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
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
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXS,
    inlineSize: '100%',
    blockSize: '100%',
    textAlign: 'start',
    cursor: 'pointer',
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    fontFamily: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '2px',
    },
  },
  selected: {
    ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
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
            <button
              type="button"
              className={mergeClasses(styles.tile, isSelected && styles.selected)}
              onClick={() => onSelect(isSelected ? undefined : p.pillar)}
              aria-pressed={isSelected}
              title={t('portfolio.filterPillar')}
              data-pillar={p.pillar}
            >
              <Text weight="semibold" block>
                {name}
              </Text>
              <Text size={200} className={styles.meta}>
                {t('portfolio.projectsCount', { count: p.projects })}
              </Text>
              <span className={styles.counts}>
                {(['green', 'amber', 'red', 'unknown'] as const).map((h) => (
                  <span key={h} className={styles.count}>
                    <span className={mergeClasses(styles.dot, styles[h])} aria-hidden />
                    {t(`health.${h}`)} {number(p.health[h])}
                  </span>
                ))}
              </span>
              <Text size={200} className={styles.meta}>
                <span aria-hidden>▲ </span>
                {t('portfolio.improved', { count: number(p.improved) })}
                {' · '}
                <span aria-hidden>▼ </span>
                {t('portfolio.worsened', { count: number(p.worsened) })}
              </Text>
              <Text size={200} className={styles.meta}>
                {t('portfolio.updatesSplit', {
                  overdue: p.overdue,
                  due: p.updatesMissing - p.overdue,
                })}
              </Text>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
