// Portfolio-wide settings the CTO manages: escalation threshold, digest and reminder schedules,
// pillar leads and digest subscribers. Schedules are structured values (weekday, time, zone), never
// cron text typed by a person.
import { z } from 'zod';
import { TimeZone } from './person.js';
import { PillarCode } from './pillar.js';
import { Id, IsoDateTime, patchOf, Version } from './primitives.js';
import { DEFAULT_ESCALATION_THRESHOLD } from './risk.js';

export const Weekday = z.number().int().min(1, { error: 'expected 1 (Monday) to 7 (Sunday)' }).max(7, {
  error: 'expected 1 (Monday) to 7 (Sunday)',
});
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time as HH:MM' });

export const DigestSchedule = z.object({
  enabled: z.boolean().default(true),
  weekday: Weekday.default(1),
  time: TimeOfDay.default('08:00'),
  timeZone: TimeZone.default('Europe/Zurich'),
});
export type DigestSchedule = z.infer<typeof DigestSchedule>;

/** Reminders go out at this local time in each recipient's own time zone. */
export const ReminderSchedule = z.object({
  enabled: z.boolean().default(true),
  weekday: Weekday.default(4),
  time: TimeOfDay.default('10:00'),
  secondNudge: z.boolean().default(true),
});
export type ReminderSchedule = z.infer<typeof ReminderSchedule>;

const SettingsShape = z.object({
  escalationThreshold: z.number().int().min(1).max(25).default(DEFAULT_ESCALATION_THRESHOLD),
  digest: DigestSchedule.default(DigestSchedule.parse({})),
  reminder: ReminderSchedule.default(ReminderSchedule.parse({})),
  pillarLeads: z.partialRecord(PillarCode, z.array(Id).max(20)).default({}),
  digestSubscribers: z.array(Id).max(500).default([]),
});

export const Settings = SettingsShape.extend({
  version: Version,
  updatedAt: IsoDateTime,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = patchOf(SettingsShape).strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;

export function defaultSettings(at: string): Settings {
  return { ...SettingsShape.parse({}), version: 1, updatedAt: at };
}
