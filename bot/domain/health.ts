import { z } from 'zod';

export const HEALTHS = ['green', 'amber', 'red'] as const;
export const Health = z.enum(HEALTHS, { error: 'expected green, amber or red' });
export type Health = z.infer<typeof Health>;

/** Worse health sorts higher. */
export const HEALTH_SEVERITY: Readonly<Record<Health, number>> = { green: 0, amber: 1, red: 2 };

export function worseHealth(a: Health, b: Health): Health {
  return HEALTH_SEVERITY[a] >= HEALTH_SEVERITY[b] ? a : b;
}

/** -1 improved, 0 same, 1 worsened; undefined when either side is unknown. */
export function healthChange(before: Health | undefined, after: Health | undefined): -1 | 0 | 1 | undefined {
  if (!before || !after) return undefined;
  const d = HEALTH_SEVERITY[after] - HEALTH_SEVERITY[before];
  return d === 0 ? 0 : d > 0 ? 1 : -1;
}
