import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  nextPeriod,
  Period,
  periodEnd,
  periodOf,
  periodOfDate,
  periodStart,
  previousPeriod,
  recentPeriods,
  shiftPeriod,
  weeksBetween,
} from '../../bot/domain/period.js';

describe('periodOfDate: ISO 8601 weeks', () => {
  it.each([
    ['2020-12-31', '2020-W53', 'Thursday of the 53rd week'],
    ['2021-01-03', '2020-W53', 'Sunday in January still closes 2020-W53'],
    ['2021-01-04', '2021-W01', 'first Monday of 2021 opens week 1'],
    ['2026-12-28', '2026-W53', '2026 starts on a Thursday, so it has 53 weeks'],
    ['2027-01-01', '2026-W53', 'New Year 2027 is in the last week of 2026'],
    ['2027-01-03', '2026-W53', 'last day of 2026-W53'],
    ['2027-01-04', '2027-W01', 'first day of 2027-W01'],
    ['2024-12-30', '2025-W01', 'late December opens the next ISO year'],
    ['2025-12-28', '2025-W52', 'last Sunday of 2025'],
    ['2025-12-29', '2026-W01', 'Monday before New Year opens 2026-W01'],
    ['2026-01-01', '2026-W01', 'New Year on a Thursday is in week 1'],
    ['2010-01-03', '2009-W53', '2009 starts on a Thursday'],
    ['2008-12-29', '2009-W01', 'Monday in December in week 1 of next year'],
    ['2024-02-29', '2024-W09', 'leap day 2024'],
    ['2020-02-29', '2020-W09', 'leap day 2020 (a Saturday)'],
    ['2000-02-29', '2000-W09', 'leap day 2000 (divisible by 400)'],
    ['2000-01-01', '1999-W52', '1 January 2000 is a Saturday of 1999-W52'],
    ['2026-11-23', '2026-W48', 'Monday of the example week'],
    ['2026-11-29', '2026-W48', 'Sunday of the example week'],
  ])('%s is in %s (%s)', (date, expected) => {
    expect(periodOfDate(date)).toBe(expected);
  });

  it('agrees with a week-by-week count for every day of 2000 to 2040', () => {
    // Independent computation: walk Monday to Monday from 1999-W52 (Monday 1999-12-27). A week belongs
    // to the year of its Thursday; a new year's first week is week 1, otherwise the count goes on.
    const day = 86_400_000;
    let isoYear = 1999;
    let week = 52;
    const lastWeek = new Map<number, number>();
    const mismatches: string[] = [];
    const end = Date.UTC(2040, 11, 31);
    for (let t = Date.UTC(1999, 11, 27); t <= end; t += day) {
      const d = new Date(t);
      if (d.getUTCDay() === 1 && t > Date.UTC(1999, 11, 27)) {
        const thursdayYear = new Date(t + 3 * day).getUTCFullYear();
        if (thursdayYear !== isoYear) {
          isoYear = thursdayYear;
          week = 1;
        } else {
          week += 1;
        }
        lastWeek.set(isoYear, week);
      }
      if (d.getUTCFullYear() < 2000) continue;
      const date = d.toISOString().slice(0, 10);
      const expected = `${isoYear}-W${String(week).padStart(2, '0')}`;
      const actual = periodOfDate(date);
      if (actual !== expected) mismatches.push(`${date}: ${actual} != ${expected}`);
      if (!(periodStart(actual) <= date && date <= periodEnd(actual)))
        mismatches.push(`${date} outside ${actual}`);
      if (!Period.safeParse(actual).success) mismatches.push(`${actual} refused by Period`);
    }
    expect(mismatches).toEqual([]);
    // The schema knows which years have a 53rd week.
    const wrongLength: string[] = [];
    for (let y = 2000; y <= 2039; y++) {
      const has53 = lastWeek.get(y) === 53;
      if (Period.safeParse(`${y}-W53`).success !== has53) wrongLength.push(`${y}: 53 weeks = ${has53}`);
    }
    expect(wrongLength).toEqual([]);
    expect([...lastWeek.entries()].filter(([, w]) => w === 53).map(([y]) => y)).toContain(2026);
  });
});

describe('periodOf: the week of an instant as seen from a time zone', () => {
  it.each([
    // Sunday 29 November 2026, 23:30 in Geneva (CET, UTC+1) is 22:30 UTC.
    ['2026-11-29T22:30:00Z', 'Europe/Zurich', '2026-W48', 'Sunday 23:30 in Geneva is still last week'],
    ['2026-11-29T22:30:00Z', 'Pacific/Kiritimati', '2026-W49', 'already Monday 12:30 in UTC+14'],
    ['2026-11-29T22:30:00Z', 'America/Los_Angeles', '2026-W48', 'Sunday afternoon in California'],
    ['2026-11-29T22:30:00Z', 'UTC', '2026-W48', 'Sunday 22:30 UTC'],
    // Monday 00:30 in Geneva is still Sunday in UTC.
    ['2026-11-29T23:30:00Z', 'Europe/Zurich', '2026-W49', 'Monday 00:30 in Geneva is the new week'],
    ['2026-11-29T23:30:00Z', 'UTC', '2026-W48', 'the same instant is Sunday in UTC'],
    // Summer time (CEST, UTC+2): Sunday 28 June 2026, 23:30 in Geneva.
    ['2026-06-28T21:30:00Z', 'Europe/Zurich', '2026-W26', 'Sunday 23:30 in summer time'],
    ['2026-06-28T21:30:00Z', 'Pacific/Kiritimati', '2026-W27', 'Monday in Kiritimati'],
    // Across a year end: Sunday 3 January 2027, 23:30 UTC.
    ['2027-01-03T23:30:00Z', 'Europe/Zurich', '2027-W01', 'Monday 00:30 in Geneva opens 2027-W01'],
    ['2027-01-03T23:30:00Z', 'America/Los_Angeles', '2026-W53', 'Sunday afternoon closes 2026-W53'],
    ['2027-01-03T23:30:00Z', 'Pacific/Kiritimati', '2027-W01', 'Monday in UTC+14'],
  ])('%s in %s is %s (%s)', (instant, zone, expected) => {
    expect(periodOf(new Date(instant), zone)).toBe(expected);
  });
});

describe('periodStart and periodEnd: Monday to Sunday', () => {
  it.each([
    ['2026-W48', '2026-11-23', '2026-11-29'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2021-W01', '2021-01-04', '2021-01-10'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2024-W09', '2024-02-26', '2024-03-03'],
  ])('%s runs from %s to %s', (period, start, end) => {
    expect(periodStart(period)).toBe(start);
    expect(periodEnd(period)).toBe(end);
    expect(periodOfDate(start)).toBe(period);
    expect(periodOfDate(end)).toBe(period);
  });
});

describe('shiftPeriod, previousPeriod, nextPeriod over year ends', () => {
  it.each([
    ['2026-W52', 1, '2026-W53'],
    ['2026-W53', 1, '2027-W01'],
    ['2027-W01', -1, '2026-W53'],
    ['2025-W52', 1, '2026-W01'],
    ['2026-W01', -1, '2025-W52'],
    ['2020-W53', 1, '2021-W01'],
    ['2021-W01', -1, '2020-W53'],
    ['2026-W48', 0, '2026-W48'],
    ['2026-W48', 52, '2027-W47'],
    ['2026-W48', -52, '2025-W48'],
    ['2026-W48', -104, '2024-W48'],
  ])('%s shifted by %i is %s', (period, n, expected) => {
    expect(shiftPeriod(period, n)).toBe(expected);
    expect(weeksBetween(period, expected)).toBe(n);
  });

  it.each([
    ['2027-W01', '2026-W53', '2027-W02'],
    ['2026-W01', '2025-W52', '2026-W02'],
    ['2026-W53', '2026-W52', '2027-W01'],
  ])('around %s: previous %s, next %s', (period, previous, next) => {
    expect(previousPeriod(period)).toBe(previous);
    expect(nextPeriod(period)).toBe(next);
  });
});

describe('comparePeriods and weeksBetween', () => {
  it.each([
    ['2026-W09', '2026-W10', -1],
    ['2026-W10', '2026-W09', 1],
    ['2026-W48', '2026-W48', 0],
    ['2026-W53', '2027-W01', -1],
    ['2099-W01', '2100-W01', -1],
  ])('comparePeriods(%s, %s) has the sign of %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });

  it.each([
    ['2026-W01', '2027-W01', 53, '2026 has 53 weeks'],
    ['2025-W01', '2026-W01', 52, '2025 has 52 weeks'],
    ['2027-W01', '2026-W01', -53, 'negative backwards'],
    ['2026-W48', '2026-W48', 0, 'same week'],
  ])('weeksBetween(%s, %s) is %i (%s)', (a, b, expected) => {
    expect(weeksBetween(a, b)).toBe(expected);
  });
});

describe('recentPeriods: the last n weeks, oldest first', () => {
  it.each([
    ['2027-W02', 4, ['2026-W52', '2026-W53', '2027-W01', '2027-W02']],
    ['2026-W02', 3, ['2025-W52', '2026-W01', '2026-W02']],
    ['2026-W48', 1, ['2026-W48']],
    ['2026-W48', 0, []],
  ])('recentPeriods(%s, %i)', (last, count, expected) => {
    expect(recentPeriods(last, count)).toEqual(expected);
  });
});

describe('Period schema', () => {
  it.each(['2026-W53', '2020-W53', '2015-W53', '2004-W53', '2032-W53', '2026-W01', '2025-W52', '2026-W48'])(
    'accepts %s',
    (value) => {
      expect(Period.safeParse(value).success).toBe(true);
    },
  );

  it.each([
    ['2025-W53', '2025 has 52 weeks'],
    ['2024-W53', '2024 (leap, starts on Monday) has 52 weeks'],
    ['2100-W53', '2100 is not a leap year and has 52 weeks'],
    ['2026-W00', 'there is no week 0'],
    ['2026-W54', 'no year has 54 weeks'],
    ['2026-W1', 'the week is two digits'],
    ['2026W48', 'the hyphen is required'],
    ['2026-w48', 'the W is upper case'],
    ['26-W48', 'the year is four digits'],
    ['2026-W48 ', 'no trailing space'],
    ['', 'empty'],
  ])('refuses %j (%s)', (value) => {
    expect(Period.safeParse(value).success).toBe(false);
  });
});
