// SettingsService over SQLite: defaults created on first read, CTO-only changes, references to
// roster people checked field by field, optimistic concurrency.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, type ForbiddenReason } from '../../bot/domain/errors.js';
import {
  createHarness,
  expectOneAudit,
  expectRefused,
  ID,
  NOW,
  rejectionOf,
  SEEDED_AT,
  type Harness,
  type Who,
} from './service-harness.js';

type Expected = 'allow' | ForbiddenReason;

const DEFAULTS = {
  escalationThreshold: 15,
  digest: { enabled: true, weekday: 1, time: '08:00', timeZone: 'Europe/Zurich' },
  reminder: { enabled: true, weekday: 4, time: '10:00', secondNudge: true },
  pillarLeads: {},
  digestSubscribers: [],
};

describe('settings on a store that has none yet', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ seedSettings: false });
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it('the first read creates the defaults, and later reads return the same document', async () => {
    expect(await h.store.settings.get()).toBeUndefined();
    const first = await h.services.settings.get(h.ctx.viewer);
    expect(first).toEqual({ ...DEFAULTS, version: 1, updatedAt: NOW });
    expect(await h.store.settings.get()).toEqual(first);
    h.clock.advance(60_000);
    expect(await h.services.settings.get(h.ctx.cto)).toEqual(first);
  });

  it('concurrent first reads agree on one document', async () => {
    const all = await Promise.all([
      h.services.settings.current(),
      h.services.settings.current(),
      h.services.settings.current(),
    ]);
    expect(new Set(all.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(await h.store.settings.get()).toEqual(all[0]);
  });

  it('an update before any read starts from the defaults at version 1', async () => {
    const stored = await h.services.settings.update(h.ctx.cto, { escalationThreshold: 12 }, 1);
    expect(stored).toEqual({ ...DEFAULTS, escalationThreshold: 12, version: 2, updatedAt: NOW });
  });
});

describe('settings.update', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  const cases: Array<[Who, Expected]> = [
    ['cto', 'allow'],
    ['owner', 'role_required_cto'],
    ['pillarLead', 'role_required_cto'],
    ['changemaker', 'role_required_cto'],
    ['viewer', 'role_required_cto'],
    ['inactive', 'inactive_person'],
  ];

  it.each(cases)('%s: %s', async (who, expected) => {
    const run = () =>
      h.services.settings.update(
        h.ctx[who],
        {
          escalationThreshold: 12,
          digest: { enabled: true, weekday: 5, time: '16:30', timeZone: 'Europe/Zurich' },
        },
        1,
      );
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: 'settings',
        entityId: 'settings',
        projectId: null,
      });
      return;
    }
    const w = await h.watch();
    const stored = await run();
    expect(stored).toEqual({
      ...DEFAULTS,
      pillarLeads: { PAC: [ID.pillarLead] },
      escalationThreshold: 12,
      digest: { enabled: true, weekday: 5, time: '16:30', timeZone: 'Europe/Zurich' },
      version: 2,
      updatedAt: NOW,
    });
    expect(await h.store.settings.get()).toEqual(stored);
    await expectOneAudit(w, who, {
      action: 'update',
      entityType: 'settings',
      entityId: 'settings',
      projectId: null,
      changes: [
        { field: 'digest', before: DEFAULTS.digest, after: stored.digest },
        { field: 'escalationThreshold', before: 15, after: 12 },
      ],
    });
  });

  it('a patch leaves the fields it does not name alone', async () => {
    const stored = await h.services.settings.update(h.ctx.cto, { digestSubscribers: [ID.pillarLead] }, 1);
    expect(stored).toMatchObject({ pillarLeads: { PAC: [ID.pillarLead] }, escalationThreshold: 15 });
    expect(stored.updatedAt).not.toBe(SEEDED_AT);
  });

  const unknownPeople: Array<[string, Record<string, unknown>, string[]]> = [
    ['an unknown digest subscriber', { digestSubscribers: [ID.owner, 'p-nobody'] }, ['digestSubscribers.1']],
    [
      'an unknown pillar lead',
      { pillarLeads: { GOV: ['p-nobody'], PAC: [ID.pillarLead] } },
      ['pillarLeads.GOV.0'],
    ],
    [
      'several unknown people',
      { pillarLeads: { MAP: [ID.cto, 'p-x'] }, digestSubscribers: ['p-y'] },
      ['pillarLeads.MAP.1', 'digestSubscribers.0'],
    ],
  ];
  it.each(unknownPeople)('%s is refused, naming the field; nothing stored', async (_n, patch, paths) => {
    const w = await h.watch();
    const error = await rejectionOf(h.services.settings.update(h.ctx.cto, patch, 1));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map(({ path, code }) => ({ path, code }))).toEqual(
      paths.map((path) => ({ path, code: 'unknown_person' })),
    );
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['threshold above 25', { escalationThreshold: 26 }, 'escalationThreshold'],
    ['threshold of zero', { escalationThreshold: 0 }, 'escalationThreshold'],
    ['digest weekday 8', { digest: { weekday: 8 } }, 'digest.weekday'],
    ['a cron string for a time', { reminder: { time: '0 10 * * 4' } }, 'reminder.time'],
    ['an unknown pillar', { pillarLeads: { XYZ: [ID.cto] } }, 'pillarLeads'],
  ];
  it.each(invalid)('%s is a ValidationError, nothing stored', async (_n, patch, path) => {
    const error = await rejectionOf(h.services.settings.update(h.ctx.cto, patch, 1));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    expect(await h.store.settings.get()).toMatchObject({ version: 1 });
  });

  it('a stale version is a ConflictError carrying the current settings; nothing stored', async () => {
    const current = await h.services.settings.update(h.ctx.cto, { escalationThreshold: 20 }, 1);
    const w = await h.watch();
    const error = await rejectionOf(h.services.settings.update(h.ctx.cto, { escalationThreshold: 10 }, 1));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(current);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });
});
