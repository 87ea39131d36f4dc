// RosterService over SQLite: resolving an authenticated identity to a roster person (or a transient
// viewer), CTO-only roster management, self-service language and time zone, uniqueness.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, type ForbiddenReason } from '../../bot/domain/errors.js';
import type { PersonCreate } from '../../bot/domain/person.js';
import type { ExternalIdentity } from '../../bot/services/roster-service.js';
import {
  AAD,
  createHarness,
  expectOneAudit,
  expectRefused,
  ID,
  NOW,
  rejectionOf,
  type Harness,
  type Who,
} from './service-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

type Expected = 'allow' | ForbiddenReason;

describe('roster.resolve: Entra object id first, then e-mail, else a transient viewer', () => {
  const known: Array<[string, ExternalIdentity, Who]> = [
    ['object id', { aadObjectId: AAD.owner }, 'owner'],
    ['object id in upper case', { aadObjectId: AAD.owner.toUpperCase() }, 'owner'],
    [
      'object id wins over a different e-mail',
      { aadObjectId: AAD.lead, email: 'p-owner@itu.example.org' },
      'lead',
    ],
    [
      'e-mail when the object id is unknown',
      { aadObjectId: '99999999-aaaa-4bbb-8ccc-999999999999', email: 'p-cm@itu.example.org' },
      'changemaker',
    ],
    ['e-mail in mixed case', { email: 'P-Viewer@ITU.Example.org' }, 'viewer'],
    [
      'an inactive person is still who they are (and is refused everything)',
      { aadObjectId: AAD.inactive },
      'inactive',
    ],
  ];

  it.each(known)('%s', async (_n, identity, who) => {
    expect(await h.services.roster.resolve(identity)).toEqual(h.person[who]);
  });

  const unknown: Array<[string, ExternalIdentity, string, string, string]> = [
    [
      'unknown object id and e-mail',
      {
        aadObjectId: '99999999-AAAA-4bbb-8ccc-999999999999',
        email: 'Guest.User@ITU.example.org',
        name: 'Guest User',
      },
      'guest-99999999-aaaa-4bbb-8ccc-999999999999',
      'Guest User',
      'guest.user@itu.example.org',
    ],
    [
      'e-mail only',
      { email: 'new.staff@itu.example.org' },
      'guest-new.staff-itu.example.org',
      'new.staff@itu.example.org',
      'new.staff@itu.example.org',
    ],
    ['nothing at all', {}, 'guest-anonymous', 'Guest', 'unknown@invalid.example'],
  ];

  it.each(unknown)('%s: a viewer, not stored', async (_n, identity, id, name, email) => {
    const w = await h.watch();
    const guest = await h.services.roster.resolve(identity);
    expect(guest).toMatchObject({ id, name, email, role: 'viewer', active: true, timeZone: 'Europe/Zurich' });
    expect(await h.store.people.get(guest.id)).toBeUndefined();
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });

  it('a transient viewer may read the portfolio and raise a proposed concern', async () => {
    const guest = await h.services.roster.resolve({ email: 'new.staff@itu.example.org' });
    const ctx = h.contextOf(guest);
    expect((await h.services.projects.overview(ctx)).items).toHaveLength(3);
    const { value } = await h.services.risks.raise(ctx, {
      projectId: 'TR-07',
      title: 'Training gap',
      likelihood: 2,
      impact: 2,
    });
    expect(value).toMatchObject({ status: 'proposed', raisedById: guest.id });
  });
});

const newPerson = (over: Partial<PersonCreate> = {}): PersonCreate => ({
  name: 'Nadia Haddad',
  email: 'Nadia.Haddad@itu.example.org',
  role: 'changemaker',
  orgUnit: 'BDT',
  aadObjectId: 'ABCDEF01-aaaa-4bbb-8ccc-000000000099',
  ...over,
});

describe('roster.create: the CTO only', () => {
  const cases: Array<[Who, Expected]> = [
    ['cto', 'allow'],
    ['owner', 'role_required_cto'],
    ['changemaker', 'role_required_cto'],
    ['viewer', 'role_required_cto'],
    ['pillarLead', 'role_required_cto'],
    ['inactive', 'inactive_person'],
  ];

  it.each(cases)('%s: %s', async (who, expected) => {
    const run = () => h.services.roster.create(h.ctx[who], newPerson());
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, { entityType: 'person', entityId: 'new', projectId: null });
      return;
    }
    const w = await h.watch();
    const { value } = await run();
    expect(value).toEqual({
      id: value.id,
      name: 'Nadia Haddad',
      email: 'nadia.haddad@itu.example.org',
      role: 'changemaker',
      orgUnit: 'BDT',
      aadObjectId: 'abcdef01-aaaa-4bbb-8ccc-000000000099',
      locale: null,
      timeZone: 'Europe/Zurich',
      active: true,
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await h.store.people.get(value.id)).toEqual(value);
    expect(await h.services.roster.resolve({ aadObjectId: 'ABCDEF01-AAAA-4BBB-8CCC-000000000099' })).toEqual(
      value,
    );
    await expectOneAudit(w, who, {
      action: 'create',
      entityType: 'person',
      entityId: value.id,
      projectId: null,
    });
  });

  it('the same idempotency key twice stores one person and audits once (a retry is not a duplicate e-mail)', async () => {
    const first = await h.services.roster.create(h.ctx.cto, newPerson(), 'roster-add-1');
    const w = await h.watch();
    const again = await h.services.roster.create(h.ctx.cto, newPerson(), 'roster-add-1');
    expect(again).toEqual({ value: first.value, replayed: true });
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
    const other = await rejectionOf(h.services.roster.create(h.ctx.cto, newPerson(), 'roster-add-2'));
    expect(other).toBeInstanceOf(ValidationError);
    expect((other as ValidationError).issues.map((i) => [i.path, i.code])).toEqual([
      ['email', 'taken'],
      ['aadObjectId', 'taken'],
    ]);
  });

  const duplicates: Array<[string, Partial<PersonCreate>, string]> = [
    ['e-mail of another person', { email: 'p-owner@itu.example.org' }, 'email'],
    ['e-mail of another person, other case', { email: 'P-OWNER@ITU.EXAMPLE.ORG' }, 'email'],
    ['object id of another person, upper case', { aadObjectId: AAD.lead.toUpperCase() }, 'aadObjectId'],
  ];
  it.each(duplicates)('refused: %s (ValidationError on %s, nothing stored)', async (_n, over, path) => {
    const w = await h.watch();
    const error = await rejectionOf(h.services.roster.create(h.ctx.cto, newPerson(over)));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ path, code: 'taken' })]);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });
});

describe('roster.update: the CTO, or a person changing only their own language and time zone', () => {
  const cases: Array<[string, Who, Who, Record<string, unknown>, Expected]> = [
    ['role of another', 'cto', 'viewer', { role: 'changemaker' }, 'allow'],
    ['deactivating another', 'cto', 'lead', { active: false }, 'allow'],
    ['own language and time zone', 'owner', 'owner', { locale: 'fr', timeZone: 'America/New_York' }, 'allow'],
    ['own language', 'viewer', 'viewer', { locale: 'ar' }, 'allow'],
    ['own time zone', 'changemaker', 'changemaker', { timeZone: 'Asia/Bangkok' }, 'allow'],
    ['own role', 'owner', 'owner', { role: 'cto' }, 'role_required_cto'],
    [
      'own language and role together',
      'viewer',
      'viewer',
      { locale: 'fr', role: 'cto' },
      'role_required_cto',
    ],
    ['own name', 'lead', 'lead', { name: 'Lena D.' }, 'role_required_cto'],
    ['own e-mail', 'lead', 'lead', { email: 'lena@itu.example.org' }, 'role_required_cto'],
    ["another's language", 'owner', 'viewer', { locale: 'fr' }, 'role_required_cto'],
    ["another's role", 'pillarLead', 'viewer', { role: 'owner' }, 'role_required_cto'],
    ['own language while inactive', 'inactive', 'inactive', { locale: 'fr' }, 'inactive_person'],
    ["another's role while inactive", 'inactive', 'viewer', { role: 'cto' }, 'inactive_person'],
  ];

  it.each(cases)('%s, by %s: %s', async (_n, who, whom, patch, expected) => {
    const before = h.person[whom];
    const run = () => h.services.roster.update(h.ctx[who], ID[whom], patch, 1);
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: 'person',
        entityId: ID[whom],
        projectId: null,
      });
      return;
    }
    const w = await h.watch();
    const stored = await run();
    expect(stored).toEqual({ ...before, ...patch, version: 2, updatedAt: NOW });
    expect(await h.store.people.get(ID[whom])).toEqual(stored);
    await expectOneAudit(w, who, {
      action: 'update',
      entityType: 'person',
      entityId: ID[whom],
      projectId: null,
      changes: Object.entries(patch)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([field, after]) => ({ field, before: before[field as keyof typeof before] ?? null, after })),
    });
  });

  it('a deactivated person is refused at once', async () => {
    const lead = await h.services.roster.update(h.ctx.cto, ID.lead, { active: false }, 1);
    await expectRefused(
      h,
      'lead',
      () => h.services.projects.update(h.contextOf(lead), 'TR-07', { title: 'Too late' }, 1),
      'inactive_person',
      { entityType: 'project', entityId: 'prj-erp', projectId: 'prj-erp' },
    );
  });

  const duplicates: Array<[string, Record<string, unknown>, string]> = [
    ["another person's e-mail", { email: 'P-CM@itu.example.org' }, 'email'],
    ["another person's object id", { aadObjectId: AAD.cto }, 'aadObjectId'],
  ];
  it.each(duplicates)('refused: %s', async (_n, patch, path) => {
    const w = await h.watch();
    const error = await rejectionOf(h.services.roster.update(h.ctx.cto, ID.viewer, patch, 1));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ path, code: 'taken' })]);
    await w.expectNothingStored();
  });

  it('keeping one’s own e-mail and object id is not a duplicate', async () => {
    const stored = await h.services.roster.update(
      h.ctx.cto,
      ID.viewer,
      { email: 'P-VIEWER@itu.example.org', aadObjectId: AAD.viewer, orgUnit: 'BR' },
      1,
    );
    expect(stored).toMatchObject({ email: 'p-viewer@itu.example.org', orgUnit: 'BR', version: 2 });
  });

  it('a stale version is a ConflictError carrying the current person', async () => {
    const current = await h.services.roster.update(h.ctx.owner, ID.owner, { locale: 'es' }, 1);
    const error = await rejectionOf(h.services.roster.update(h.ctx.cto, ID.owner, { role: 'viewer' }, 1));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(current);
  });
});

describe('reads', () => {
  it('the roster by role, one person, the first active CTO; refused when inactive', async () => {
    const owners = await h.services.roster.list(h.ctx.viewer, { role: 'owner' });
    expect(owners.items.map((p) => p.id)).toEqual([ID.lead, ID.owner, ID.pillarLead]); // by name
    expect(await h.services.roster.get(h.ctx.changemaker, ID.cto)).toEqual(h.person.cto);
    await expect(h.services.roster.get(h.ctx.cto, 'p-nobody')).rejects.toMatchObject({ code: 'not_found' });
    expect(await h.services.roster.firstWithRole('cto')).toEqual(h.person.cto); // not the inactive one
    expect(await h.services.roster.findById(ID.inactive)).toEqual(h.person.inactive);
    await expectRefused(h, 'inactive', () => h.services.roster.list(h.ctx.inactive, {}), 'inactive_person', {
      entityType: 'person',
      entityId: 'roster',
    });
  });
});
