// Wall-clock time in a time zone to an instant and back, with Intl only (no time-zone database of our
// own). Used for reporting deadlines and schedules.
import type { IsoDate } from './primitives.js';

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
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
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  const second = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  if (second !== guess) {
    // Across a transition: prefer the earlier instant that maps back to the wall time, else the later.
    const candidates = [guess, second].sort((a, b) => a - b);
    const exact = candidates.find((c) => c + offsetMinutes(new Date(c), timeZone) * 60_000 === wall);
    guess = exact ?? Math.max(...candidates);
  }
  return new Date(guess);
}

/** ISO weekday (Monday = 1 ... Sunday = 7) of a calendar date. */
export function isoWeekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}
