// Text contrast in the Teams host configs (light, dark, high contrast; test/cards/host-configs.ts):
// every TextBlock and TextRun of every card the app sends keeps at least 4.5:1 (WCAG AA) against
// the background of the container it sits in, in each theme. Status is carried by a shape and a
// word (bot/cards/status-marks.ts) instead of the warning, good and attention colours.
import { describe, expect, it } from 'vitest';
import { SAFE_TEXT_COLORS } from '../../bot/cards/status-marks.js';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { withoutCharts } from './card-validation.js';
import { everyCard } from './every-card.js';
import { colouredTexts, contrast, DARK, HIGH_CONTRAST, LIGHT, textContrast, THEMES } from './host-configs.js';

describe('contrast computed from the host configs', () => {
  it('matches WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // Alpha is composited over the background: 75% of #252424 on white is about #5b5b5b.
    expect(contrast('#bf252424', '#ffffff')).toBeCloseTo(contrast('#5c5b5b', '#ffffff'), 1);
  });

  it('shows why warning, good and attention text is not used', () => {
    expect(textContrast(LIGHT, 'Warning', false)).toBeLessThan(1.6);
    expect(textContrast(LIGHT, 'Good', false)).toBeLessThan(2.2);
    expect(textContrast(DARK, 'Attention', false)).toBeLessThan(3.3);
  });

  it('keeps the colours the cards use at 4.5:1 or more in every theme, normal and subtle', () => {
    for (const theme of THEMES)
      for (const color of SAFE_TEXT_COLORS)
        for (const style of ['default', 'emphasis'] as const) {
          expect(
            textContrast(theme, color, false, style),
            `${theme.name} ${color} ${style}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
    for (const theme of THEMES) expect(textContrast(theme, 'Default', true)).toBeGreaterThanOrEqual(4.5);
    expect(HIGH_CONTRAST.styles.default.background.toLowerCase()).toBe('#000000');
  });
});

describe.each(SUPPORTED_LOCALES)('every card in %s', (locale) => {
  const cards = everyCard(locale);
  it.each(Object.keys(cards))('%s: text keeps 4.5:1 in the light, dark and high-contrast themes', (name) => {
    // Hosts with charts and hosts that show the fallbacks: both sets of text count.
    const texts = [...colouredTexts(cards[name]), ...colouredTexts(withoutCharts(cards[name]))];
    expect(texts.length).toBeGreaterThan(0);
    const low = texts.flatMap((x) =>
      THEMES.map((theme) => ({
        theme: theme.name,
        ...x,
        ratio: textContrast(theme, x.color, x.subtle, x.style),
      }))
        .filter((r) => r.ratio < 4.5)
        .map(
          (r) =>
            `${r.theme}: ${r.color}${r.subtle ? ' subtle' : ''} in ${r.style} (${r.ratio.toFixed(2)}) "${r.text.slice(0, 40)}"`,
        ),
    );
    expect(low).toEqual([]);
  });
});
