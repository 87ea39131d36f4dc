// ProjectService over SQLite: who may create and edit projects (and who may reassign them), what is
// stored and audited, reference checks, optimistic concurrency, and the portfolio read models.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, type ForbiddenReason } from '../../bot/domain/errors.js';
import type { Project, ProjectCreate } from '../../bot/domain/project.js';
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
import { buildProject, buildRisk, buildStatusUpdate } from '../helpers/fixtures.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

type Expected = 'allow' | ForbiddenReason;

const newProject = (code = 'TR-30'): ProjectCreate => ({
  code,
  title: 'Digital signatures rollout',
  kind: 'project',
  pillar: 'SPT',
  orgUnit: 'IS',
  ownerId: ID.owner,
  leadIds: [ID.lead],
  phase: 'planning',
});

function issuesOf(error: unknown): Array<{ path: string; code: string }> {
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map(({ path, code }) => ({ path, code }));
}

describe('projects.create: the CTO only', () => {
  const cases: Array<[Who, Expected]> = [
    ['cto', 'allow'],
    ['owner', 'role_required_cto'],
    ['lead', 'role_required_cto'],
    ['changemaker', 'role_required_cto'],
    ['viewer', 'role_required_cto'],
    ['pillarLead', 'role_required_cto'],
    ['inactive', 'inactive_person'],
  ];

  it.each(cases)('%s: %s', async (who, expected) => {
    const run = () => h.services.projects.create(h.ctx[who], newProject());
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: 'project',
        entityId: 'TR-30',
        projectId: null,
      });
      return;
    }
    const w = await h.watch();
    const { value, replayed } = await run();
    expect(replayed).toBe(false);
    expect(value).toMatchObject({
      ...newProject(),
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
      sponsorId: null,
      memberIds: [],
      dependencies: [],
    });
    expect(await h.store.projects.getByCode('TR-30')).toEqual(value);
    const event = await expectOneAudit(w, who, {
      action: 'create',
      entityType: 'project',
      entityId: value.id,
      projectId: value.id,
    });
    expect(changeOf(event, 'title')).toEqual({ before: null, after: 'Digital signatures rollout' });
    expect(changeOf(event, 'ownerId')).toEqual({ before: null, after: ID.owner });
    expect(changeOf(event, 'version')).toBeUndefined();
  });
});

describe('projects.update: owners and leads edit, only the CTO or the current owner reassigns', () => {
  const editCases: Array<[Who, string, Expected]> = [
    ['cto', PROJECT.erp, 'allow'],
    ['owner', PROJECT.erp, 'allow'],
    ['lead', PROJECT.erp, 'allow'],
    ['changemaker', PROJECT.erp, 'not_project_owner'],
    ['changemaker', PROJECT.changeCase, 'not_project_owner'], // a member contributes, does not edit
    ['changemaker2', PROJECT.erp, 'not_project_owner'],
    ['viewer', PROJECT.erp, 'not_project_owner'],
    ['pillarLead', PROJECT.erp, 'not_project_owner'],
    ['owner', PROJECT.web, 'not_project_owner'],
    ['inactive', PROJECT.erp, 'inactive_person'],
  ];

  it.each(editCases)('title edit by %s on %s: %s', async (who, projectId, expected) => {
    const before = (await h.store.projects.get(projectId))!;
    const run = () => h.services.projects.update(h.ctx[who], projectId, { title: 'A clearer title' }, 1);
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, { entityType: 'project', entityId: projectId, projectId });
      return;
    }
    const w = await h.watch();
    const stored = await run();
    expect(stored).toEqual({ ...before, title: 'A clearer title', version: 2, updatedAt: NOW });
    expect(await h.store.projects.get(projectId)).toEqual(stored);
    await expectOneAudit(w, who, {
      action: 'update',
      entityType: 'project',
      entityId: projectId,
      projectId,
      changes: [{ field: 'title', before: before.title, after: 'A clearer title' }],
    });
  });

  const reassignCases: Array<[string, Who, Record<string, unknown>, Expected]> = [
    ['owner change', 'cto', { ownerId: ID.pillarLead }, 'allow'],
    ['owner change', 'owner', { ownerId: ID.pillarLead }, 'allow'],
    ['owner change', 'lead', { ownerId: ID.lead }, 'not_project_owner'],
    ['lead change', 'cto', { leadIds: [ID.lead, ID.changemaker2] }, 'allow'],
    ['lead change', 'owner', { leadIds: [] }, 'allow'],
    ['lead change', 'lead', { leadIds: [ID.lead, ID.changemaker2] }, 'not_project_owner'],
    ['lead change', 'lead', { leadIds: [] }, 'not_project_owner'],
  ];

  it.each(reassignCases)('%s by %s: %s', async (_what, who, patch, expected) => {
    const before = (await h.store.projects.get(PROJECT.erp))!;
    const run = () => h.services.projects.update(h.ctx[who], PROJECT.erp, patch, 1);
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: 'project',
        entityId: PROJECT.erp,
        projectId: PROJECT.erp,
      });
      return;
    }
    const w = await h.watch();
    const stored = await run();
    expect(stored).toEqual({ ...before, ...patch, version: 2, updatedAt: NOW });
    const [field] = Object.keys(patch);
    await expectOneAudit(w, who, {
      action: 'update',
      changes: [{ field: field!, before: before[field as keyof Project], after: patch[field!] }],
    });
  });

  it('a lead may send the unchanged owner and leads along with an edit (not a reassignment)', async () => {
    const stored = await h.services.projects.update(
      h.ctx.lead,
      'TR-07',
      { ownerId: ID.owner, leadIds: [ID.lead], phase: 'closing' },
      1,
    );
    expect(stored).toMatchObject({ ownerId: ID.owner, leadIds: [ID.lead], phase: 'closing', version: 2 });
  });
});

describe('projects.update: partial patches and references', () => {
  it('a patch without leadIds, sponsor, members or phase keeps them (partial schemas fill no defaults)', async () => {
    await h.services.projects.update(
      h.ctx.cto,
      PROJECT.erp,
      { sponsorId: ID.cto, memberIds: [ID.changemaker2], dependencies: [PROJECT.web] },
      1,
    );
    const w = await h.watch();
    const stored = await h.services.projects.update(
      h.ctx.owner,
      'tr-07',
      { description: 'Phase 2 scope.' },
      2,
    );
    expect(stored).toMatchObject({
      leadIds: [ID.lead],
      sponsorId: ID.cto,
      memberIds: [ID.changemaker2],
      dependencies: [PROJECT.web],
      phase: 'executing',
      budgetChf: 1_200_000,
      startDate: '2026-01-05',
      description: 'Phase 2 scope.',
      version: 3,
    });
    const event = await expectOneAudit(w, 'owner', { action: 'update' });
    expect(event.changes.map((c) => c.field)).toEqual(['description']);
  });

  const badReferences: Array<[string, Record<string, unknown>, Array<{ path: string; code: string }>]> = [
    ['unknown owner', { ownerId: 'p-nobody' }, [{ path: 'ownerId', code: 'unknown_person' }]],
    ['unknown lead', { leadIds: [ID.lead, 'p-nobody'] }, [{ path: 'leadIds.1', code: 'unknown_person' }]],
    ['unknown sponsor', { sponsorId: 'p-nobody' }, [{ path: 'sponsorId', code: 'unknown_person' }]],
    ['unknown member', { memberIds: ['p-nobody'] }, [{ path: 'memberIds.0', code: 'unknown_person' }]],
    [
      'depends on itself',
      { dependencies: [PROJECT.erp] },
      [{ path: 'dependencies', code: 'self_dependency' }],
    ],
    [
      'depends on an unknown project',
      { dependencies: [PROJECT.web, 'prj-nowhere'] },
      [{ path: 'dependencies.1', code: 'unknown_project' }],
    ],
    ['due before start', { dueDate: '2025-12-31' }, [{ path: 'dueDate', code: 'custom' }]],
    ['code is stable', { code: 'TR-99' }, [{ path: '', code: 'unrecognized_keys' }]],
  ];

  it.each(badReferences)(
    'update refused (%s): ValidationError naming the field, nothing stored',
    async (_n, patch, issues) => {
      const w = await h.watch();
      const error = await rejectionOf(h.services.projects.update(h.ctx.cto, PROJECT.erp, patch, 1));
      expect(issuesOf(error)).toEqual(issues);
      await w.expectNothingStored();
      expect(await w.audit()).toEqual([]);
    },
  );

  const badCreates: Array<[string, Partial<ProjectCreate>, Array<{ path: string; code: string }>]> = [
    ['unknown owner', { ownerId: 'p-nobody' }, [{ path: 'ownerId', code: 'unknown_person' }]],
    ['unknown lead', { leadIds: ['p-nobody'] }, [{ path: 'leadIds.0', code: 'unknown_person' }]],
    ['unknown sponsor', { sponsorId: 'p-nobody' }, [{ path: 'sponsorId', code: 'unknown_person' }]],
    [
      'unknown dependency',
      { dependencies: ['prj-nowhere'] },
      [{ path: 'dependencies.0', code: 'unknown_project' }],
    ],
    ['duplicate code', { code: 'TR-07' }, [{ path: 'code', code: 'taken' }]],
    ['duplicate code in lower case', { code: 'tr-12' }, [{ path: 'code', code: 'taken' }]],
  ];

  it.each(badCreates)(
    'create refused (%s): ValidationError naming the field, nothing stored',
    async (_n, over, issues) => {
      const w = await h.watch();
      const error = await rejectionOf(h.services.projects.create(h.ctx.cto, { ...newProject(), ...over }));
      expect(issuesOf(error)).toEqual(issues);
      await w.expectNothingStored();
      expect(await w.audit()).toEqual([]);
    },
  );

  it('a stale version is a ConflictError carrying the current project; nothing stored', async () => {
    const first = await h.services.projects.update(h.ctx.owner, PROJECT.erp, { title: 'First edit wins' }, 1);
    const w = await h.watch();
    const error = await rejectionOf(
      h.services.projects.update(h.ctx.lead, PROJECT.erp, { title: 'Second' }, 1),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(first);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });

  it('two concurrent edits from one version: exactly one wins, the other gets a conflict with it', async () => {
    const settled = await Promise.allSettled([
      h.services.projects.update(h.ctx.owner, PROJECT.erp, { phase: 'closing' }, 1),
      h.services.projects.update(h.ctx.lead, PROJECT.erp, { description: 'Scope trimmed.' }, 1),
    ]);
    const won = settled.filter((r): r is PromiseFulfilledResult<Project> => r.status === 'fulfilled');
    const lost = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    expect((lost[0]!.reason as ConflictError).current).toEqual(won[0]!.value);
    expect(await h.store.projects.get(PROJECT.erp)).toEqual(won[0]!.value);
    expect((await h.auditLog()).map((e) => e.action)).toEqual(['update']);
  });

  it('create with the same idempotency key twice stores one project and audits once', async () => {
    const first = await h.services.projects.create(h.ctx.cto, newProject('TR-31'), 'key-1');
    const w = await h.watch();
    const again = await h.services.projects.create(h.ctx.cto, newProject('TR-31'), 'key-1');
    expect(again).toEqual({ value: first.value, replayed: true });
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });
});

describe('overview and summary: the portfolio roll-up at a fixed clock (2026-W48)', () => {
  // TR-07 (SPT): amber last week, green now -> improved, up to date.
  // CM-03 (PAC): green last week, red now -> worsened, up to date.
  // TR-12 (RES): last reported W45 (amber) -> overdue.
  // GV-01 (GOV): started this week, nothing yet -> due.
  // MP-02 (MAP): on hold -> not required, counted as a project only.
  async function seedPortfolio() {
    const s = h.store;
    await s.projects.create(
      buildProject({
        id: 'prj-gov',
        code: 'GV-01',
        title: 'Governance charter',
        pillar: 'GOV',
        startDate: '2026-11-23',
      }),
    );
    await s.projects.create(
      buildProject({ id: 'prj-map', code: 'MP-02', title: 'Member portal', pillar: 'MAP', phase: 'on-hold' }),
    );
    const update = (
      projectId: string,
      period: string,
      health: 'green' | 'amber' | 'red',
      submittedAt: string,
    ) =>
      s.statusUpdates.create(
        buildStatusUpdate({ id: `su-${projectId}-${period}`, projectId, period, health, submittedAt }),
      );
    await update(PROJECT.erp, '2026-W47', 'amber', '2026-11-20T10:00:00.000Z');
    await update(PROJECT.erp, '2026-W48', 'green', '2026-11-23T10:00:00.000Z');
    await update(PROJECT.changeCase, '2026-W47', 'green', '2026-11-19T10:00:00.000Z');
    await update(PROJECT.changeCase, '2026-W48', 'red', '2026-11-24T10:00:00.000Z');
    await update(PROJECT.web, '2026-W45', 'amber', '2026-11-06T10:00:00.000Z');
    const risk = (id: string, over: Parameters<typeof buildRisk>[0]) =>
      s.risks.create(buildRisk({ id, ...over }));
    await risk('r-erp-critical', { projectId: PROJECT.erp, likelihood: 4, impact: 4, status: 'escalated' });
    await risk('r-erp-medium', { projectId: PROJECT.erp, likelihood: 2, impact: 3, status: 'open' });
    await risk('r-erp-closed', { projectId: PROJECT.erp, likelihood: 5, impact: 5, status: 'closed' });
    await risk('r-cc-proposed', {
      projectId: PROJECT.changeCase,
      likelihood: 5,
      impact: 4,
      status: 'proposed',
    });
    await risk('r-web-high', { projectId: PROJECT.web, likelihood: 3, impact: 4, status: 'mitigating' });
    await risk('r-portfolio', { projectId: null, likelihood: 1, impact: 2, status: 'open' });
  }

  it('overview: health, previous health, reporting state, days since update and open risks per project', async () => {
    await seedPortfolio();
    const overview = (await h.services.projects.overview(h.ctx.viewer)).items;
    const rows = overview.map((o) => ({
      code: o.project.code,
      health: o.health,
      previousHealth: o.previousHealth,
      reporting: o.reporting,
      lastReportedPeriod: o.lastReportedPeriod,
      daysSinceUpdate: o.daysSinceUpdate,
      openRisks: o.openRisks,
      topRiskScore: o.topRiskScore,
    }));
    expect(rows).toEqual([
      {
        code: 'CM-03',
        health: 'red',
        previousHealth: 'green',
        reporting: 'up-to-date',
        lastReportedPeriod: CURRENT_PERIOD,
        daysSinceUpdate: 1,
        openRisks: 0,
        topRiskScore: undefined,
      },
      {
        code: 'GV-01',
        health: undefined,
        previousHealth: undefined,
        reporting: 'due',
        lastReportedPeriod: undefined,
        daysSinceUpdate: undefined,
        openRisks: 0,
        topRiskScore: undefined,
      },
      {
        code: 'MP-02',
        health: undefined,
        previousHealth: undefined,
        reporting: 'not-required',
        lastReportedPeriod: undefined,
        daysSinceUpdate: undefined,
        openRisks: 0,
        topRiskScore: undefined,
      },
      {
        code: 'TR-07',
        health: 'green',
        previousHealth: 'amber',
        reporting: 'up-to-date',
        lastReportedPeriod: CURRENT_PERIOD,
        daysSinceUpdate: 2,
        openRisks: 2,
        topRiskScore: 16,
      },
      {
        code: 'TR-12',
        health: 'amber',
        previousHealth: 'amber',
        reporting: 'overdue',
        lastReportedPeriod: '2026-W45',
        daysSinceUpdate: 19,
        openRisks: 1,
        topRiskScore: 12,
      },
    ]);
  });

  it('summary: counts per pillar and in total, portfolio-wide risks in the totals only', async () => {
    await seedPortfolio();
    const summary = await h.services.projects.summary(h.ctx.changemaker);
    const health = (green: number, amber: number, red: number, unknown: number) => ({
      green,
      amber,
      red,
      unknown,
    });
    const levels = (low: number, medium: number, high: number, critical: number) => ({
      low,
      medium,
      high,
      critical,
    });
    const zero = {
      projects: 0,
      health: health(0, 0, 0, 0),
      previousHealth: health(0, 0, 0, 0),
      improved: 0,
      worsened: 0,
      updatesMissing: 0,
      overdue: 0,
      openRisks: 0,
      risksByLevel: levels(0, 0, 0, 0),
    };
    expect(summary.period).toBe(CURRENT_PERIOD);
    expect(summary.pillars).toEqual([
      {
        pillar: 'GOV',
        ...zero,
        projects: 1,
        health: health(0, 0, 0, 1),
        previousHealth: health(0, 0, 0, 1),
        updatesMissing: 1,
      },
      {
        pillar: 'SPT',
        ...zero,
        projects: 1,
        health: health(1, 0, 0, 0),
        previousHealth: health(0, 1, 0, 0),
        improved: 1,
        openRisks: 2,
        risksByLevel: levels(0, 1, 0, 1),
      },
      {
        pillar: 'PAC',
        ...zero,
        projects: 1,
        health: health(0, 0, 1, 0),
        previousHealth: health(1, 0, 0, 0),
        worsened: 1,
      },
      {
        pillar: 'RES',
        ...zero,
        projects: 1,
        health: health(0, 1, 0, 0),
        previousHealth: health(0, 1, 0, 0),
        updatesMissing: 1,
        overdue: 1,
        openRisks: 1,
        risksByLevel: levels(0, 0, 1, 0),
      },
      { pillar: 'MAP', ...zero, projects: 1 },
    ]);
    expect(summary.totals).toEqual({
      projects: 5,
      health: health(1, 1, 1, 1),
      previousHealth: health(1, 2, 0, 1),
      improved: 1,
      worsened: 1,
      updatesMissing: 2,
      overdue: 1,
      openRisks: 4,
      risksByLevel: levels(1, 1, 1, 1),
    });
  });

  it('the reporting state moves with the clock: next week TR-07 and CM-03 are due', async () => {
    await seedPortfolio();
    h.clock.set('2026-12-01T09:00:00.000Z'); // Tuesday of W49
    const byCode = new Map((await h.services.projects.overview(h.ctx.cto)).items.map((o) => [o.project.code, o]));
    expect(byCode.get('TR-07')).toMatchObject({ reporting: 'due', health: 'green', previousHealth: 'green' });
    expect(byCode.get('CM-03')).toMatchObject({ reporting: 'due', health: 'red', previousHealth: 'red' });
    expect(byCode.get('GV-01')).toMatchObject({ reporting: 'overdue' });
  });

  const searches: Array<[string, string[]]> = [
    ['TR-07', ['TR-07']],
    ['tr-07', ['TR-07']],
    ['tr', ['TR-07', 'TR-12']],
    ['resource planning', ['TR-07']],
    ['PLANNING resource', ['TR-07']],
    ['  website  ', ['TR-12']],
    ['website planning', []],
    ['', ['CM-03', 'TR-07', 'TR-12']],
  ];

  it.each(searches)(
    'search %j finds %j (code and title words, any order, case-insensitive)',
    async (search, codes) => {
      const overview = await h.services.projects.overview(h.ctx.viewer, { search });
      expect(overview.items.map((o) => o.project.code)).toEqual(codes);
    },
  );

  it('filters combine with search', async () => {
    const overview = await h.services.projects.overview(h.ctx.viewer, { search: 'tr', pillar: 'RES' });
    expect(overview.items.map((o) => o.project.code)).toEqual(['TR-12']);
  });

  it('reads are refused to an inactive person, and recorded', async () => {
    await expectRefused(
      h,
      'inactive',
      () => h.services.projects.overview(h.ctx.inactive),
      'inactive_person',
      {
        entityType: 'project',
        entityId: 'portfolio',
      },
    );
  });
});

describe('reads: the portfolio is open to every active person', () => {
  const readers: Array<[Who, 'allow' | 'inactive_person']> = [
    ['viewer', 'allow'],
    ['changemaker2', 'allow'],
    ['inactive', 'inactive_person'],
  ];
  it.each(readers)('get and list by %s: %s', async (who, expected) => {
    if (expected !== 'allow') {
      await expectRefused(h, who, () => h.services.projects.get(h.ctx[who], 'TR-07'), expected, {
        entityType: 'project',
        entityId: 'TR-07',
      });
      await expectRefused(h, who, () => h.services.projects.list(h.ctx[who], {}), expected, {
        entityType: 'project',
        entityId: 'portfolio',
      });
      return;
    }
    expect(await h.services.projects.get(h.ctx[who], 'tr-07')).toEqual(h.project.erp);
    expect(await h.services.projects.get(h.ctx[who], PROJECT.web)).toEqual(h.project.web);
    const page = await h.services.projects.list(h.ctx[who], { kind: 'change-case' });
    expect(page.items).toEqual([h.project.changeCase]);
  });

  it('an unknown project is NotFound', async () => {
    await expect(h.services.projects.get(h.ctx.viewer, 'TR-99')).rejects.toMatchObject({ code: 'not_found' });
  });
});
