import { describe, expect, it } from 'vitest';
import { isoWeekday, zonedTimeToInstant } from '../../bot/domain/zoned-time.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD HH:MM" of an instant on the wall clock of a zone. */
function wallClock(instant: Date, timeZone: string): string {
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  formats.set(timeZone, format);
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

describe('zonedTimeToInstant', () => {
  it.each([
    // Europe/Zurich, spring forward on Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
    ['2026-03-29', '00:00', 'Europe/Zurich', '2026-03-28T23:00:00.000Z', 'midnight before the change (CET)'],
    ['2026-03-29', '01:30', 'Europe/Zurich', '2026-03-29T00:30:00.000Z', 'before the gap (CET)'],
    ['2026-03-29', '02:00', 'Europe/Zurich', '2026-03-29T01:00:00.000Z', 'start of the gap: 03:00 CEST'],
    [
      '2026-03-29',
      '02:30',
      'Europe/Zurich',
      '2026-03-29T01:30:00.000Z',
      'in the gap: the later valid time, 03:30 CEST',
    ],
    ['2026-03-29', '03:00', 'Europe/Zurich', '2026-03-29T01:00:00.000Z', 'after the gap (CEST)'],
    ['2026-03-29', '03:30', 'Europe/Zurich', '2026-03-29T01:30:00.000Z', 'after the gap (CEST)'],
    // Europe/Zurich, fall back on Sunday 25 October 2026: 03:00 CEST returns to 02:00 CET (01:00 UTC).
    ['2026-10-25', '01:30', 'Europe/Zurich', '2026-10-24T23:30:00.000Z', 'before the overlap (CEST)'],
    [
      '2026-10-25',
      '02:00',
      'Europe/Zurich',
      '2026-10-25T00:00:00.000Z',
      'start of the overlap: the earlier, CEST',
    ],
    ['2026-10-25', '02:30', 'Europe/Zurich', '2026-10-25T00:30:00.000Z', 'in the overlap: the earlier, CEST'],
    [
      '2026-10-25',
      '02:59',
      'Europe/Zurich',
      '2026-10-25T00:59:00.000Z',
      'end of the overlap: the earlier, CEST',
    ],
    ['2026-10-25', '03:00', 'Europe/Zurich', '2026-10-25T02:00:00.000Z', 'after the overlap (CET)'],
    ['2026-01-15', '08:00', 'Europe/Zurich', '2026-01-15T07:00:00.000Z', 'winter (UTC+1)'],
    ['2026-07-15', '08:00', 'Europe/Zurich', '2026-07-15T06:00:00.000Z', 'summer (UTC+2)'],
    // Zones west of UTC: New York springs forward at 02:00 on 8 March and falls back at 02:00 on 1 November.
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z', 'in the gap: 03:30 EDT'],
    [
      '2026-11-01',
      '01:30',
      'America/New_York',
      '2026-11-01T05:30:00.000Z',
      'in the overlap: the earlier, EDT',
    ],
    // Lord Howe Island moves its clocks by 30 minutes: 02:00 (UTC+11) back to 01:30 (UTC+10:30) on 5 April.
    [
      '2026-04-05',
      '01:45',
      'Australia/Lord_Howe',
      '2026-04-04T14:45:00.000Z',
      'half-hour overlap: the earlier',
    ],
    // Non-hour offsets.
    ['2026-06-01', '09:00', 'Asia/Kolkata', '2026-06-01T03:30:00.000Z', 'UTC+5:30'],
    ['2026-01-01', '00:00', 'Asia/Kolkata', '2025-12-31T18:30:00.000Z', 'UTC+5:30 across New Year'],
    ['2026-06-01', '09:00', 'Asia/Kathmandu', '2026-06-01T03:15:00.000Z', 'UTC+5:45'],
    ['2026-01-01', '00:10', 'Asia/Kathmandu', '2025-12-31T18:25:00.000Z', 'UTC+5:45 across New Year'],
    ['2026-06-01', '09:00', 'Pacific/Chatham', '2026-05-31T20:15:00.000Z', 'UTC+12:45'],
    ['2026-01-15', '09:00', 'America/St_Johns', '2026-01-15T12:30:00.000Z', 'UTC-3:30'],
    ['2026-11-30', '00:00', 'Pacific/Kiritimati', '2026-11-29T10:00:00.000Z', 'UTC+14'],
    // UTC has no transitions.
    ['2026-03-29', '02:30', 'UTC', '2026-03-29T02:30:00.000Z', 'UTC'],
    ['2026-10-25', '02:30', 'UTC', '2026-10-25T02:30:00.000Z', 'UTC'],
  ])('%s %s in %s is %s (%s)', (date, time, zone, expected) => {
    expect(zonedTimeToInstant(date, time, zone).toISOString()).toBe(expected);
  });

  it.each(['Europe/Zurich', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago'])(
    'in %s every wall time of 2026 maps back to itself, except in a gap, and to the earliest instant in an overlap',
    (zone) => {
      const problems: string[] = [];
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        for (const time of ['00:00', '00:30', '01:30', '02:00', '02:30', '03:15', '12:00', '23:59']) {
          const wall = `${date} ${time}`;
          const instant = zonedTimeToInstant(date, time, zone);
          const shown = wallClock(instant, zone);
          if (shown !== wall) {
            // Only a skipped wall time may move, and then forward by less than the gap (at most an hour).
            const moved = Date.parse(`${shown.replace(' ', 'T')}:00Z`) - Date.parse(`${date}T${time}:00Z`);
            if (!(moved > 0 && moved <= 3_600_000)) problems.push(`${wall} -> ${shown}`);
          }
          for (const earlier of [30, 60]) {
            if (wallClock(new Date(instant.getTime() - earlier * 60_000), zone) === shown)
              problems.push(`${wall}: an instant ${earlier} minutes earlier also shows ${shown}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('isoWeekday', () => {
  it.each([
    ['2026-11-23', 1, 'Monday'],
    ['2026-11-26', 4, 'Thursday'],
    ['2026-11-29', 7, 'Sunday'],
    ['2024-02-29', 4, 'leap day 2024 is a Thursday'],
    ['2000-01-01', 6, 'Saturday'],
    ['2027-01-03', 7, 'Sunday'],
  ])('%s is weekday %i (%s)', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });
});
