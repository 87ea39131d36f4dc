// KPIs with a baseline and a target, and their measurements over time (seed 001, section 7).
import { z } from 'zod';
import { PillarCode } from './pillar.js';
import { HttpsUrl, Id, IsoDate, IsoDateTime, line, patchOf, text, Version } from './primitives.js';

export const KpiDirection = z.enum(['higher-is-better', 'lower-is-better']);
export type KpiDirection = z.infer<typeof KpiDirection>;

/** Largest KPI magnitude accepted: budgets in francs fit; 1e308 or 2^53 + 1 (which JSON rounds) do not. */
export const KPI_VALUE_LIMIT = 1e12;
/** Smallest non-zero magnitude: below it a value is float noise or a subnormal (1e-320), not a measurement. */
export const KPI_VALUE_RESOLUTION = 1e-9;

/** A KPI value: finite, within ±KPI_VALUE_LIMIT, and 0 or at least KPI_VALUE_RESOLUTION in magnitude. */
export const KpiValue = z
  .number({ error: 'expected a number' })
  .finite()
  .min(-KPI_VALUE_LIMIT)
  .max(KPI_VALUE_LIMIT)
  .refine((v) => v === 0 || Math.abs(v) >= KPI_VALUE_RESOLUTION, {
    error: `expected 0 or a number at least ${KPI_VALUE_RESOLUTION} in magnitude`,
  });

const Point = z.object({ value: KpiValue, date: IsoDate });

const KpiShape = z.object({
  title: line(200, 3),
  description: text(2000).default(''),
  pillar: PillarCode.nullable().default(null),
  projectId: Id.nullable().default(null),
  unit: line(24, 1),
  direction: KpiDirection,
  baseline: Point,
  target: Point,
  ownerId: Id.nullable().default(null),
});

function targetConsistent(k: {
  baseline?: { value: number; date: string };
  target?: { value: number; date: string };
  direction?: KpiDirection;
}): boolean {
  if (!k.baseline || !k.target || !k.direction) return true;
  if (k.target.date <= k.baseline.date) return false;
  return k.direction === 'higher-is-better' ? k.target.value >= k.baseline.value : k.target.value <= k.baseline.value;
}
const TARGET_RULE = {
  error: 'the target must be later than the baseline and in the direction of improvement',
  path: ['target'],
};
function scoped(k: { pillar?: string | null; projectId?: string | null }): boolean {
  return !!k.pillar || !!k.projectId;
}
const SCOPE_RULE = { error: 'a KPI belongs to a pillar or a project', path: ['pillar'] };

export const Kpi = KpiShape.extend({
  id: Id,
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
  .refine(targetConsistent, TARGET_RULE)
  .refine(scoped, SCOPE_RULE);
export type Kpi = z.infer<typeof Kpi>;

export const KpiCreate = KpiShape.extend({ id: Id.optional() })
  .strict()
  .refine(targetConsistent, TARGET_RULE)
  .refine(scoped, SCOPE_RULE);
export type KpiCreate = z.input<typeof KpiCreate>;

export const KpiPatch = patchOf(KpiShape).strict();
export type KpiPatch = z.input<typeof KpiPatch>;

const MeasurementShape = z.object({
  kpiId: Id,
  date: IsoDate,
  value: KpiValue,
  evidenceUrl: HttpsUrl.nullable().default(null),
  note: text(1000).default(''),
});

export const Measurement = MeasurementShape.extend({
  id: Id,
  byId: Id,
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Measurement = z.infer<typeof Measurement>;

export const MeasurementCreate = MeasurementShape.omit({ kpiId: true }).extend({ id: Id.optional() }).strict();
export type MeasurementCreate = z.input<typeof MeasurementCreate>;

export const MeasurementPatch = patchOf(MeasurementShape.omit({ kpiId: true })).strict();
export type MeasurementPatch = z.input<typeof MeasurementPatch>;

export type KpiTrend = 'on-track' | 'behind' | 'achieved' | 'no-data';

export interface KpiProgress {
  latest?: { value: number; date: string };
  /** Share of the way from baseline to target, 0 = baseline, 1 = target (may go below 0 or above 1). */
  progress?: number;
  /** Share of the time from baseline date to target date elapsed at the latest measurement. */
  expected?: number;
  trend: KpiTrend;
}

/**
 * Progress of a KPI from its baseline towards its target. `behind` when the progress made lags the
 * time elapsed by more than `tolerance` (a share of the whole way). Measurements dated before the
 * baseline are history the baseline already supersedes; they do not count. A KPI whose target is its
 * baseline ("hold at 95 %") is achieved while the latest value holds it, and behind otherwise.
 */
export function kpiProgress(
  kpi: Pick<Kpi, 'baseline' | 'target' | 'direction'>,
  measurements: ReadonlyArray<Pick<Measurement, 'date' | 'value'>>,
  tolerance = 0.1,
): KpiProgress {
  const latest = measurements
    .filter((m) => m.date >= kpi.baseline.date)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  if (!latest) return { trend: 'no-data' };
  const span = kpi.target.value - kpi.baseline.value;
  const achieved = kpi.direction === 'higher-is-better' ? latest.value >= kpi.target.value : latest.value <= kpi.target.value;
  const progress = span === 0 ? (achieved ? 1 : 0) : (latest.value - kpi.baseline.value) / span;
  const t0 = Date.parse(kpi.baseline.date);
  const t1 = Date.parse(kpi.target.date);
  const expected = t1 <= t0 ? 1 : Math.min(1, Math.max(0, (Date.parse(latest.date) - t0) / (t1 - t0)));
  const trend: KpiTrend = achieved
    ? 'achieved'
    : span !== 0 && progress + tolerance >= expected
      ? 'on-track'
      : 'behind';
  return { latest: { value: latest.value, date: latest.date }, progress, expected, trend };
}
