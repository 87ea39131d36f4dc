import { describe, expect, it } from 'vitest';
import {
  Kpi,
  KpiCreate,
  KpiPatch,
  kpiProgress,
  MeasurementCreate,
  MeasurementPatch,
  type KpiTrend,
} from '../../bot/domain/kpi.js';

// Ten days from baseline to target, so that the expected share is a round number.
const higher = {
  direction: 'higher-is-better' as const,
  baseline: { value: 40, date: '2026-01-01' },
  target: { value: 80, date: '2026-01-11' },
};
const lower = {
  direction: 'lower-is-better' as const,
  baseline: { value: 120, date: '2026-01-01' },
  target: { value: 80, date: '2026-01-11' },
};
const holdHigh = {
  direction: 'higher-is-better' as const,
  baseline: { value: 95, date: '2026-01-01' },
  target: { value: 95, date: '2026-01-11' },
};
const holdLow = { ...holdHigh, direction: 'lower-is-better' as const };

type Kind = typeof higher | typeof lower | typeof holdHigh | typeof holdLow;
type M = { date: string; value: number };

describe('kpiProgress', () => {
  it.each<[string, Kind, M[], number | undefined, KpiTrend, number | undefined, number | undefined]>([
    // label, kpi, measurements, tolerance, trend, progress, expected
    ['no measurements', higher, [], undefined, 'no-data', undefined, undefined],
    [
      'higher: half way at half time',
      higher,
      [{ date: '2026-01-06', value: 60 }],
      undefined,
      'on-track',
      0.5,
      0.5,
    ],
    [
      'higher: on the baseline date, at the baseline',
      higher,
      [{ date: '2026-01-01', value: 40 }],
      undefined,
      'on-track',
      0,
      0,
    ],
    [
      'higher: 0.35 of the way at half time is behind (tolerance 0.1)',
      higher,
      [{ date: '2026-01-06', value: 54 }],
      undefined,
      'behind',
      0.35,
      0.5,
    ],
    [
      'higher: within tolerance exactly is on track',
      higher,
      [{ date: '2026-01-06', value: 50 }],
      0.25,
      'on-track',
      0.25,
      0.5,
    ],
    [
      'higher: just outside the tolerance is behind',
      higher,
      [{ date: '2026-01-06', value: 49 }],
      0.25,
      'behind',
      0.225,
      0.5,
    ],
    ['higher: target reached', higher, [{ date: '2026-01-06', value: 80 }], undefined, 'achieved', 1, 0.5],
    ['higher: target passed', higher, [{ date: '2026-01-09', value: 95 }], undefined, 'achieved', 1.375, 0.8],
    [
      'higher: worse than the baseline',
      higher,
      [{ date: '2026-01-06', value: 30 }],
      undefined,
      'behind',
      -0.25,
      0.5,
    ],
    [
      'higher: after the target date, not reached',
      higher,
      [{ date: '2026-02-01', value: 74 }],
      undefined,
      'behind',
      0.85,
      1,
    ],
    [
      'lower: half way at half time',
      lower,
      [{ date: '2026-01-06', value: 100 }],
      undefined,
      'on-track',
      0.5,
      0.5,
    ],
    ['lower: target reached', lower, [{ date: '2026-01-06', value: 80 }], undefined, 'achieved', 1, 0.5],
    [
      'lower: better than the target',
      lower,
      [{ date: '2026-01-06', value: 70 }],
      undefined,
      'achieved',
      1.25,
      0.5,
    ],
    [
      'lower: went up, the wrong way',
      lower,
      [{ date: '2026-01-06', value: 125 }],
      undefined,
      'behind',
      -0.125,
      0.5,
    ],
    [
      'lower: a quarter of the way at half time',
      lower,
      [{ date: '2026-01-06', value: 110 }],
      undefined,
      'behind',
      0.25,
      0.5,
    ],
    [
      'hold (target = baseline), higher: held',
      holdHigh,
      [{ date: '2026-01-06', value: 95 }],
      undefined,
      'achieved',
      1,
      0.5,
    ],
    ['hold, higher: above', holdHigh, [{ date: '2026-01-06', value: 96 }], undefined, 'achieved', 1, 0.5],
    [
      'hold, higher: slipped below is behind, not on track',
      holdHigh,
      [{ date: '2026-01-02', value: 90 }],
      undefined,
      'behind',
      0,
      0.1,
    ],
    ['hold, lower: held', holdLow, [{ date: '2026-01-06', value: 94 }], undefined, 'achieved', 1, 0.5],
    [
      'hold, lower: slipped above is behind',
      holdLow,
      [{ date: '2026-01-06', value: 96 }],
      undefined,
      'behind',
      0,
      0.5,
    ],
    [
      'a measurement dated before the baseline does not count',
      higher,
      [{ date: '2025-12-01', value: 100 }],
      undefined,
      'no-data',
      undefined,
      undefined,
    ],
    [
      'measurements before the baseline are ignored, later ones count',
      higher,
      [
        { date: '2025-12-01', value: 100 },
        { date: '2026-01-06', value: 60 },
      ],
      undefined,
      'on-track',
      0.5,
      0.5,
    ],
    [
      'the latest by date wins, not by list order',
      higher,
      [
        { date: '2026-01-09', value: 72 },
        { date: '2026-01-03', value: 44 },
      ],
      undefined,
      'on-track',
      0.8,
      0.8,
    ],
  ])('%s', (_label, kpi, measurements, tolerance, trend, progress, expected) => {
    const result = kpiProgress(kpi, measurements, tolerance);
    expect(result.trend).toBe(trend);
    if (progress === undefined) expect(result.progress).toBeUndefined();
    else expect(result.progress).toBeCloseTo(progress, 10);
    if (expected === undefined) expect(result.expected).toBeUndefined();
    else expect(result.expected).toBeCloseTo(expected, 10);
    if (trend === 'no-data') expect(result.latest).toBeUndefined();
  });

  it('reports the latest measurement it used', () => {
    const result = kpiProgress(higher, [
      { date: '2026-01-03', value: 44 },
      { date: '2026-01-09', value: 72 },
    ]);
    expect(result.latest).toEqual({ date: '2026-01-09', value: 72 });
  });
});

describe('KPI schemas', () => {
  const valid = {
    title: 'Share of processes digitised',
    pillar: 'SPT',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 40, date: '2026-01-01' },
    target: { value: 80, date: '2027-12-31' },
  };

  it.each<[string, Record<string, unknown>]>([
    ['a pillar KPI', {}],
    ['a project KPI', { pillar: null, projectId: 'p-1' }],
    ['both pillar and project', { projectId: 'p-1' }],
    ['a hold target (target value = baseline value)', { target: { value: 40, date: '2027-12-31' } }],
    [
      'lower is better with a lower target',
      {
        direction: 'lower-is-better',
        baseline: { value: 30, date: '2026-01-01' },
        target: { value: 10, date: '2026-12-31' },
      },
    ],
  ])('KpiCreate accepts %s', (_label, change) => {
    expect(KpiCreate.safeParse({ ...valid, ...change }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a target dated before the baseline', { target: { value: 80, date: '2025-12-31' } }, 'target'],
    [
      'a target dated on the baseline date (it must be later)',
      { target: { value: 80, date: '2026-01-01' } },
      'target',
    ],
    ['higher is better, target below the baseline', { target: { value: 30, date: '2027-12-31' } }, 'target'],
    ['lower is better, target above the baseline', { direction: 'lower-is-better' }, 'target'],
    ['neither pillar nor project', { pillar: null }, 'pillar'],
    ['an unknown pillar', { pillar: 'XYZ' }, 'pillar'],
    ['no unit', { unit: '' }, 'unit'],
    ['an unknown direction', { direction: 'up' }, 'direction'],
    ['an infinite baseline', { baseline: { value: Infinity, date: '2026-01-01' } }, 'baseline.value'],
    ['an impossible baseline date', { baseline: { value: 40, date: '2026-02-30' } }, 'baseline.date'],
    ['a title that is too short', { title: 'KP' }, 'title'],
    ['an unknown field', { weight: 3 }, ''],
  ])('KpiCreate refuses %s (path %j)', (_label, change, path) => {
    const result = KpiCreate.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('a stored Kpi is held to the same rules', () => {
    const stored = {
      ...valid,
      id: 'k-1',
      version: 1,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    expect(Kpi.safeParse(stored).success).toBe(true);
    expect(Kpi.safeParse({ ...stored, target: { value: 20, date: '2027-12-31' } }).success).toBe(false);
    expect(Kpi.safeParse({ ...stored, pillar: null }).success).toBe(false);
  });

  it.each<[string, Record<string, unknown>]>([
    ['title only', { title: 'Share of processes digitised end to end' }],
    ['target only', { target: { value: 90, date: '2027-12-31' } }],
    ['nothing', {}],
  ])('KpiPatch of %s parses to exactly the fields sent (pillar and owner are not reset)', (_label, patch) => {
    expect(KpiPatch.parse(patch)).toEqual(patch);
  });

  it('MeasurementPatch of the value only keeps the evidence and the note', () => {
    expect(MeasurementPatch.parse({ value: 61 })).toEqual({ value: 61 });
  });

  it.each<[string, Record<string, unknown>, string | null]>([
    [
      'a measurement with evidence',
      { evidenceUrl: 'https://contoso.sharepoint.com/sites/TO/report.pdf' },
      null,
    ],
    ['a measurement without evidence', {}, null],
    ['an http evidence link', { evidenceUrl: 'http://intranet/report.pdf' }, 'evidenceUrl'],
    ['a javascript: evidence link', { evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl'],
    ['a value as text', { value: '55' }, 'value'],
    ['a value that is not a number', { value: NaN }, 'value'],
    ['an impossible date', { date: '2026-02-30' }, 'date'],
    ['a note with a bidi override', { note: 'ok\u202Eexe' }, 'note'],
  ])('MeasurementCreate: %s', (_label, change, path) => {
    const result = MeasurementCreate.safeParse({ date: '2026-06-30', value: 55, ...change });
    if (path === null) expect(result.success).toBe(true);
    else expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
