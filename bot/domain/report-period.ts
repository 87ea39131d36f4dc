// The period a Council progress report covers: an ISO week ("2026-W48"), a quarter ("2026-Q4": the
// ISO weeks whose Thursday falls in it, so every week belongs to exactly one quarter) or a range of
// weeks ("2026-W40..2026-W48"). Facts are reported as they stood at the end of its last week.
import { z } from 'zod';
import { comparePeriods, Period, periodEnd, periodOfDate, periodStart, weeksBetween } from './period.js';
import { addDays, type IsoDate } from './primitives.js';

export type ReportPeriodKind = 'week' | 'quarter' | 'weeks';

export interface ReportPeriod {
  /** As the reader asked for it, normalised (upper case). */
  label: string;
  kind: ReportPeriodKind;
  first: Period;
  last: Period;
  /** Monday of the first week, Sunday of the last. */
  from: IsoDate;
  to: IsoDate;
  weeks: number;
}

/** Longest range of weeks a report covers (a year and a bit). */
export const MAX_REPORT_WEEKS = 56;

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const RANGE_RE = /^(\d{4}-W\d{2})\.\.(\d{4}-W\d{2})$/;

function thursdayOf(p: Period): IsoDate {
  return addDays(periodStart(p), 3);
}

/** The ISO weeks of a quarter: those whose Thursday falls inside it. */
export function quarterWeeks(year: number, quarter: 1 | 2 | 3 | 4): { first: Period; last: Period } {
  const month = (quarter - 1) * 3;
  const firstDay = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  const lastDay = new Date(Date.UTC(year, month + 3, 0)).toISOString().slice(0, 10);
  let first = periodOfDate(firstDay);
  if (thursdayOf(first) < firstDay) first = periodOfDate(addDays(firstDay, 7));
  let last = periodOfDate(lastDay);
  if (thursdayOf(last) > lastDay) last = periodOfDate(addDays(lastDay, -7));
  return { first, last };
}

function build(label: string, kind: ReportPeriodKind, first: Period, last: Period): ReportPeriod {
  return {
    label,
    kind,
    first,
    last,
    from: periodStart(first),
    to: periodEnd(last),
    weeks: weeksBetween(first, last) + 1,
  };
}

const PERIOD_MESSAGE =
  'expected an ISO week (2026-W48), a quarter (2026-Q4) or a range of weeks (2026-W40..2026-W48)';

/** Parses the text form; zod issues carry the reason (wrong form, unknown week, reversed or long range). */
export const ReportPeriodText = z
  .string()
  .trim()
  .toUpperCase()
  .transform((text, ctx): ReportPeriod => {
    const quarter = QUARTER_RE.exec(text);
    if (quarter) {
      const { first, last } = quarterWeeks(Number(quarter[1]), Number(quarter[2]) as 1 | 2 | 3 | 4);
      return build(text, 'quarter', first, last);
    }
    const range = RANGE_RE.exec(text);
    const [a, b] = range ? [range[1], range[2]] : [text, text];
    const first = Period.safeParse(a);
    const last = Period.safeParse(b);
    if (!first.success || !last.success) {
      const form = /^\d{4}-W\d{2}(\.\.\d{4}-W\d{2})?$/.test(text);
      ctx.addIssue({
        code: 'custom',
        message: form ? 'that week does not exist in that year' : PERIOD_MESSAGE,
        params: { code: form ? 'report_period_week' : 'report_period' },
      });
      return z.NEVER;
    }
    if (comparePeriods(first.data, last.data) > 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'the first week of the range must not be after the last',
        params: { code: 'report_period_order' },
      });
      return z.NEVER;
    }
    if (weeksBetween(first.data, last.data) + 1 > MAX_REPORT_WEEKS) {
      ctx.addIssue({
        code: 'custom',
        message: `a report covers at most ${MAX_REPORT_WEEKS} weeks`,
        params: { code: 'report_period_length', max: MAX_REPORT_WEEKS },
      });
      return z.NEVER;
    }
    return build(text, range ? 'weeks' : 'week', first.data, last.data);
  });

export function parseReportPeriod(text: string): ReportPeriod {
  return ReportPeriodText.parse(text);
}

/** The periods of the report, oldest first. */
export function reportWeeks(p: Pick<ReportPeriod, 'first' | 'weeks'>): Period[] {
  return Array.from({ length: p.weeks }, (_, i) => periodOfDate(addDays(periodStart(p.first), 7 * i)));
}
