// Roster, settings, audit, KPIs, milestones, my work and the portfolio summary over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Milestone } from '../../bot/domain/milestone.js';
import type { Person } from '../../bot/domain/person.js';
import type { Settings } from '../../bot/domain/settings.js';
import type { Kpi } from '../../bot/domain/kpi.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Page<T> = { items: T[]; nextCursor?: string };
type ProblemBody = { code: string; reason?: string; errors?: Array<{ path: string; code: string }> };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('portfolio summary and my work', () => {
  it('rolls the portfolio up by pillar for the current period', async () => {
    const r = await t.json<{ period: string; pillars: Array<{ pillar: string; projects: number }>; totals: { projects: number } }>('/api/v1/portfolio/summary');
    expect(r.body.period).toBe('2026-W48');
    expect(r.body.pillars.map((p) => p.pillar)).toEqual(['GOV', 'SPT', 'PAC', 'RES', 'MAP']);
    expect(r.body.pillars.reduce((n, p) => n + p.projects, 0)).toBe(r.body.totals.projects);
  });

  it("lists the owner's projects, updates due and milestones due", async () => {
    const r = await t.json<{ projects: Array<{ relation: string; project: { code: string } }>; milestonesDue: Milestone[] }>('/api/v1/me/work', { as: 'p-owner' });
    expect(r.status).toBe(200);
    expect(r.body.projects.map((p) => `${p.project.code}:${p.relation}`)).toEqual(['AI-02:owner', 'TR-07:owner', 'TR-09:owner', 'TR-23:lead']);
    for (const m of r.body.milestonesDue) expect(m.dueDate >= '2026-11-25' && m.dueDate <= '2026-12-09').toBe(true);
  });
});

describe('roster', () => {
  it('lets the CTO add a person, once per idempotency key, and refuses a duplicate e-mail', async () => {
    const body = { name: 'Inès Moreau', email: 'ines.moreau@itu.example', role: 'changemaker', orgUnit: 'BDT', locale: 'fr' };
    const headers = { 'idempotency-key': 'roster-add-ines-01' };
    const a = await t.json<Person>('/api/v1/roster', { as: 'p-cto', method: 'POST', json: body, headers });
    const b = await t.json<Person>('/api/v1/roster', { as: 'p-cto', method: 'POST', json: body, headers });
    expect([a.status, b.status]).toEqual([201, 200]);
    const dup = await t.json<ProblemBody>('/api/v1/roster', { as: 'p-cto', method: 'POST', json: { ...body, email: 'INES.MOREAU@itu.example' } });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toContainEqual(expect.objectContaining({ path: 'email', code: 'taken' }));
  });

  it('refuses roster changes by anyone but the CTO, except their own language and time zone', async () => {
    const me = (await t.json<Person>('/api/v1/roster/p-owner')).body;
    const role = await t.json<ProblemBody>('/api/v1/roster/p-owner', { as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${me.version}"` }, json: { role: 'cto' } });
    expect(role.status).toBe(403);
    const lang = await t.json<Person>('/api/v1/roster/p-owner', { as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${me.version}"` }, json: { locale: 'zh', timeZone: 'Asia/Shanghai' } });
    expect(lang.status).toBe(200);
    expect(lang.body).toMatchObject({ locale: 'zh', timeZone: 'Asia/Shanghai', role: 'owner' });
  });

  it('filters by role', async () => {
    const r = await t.json<Page<Person>>('/api/v1/roster?role=cto&limit=1000');
    expect(r.body.items.length).toBeGreaterThanOrEqual(2);
    expect(r.body.items.every((p) => p.role === 'cto')).toBe(true);
  });
});

describe('settings', () => {
  it('are read by anyone and changed by the CTO with optimistic concurrency', async () => {
    const s = await t.json<Settings>('/api/v1/settings', { as: 'p-viewer' });
    expect(s.body.escalationThreshold).toBe(15);
    const refused = await t.json<ProblemBody>('/api/v1/settings', { as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${s.body.version}"` }, json: { escalationThreshold: 12 } });
    expect(refused.status).toBe(403);
    const ok = await t.json<Settings>('/api/v1/settings', { as: 'p-cto', method: 'PATCH', headers: { 'if-match': `"${s.body.version}"` }, json: { escalationThreshold: 12 } });
    expect(ok.body.escalationThreshold).toBe(12);
    const stale = await t.json<ProblemBody>('/api/v1/settings', { as: 'p-cto', method: 'PATCH', headers: { 'if-match': `"${s.body.version}"` }, json: { escalationThreshold: 20 } });
    expect(stale.status).toBe(412);
  });

  it.each([
    [{ escalationThreshold: 30 }, 'escalationThreshold'],
    [{ digest: { weekday: 8 } }, 'digest.weekday'],
    [{ digest: { time: '25:00' } }, 'digest.time'],
    [{ digest: { timeZone: 'Mars/Olympus' } }, 'digest.timeZone'],
  ])('refuses invalid settings %j', async (patch, path) => {
    const s = await t.json<Settings>('/api/v1/settings');
    const r = await t.json<ProblemBody>('/api/v1/settings', { as: 'p-cto', method: 'PATCH', headers: { 'if-match': `"${s.body.version}"` }, json: patch });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.path)).toContain(path);
  });
});

describe('audit log', () => {
  it('is open per project but whole only for the CTO', async () => {
    expect((await t.call('/api/v1/audit?projectId=prj-tr-07', { as: 'p-viewer' })).status).toBe(200);
    expect((await t.call('/api/v1/audit', { as: 'p-owner' })).status).toBe(403);
    expect((await t.call('/api/v1/audit', { as: 'p-cto' })).status).toBe(200);
  });
});

describe('milestones and KPIs', () => {
  it('lets the owner add and complete a milestone (completion date filled in)', async () => {
    const created = await t.json<Milestone>('/api/v1/projects/TR-07/milestones', { as: 'p-owner', method: 'POST', json: { title: 'Design approved', dueDate: '2026-12-15' } });
    expect(created.status).toBe(201);
    const done = await t.json<Milestone>(`/api/v1/milestones/${created.body.id}`, { as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${created.body.version}"` }, json: { status: 'done' } });
    expect(done.body).toMatchObject({ status: 'done', completedOn: '2026-11-25' });
    const roadmap = await t.json<Page<Milestone>>('/api/v1/milestones?projectId=TR-07&limit=1000');
    const dates = roadmap.body.items.map((m) => m.dueDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('refuses a milestone from a viewer', async () => {
    const r = await t.json<ProblemBody>('/api/v1/projects/TR-07/milestones', { as: 'p-viewer', method: 'POST', json: { title: 'Sneaky', dueDate: '2026-12-15' } });
    expect(r.status).toBe(403);
  });

  it('returns KPIs with their progress from baseline to target', async () => {
    const r = await t.json<Page<{ kpi: Kpi; progress: { trend: string } }>>('/api/v1/kpis?limit=1000');
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.every((k) => ['on-track', 'behind', 'achieved', 'no-data'].includes(k.progress.trend))).toBe(true);
    const one = r.body.items[0]!;
    const single = await t.json<{ kpi: Kpi }>(`/api/v1/kpis/${one.kpi.id}`);
    expect(single.headers.get('etag')).toBe(`"${one.kpi.version}"`);
  });

  it('records a KPI measurement by the CTO and refuses one by a viewer', async () => {
    const k = (await t.json<Page<{ kpi: Kpi }>>('/api/v1/kpis?limit=1')).body.items[0]!.kpi;
    const ok = await t.json<{ value: number }>(`/api/v1/kpis/${k.id}/measurements`, { as: 'p-cto', method: 'POST', json: { date: '2026-11-20', value: 42, evidenceUrl: 'https://example.org/report.pdf' } });
    expect(ok.status).toBe(201);
    const bad = await t.json<ProblemBody>(`/api/v1/kpis/${k.id}/measurements`, { as: 'p-cto', method: 'POST', json: { date: '2026-11-20', value: 42, evidenceUrl: 'javascript:alert(1)' } });
    expect(bad.status).toBe(400);
    expect((await t.call(`/api/v1/kpis/${k.id}/measurements`, { as: 'p-viewer', method: 'POST', json: { date: '2026-11-20', value: 1 } })).status).toBe(403);
  });
});
