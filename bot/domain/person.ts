// Roster people and their roles (PRODUCT.md section 1). `owner` on the roster marks staff who lead
// projects; ownership of a particular project always comes from the project's ownerId / leadIds.
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './locale.js';
import { OrgUnitCode } from './org-unit.js';
import { Email, Id, IsoDateTime, line, patchOf, Version } from './primitives.js';

export const ROLES = ['cto', 'owner', 'changemaker', 'viewer'] as const;
export const Role = z.enum(ROLES, { error: `expected a role: ${ROLES.join(', ')}` });
export type Role = z.infer<typeof Role>;

/** Zones already accepted: building a formatter to check a zone is costly, and every roster read checks one. */
const knownZones = new Set<string>();

export function isTimeZone(tz: string): boolean {
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  // Bounded: there are a few hundred IANA zones and aliases; anything past that is not cached.
  if (knownZones.size < 1000) knownZones.add(tz);
  return true;
}

export const TimeZone = z.string().refine(isTimeZone, {
  error: 'expected an IANA time zone such as Europe/Zurich',
});

export const Guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'expected a GUID' })
  .transform((s) => s.toLowerCase());

export const PersonFields = z.object({
  aadObjectId: Guid.nullable().default(null),
  name: line(120),
  email: Email,
  role: Role,
  orgUnit: OrgUnitCode,
  locale: z.enum(SUPPORTED_LOCALES).nullable().default(null),
  timeZone: TimeZone.default('Europe/Zurich'),
  active: z.boolean().default(true),
});

export const Person = PersonFields.extend({
  id: Id,
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Person = z.infer<typeof Person>;

export const PersonCreate = PersonFields.extend({ id: Id.optional() }).strict();
export type PersonCreate = z.input<typeof PersonCreate>;

export const PersonPatch = patchOf(PersonFields).strict();
export type PersonPatch = z.input<typeof PersonPatch>;

/** The identity that acts for scheduled jobs, seeding and migrations. */
export const SYSTEM_ACTOR_ID = 'system';
