// Wall-clock time in a time zone to an instant and back, with Intl only (no time-zone database of our
// own). Used for reporting deadlines and schedules.
import { zoneFormat, type IsoDate } from './primitives.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  return zoneFormat(
    formats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time` ("HH:MM"). In a spring-forward
 * gap the later valid instant is chosen; in a fall-back overlap, the earlier.
 */
export function zonedTimeToInstant(date: IsoDate, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
  // The offsets in force a day before and a day after cover a transition near the wall time. Each
  // offset that maps back to the wall time gives a real instant; in an overlap both do.
  const before = offsetMinutes(new Date(wall - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(wall + 86_400_000), timeZone);
  const exact = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((c) => c + offsetMinutes(new Date(c), timeZone) * 60_000 === wall)
    .sort((a, b) => a - b);
  // In a gap no offset fits; reading the wall time with the offset from before the transition lands
  // just after it (02:30 in a 02:00-03:00 gap becomes 03:30).
  return new Date(exact[0] ?? wall - before * 60_000);
}

/** ISO weekday (Monday = 1 ... Sunday = 7) of a calendar date. */
export function isoWeekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}
