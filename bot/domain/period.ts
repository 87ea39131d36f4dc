// Reporting periods are ISO 8601 weeks ("2026-W48"): Monday to Sunday, week 1 holds the year's first
// Thursday. The period of an instant depends on the organisation's time zone, so Sunday 23:30 in
// Geneva is still last week even though it is Monday in UTC+14.
import { z } from 'zod';
import { addDays, dateInZone, type IsoDate } from './primitives.js';

const PERIOD_RE = /^(\d{4})-W(\d{2})$/;

function weeksInYear(year: number): 52 | 53 {
  // A year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a leap year.
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

export const Period = z
  .string()
  // abort: a malformed value gets the one message about its form, not also "that week does not exist".
  .regex(PERIOD_RE, { error: 'expected an ISO week such as 2026-W48', abort: true })
  .refine(
    (p) => {
      const m = PERIOD_RE.exec(p);
      if (!m) return false;
      const week = Number(m[2]);
      return week >= 1 && week <= weeksInYear(Number(m[1]));
    },
    { error: 'that week does not exist in that year' },
  );
export type Period = z.infer<typeof Period>;

function parse(p: Period): { year: number; week: number } {
  const m = PERIOD_RE.exec(p);
  if (!m) throw new RangeError(`not a period: ${p}`);
  return { year: Number(m[1]), week: Number(m[2]) };
}

function format(year: number, week: number): Period {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week a calendar date belongs to. */
export function periodOfDate(date: IsoDate): Period {
  const d = new Date(`${date}T00:00:00Z`);
  const dayOfWeek = d.getUTCDay() || 7; // Monday = 1 ... Sunday = 7
  const thursday = new Date(d.getTime() + (4 - dayOfWeek) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return format(year, week);
}

/** The reporting period of an instant, seen from a time zone. */
export function periodOf(instant: Date, timeZone: string): Period {
  return periodOfDate(dateInZone(instant, timeZone));
}

/** Monday of the period. */
export function periodStart(p: Period): IsoDate {
  const { year, week } = parse(p);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Dow = jan4.getUTCDay() || 7;
  const mondayWeek1 = jan4.getTime() - (jan4Dow - 1) * 86_400_000;
  return new Date(mondayWeek1 + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** Sunday of the period. */
export function periodEnd(p: Period): IsoDate {
  return addDays(periodStart(p), 6);
}

/** The period n weeks later (negative n: earlier). */
export function shiftPeriod(p: Period, n: number): Period {
  return periodOfDate(addDays(periodStart(p), 7 * n));
}

export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

export function nextPeriod(p: Period): Period {
  return shiftPeriod(p, 1);
}

/** Negative when a is earlier than b. The zero-padded form sorts as text. */
export function comparePeriods(a: Period, b: Period): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole weeks from a to b (b - a). */
export function weeksBetween(a: Period, b: Period): number {
  return Math.round((Date.parse(periodStart(b)) - Date.parse(periodStart(a))) / (7 * 86_400_000));
}

/** The last `count` periods ending with `last`, oldest first. */
export function recentPeriods(last: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}
