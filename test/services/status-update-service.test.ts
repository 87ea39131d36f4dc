// StatusUpdateService over SQLite: who may post, create vs amend (history kept), replays, version
// conflicts, concurrent first submissions, the reporting period seen from Geneva, and the draft.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, type ForbiddenReason } from '../../bot/domain/errors.js';
import type { StatusUpdateSubmit } from '../../bot/domain/status-update.js';
import {
  changeOf,
  createHarness,
  CURRENT_PERIOD,
  expectOneAudit,
  expectRefused,
  ID,
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

const body = (over: Partial<StatusUpdateSubmit> = {}): StatusUpdateSubmit => ({
  health: 'amber',
  percentComplete: 40,
  summary: 'Vendor selected; data migration plan drafted.',
  achievements: 'Signed the contract.',
  nextSteps: 'Start the migration pilot.',
  blockers: 'Need two more testers.',
  ...over,
});

describe('statusUpdates.submit: who may post', () => {
  const cases: Array<[Who, string, Expected]> = [
    ['cto', PROJECT.erp, 'allow'],
    ['owner', PROJECT.erp, 'allow'],
    ['lead', PROJECT.erp, 'allow'],
    ['changemaker', PROJECT.changeCase, 'allow'], // member of this change case
    ['changemaker', PROJECT.erp, 'not_project_owner'],
    ['changemaker2', PROJECT.changeCase, 'not_project_owner'], // not a member
    ['viewer', PROJECT.erp, 'not_project_owner'],
    ['viewer', PROJECT.changeCase, 'not_project_owner'],
    ['pillarLead', PROJECT.erp, 'not_project_owner'],
    ['owner', PROJECT.web, 'not_project_owner'],
    ['inactive', PROJECT.erp, 'inactive_person'],
  ];

  it.each(cases)('%s on %s: %s', async (who, projectId, expected) => {
    const run = () => h.services.statusUpdates.submit(h.ctx[who], projectId, body());
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: 'status-update',
        entityId: projectId,
        projectId,
      });
      return;
    }
    const w = await h.watch();
    const result = await run();
    const id = `su-${projectId}-${CURRENT_PERIOD}`;
    expect(result).toEqual({
      amended: false,
      replayed: false,
      update: {
        ...body(),
        dimensions: {},
        id,
        projectId,
        period: CURRENT_PERIOD,
        authorId: ID[who],
        submittedAt: NOW,
        source: 'tab',
        submissionKey: null,
        history: [],
        version: 1,
        createdAt: NOW,
        updatedAt: NOW,
      },
    });
    expect(await h.store.statusUpdates.getForPeriod(projectId, CURRENT_PERIOD)).toEqual(result.update);
    const event = await expectOneAudit(w, who, {
      action: 'create',
      entityType: 'status-update',
      entityId: id,
      projectId,
    });
    expect(changeOf(event, 'health')).toEqual({ before: null, after: 'amber' });
    expect(w.events()).toEqual([
      {
        type: 'status-update.submitted',
        projectId,
        period: CURRENT_PERIOD,
        updateId: id,
        amended: false,
        at: NOW,
      },
    ]);
  });

  it('the project may be named by its code, in any case', async () => {
    const { update } = await h.services.statusUpdates.submit(h.ctx.owner, 'cm-03', body());
    expect(update.projectId).toBe(PROJECT.changeCase);
  });

  const sources: Array<[Parameters<Harness['contextOf']>[1], string]> = [
    ['bot', 'bot'],
    ['tab', 'tab'],
    ['api', 'api'],
    ['job', 'api'],
  ];
  it.each(sources)('submitted through the %s surface, the source is %s', async (surface, source) => {
    const { update } = await h.services.statusUpdates.submit(
      h.contextOf(h.person.owner, surface),
      PROJECT.erp,
      body(),
    );
    expect(update.source).toBe(source);
  });
});

describe('statusUpdates.submit: amending, replays and conflicts', () => {
  it('a second submission in the period amends it and keeps the first version in history', async () => {
    const first = await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body(), {
      submissionKey: 'card-1',
    });
    h.clock.advance(3_600_000);
    const w = await h.watch();
    const second = await h.services.statusUpdates.submit(
      h.ctx.lead,
      PROJECT.erp,
      body({ health: 'red', summary: 'Migration slipped by two weeks.' }),
      { submissionKey: 'card-2', expectedVersion: 1 },
    );
    const later = h.clock.now().toISOString();
    expect(second.amended).toBe(true);
    expect(second.replayed).toBe(false);
    expect(second.update).toMatchObject({
      id: first.update.id,
      health: 'red',
      summary: 'Migration slipped by two weeks.',
      authorId: ID.lead,
      submittedAt: later,
      submissionKey: 'card-2',
      version: 2,
      createdAt: NOW,
      updatedAt: later,
    });
    expect(second.update.history).toEqual([
      {
        ...body(),
        dimensions: {},
        authorId: ID.owner,
        submittedAt: NOW,
        source: 'tab',
        submissionKey: 'card-1',
      },
    ]);
    expect(await h.store.statusUpdates.getForPeriod(PROJECT.erp, CURRENT_PERIOD)).toEqual(second.update);
    const event = await expectOneAudit(w, 'lead', {
      action: 'amend',
      entityType: 'status-update',
      entityId: first.update.id,
      projectId: PROJECT.erp,
    });
    expect(event.changes).toEqual([
      { field: 'authorId', before: ID.owner, after: ID.lead },
      { field: 'health', before: 'amber', after: 'red' },
      { field: 'submissionKey', before: 'card-1', after: 'card-2' },
      { field: 'submittedAt', before: NOW, after: later },
      { field: 'summary', before: body().summary, after: 'Migration slipped by two weeks.' },
    ]);
    expect(w.events()).toEqual([
      {
        type: 'status-update.submitted',
        projectId: PROJECT.erp,
        period: CURRENT_PERIOD,
        updateId: first.update.id,
        amended: true,
        at: later,
      },
    ]);
  });

  const replays: Array<[string, number]> = [
    ['the current submission', 0],
    ['an earlier submission now in history', 1],
  ];
  it.each(replays)(
    'replaying %s (same submissionKey) changes nothing and audits nothing',
    async (_n, which) => {
      await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body(), { submissionKey: 'card-1' });
      await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body({ health: 'green' }), {
        submissionKey: 'card-2',
      });
      const stored = await h.store.statusUpdates.getForPeriod(PROJECT.erp, CURRENT_PERIOD);
      const w = await h.watch();
      const replay = await h.services.statusUpdates.submit(
        h.ctx.owner,
        PROJECT.erp,
        body({ health: 'red' }),
        // A card retried after its first delivery still says it expected to create the update.
        { submissionKey: which === 0 ? 'card-2' : 'card-1', expectedVersion: 0 },
      );
      expect(replay).toEqual({ update: stored, amended: false, replayed: true });
      await w.expectNothingStored();
      expect(await w.audit()).toEqual([]);
      expect(w.events()).toEqual([]);
    },
  );

  it('expectedVersion 0 when the period already has an update: ConflictError carrying it, nothing stored', async () => {
    const { update } = await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body());
    const w = await h.watch();
    const error = await rejectionOf(
      h.services.statusUpdates.submit(h.ctx.lead, PROJECT.erp, body({ health: 'red' }), {
        expectedVersion: 0,
        submissionKey: 'stale-card',
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(update);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
    expect(w.events()).toEqual([]);
  });

  it('a stale expectedVersion: ConflictError carrying the current update, nothing stored', async () => {
    await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body());
    const { update: v2 } = await h.services.statusUpdates.submit(
      h.ctx.owner,
      PROJECT.erp,
      body({ health: 'green' }),
      {
        expectedVersion: 1,
      },
    );
    const w = await h.watch();
    const error = await rejectionOf(
      h.services.statusUpdates.submit(h.ctx.lead, PROJECT.erp, body({ health: 'red' }), {
        expectedVersion: 1,
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(v2);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });

  it('two concurrent first submissions: one update, the other in its history, nothing lost or duplicated', async () => {
    const results = await Promise.all([
      h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body({ summary: 'From the owner.' })),
      h.services.statusUpdates.submit(h.ctx.lead, PROJECT.erp, body({ summary: 'From the lead.' })),
    ]);
    const stored = (await h.store.statusUpdates.listByProject(PROJECT.erp)).items;
    expect(stored).toHaveLength(1);
    const [update] = stored;
    const summaries = [update!.summary, ...update!.history.map((r) => r.summary)].sort();
    expect(summaries).toEqual(['From the lead.', 'From the owner.']);
    expect(update!.version).toBe(2);
    expect(results.map((r) => r.amended).sort()).toEqual([false, true]);
    const audit = await h.auditLog();
    expect(audit.map((e) => e.action).sort()).toEqual(['amend', 'create']);
    expect(h.events.published).toHaveLength(2);
  });

  it('two concurrent first submissions that both expected to create: one stored, the other told of the conflict', async () => {
    const settled = await Promise.allSettled([
      h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body({ summary: 'From the owner.' }), {
        expectedVersion: 0,
      }),
      h.services.statusUpdates.submit(h.ctx.lead, PROJECT.erp, body({ summary: 'From the lead.' }), {
        expectedVersion: 0,
      }),
    ]);
    const fulfilled = settled.filter((s) => s.status === 'fulfilled');
    const rejected = settled.filter((s) => s.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const stored = (await h.store.statusUpdates.listByProject(PROJECT.erp)).items;
    expect(stored).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(((rejected[0] as PromiseRejectedResult).reason as ConflictError).current).toEqual(stored[0]);
    expect(stored[0]).toEqual((fulfilled[0] as PromiseFulfilledResult<{ update: unknown }>).value.update);
  });

  it('four concurrent submissions without expectedVersion all land: one update, three in history', async () => {
    const who: Who[] = ['owner', 'lead', 'cto', 'owner'];
    await Promise.all(
      who.map((w, i) =>
        h.services.statusUpdates.submit(h.ctx[w], PROJECT.erp, body({ summary: `Submission ${i}.` }), {
          submissionKey: `k-${i}`,
        }),
      ),
    );
    const stored = (await h.store.statusUpdates.listByProject(PROJECT.erp)).items;
    expect(stored).toHaveLength(1);
    const summaries = [stored[0]!.summary, ...stored[0]!.history.map((r) => r.summary)].sort();
    expect(summaries).toEqual(['Submission 0.', 'Submission 1.', 'Submission 2.', 'Submission 3.']);
    expect(stored[0]!.version).toBe(4);
  });
});

describe('statusUpdates.submit: the reporting period', () => {
  const defaults: Array<[string, string, string]> = [
    ['Wednesday afternoon', NOW, '2026-W48'],
    ['Sunday 23:30 in Geneva (22:30 UTC) is still last week', '2026-11-29T22:30:00.000Z', '2026-W48'],
    [
      'Monday 00:30 in Geneva (Sunday 23:30 UTC) is already the new week',
      '2026-11-29T23:30:00.000Z',
      '2026-W49',
    ],
    ['Monday 00:30 in Geneva in summer time (Sunday 22:30 UTC)', '2026-06-28T22:30:00.000Z', '2026-W27'],
    ['New Year: Friday 1 January 2027 belongs to 2026-W53', '2027-01-01T12:00:00.000Z', '2026-W53'],
  ];

  it.each(defaults)('defaults to the current ISO week in Europe/Zurich: %s', async (_n, now, period) => {
    h.clock.set(now);
    const { update } = await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body());
    expect(update.period).toBe(period);
    expect(update.id).toBe(`su-${PROJECT.erp}-${period}`);
    expect(h.services.statusUpdates.currentPeriod()).toBe(period);
  });

  const periods: Array<[string, 'ok' | 'refused']> = [
    ['2026-W48', 'ok'],
    ['2026-W47', 'ok'],
    ['2026-W44', 'ok'], // four weeks back: still reportable
    ['2026-W43', 'refused'], // five weeks back
    ['2025-W48', 'refused'],
    ['2026-W49', 'refused'], // next week
    ['2027-W01', 'refused'],
  ];

  it.each(periods)('an explicit period %s is %s', async (period, outcome) => {
    const run = () => h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body({ period }));
    if (outcome === 'ok') {
      const { update } = await run();
      expect(update.period).toBe(period);
      expect(await h.store.statusUpdates.getForPeriod(PROJECT.erp, period)).toEqual(update);
      return;
    }
    const w = await h.watch();
    const error = await rejectionOf(run());
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      expect.objectContaining({
        path: 'period',
        code: 'period_not_reportable',
        params: { current: CURRENT_PERIOD },
      }),
    ]);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
    expect(w.events()).toEqual([]);
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a malformed period', { period: '2026-48' }, 'period'],
    ['a week that does not exist', { period: '2025-W53' }, 'period'],
    ['a missing summary', { summary: '   ' }, 'summary'],
    ['percent over 100', { percentComplete: 101 }, 'percentComplete'],
    ['an unknown health', { health: 'blue' }, 'health'],
    ['an unknown field', { author: 'p-cto' }, ''],
  ];
  it.each(invalid)('%s is a ValidationError on %j, nothing stored', async (_n, over, path) => {
    const w = await h.watch();
    const error = await rejectionOf(
      h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, { ...body(), ...over }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([path]);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });
});

describe('statusUpdates.draft', () => {
  it('with no update yet: the current period and nothing to pre-fill', async () => {
    expect(await h.services.statusUpdates.draft(h.ctx.owner, 'TR-07')).toEqual({
      period: CURRENT_PERIOD,
      projectId: PROJECT.erp,
      existing: undefined,
      previous: undefined,
      prefill: {},
    });
  });

  it('pre-fills from the previous period, with achievements emptied', async () => {
    const { update: previous } = await h.services.statusUpdates.submit(
      h.ctx.owner,
      PROJECT.erp,
      body({ period: '2026-W46', dimensions: { budget: 'red' } }),
    );
    await h.services.statusUpdates.submit(
      h.ctx.owner,
      PROJECT.erp,
      body({ period: '2026-W45', health: 'green' }),
    );
    const draft = await h.services.statusUpdates.draft(h.ctx.lead, PROJECT.erp);
    expect(draft).toEqual({
      period: CURRENT_PERIOD,
      projectId: PROJECT.erp,
      existing: undefined,
      previous,
      prefill: {
        health: 'amber',
        dimensions: { budget: 'red' },
        percentComplete: 40,
        summary: body().summary,
        achievements: '',
        nextSteps: body().nextSteps,
        blockers: body().blockers,
      },
    });
  });

  it('when the period already has an update, returns it and pre-fills its content (submitting amends it)', async () => {
    await h.services.statusUpdates.submit(
      h.ctx.owner,
      PROJECT.erp,
      body({ period: '2026-W47', health: 'red' }),
    );
    const { update: existing } = await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body());
    const draft = await h.services.statusUpdates.draft(h.ctx.owner, PROJECT.erp);
    expect(draft.existing).toEqual(existing);
    expect(draft.previous?.period).toBe('2026-W47');
    expect(draft.prefill).toMatchObject({ health: 'amber', achievements: body().achievements });
  });

  it('a draft writes nothing', async () => {
    const w = await h.watch();
    await h.services.statusUpdates.draft(h.ctx.viewer, PROJECT.erp);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });
});

describe('reads', () => {
  it('history newest period first, and one period, for any active person; refused when inactive', async () => {
    await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body({ period: '2026-W46' }));
    const { update } = await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, body());
    const page = await h.services.statusUpdates.listByProject(h.ctx.viewer, 'TR-07');
    expect(page.items.map((u) => u.period)).toEqual([CURRENT_PERIOD, '2026-W46']);
    expect(await h.services.statusUpdates.getForPeriod(h.ctx.changemaker2, 'tr-07', CURRENT_PERIOD)).toEqual(
      update,
    );
    expect(await h.services.statusUpdates.getForPeriod(h.ctx.viewer, 'TR-07', '2026-W47')).toBeUndefined();
    await expectRefused(
      h,
      'inactive',
      () => h.services.statusUpdates.listByProject(h.ctx.inactive, 'TR-07'),
      'inactive_person',
      { entityType: 'status-update', entityId: 'TR-07' },
    );
  });
});
