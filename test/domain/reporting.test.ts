import { describe, expect, it } from 'vitest';
import { PROJECT_PHASES, type ProjectPhase } from '../../bot/domain/project.js';
import {
  daysSince,
  isReportablePeriod,
  isUpdateMissing,
  LATE_REPORTING_WEEKS,
  reportingState,
  type ReportingState,
} from '../../bot/domain/reporting.js';

const CURRENT = '2026-W48'; // Monday 23 to Sunday 29 November 2026
const lastReportedCases = [
  ['current', '2026-W48'],
  ['future', '2026-W49'],
  ['previous', '2026-W47'],
  ['older', '2026-W45'],
  ['a year earlier', '2025-W48'],
  ['none', undefined],
] as const;

const expectedInReportingPhase: Record<(typeof lastReportedCases)[number][0], ReportingState> = {
  current: 'up-to-date',
  future: 'up-to-date',
  previous: 'due',
  older: 'overdue',
  'a year earlier': 'overdue',
  none: 'overdue',
};

const reportingPhases: ProjectPhase[] = ['planning', 'executing', 'closing'];

describe('reportingState: every phase x last reported period', () => {
  const cases = PROJECT_PHASES.flatMap((phase) =>
    lastReportedCases.map(([label, lastReported]) => ({
      phase,
      label,
      lastReported,
      expected: reportingPhases.includes(phase) ? expectedInReportingPhase[label] : ('not-required' as const),
    })),
  );

  it.each(cases)('$phase, last reported $label -> $expected', ({ phase, lastReported, expected }) => {
    expect(reportingState({ phase, startDate: '2026-01-05' }, lastReported, CURRENT)).toBe(expected);
  });

  it('covers all seven phases, three of which expect weekly updates', () => {
    expect(PROJECT_PHASES).toHaveLength(7);
    expect(new Set(cases.filter((c) => c.expected !== 'not-required').map((c) => c.phase))).toEqual(
      new Set(reportingPhases),
    );
  });
});

describe('reportingState: projects that have never reported, by start date', () => {
  it.each<[string, string | null, ReportingState]>([
    ['started on Monday of this period', '2026-11-23', 'due'],
    ['started on Wednesday of this period', '2026-11-25', 'due'],
    ['starts later this period', '2026-11-29', 'due'],
    ['starts in a future period', '2027-01-11', 'due'],
    ['started on Sunday of the previous period', '2026-11-22', 'overdue'],
    ['started months ago', '2026-01-05', 'overdue'],
    ['has no start date', null, 'overdue'],
  ])('an executing project that %s (%s) is %s', (_label, startDate, expected) => {
    expect(reportingState({ phase: 'executing', startDate }, undefined, CURRENT)).toBe(expected);
  });

  it('a project that started this period and already reported is up to date', () => {
    expect(reportingState({ phase: 'executing', startDate: '2026-11-25' }, CURRENT, CURRENT)).toBe(
      'up-to-date',
    );
  });

  it('the previous period across a year end: 2026-W53 reported, current 2027-W01 -> due', () => {
    expect(reportingState({ phase: 'executing', startDate: '2026-01-05' }, '2026-W53', '2027-W01')).toBe(
      'due',
    );
    expect(reportingState({ phase: 'executing', startDate: '2026-01-05' }, '2026-W52', '2027-W01')).toBe(
      'overdue',
    );
  });
});

describe('isUpdateMissing', () => {
  it.each<[ReportingState, boolean]>([
    ['not-required', false],
    ['up-to-date', false],
    ['due', true],
    ['overdue', true],
  ])('%s -> %s', (state, missing) => {
    expect(isUpdateMissing(state)).toBe(missing);
  });
});

describe('daysSince', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it.each<[string | undefined, number | undefined, string]>([
    [undefined, undefined, 'never updated'],
    ['2026-11-27T12:00:00Z', 0, 'this very moment'],
    ['2026-11-27T00:00:01Z', 0, 'earlier the same day'],
    ['2026-11-26T12:00:01Z', 0, 'not yet 24 hours'],
    ['2026-11-26T12:00:00Z', 1, 'exactly 24 hours'],
    ['2026-11-20T00:00:00Z', 7, 'seven and a half days: whole days only'],
    ['2026-10-27T12:00:00Z', 31, 'across the autumn clock change: elapsed days, not wall time'],
    ['2026-11-28T12:00:00Z', 0, 'a future instant (clock skew) never gives negative days'],
  ])('%s -> %s (%s)', (instant, expected) => {
    expect(daysSince(instant, now)).toBe(expected);
  });
});

describe('isReportablePeriod: the current week or one of the last four, never the future', () => {
  it.each<[string, string, boolean, string]>([
    ['2026-W48', '2026-W48', true, 'the current week'],
    ['2026-W47', '2026-W48', true, 'last week, late'],
    ['2026-W44', '2026-W48', true, `${LATE_REPORTING_WEEKS} weeks back`],
    ['2026-W43', '2026-W48', false, 'five weeks back'],
    ['2026-W49', '2026-W48', false, 'next week'],
    ['2027-W01', '2026-W53', false, 'next week across a year end'],
    ['2026-W53', '2027-W02', true, 'two weeks back across a year end'],
    ['2026-W50', '2027-W02', false, 'five weeks back across a 53-week year end'],
    ['2025-W48', '2026-W48', false, 'the same week a year ago'],
  ])('%s while %s is current -> %s (%s)', (period, current, expected) => {
    expect(isReportablePeriod(period, current)).toBe(expected);
  });
});
