// MilestoneService over SQLite: who may manage milestones, completion dates filled in Geneva's
// calendar, audit, conflicts and idempotent creation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, type ForbiddenReason } from '../../bot/domain/errors.js';
import type { Milestone } from '../../bot/domain/milestone.js';
import {
  createHarness,
  expectOneAudit,
  expectRefused,
  NOW,
  PROJECT,
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

const cases: Array<[Who, string, Expected]> = [
  ['cto', PROJECT.erp, 'allow'],
  ['owner', PROJECT.erp, 'allow'],
  ['lead', PROJECT.erp, 'allow'],
  ['changemaker', PROJECT.changeCase, 'allow'], // members contribute to their change case
  ['changemaker', PROJECT.erp, 'not_project_owner'],
  ['changemaker2', PROJECT.changeCase, 'not_project_owner'],
  ['viewer', PROJECT.erp, 'not_project_owner'],
  ['pillarLead', PROJECT.erp, 'not_project_owner'],
  ['owner', PROJECT.web, 'not_project_owner'],
  ['inactive', PROJECT.erp, 'inactive_person'],
];

async function seeded(projectId: string): Promise<Milestone> {
  return (
    await h.services.milestones.create(h.ctx.cto, projectId, { title: 'Go-live', dueDate: '2026-12-15' })
  ).value;
}

describe('milestones.create', () => {
  it.each(cases)('%s on %s: %s', async (who, projectId, expected) => {
    const run = () =>
      h.services.milestones.create(h.ctx[who], projectId, { title: 'Pilot', dueDate: '2026-12-01' });
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, { entityType: 'milestone', entityId: 'new', projectId });
      return;
    }
    const w = await h.watch();
    const { value, replayed } = await run();
    expect(replayed).toBe(false);
    expect(value).toEqual({
      id: value.id,
      projectId,
      title: 'Pilot',
      dueDate: '2026-12-01',
      status: 'planned',
      completedOn: null,
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await h.store.milestones.get(value.id)).toEqual(value);
    await expectOneAudit(w, who, {
      action: 'create',
      entityType: 'milestone',
      entityId: value.id,
      projectId,
    });
  });

  it('the body cannot move the milestone to another project', async () => {
    const { value } = await h.services.milestones.create(h.ctx.owner, PROJECT.erp, {
      title: 'Pilot',
      dueDate: '2026-12-01',
      projectId: PROJECT.web,
    });
    expect(value.projectId).toBe(PROJECT.erp);
  });

  it('the same idempotency key twice stores one milestone', async () => {
    const first = await h.services.milestones.create(
      h.ctx.owner,
      'TR-07',
      { title: 'Pilot', dueDate: '2026-12-01' },
      'k1',
    );
    const w = await h.watch();
    const again = await h.services.milestones.create(
      h.ctx.owner,
      'TR-07',
      { title: 'Pilot', dueDate: '2026-12-01' },
      'k1',
    );
    expect(again).toEqual({ value: first.value, replayed: true });
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });
});

describe('milestones.update', () => {
  it.each(cases)('%s on %s: %s', async (who, projectId, expected) => {
    const milestone = await seeded(projectId);
    const run = () => h.services.milestones.update(h.ctx[who], milestone.id, { dueDate: '2027-01-15' }, 1);
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: 'milestone',
        entityId: milestone.id,
        projectId,
      });
      return;
    }
    const w = await h.watch();
    const stored = await run();
    expect(stored).toEqual({ ...milestone, dueDate: '2027-01-15', version: 2 });
    expect(await h.store.milestones.get(milestone.id)).toEqual(stored);
    await expectOneAudit(w, who, {
      action: 'update',
      entityType: 'milestone',
      entityId: milestone.id,
      projectId,
      changes: [{ field: 'dueDate', before: '2026-12-15', after: '2027-01-15' }],
    });
  });

  it('a stale version is a ConflictError carrying the current milestone', async () => {
    const milestone = await seeded(PROJECT.erp);
    const current = await h.services.milestones.update(
      h.ctx.owner,
      milestone.id,
      { title: 'Go-live, wave 1' },
      1,
    );
    const error = await rejectionOf(
      h.services.milestones.update(h.ctx.lead, milestone.id, { title: 'Other' }, 1),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(current);
  });
});

describe('completion dates: today in Europe/Zurich when none is given', () => {
  // 23:30 UTC on Wednesday 25 November is already Thursday 26 November in Geneva.
  const LATE_EVENING_UTC = '2026-11-25T23:30:00.000Z';

  const creates: Array<[string, Record<string, unknown>, string | null]> = [
    ['done without a date', { status: 'done' }, '2026-11-26'],
    ['done with a date', { status: 'done', completedOn: '2026-11-20' }, '2026-11-20'],
    ['planned', { status: 'planned' }, null],
  ];
  it.each(creates)('create %s: completedOn %s', async (_n, over, completedOn) => {
    h.clock.set(LATE_EVENING_UTC);
    const { value } = await h.services.milestones.create(h.ctx.owner, PROJECT.erp, {
      title: 'Pilot',
      dueDate: '2026-12-01',
      ...over,
    });
    expect(value.completedOn).toBe(completedOn);
    expect((await h.store.milestones.get(value.id))?.completedOn).toBe(completedOn);
  });

  const updates: Array<[string, Partial<Milestone>, Record<string, unknown>, Partial<Milestone>]> = [
    ['planned -> done without a date', {}, { status: 'done' }, { status: 'done', completedOn: '2026-11-26' }],
    [
      'planned -> done with a date',
      {},
      { status: 'done', completedOn: '2026-11-24' },
      { status: 'done', completedOn: '2026-11-24' },
    ],
    [
      'done, title edited: keeps its completion date',
      { status: 'done', completedOn: '2026-11-02' },
      { title: 'Go-live (all sites)' },
      { status: 'done', completedOn: '2026-11-02' },
    ],
    [
      'done -> planned (reopened): completion date cleared',
      { status: 'done', completedOn: '2026-11-02' },
      { status: 'planned' },
      { status: 'planned', completedOn: null },
    ],
    ['planned -> missed', {}, { status: 'missed' }, { status: 'missed', completedOn: null }],
  ];
  it.each(updates)('update %s', async (_n, start, patch, expected) => {
    let milestone = await seeded(PROJECT.erp);
    if (start.status) {
      milestone = await h.services.milestones.update(h.ctx.cto, milestone.id, start, 1);
    }
    h.clock.set(LATE_EVENING_UTC);
    const stored = await h.services.milestones.update(h.ctx.owner, milestone.id, patch, milestone.version);
    expect(stored).toMatchObject(expected);
    expect(await h.store.milestones.get(milestone.id)).toEqual(stored);
  });

  it('done with the completion date explicitly cleared is refused', async () => {
    const milestone = await seeded(PROJECT.erp);
    const w = await h.watch();
    const error = await rejectionOf(
      h.services.milestones.update(h.ctx.owner, milestone.id, { status: 'done', completedOn: null }, 1),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['completedOn']);
    await w.expectNothingStored();
  });
});

describe('reads and keys', () => {
  it('the roadmap by due date, by project code; refused when inactive', async () => {
    const late = await h.services.milestones.create(h.ctx.owner, 'TR-07', {
      title: 'Late',
      dueDate: '2027-02-01',
    });
    const early = await h.services.milestones.create(h.ctx.owner, 'TR-07', {
      title: 'Early',
      dueDate: '2026-12-01',
    });
    await h.services.milestones.create(h.ctx.pillarLead, 'TR-12', { title: 'Other', dueDate: '2026-12-02' });
    const page = await h.services.milestones.list(h.ctx.viewer, { projectId: 'tr-07' });
    expect(page.items).toEqual([early.value, late.value]);
    expect((await h.services.milestones.list(h.ctx.viewer, {})).items).toHaveLength(3);
    await expectRefused(
      h,
      'inactive',
      () => h.services.milestones.list(h.ctx.inactive, {}),
      'inactive_person',
      {
        entityType: 'milestone',
        entityId: 'roadmap',
      },
    );
  });

  it('the same key reused by the same person on another project is refused as a reused key, not replayed', async () => {
    await h.services.milestones.create(h.ctx.owner, 'TR-07', { title: 'Pilot', dueDate: '2026-12-01' }, 'k1');
    const w = await h.watch();
    const error = await rejectionOf(
      h.services.milestones.create(h.ctx.owner, 'CM-03', { title: 'Pilot', dueDate: '2026-12-01' }, 'k1'),
    );
    // IETF idempotency-key draft: the same key with a different request is 422, not the first result.
    expect(error).toMatchObject({ code: 'idempotency_key_reused' });
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });
});
