// The settings the Admin form edits, the PATCH made from them, and "keep mine" over a newer version.
import { PILLAR_CODES, type PillarCode } from '../../../../bot/domain/pillar.js';
import type { Settings, SettingsPatch } from '../../../../bot/domain/settings.js';

export type SettingsValues = Pick<
  Settings,
  'escalationThreshold' | 'digest' | 'reminder' | 'pillarLeads' | 'digestSubscribers'
>;

export function settingsValuesOf(s: Settings): SettingsValues {
  return {
    escalationThreshold: s.escalationThreshold,
    digest: s.digest,
    reminder: s.reminder,
    pillarLeads: s.pillarLeads,
    digestSubscribers: s.digestSubscribers,
  };
}

export const sameIds = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** The pillars whose leads differ between two versions. */
export const leadsChanged = (a: SettingsValues, b: SettingsValues): PillarCode[] =>
  PILLAR_CODES.filter((code) => !sameIds(a.pillarLeads[code], b.pillarLeads[code]));

/**
 * The PATCH body for `next` made from `base`: the schedules and threshold always, the pillar leads
 * and digest subscribers only when they changed (left out, the stored lists stay as they are).
 */
export function settingsPatchOf(base: SettingsValues, next: SettingsValues): SettingsPatch {
  const body: SettingsPatch = {
    escalationThreshold: next.escalationThreshold,
    digest: next.digest,
    reminder: next.reminder,
  };
  if (leadsChanged(base, next).length > 0) body.pillarLeads = next.pillarLeads;
  if (!sameIds(base.digestSubscribers, next.digestSubscribers))
    body.digestSubscribers = next.digestSubscribers;
  return body;
}

/**
 * My edits over `current`: each field I changed from what I started with takes my value, every
 * other field keeps the current one (so another person's change to a field I did not touch stays).
 */
export function mergeSettings(
  base: SettingsValues,
  mine: SettingsValues,
  current: SettingsValues,
): SettingsValues {
  const pick = <T>(b: T, m: T, c: T): T => (m === b ? c : m);
  const part = <T extends object>(b: T, m: T, c: T): T => {
    const out = { ...c };
    for (const k of Object.keys(m) as Array<keyof T>) out[k] = pick(b[k], m[k], c[k]);
    return out;
  };
  return {
    escalationThreshold: pick(
      base.escalationThreshold,
      mine.escalationThreshold,
      current.escalationThreshold,
    ),
    digest: part(base.digest, mine.digest, current.digest),
    reminder: part(base.reminder, mine.reminder, current.reminder),
    // Per pillar: the pillars whose leads I changed take my list, the others keep the current one.
    pillarLeads: {
      ...current.pillarLeads,
      ...Object.fromEntries(leadsChanged(base, mine).map((code) => [code, mine.pillarLeads[code] ?? []])),
    },
    digestSubscribers: sameIds(base.digestSubscribers, mine.digestSubscribers)
      ? current.digestSubscribers
      : mine.digestSubscribers,
  };
}
