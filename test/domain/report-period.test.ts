import { describe, expect, it } from 'vitest';
import {
  parseReportPeriod,
  quarterWeeks,
  ReportPeriodText,
  reportWeeks,
} from '../../bot/domain/report-period.js';

describe('report periods', () => {
  it.each([
    ['2026-W48', 'week', '2026-W48', '2026-W48', '2026-11-23', '2026-11-29', 1],
    [' 2026-w48 ', 'week', '2026-W48', '2026-W48', '2026-11-23', '2026-11-29', 1],
    ['2026-Q4', 'quarter', '2026-W40', '2026-W53', '2026-09-28', '2027-01-03', 14],
    ['2026-Q1', 'quarter', '2026-W01', '2026-W13', '2025-12-29', '2026-03-29', 13],
    ['2027-Q1', 'quarter', '2027-W01', '2027-W12', '2027-01-04', '2027-03-28', 12],
    ['2026-W40..2026-W48', 'weeks', '2026-W40', '2026-W48', '2026-09-28', '2026-11-29', 9],
    ['2026-W52..2027-W02', 'weeks', '2026-W52', '2027-W02', '2026-12-21', '2027-01-17', 4],
  ])('%s', (text, kind, first, last, from, to, weeks) => {
    expect(parseReportPeriod(text)).toMatchObject({ kind, first, last, from, to, weeks });
  });

  it('puts every week of a year in exactly one quarter', () => {
    const weeks = ([1, 2, 3, 4] as const).flatMap((q) => reportWeeks(parseReportPeriod(`2026-Q${q}`)));
    expect(weeks).toHaveLength(53);
    expect(new Set(weeks).size).toBe(53);
    expect(quarterWeeks(2026, 2)).toEqual({ first: '2026-W14', last: '2026-W26' });
  });

  it.each([
    ['2026-W54', 'report_period_week'],
    ['2026-W10..2026-W60', 'report_period_week'],
    ['2026-Q0', 'report_period'],
    ['Q4 2026', 'report_period'],
    ['', 'report_period'],
    ['2026-W48..2026-W40', 'report_period_order'],
    ['2025-W01..2026-W10', 'report_period_length'],
  ])('refuses %j (%s)', (text, code) => {
    const r = ReportPeriodText.safeParse(text);
    expect(r.success).toBe(false);
    expect((r.error?.issues[0] as { params?: { code?: string } } | undefined)?.params?.code).toBe(code);
  });
});
