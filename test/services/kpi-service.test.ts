// KpiService over SQLite: project KPIs are the project owners', pillar KPIs the pillar leads', both
// the CTO's and the KPI owner's; moving a KPI needs rights where it goes; measurements; progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ForbiddenReason } from '../../bot/domain/errors.js';
import type { Kpi, KpiCreate } from '../../bot/domain/kpi.js';
import { buildKpi, buildMeasurement } from '../helpers/fixtures.js';
import {
  createHarness,
  expectOneAudit,
  expectRefused,
  ID,
  NOW,
  PROJECT,
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
type Scope = 'project' | 'pillar';

const baseInput = (scope: Scope): KpiCreate => ({
  title: scope === 'project' ? 'Processes migrated to the ERP' : 'Staff trained as ChangeMakers',
  unit: scope === 'project' ? 'processes' : 'people',
  direction: 'higher-is-better',
  baseline: { value: 10, date: '2026-01-01' },
  target: { value: 80, date: '2026-12-31' },
  ...(scope === 'project' ? { projectId: PROJECT.erp } : { pillar: 'PAC' }),
});

/**
 * A project KPI of TR-07 and a pillar KPI of PAC, both owned by the second changemaker, stored
 * directly (the harness's pillar lead leads PAC).
 */
async function seededKpi(scope: Scope): Promise<Kpi> {
  const kpi = buildKpi({
    id: `kpi-${scope}`,
    ...baseInput(scope),
    pillar: scope === 'pillar' ? 'PAC' : null,
    projectId: scope === 'project' ? PROJECT.erp : null,
    ownerId: ID.changemaker2,
  });
  return h.store.kpis.create(kpi);
}

const projectIdOf = (scope: Scope) => (scope === 'project' ? PROJECT.erp : null);

describe('kpis.create', () => {
  const cases: Array<[Scope, Who, Expected]> = [
    ['project', 'cto', 'allow'],
    ['project', 'owner', 'allow'],
    ['project', 'lead', 'allow'],
    ['project', 'pillarLead', 'not_kpi_editor'],
    ['project', 'changemaker', 'not_kpi_editor'],
    ['project', 'viewer', 'not_kpi_editor'],
    ['project', 'inactive', 'inactive_person'],
    ['pillar', 'cto', 'allow'],
    ['pillar', 'pillarLead', 'allow'],
    ['pillar', 'owner', 'not_kpi_editor'], // owns CM-03, a PAC change case, but does not lead the pillar
    ['pillar', 'changemaker', 'not_kpi_editor'],
    ['pillar', 'viewer', 'not_kpi_editor'],
    ['pillar', 'inactive', 'inactive_person'],
  ];

  it.each(cases)('%s KPI by %s: %s', async (scope, who, expected) => {
    const run = () => h.services.kpis.create(h.ctx[who], baseInput(scope));
    const projectId = projectIdOf(scope);
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, { entityType: 'kpi', entityId: 'new', projectId });
      return;
    }
    const w = await h.watch();
    const { value, replayed } = await run();
    expect(replayed).toBe(false);
    expect(value).toEqual({
      description: '',
      pillar: null,
      projectId: null,
      ownerId: null,
      ...baseInput(scope),
      id: value.id,
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await h.store.kpis.get(value.id)).toEqual(value);
    await expectOneAudit(w, who, { action: 'create', entityType: 'kpi', entityId: value.id, projectId });
  });

  const selfOwned: Array<[Scope, Who]> = [
    ['project', 'viewer'],
    ['project', 'changemaker'],
    ['pillar', 'viewer'],
    ['pillar', 'owner'],
  ];
  it.each(selfOwned)(
    'a %s KPI created by a %s who names themselves its owner is still refused (ownership is granted, not claimed)',
    async (scope, who) => {
      await expectRefused(
        h,
        who,
        () => h.services.kpis.create(h.ctx[who], { ...baseInput(scope), ownerId: ID[who] }),
        'not_kpi_editor',
        { entityType: 'kpi', entityId: 'new', projectId: projectIdOf(scope) },
      );
    },
  );

  it('the CTO may create a KPI owned by someone else, who may then edit it', async () => {
    const { value } = await h.services.kpis.create(h.ctx.cto, { ...baseInput('pillar'), ownerId: ID.viewer });
    const stored = await h.services.kpis.update(
      h.ctx.viewer,
      value.id,
      { description: 'Counted quarterly.' },
      1,
    );
    expect(stored.description).toBe('Counted quarterly.');
  });
});

describe('kpis.update and recordMeasurement', () => {
  const cases: Array<[Scope, Who, Expected]> = [
    ['project', 'cto', 'allow'],
    ['project', 'owner', 'allow'],
    ['project', 'lead', 'allow'],
    ['project', 'changemaker2', 'allow'], // the KPI's owner
    ['project', 'pillarLead', 'not_kpi_editor'],
    ['project', 'changemaker', 'not_kpi_editor'],
    ['project', 'viewer', 'not_kpi_editor'],
    ['project', 'inactive', 'inactive_person'],
    ['pillar', 'cto', 'allow'],
    ['pillar', 'pillarLead', 'allow'],
    ['pillar', 'changemaker2', 'allow'],
    ['pillar', 'owner', 'not_kpi_editor'],
    ['pillar', 'lead', 'not_kpi_editor'],
    ['pillar', 'viewer', 'not_kpi_editor'],
    ['pillar', 'inactive', 'inactive_person'],
  ];

  it.each(cases)('update of a %s KPI by %s: %s', async (scope, who, expected) => {
    const kpi = await seededKpi(scope);
    const projectId = projectIdOf(scope);
    const run = () =>
      h.services.kpis.update(h.ctx[who], kpi.id, { target: { value: 90, date: '2026-12-31' } }, 1);
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, { entityType: 'kpi', entityId: kpi.id, projectId });
      return;
    }
    const w = await h.watch();
    const stored = await run();
    expect(stored).toEqual({ ...kpi, target: { value: 90, date: '2026-12-31' }, version: 2, updatedAt: NOW });
    expect(await h.store.kpis.get(kpi.id)).toEqual(stored);
    await expectOneAudit(w, who, {
      action: 'update',
      entityType: 'kpi',
      entityId: kpi.id,
      projectId,
      changes: [{ field: 'target', before: kpi.target, after: { value: 90, date: '2026-12-31' } }],
    });
  });

  it.each(cases)('measurement on a %s KPI by %s: %s', async (scope, who, expected) => {
    const kpi = await seededKpi(scope);
    const projectId = projectIdOf(scope);
    const run = () =>
      h.services.kpis.recordMeasurement(h.ctx[who], kpi.id, {
        date: '2026-11-20',
        value: 42,
        evidenceUrl: 'https://intranet.itu.example/reports/q3.pdf',
      });
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, { entityType: 'measurement', entityId: 'new', projectId });
      return;
    }
    const w = await h.watch();
    const { value, replayed } = await run();
    expect(replayed).toBe(false);
    expect(value).toEqual({
      id: value.id,
      kpiId: kpi.id,
      date: '2026-11-20',
      value: 42,
      evidenceUrl: 'https://intranet.itu.example/reports/q3.pdf',
      note: '',
      byId: ID[who],
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await h.store.measurements.get(value.id)).toEqual(value);
    await expectOneAudit(w, who, {
      action: 'create',
      entityType: 'measurement',
      entityId: value.id,
      projectId,
    });
  });

  it('updating a measurement needs the same rights; the change is audited', async () => {
    const kpi = await seededKpi('project');
    const { value } = await h.services.kpis.recordMeasurement(h.ctx.lead, kpi.id, {
      date: '2026-11-20',
      value: 42,
    });
    await expectRefused(
      h,
      'viewer',
      () => h.services.kpis.updateMeasurement(h.ctx.viewer, value.id, { value: 43 }, 1),
      'not_kpi_editor',
      { entityType: 'measurement', entityId: value.id, projectId: PROJECT.erp },
    );
    const w = await h.watch();
    const stored = await h.services.kpis.updateMeasurement(h.ctx.owner, value.id, { value: 43 }, 1);
    expect(stored).toMatchObject({ value: 43, byId: ID.lead, version: 2 });
    await expectOneAudit(w, 'owner', {
      action: 'update',
      changes: [{ field: 'value', before: 42, after: 43 }],
    });
  });
});

describe('moving a KPI needs the right to edit it where it goes', () => {
  const cases: Array<
    [string, Scope, Who, Record<string, unknown>, 'allow' | 'refused at update' | 'refused at move']
  > = [
    ['TR-07 -> TR-12', 'project', 'cto', { projectId: PROJECT.web }, 'allow'],
    ['TR-07 -> CM-03 (owns both)', 'project', 'owner', { projectId: PROJECT.changeCase }, 'allow'],
    ['TR-07 -> TR-12', 'project', 'owner', { projectId: PROJECT.web }, 'refused at move'],
    ['TR-07 -> TR-12', 'project', 'lead', { projectId: PROJECT.web }, 'refused at move'],
    [
      'TR-07 -> TR-12 (owns the KPI, not TR-12)',
      'project',
      'changemaker2',
      { projectId: PROJECT.web },
      'refused at move',
    ],
    [
      'TR-07 -> TR-12 (owns TR-12 only)',
      'project',
      'pillarLead',
      { projectId: PROJECT.web },
      'refused at update',
    ],
    ['TR-07 -> pillar SPT', 'project', 'owner', { projectId: null, pillar: 'SPT' }, 'refused at move'],
    ['PAC -> GOV', 'pillar', 'pillarLead', { pillar: 'GOV' }, 'refused at move'],
    [
      'PAC -> GOV (owns the KPI, does not lead GOV)',
      'pillar',
      'changemaker2',
      { pillar: 'GOV' },
      'refused at move',
    ],
    ['PAC -> GOV', 'pillar', 'cto', { pillar: 'GOV' }, 'allow'],
    [
      'PAC -> TR-12 (leads PAC, owns TR-12)',
      'pillar',
      'pillarLead',
      { pillar: null, projectId: PROJECT.web },
      'allow',
    ],
  ];

  it.each(cases)('%s (%s KPI) by %s: %s', async (_n, scope, who, patch, expected) => {
    const kpi = await seededKpi(scope);
    const run = () => h.services.kpis.update(h.ctx[who], kpi.id, patch, 1);
    if (expected === 'allow') {
      const stored = await run();
      expect(stored).toMatchObject({ ...patch, version: 2 });
      expect(await h.store.kpis.get(kpi.id)).toEqual(stored);
      return;
    }
    const event = await expectRefused(h, who, run, 'not_kpi_editor', {
      entityType: 'kpi',
      entityId: kpi.id,
      projectId: projectIdOf(scope),
    });
    expect(event.reason).toBe(
      expected === 'refused at move' ? 'move: not_kpi_editor' : 'update: not_kpi_editor',
    );
  });

  it('a project named by its code is stored by its id, as on create', async () => {
    const kpi = await seededKpi('project');
    const moved = await h.services.kpis.update(h.ctx.cto, kpi.id, { projectId: 'tr-12' }, 1);
    expect(moved.projectId).toBe(PROJECT.web);
    expect((await h.services.kpis.list(h.ctx.viewer, { projectId: 'TR-12' })).items).toEqual([moved]);
    // Its owner naming the same project by code is not a move.
    const same = await h.services.kpis.update(
      h.ctx.pillarLead,
      kpi.id,
      { projectId: 'TR-12', unit: 'pages' },
      2,
    );
    expect(same).toMatchObject({ projectId: PROJECT.web, unit: 'pages', version: 3 });
  });

  const unchanged: Array<[Scope, Record<string, unknown>]> = [
    ['project', { projectId: PROJECT.erp, pillar: null }],
    ['pillar', { pillar: 'PAC', projectId: null }],
  ];
  it.each(unchanged)(
    'the KPI owner may send the unchanged %s scope along with an edit (a form sends every field)',
    async (scope, same) => {
      const kpi = await seededKpi(scope);
      const stored = await h.services.kpis.update(h.ctx.changemaker2, kpi.id, { ...same, unit: 'items' }, 1);
      expect(stored).toEqual({ ...kpi, unit: 'items', version: 2, updatedAt: NOW });
    },
  );
});

describe('progress', () => {
  async function seedProgress() {
    const k = (id: string, over: Partial<Kpi>) => h.store.kpis.create(buildKpi({ id, ...over }));
    await k('kpi-on-track', {
      title: 'A processes migrated',
      projectId: PROJECT.erp,
      pillar: null,
      baseline: { value: 10, date: '2026-01-01' },
      target: { value: 80, date: '2026-12-31' },
    });
    await k('kpi-behind', {
      title: 'B paper forms in use',
      projectId: PROJECT.erp,
      pillar: null,
      direction: 'lower-is-better',
      baseline: { value: 100, date: '2026-01-01' },
      target: { value: 50, date: '2026-12-31' },
    });
    await k('kpi-achieved', {
      title: 'C staff trained',
      pillar: 'PAC',
      baseline: { value: 0, date: '2026-01-01' },
      target: { value: 90, date: '2026-12-31' },
    });
    await k('kpi-no-data', { title: 'D satisfaction', pillar: 'PAC' });
    const m = (kpiId: string, date: string, value: number) =>
      h.store.measurements.create(buildMeasurement({ kpiId, date, value }));
    await m('kpi-on-track', '2026-04-01', 30);
    await m('kpi-on-track', '2026-07-02', 45);
    await m('kpi-behind', '2026-10-01', 95);
    await m('kpi-achieved', '2026-09-15', 92);
    await m('kpi-no-data', '2025-12-01', 70); // before the baseline: does not count
  }

  it('withProgress: every KPI with its measurements, latest value, progress and trend', async () => {
    await seedProgress();
    const all = await h.services.kpis.withProgress(h.ctx.viewer);
    expect(
      all.map(({ kpi, measurements, progress }) => ({
        id: kpi.id,
        measurements: measurements.map((x) => x.value),
        latest: progress.latest?.value,
        trend: progress.trend,
      })),
    ).toEqual([
      { id: 'kpi-on-track', measurements: [30, 45], latest: 45, trend: 'on-track' },
      { id: 'kpi-behind', measurements: [95], latest: 95, trend: 'behind' },
      { id: 'kpi-achieved', measurements: [92], latest: 92, trend: 'achieved' },
      { id: 'kpi-no-data', measurements: [70], latest: undefined, trend: 'no-data' },
    ]);
    expect(all[0]!.progress.progress).toBeCloseTo(0.5, 5);
    expect(all[0]!.progress.expected).toBeCloseTo(182 / 364, 5);
    expect(all[1]!.progress.progress).toBeCloseTo(0.1, 5);
  });

  it('withProgress by project code, and by pillar', async () => {
    await seedProgress();
    expect(
      (await h.services.kpis.withProgress(h.ctx.viewer, { projectId: 'tr-07' })).map((k) => k.kpi.id),
    ).toEqual(['kpi-on-track', 'kpi-behind']);
    expect(
      (await h.services.kpis.withProgress(h.ctx.viewer, { pillar: 'PAC' })).map((k) => k.kpi.id),
    ).toEqual(['kpi-achieved', 'kpi-no-data']);
  });

  it('get: one KPI with its progress; a measurement recorded through the service moves it', async () => {
    await seedProgress();
    const before = await h.services.kpis.get(h.ctx.changemaker, 'kpi-behind');
    expect(before.progress.trend).toBe('behind');
    await h.services.kpis.recordMeasurement(h.ctx.owner, 'kpi-behind', { date: '2026-11-20', value: 48 });
    const after = await h.services.kpis.get(h.ctx.changemaker, 'kpi-behind');
    expect(after.measurements.map((x) => x.value)).toEqual([95, 48]);
    expect(after.progress).toMatchObject({ latest: { value: 48, date: '2026-11-20' }, trend: 'achieved' });
  });
});

describe('reads', () => {
  it('KPIs by project code, measurements by KPI; refused when inactive', async () => {
    const project = await seededKpi('project');
    const pillar = await seededKpi('pillar');
    await h.services.kpis.recordMeasurement(h.ctx.owner, project.id, { date: '2026-10-01', value: 20 });
    await h.services.kpis.recordMeasurement(h.ctx.owner, project.id, { date: '2026-09-01', value: 15 });
    expect((await h.services.kpis.list(h.ctx.viewer, { projectId: 'TR-07' })).items).toEqual([project]);
    expect((await h.services.kpis.list(h.ctx.viewer, { pillar: 'PAC' })).items).toEqual([pillar]);
    const measurements = await h.services.kpis.listMeasurements(h.ctx.viewer, { kpiIds: [project.id] });
    expect(measurements.items.map((m) => m.date)).toEqual(['2026-09-01', '2026-10-01']);
    await expectRefused(h, 'inactive', () => h.services.kpis.list(h.ctx.inactive, {}), 'inactive_person', {
      entityType: 'kpi',
      entityId: 'kpis',
    });
  });
});
