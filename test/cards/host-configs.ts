// Text colours and backgrounds of the Teams host configs, for the contrast checks.
//
// Light and dark: Microsoft's Teams host configs, microsoft/AdaptiveCards
// samples/HostConfig/microsoft-teams-light.json and microsoft-teams-dark.json (found with the search
// tool; "#AARRGGBB" values as published). Only containerStyles.*.backgroundColor and
// foregroundColors are copied. High contrast: no Teams high-contrast host config is published; the
// values are read from Fluent UI's own `teamsHighContrastTheme` (the theme Teams uses), installed here.
import { teamsHighContrastTheme as hc } from '@fluentui/react-components';

export type ColorName = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning';

/** [normal, subtle] per colour name. */
type Foreground = Record<ColorName, readonly [string, string]>;
export interface ThemeColors {
  name: string;
  styles: Record<ContainerStyle, { background: string; foreground: Foreground }>;
}

const lightFg: Foreground = {
  default: ['#ff252424', '#bf252424'],
  dark: ['#252424', '#bf252424'],
  light: ['#ffffff', '#fff3f2f1'],
  accent: ['#6264a7', '#8b8cc7'],
  good: ['#92c353', '#e592c353'],
  warning: ['#f8d22a', '#e5f8d22a'],
  attention: ['#c4314b', '#e5c4314b'],
};
const darkFg: Foreground = {
  default: ['#ffffffff', '#bfffffff'],
  dark: ['#ff201f1f', '#ff2d2c2c'],
  light: ['#ffffffff', '#bfffffff'],
  accent: ['#ffa6a7dc', '#ff8b8cc7'],
  good: ['#ff92c353', '#e592c353'],
  warning: ['#fff8d22a', '#e5f8d22a'],
  attention: ['#ffd74654', '#e5d74654'],
};
// In the dark config, coloured containers (light backgrounds) switch their default text to dark.
const darkOnColour: Foreground = { ...darkFg, default: ['#ff201f1f', '#ff2d2c2c'] };

export const LIGHT: ThemeColors = {
  name: 'light',
  styles: {
    default: { background: '#ffffff', foreground: lightFg },
    emphasis: { background: '#fff9f8f7', foreground: lightFg },
    accent: { background: '#C7DEF9', foreground: lightFg },
    good: { background: '#CCFFCC', foreground: lightFg },
    attention: { background: '#FFC5B2', foreground: lightFg },
    warning: { background: '#FFE2B2', foreground: lightFg },
  },
};

export const DARK: ThemeColors = {
  name: 'dark',
  styles: {
    default: { background: '#ff2d2c2c', foreground: darkFg },
    emphasis: { background: '#ff292828', foreground: darkFg },
    accent: { background: '#C7DEF9', foreground: darkOnColour },
    good: { background: '#CCFFCC', foreground: darkOnColour },
    attention: { background: '#FFC5B2', foreground: darkOnColour },
    warning: { background: '#FFE2B2', foreground: darkOnColour },
  },
};

const hcFg: Foreground = {
  default: [hc.colorNeutralForeground1, hc.colorNeutralForeground2],
  dark: [hc.colorNeutralForeground1, hc.colorNeutralForeground2],
  light: [hc.colorNeutralForeground1, hc.colorNeutralForeground2],
  accent: [hc.colorBrandForeground1, hc.colorBrandForeground2],
  good: [hc.colorPaletteGreenForeground1, hc.colorPaletteGreenForeground1],
  warning: [hc.colorPaletteYellowForeground1, hc.colorPaletteYellowForeground1],
  attention: [hc.colorPaletteRedForeground1, hc.colorPaletteRedForeground1],
};
const hcStyle = { background: hc.colorNeutralBackground1, foreground: hcFg };
export const HIGH_CONTRAST: ThemeColors = {
  name: 'high contrast',
  styles: {
    default: hcStyle,
    emphasis: { background: hc.colorNeutralBackground3, foreground: hcFg },
    accent: hcStyle,
    good: hcStyle,
    attention: hcStyle,
    warning: hcStyle,
  },
};

export const THEMES: readonly ThemeColors[] = [LIGHT, DARK, HIGH_CONTRAST];

type Rgb = [number, number, number];

/** "#RRGGBB" or "#AARRGGBB" (alpha first, as host configs write it) composited over `under`. */
export function toRgb(hex: string, under: Rgb = [255, 255, 255]): Rgb {
  const h = hex.replace('#', '');
  const alpha = h.length === 8 ? parseInt(h.slice(0, 2), 16) / 255 : 1;
  const rgb = h.length === 8 ? h.slice(2) : h;
  return [0, 2, 4].map((i, k) => {
    const c = parseInt(rgb.slice(i, i + 2), 16);
    return Math.round(alpha * c + (1 - alpha) * under[k]!);
  }) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of a text colour over a background (both possibly with alpha). */
export function contrast(foreground: string, background: string): number {
  const bg = toRgb(background);
  const fg = toRgb(foreground, bg);
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/** Contrast of a card text colour ("Warning", "Default"...) in a container style of a theme. */
export function textContrast(
  theme: ThemeColors,
  color: string,
  subtle: boolean,
  style: ContainerStyle = 'default',
): number {
  const s = theme.styles[style];
  const pair = s.foreground[color.toLowerCase() as ColorName];
  if (!pair) throw new Error(`unknown colour ${color}`);
  return contrast(pair[subtle ? 1 : 0], s.background);
}

export interface ColouredText {
  text: string;
  color: string;
  subtle: boolean;
  style: ContainerStyle;
}

/** Every TextBlock and TextRun of a card with its colour, subtlety and the container style around it. */
export function colouredTexts(card: unknown): ColouredText[] {
  const found: ColouredText[] = [];
  const walk = (v: unknown, style: ContainerStyle) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, style));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'TextBlock' || o.type === 'TextRun') {
      found.push({
        text: typeof o.text === 'string' ? o.text : '',
        color: typeof o.color === 'string' ? o.color : 'Default',
        subtle: o.isSubtle === true,
        style,
      });
    }
    const inner =
      o.type === 'Action.ShowCard'
        ? 'emphasis' // host config actions.showCard.style in both Teams configs
        : typeof o.style === 'string' && o.type === 'Container'
          ? (o.style.toLowerCase() as ContainerStyle)
          : style;
    for (const [k, x] of Object.entries(o)) if (k !== 'data' && k !== 'fallback') walk(x, inner);
    if (o.fallback) walk(o.fallback, style);
  };
  walk(card, 'default');
  return found;
}
