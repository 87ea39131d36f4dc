import { describe, expect, it } from 'vitest';
import { defaultSettings, Settings, SettingsPatch } from '../../bot/domain/settings.js';

const AT = '2026-11-23T09:00:00.000Z';

describe('defaultSettings', () => {
  it('threshold 15, digest Monday 08:00 Geneva time, reminders Thursday 10:00 with a second nudge', () => {
    expect(defaultSettings(AT)).toEqual({
      escalationThreshold: 15,
      digest: { enabled: true, weekday: 1, time: '08:00', timeZone: 'Europe/Zurich' },
      reminder: { enabled: true, weekday: 4, time: '10:00', secondNudge: true },
      pillarLeads: {},
      digestSubscribers: [],
      version: 1,
      updatedAt: AT,
    });
    expect(Settings.safeParse(defaultSettings(AT)).success).toBe(true);
  });
});

describe('Settings and SettingsPatch', () => {
  const stored = defaultSettings(AT);

  it.each<[string, Record<string, unknown>]>([
    ['threshold 1', { escalationThreshold: 1 }],
    ['threshold 25', { escalationThreshold: 25 }],
    [
      'digest on Sunday 23:59 in Kathmandu',
      { digest: { enabled: true, weekday: 7, time: '23:59', timeZone: 'Asia/Kathmandu' } },
    ],
    ['pillar leads', { pillarLeads: { GOV: ['p-1'], PAC: ['p-2', 'p-3'] } }],
  ])('accepts %s', (_label, change) => {
    expect(Settings.safeParse({ ...stored, ...change }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['threshold 0', { escalationThreshold: 0 }, 'escalationThreshold'],
    ['threshold 26', { escalationThreshold: 26 }, 'escalationThreshold'],
    ['threshold 12.5', { escalationThreshold: 12.5 }, 'escalationThreshold'],
    ['weekday 0', { digest: { ...stored.digest, weekday: 0 } }, 'digest.weekday'],
    ['weekday 8', { reminder: { ...stored.reminder, weekday: 8 } }, 'reminder.weekday'],
    ['time 24:00', { digest: { ...stored.digest, time: '24:00' } }, 'digest.time'],
    ['time 8:00', { digest: { ...stored.digest, time: '8:00' } }, 'digest.time'],
    ['a cron string for a time', { reminder: { ...stored.reminder, time: '0 10 * * 4' } }, 'reminder.time'],
    [
      'a time zone that does not exist',
      { digest: { ...stored.digest, timeZone: 'Mars/Base' } },
      'digest.timeZone',
    ],
    ['an unknown pillar', { pillarLeads: { FIN: ['p-1'] } }, 'pillarLeads'],
    ['an invalid person id', { digestSubscribers: ['not valid'] }, 'digestSubscribers.0'],
  ])('refuses %s (path %j)', (_label, change, path) => {
    const result = Settings.safeParse({ ...stored, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each<[string, Record<string, unknown>]>([
    ['threshold only', { escalationThreshold: 12 }],
    ['subscribers only', { digestSubscribers: ['cto-1'] }],
    ['nothing', {}],
  ])('a patch of %s parses to exactly the fields sent', (_label, patch) => {
    expect(SettingsPatch.parse(patch)).toEqual(patch);
  });

  it('a threshold-only patch keeps the digest schedule and pillar leads', () => {
    const current = {
      ...stored,
      digest: { ...stored.digest, weekday: 5, time: '16:30' },
      pillarLeads: { GOV: ['p-1'] },
    };
    const merged = Settings.parse({ ...current, ...SettingsPatch.parse({ escalationThreshold: 12 }) });
    expect(merged).toEqual({ ...current, escalationThreshold: 12 });
  });

  it('refuses unknown fields and a stored version in a patch', () => {
    expect(SettingsPatch.safeParse({ theme: 'dark' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ version: 2 }).success).toBe(false);
  });
});
