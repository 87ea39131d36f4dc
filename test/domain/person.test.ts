import { describe, expect, it } from 'vitest';
import { Guid, Person, PersonCreate, PersonPatch, Role, TimeZone } from '../../bot/domain/person.js';
import { person } from './builders.js';

const valid = {
  aadObjectId: '6F1C2A7E-3B4D-4E5F-8A9B-0C1D2E3F4A5B',
  name: 'Amina Diallo',
  email: 'amina.diallo@example.org',
  role: 'changemaker',
  orgUnit: 'BDT',
  locale: 'fr',
  timeZone: 'Africa/Dakar',
};

describe('PersonCreate', () => {
  it('accepts a roster entry and lower-cases the Entra object id', () => {
    expect(PersonCreate.parse(valid)).toMatchObject({
      aadObjectId: '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      active: true,
      timeZone: 'Africa/Dakar',
    });
  });

  it('fills the defaults: no object id yet, no preferred language, Geneva time, active', () => {
    const { aadObjectId: _a, locale: _l, timeZone: _t, ...minimal } = valid;
    expect(PersonCreate.parse(minimal)).toMatchObject({
      aadObjectId: null,
      locale: null,
      timeZone: 'Europe/Zurich',
      active: true,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a time zone that does not exist', { timeZone: 'Mars/Base' }, 'timeZone'],
    ['an empty time zone', { timeZone: '' }, 'timeZone'],
    ['an object id that is not a GUID', { aadObjectId: 'not-a-guid' }, 'aadObjectId'],
    [
      'an object id one character short',
      { aadObjectId: '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5' },
      'aadObjectId',
    ],
    ['an unknown role', { role: 'admin' }, 'role'],
    ['an unsupported language', { locale: 'de' }, 'locale'],
    ['an unknown org unit', { orgUnit: 'XYZ' }, 'orgUnit'],
    ['a name over 120 characters', { name: 'x'.repeat(121) }, 'name'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a name with a bidi override', { name: 'Amina\u202EDiallo' }, 'name'],
    ['an invalid e-mail', { email: 'amina.diallo' }, 'email'],
    [
      'an e-mail over 254 characters',
      { email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org` },
      'email',
    ],
    ['a field the client may not set', { version: 2 }, ''],
  ])('refuses %s (path %j)', (_label, change, path) => {
    const result = PersonCreate.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each([
    ['Europe/Zurich', true],
    ['Asia/Kathmandu', true],
    ['UTC', true],
    ['Mars/Base', false],
    ['GMT+25', false],
  ])('TimeZone %s: %s', (zone, ok) => {
    expect(TimeZone.safeParse(zone).success).toBe(ok);
  });

  it.each(['cto', 'owner', 'changemaker', 'viewer'])('Role %s is known', (role) => {
    expect(Role.parse(role)).toBe(role);
  });

  it('Guid lower-cases', () => {
    expect(Guid.parse('AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE')).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
  });
});

describe('PersonPatch: a field left out stays as it is', () => {
  it.each<[string, Record<string, unknown>]>([
    ['role only', { role: 'owner' }],
    ['deactivate', { active: false }],
    ['clear the preferred language', { locale: null }],
    ['nothing', {}],
  ])('%s parses to exactly the fields sent', (_label, patch) => {
    expect(PersonPatch.parse(patch)).toEqual(patch);
  });

  it('changing the role of an inactive person does not reactivate them or reset their time zone', () => {
    const stored = person({ active: false, timeZone: 'Asia/Kolkata', locale: 'ar', role: 'viewer' });
    const merged = Person.parse({ ...stored, ...PersonPatch.parse({ role: 'changemaker' }) });
    expect(merged).toEqual({ ...stored, role: 'changemaker' });
  });
});
