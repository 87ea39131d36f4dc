import type { CSSProperties } from 'react';

/**
 * Directional icons (back arrow, "go on" chevron) point the other way in right-to-left layouts.
 * Fluent flips only the icons it marks as directional; these are flipped explicitly.
 */
export function mirrored(dir: 'ltr' | 'rtl'): CSSProperties | undefined {
  return dir === 'rtl' ? { transform: 'scaleX(-1)' } : undefined;
}
