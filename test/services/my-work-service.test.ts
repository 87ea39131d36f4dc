// MyWorkService over SQLite: what a person owns, leads or contributes to, the updates they owe this
// week, their risks highest first, and milestones due in the next 14 days (Geneva's calendar).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Milestone } from '../../bot/domain/milestone.js';
import type { Risk } from '../../bot/domain/risk.js';
import { buildMilestone, buildProject, buildRisk, buildStatusUpdate } from '../helpers/fixtures.js';
import { createHarness, expectRefused, ID, PROJECT, type Harness } from './service-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await seedWork();
});
afterEach(async () => {
  await h.cleanup();
});

// Besides the harness portfolio: TR-20, owned by the pillar lead and led by the owner, and CM-05, a
// change case of the CTO with the owner and the changemaker as members, started this week.
async function seedWork(): Promise<void> {
  const s = h.store;
  await s.projects.create(
    buildProject({
      id: 'prj-hr',
      code: 'TR-20',
      title: 'HR self-service',
      pillar: 'PAC',
      ownerId: ID.pillarLead,
      leadIds: [ID.owner],
      startDate: '2026-01-05',
    }),
  );
  await s.projects.create(
    buildProject({
      id: 'prj-cc2',
      code: 'CM-05',
      title: 'Meeting-free Fridays',
      kind: 'change-case',
      pillar: 'PAC',
      ownerId: ID.cto,
      memberIds: [ID.owner, ID.changemaker],
      startDate: '2026-11-23',
    }),
  );
  await s.statusUpdates.create(buildStatusUpdate({ projectId: PROJECT.erp, period: '2026-W47' }));
  await s.statusUpdates.create(buildStatusUpdate({ projectId: PROJECT.changeCase, period: '2026-W48' }));

  const risk = (id: string, over: Partial<Risk>) => s.risks.create(buildRisk({ id, ...over }));
  await risk('r-erp-20', {
    projectId: PROJECT.erp,
    likelihood: 4,
    impact: 5,
    ownerId: ID.lead,
    status: 'escalated',
  });
  await risk('r-web-mine-6', { projectId: PROJECT.web, likelihood: 2, impact: 3, ownerId: ID.owner });
  await risk('r-erp-closed-25', { projectId: PROJECT.erp, likelihood: 5, impact: 5, status: 'closed' });
  await risk('r-web-12', { projectId: PROJECT.web, likelihood: 3, impact: 4, ownerId: ID.pillarLead });
  await risk('r-cc-proposed-9', {
    projectId: PROJECT.changeCase,
    likelihood: 3,
    impact: 3,
    status: 'proposed',
  });
  await risk('r-hr-16', {
    projectId: 'prj-hr',
    likelihood: 4,
    impact: 4,
    ownerId: ID.pillarLead,
    status: 'mitigating',
  });
  await risk('r-cc2-15', { projectId: 'prj-cc2', likelihood: 3, impact: 5, ownerId: ID.cto });
  await risk('r-portfolio-cm-4', { projectId: null, likelihood: 2, impact: 2, ownerId: ID.changemaker });

  const milestone = (id: string, over: Partial<Milestone> & Pick<Milestone, 'projectId'>) =>
    s.milestones.create(buildMilestone({ id, ...over }));
  await milestone('m-erp-today', { projectId: PROJECT.erp, dueDate: '2026-11-25' });
  await milestone('m-erp-in-5', { projectId: PROJECT.erp, dueDate: '2026-11-30' });
  await milestone('m-erp-in-25', { projectId: PROJECT.erp, dueDate: '2026-12-20' });
  await milestone('m-erp-yesterday', { projectId: PROJECT.erp, dueDate: '2026-11-24' });
  await milestone('m-erp-done', {
    projectId: PROJECT.erp,
    dueDate: '2026-11-28',
    status: 'done',
    completedOn: '2026-11-20',
  });
  await milestone('m-hr-day-14', { projectId: 'prj-hr', dueDate: '2026-12-09' });
  await milestone('m-hr-day-15', { projectId: 'prj-hr', dueDate: '2026-12-10' });
  await milestone('m-cc2-in-2', { projectId: 'prj-cc2', dueDate: '2026-11-27' });
  await milestone('m-web-tomorrow', { projectId: PROJECT.web, dueDate: '2026-11-26' });
}

describe('myWork.get', () => {
  it('the owner: owned, led and member projects with their relation', async () => {
    const work = await h.services.myWork.get(h.ctx.owner);
    expect(work.projects.map((p) => [p.project.code, p.relation, p.reporting])).toEqual([
      ['CM-03', 'owner', 'up-to-date'],
      ['TR-07', 'owner', 'due'],
      ['TR-20', 'lead', 'overdue'],
      ['CM-05', 'member', 'due'],
    ]);
  });

  it('the owner: updates due on every project they report on', async () => {
    const work = await h.services.myWork.get(h.ctx.owner);
    expect(work.updatesDue.map((o) => o.project.code)).toEqual(['TR-07', 'TR-20', 'CM-05']);
  });

  it('the owner: active risks they own or on projects they own or lead, highest score first', async () => {
    const work = await h.services.myWork.get(h.ctx.owner);
    expect(work.risks.map((r) => r.id)).toEqual(['r-erp-20', 'r-hr-16', 'r-cc-proposed-9', 'r-web-mine-6']);
  });

  it('the owner: planned milestones due from today to 14 days ahead, on change cases they contribute to too', async () => {
    const work = await h.services.myWork.get(h.ctx.owner);
    expect(work.milestonesDue.map((m) => m.id)).toEqual([
      'm-erp-today',
      'm-cc2-in-2',
      'm-erp-in-5',
      'm-hr-day-14',
    ]);
  });

  it("today is Geneva's: at 23:30 UTC it is already tomorrow, and today's milestone is no longer due", async () => {
    h.clock.set('2026-11-25T23:30:00.000Z');
    const work = await h.services.myWork.get(h.ctx.owner);
    expect(work.milestonesDue.map((m) => m.id)).toEqual([
      'm-cc2-in-2',
      'm-erp-in-5',
      'm-hr-day-14',
      'm-hr-day-15',
    ]);
  });

  it('the lead: the project they lead, its risks and milestones', async () => {
    const work = await h.services.myWork.get(h.ctx.lead);
    expect(work.projects.map((p) => [p.project.code, p.relation])).toEqual([['TR-07', 'lead']]);
    expect(work.updatesDue.map((o) => o.project.code)).toEqual(['TR-07']);
    expect(work.risks.map((r) => r.id)).toEqual(['r-erp-20']);
    expect(work.milestonesDue.map((m) => m.id)).toEqual(['m-erp-today', 'm-erp-in-5']);
  });

  it('a changemaker: their change cases, their own risks, the change cases’ milestones', async () => {
    const work = await h.services.myWork.get(h.ctx.changemaker);
    expect(work.projects.map((p) => [p.project.code, p.relation])).toEqual([
      ['CM-03', 'member'],
      ['CM-05', 'member'],
    ]);
    expect(work.updatesDue.map((o) => o.project.code)).toEqual(['CM-05']);
    expect(work.risks.map((r) => r.id)).toEqual(['r-portfolio-cm-4']);
    expect(work.milestonesDue.map((m) => m.id)).toEqual(['m-cc2-in-2']);
  });

  it('a viewer has no work', async () => {
    expect(await h.services.myWork.get(h.ctx.viewer)).toEqual({
      projects: [],
      updatesDue: [],
      risks: [],
      milestonesDue: [],
    });
  });

  it('reading my work writes nothing; an inactive person is refused', async () => {
    const w = await h.watch();
    await h.services.myWork.get(h.ctx.owner);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
    await expectRefused(h, 'inactive', () => h.services.myWork.get(h.ctx.inactive), 'inactive_person', {
      entityType: 'project',
      entityId: 'my-work',
    });
  });
});
