// Likelihood x impact: a 5x5 grid of buttons, each naming its cell, count and level in words.
// Choosing a cell lists its risks; the table below is the text alternative of the whole map.
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { riskLevel, type Risk } from '../../../bot/domain/risk.js';
import { useI18n } from '../i18n/index.js';

const useStyles = makeStyles({
  wrap: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: tokens.spacingHorizontalS,
    maxWidth: '520px',
  },
  yLabel: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    textAlign: 'center',
    alignSelf: 'center',
  },
  grid: { display: 'grid', gridTemplateColumns: 'auto repeat(5, 1fr)', gap: '4px' },
  axis: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    minHeight: '56px',
    minWidth: '56px',
    borderRadius: tokens.borderRadiusMedium,
    // Transparent in the light and dark themes; the cell's outline in high contrast, where the
    // level colours give way to the background.
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorTransparentStroke),
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': {
      outlineWidth: '3px',
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '2px',
    },
    '@media (forced-colors: active)': { ...shorthands.border('1px', 'solid', 'ButtonText') },
  },
  low: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  medium: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  high: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2 },
  critical: { backgroundColor: tokens.colorPaletteRedBackground2 },
  selected: { outlineWidth: '3px', outlineStyle: 'solid', outlineColor: tokens.colorBrandStroke1 },
  xLabel: { gridColumn: '2 / span 5', textAlign: 'center' },
});

export interface Cell {
  likelihood: number;
  impact: number;
}

export function RiskHeatMap({
  risks,
  selected,
  onSelect,
}: {
  risks: readonly Risk[];
  selected?: Cell;
  onSelect: (cell: Cell | undefined) => void;
}) {
  const styles = useStyles();
  const { t, number } = useI18n();
  const counts = new Map<string, number>();
  for (const r of risks)
    counts.set(`${r.likelihood}:${r.impact}`, (counts.get(`${r.likelihood}:${r.impact}`) ?? 0) + 1);
  return (
    <div className={styles.wrap} role="group" aria-label={t('risks.heatmap')}>
      <span className={styles.yLabel} aria-hidden>
        {t('risks.likelihood')}
      </span>
      <div className={styles.grid}>
        {[5, 4, 3, 2, 1].map((l) => [
          <span key={`y${l}`} className={styles.axis} aria-hidden>
            {number(l)}
          </span>,
          ...[1, 2, 3, 4, 5].map((i) => {
            const count = counts.get(`${l}:${i}`) ?? 0;
            const level = riskLevel(l * i);
            const isSelected = selected?.likelihood === l && selected.impact === i;
            return (
              <button
                key={`${l}:${i}`}
                type="button"
                className={mergeClasses(styles.cell, styles[level], isSelected && styles.selected)}
                aria-pressed={isSelected}
                // The visible count leads the name (axe label-content-name-mismatch: in Arabic the
                // plural words of the label carry no digit).
                aria-label={`${count > 0 ? `${number(count)} · ` : ''}${t('risks.cell', { likelihood: l, impact: i, count, level: t(`level.${level}`) })}`}
                data-cell={`${l}-${i}`}
                onClick={() => onSelect(isSelected ? undefined : { likelihood: l, impact: i })}
              >
                {count > 0 ? number(count) : ''}
              </button>
            );
          }),
        ])}
        <span />
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={`x${i}`} className={styles.axis} aria-hidden>
            {number(i)}
          </span>
        ))}
        <span />
        <span className={styles.xLabel} aria-hidden>
          {t('risks.impact')}
        </span>
      </div>
    </div>
  );
}
