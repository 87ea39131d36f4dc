// Turns a roster line into a Person entity.
import type { Locale } from '../domain/locale.js';
import type { Person, Role } from '../domain/person.js';

export interface PersonSpec {
  id: string;
  name: string;
  role: Role;
  orgUnit: string;
  locale: Locale | null;
  timeZone: string;
  aadObjectId: string | null;
  email?: string;
}

/** "Tomás Herrera" -> "tomas.herrera": ASCII, lower case, dots between words. */
export function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

export const SEED_EMAIL_DOMAIN = 'itu.example';

export function buildPerson(spec: PersonSpec, at: string): Person {
  return {
    id: spec.id,
    aadObjectId: spec.aadObjectId,
    name: spec.name,
    email: spec.email ?? `${emailLocalPart(spec.name)}@${SEED_EMAIL_DOMAIN}`,
    role: spec.role,
    orgUnit: spec.orgUnit,
    locale: spec.locale,
    timeZone: spec.timeZone,
    active: true,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}
