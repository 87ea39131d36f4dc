// Time as the seed builders see it: everything is placed relative to `now`, in the organisation's
// time zone, so the demo always looks current. Pure: `now` comes in as an argument.
import { periodOf, periodStart, type Period } from '../domain/period.js';
import { addDays, dateInZone, type IsoDate } from '../domain/primitives.js';
import { zonedTimeToInstant } from '../domain/zoned-time.js';

export interface SeedTime {
  now: Date;
  /** `now` as stored in createdAt / updatedAt. */
  nowIso: string;
  timeZone: string;
  /** The calendar date of `now` in the time zone. */
  today: IsoDate;
  /** The reporting period (ISO week) of `now` in the time zone. */
  current: Period;
}

export function seedTime(now: Date, timeZone: string): SeedTime {
  if (Number.isNaN(now.getTime())) throw new RangeError('seed: `now` is not a valid date');
  return {
    now,
    nowIso: now.toISOString(),
    timeZone,
    today: dateInZone(now, timeZone),
    current: periodOf(now, timeZone),
  };
}

/** A calendar date `days` from today (negative: in the past). */
export function dayFromToday(t: SeedTime, days: number): IsoDate {
  return addDays(t.today, days);
}

/** The date of an ISO weekday (1 = Monday ... 7 = Sunday) in a period. */
export function dayOfPeriod(period: Period, weekday: number): IsoDate {
  return addDays(periodStart(period), weekday - 1);
}

/** The instant a wall clock in the seed's time zone shows `date` `time`, never later than now. */
export function instantAt(t: SeedTime, date: IsoDate, time: string): string {
  const at = zonedTimeToInstant(date, time, t.timeZone);
  return (at.getTime() > t.now.getTime() ? t.now : at).toISOString();
}

/** `days` before now, at a given local time, never later than now. */
export function daysAgoAt(t: SeedTime, days: number, time = '10:00'): string {
  return instantAt(t, dayFromToday(t, -days), time);
}
