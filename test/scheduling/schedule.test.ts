// Schedules in time zones: cron patterns from structured settings, which digest period is due at an
// instant (catch-up after downtime), when each owner's reminder and second nudge fall in their own
// zone, and croner firing the pattern at the local wall-clock time.
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { reminderInstant } from '../../bot/scheduling/reminder-job.js';
import { dueDigestPeriod, weeklyPattern } from '../../bot/scheduling/scheduler.js';

const digest = { weekday: 1, time: '08:00', timeZone: 'Europe/Zurich' };

describe('weeklyPattern', () => {
  it.each([
    [{ weekday: 1, time: '08:00' }, 0, '0 8 * * 1'],
    [{ weekday: 4, time: '10:30' }, 0, '30 10 * * 4'],
    [{ weekday: 7, time: '23:59' }, 0, '59 23 * * 0'],
    [{ weekday: 4, time: '10:00' }, 1, '0 10 * * 5'],
    [{ weekday: 5, time: '10:00' }, 3, '0 10 * * 1'],
  ])('%o offset %i -> %s', (schedule, offset, pattern) => {
    expect(weeklyPattern(schedule, offset)).toBe(pattern);
  });

  it('croner fires the digest pattern at 08:00 in Zurich, across the DST change', () => {
    const job = new Cron(weeklyPattern(digest), { timezone: 'Europe/Zurich', paused: true });
    expect(job.nextRuns(3, new Date('2026-10-20T00:00:00Z')).map((d) => d.toISOString())).toEqual([
      '2026-10-26T07:00:00.000Z', // winter time (UTC+1)
      '2026-11-02T07:00:00.000Z',
      '2026-11-09T07:00:00.000Z',
    ]);
    expect(job.nextRun(new Date('2026-03-24T00:00:00Z'))?.toISOString()).toBe('2026-03-30T06:00:00.000Z'); // summer (UTC+2)
    job.stop();
  });
});

describe('dueDigestPeriod (what a start-up catch-up sends)', () => {
  it.each([
    ["Monday 07:59 Zurich: last week's run (W47) is the latest due", '2026-11-30T06:59:00Z', '2026-W47'],
    ["Monday 08:00 Zurich: this week's run (W48) is due", '2026-11-30T07:00:00Z', '2026-W48'],
    ['Wednesday after downtime since Sunday: W48 is caught up', '2026-12-02T12:00:00Z', '2026-W48'],
    ['first Monday of 2027: 2026-W53', '2027-01-04T07:00:00Z', '2026-W53'],
  ])('%s', (_name, now, period) => {
    expect(dueDigestPeriod(digest, new Date(now), 'Europe/Zurich')).toBe(period);
  });

  it('a digest scheduled in New York is due at 08:00 New York time', () => {
    const ny = { weekday: 1, time: '08:00', timeZone: 'America/New_York' };
    expect(dueDigestPeriod(ny, new Date('2026-11-30T12:59:00Z'), 'Europe/Zurich')).toBe('2026-W47');
    expect(dueDigestPeriod(ny, new Date('2026-11-30T13:00:00Z'), 'Europe/Zurich')).toBe('2026-W48');
  });
});

describe('reminderInstant (each owner in their own time zone)', () => {
  const reminder = { weekday: 4, time: '10:00' };
  it.each([
    ['Europe/Zurich', false, '2026-11-26T09:00:00.000Z'],
    ['America/New_York', false, '2026-11-26T15:00:00.000Z'],
    ['Asia/Tokyo', false, '2026-11-26T01:00:00.000Z'],
    ['Europe/Zurich', true, '2026-11-27T09:00:00.000Z'],
  ])('%s second=%s', (zone, second, instant) => {
    expect(reminderInstant(reminder, '2026-W48', zone, second).toISOString()).toBe(instant);
  });

  it('a Friday reminder nudges again on Monday', () => {
    expect(
      reminderInstant({ weekday: 5, time: '10:00' }, '2026-W48', 'Europe/Zurich', true).toISOString(),
    ).toBe('2026-11-30T09:00:00.000Z');
  });
});
