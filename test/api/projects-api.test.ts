// /api/v1/projects over HTTP on the demo portfolio: reads, validation, permissions (403, audited)
// and optimistic concurrency (412/409 with the current data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../bot/domain/audit.js';
import type { ProjectOverview } from '../../bot/domain/portfolio.js';
import type { Project } from '../../bot/domain/project.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Page<T> = { items: T[]; nextCursor?: string };
type ProblemBody = { code: string; detail: string; reason?: string; errors?: Array<{ path: string; code: string; message: string }>; current?: Project };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('reading the portfolio', () => {
  it('lists the seeded portfolio: five pillars, the six Accelerated Initiatives, with derived health', async () => {
    const r = await t.json<Page<ProjectOverview>>('/api/v1/projects?limit=1000');
    expect(r.status).toBe(200);
    const projects = r.body.items.map((o) => o.project);
    expect(new Set(projects.map((p) => p.pillar))).toEqual(new Set(['GOV', 'SPT', 'PAC', 'RES', 'MAP']));
    expect(projects.filter((p) => p.kind === 'accelerated-initiative').map((p) => p.code)).toEqual([
      'AI-01', 'AI-02', 'AI-03', 'AI-04', 'AI-05', 'AI-06',
    ]);
    const codes = projects.map((p) => p.code);
    expect(codes).toEqual([...codes].sort());
    const executing = r.body.items.filter((o) => o.project.phase === 'executing');
    expect(executing.every((o) => ['up-to-date', 'due', 'overdue'].includes(o.reporting))).toBe(true);
    expect(r.body.items.some((o) => o.health === 'red')).toBe(true);
  });

  it.each([
    ['pillar=PAC', (o: ProjectOverview) => o.project.pillar === 'PAC'],
    ['kind=change-case', (o: ProjectOverview) => o.project.kind === 'change-case'],
    ['phase=planning', (o: ProjectOverview) => o.project.phase === 'planning'],
    ['q=website', (o: ProjectOverview) => /website/i.test(o.project.title)],
  ])('filters with %s', async (query, matches) => {
    const r = await t.json<Page<ProjectOverview>>(`/api/v1/projects?${query}&limit=1000`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.every(matches)).toBe(true);
  });

  it('owner=me lists the projects the caller owns or leads', async () => {
    const r = await t.json<Page<ProjectOverview>>('/api/v1/projects?owner=me', { as: 'p-owner' });
    expect(r.body.items.map((o) => o.project.code)).toEqual(['AI-02', 'TR-07', 'TR-09', 'TR-23']);
  });

  it('pages with cursors, every project exactly once', async () => {
    const all = await t.json<Page<ProjectOverview>>('/api/v1/projects?limit=1000');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r: { body: Page<ProjectOverview> } = await t.json(`/api/v1/projects?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...r.body.items.map((o) => o.project.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((o) => o.project.id));
  });

  it.each([
    ['pillar=XYZ', 'pillar', 'invalid_value'],
    ['limit=0', 'limit', 'too_small'],
    ['limit=abc', 'limit', 'invalid_type'],
    ['cursor=nonsense', 'cursor', 'invalid_format'],
  ])('refuses a bad query string (%s) with a field message', async (query, path, code) => {
    const r = await t.json<ProblemBody>(`/api/v1/projects?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect(r.body.errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('finds a project by code (any case) or id, with its version as ETag', async () => {
    const byCode = await t.json<ProjectOverview>('/api/v1/projects/tr-07');
    const byId = await t.json<ProjectOverview>(`/api/v1/projects/${byCode.body.project.id}`);
    expect(byCode.status).toBe(200);
    expect(byId.body.project.code).toBe('TR-07');
    expect(byCode.headers.get('etag')).toBe(`"${byCode.body.project.version}"`);
  });

  it('answers 404 for an unknown project, localised', async () => {
    const r = await t.json<ProblemBody>('/api/v1/projects/ZZ-999', { lang: 'es' });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
    expect(r.body.detail).toBe('No se encontró el elemento (proyecto).');
  });
});

describe('editing a project', () => {
  async function current(code: string) {
    return (await t.json<ProjectOverview>(`/api/v1/projects/${code}`)).body.project;
  }

  it('lets the owner edit with If-Match and returns the new version', async () => {
    const before = await current('TR-07');
    const r = await t.json<Project>('/api/v1/projects/TR-07', {
      as: 'p-owner',
      method: 'PATCH',
      headers: { 'if-match': `"${before.version}"` },
      json: { description: 'Phase 1: information architecture, taxonomy and design RFPs launched.' },
    });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(before.version + 1);
    expect(r.headers.get('etag')).toBe(`"${before.version + 1}"`);
    expect(r.body.leadIds).toEqual(before.leadIds); // a patch never resets fields it does not name
    expect((await current('TR-07')).description).toMatch(/^Phase 1/);
  });

  it('refuses a stale If-Match with 412 and the current data, storing nothing', async () => {
    const before = await current('TR-09');
    const first = await t.json<Project>('/api/v1/projects/TR-09', {
      as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${before.version}"` }, json: { spendChf: 1000 },
    });
    expect(first.status).toBe(200);
    const stale = await t.json<ProblemBody>('/api/v1/projects/TR-09', {
      as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${before.version}"` }, json: { spendChf: 2000 },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current?.spendChf).toBe(1000);
    expect(stale.body.current?.version).toBe(before.version + 1);
    expect(stale.headers.get('etag')).toBe(`"${before.version + 1}"`);
    expect((await current('TR-09')).spendChf).toBe(1000);
  });

  it('refuses a stale body version with 409 and the current data', async () => {
    const before = await current('AI-02');
    await t.json('/api/v1/projects/AI-02', { as: 'p-owner', method: 'PATCH', json: { version: before.version, phase: 'executing', spendChf: 5 } });
    const stale = await t.json<ProblemBody>('/api/v1/projects/AI-02', { as: 'p-owner', method: 'PATCH', json: { version: before.version, spendChf: 6 } });
    expect(stale.status).toBe(409);
    expect(stale.body.current?.spendChf).toBe(5);
  });

  it('asks for the version when neither If-Match nor version is sent', async () => {
    const r = await t.json<ProblemBody>('/api/v1/projects/TR-07', { as: 'p-owner', method: 'PATCH', json: { spendChf: 7 } });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual(expect.objectContaining({ path: 'version', code: 'required' }));
  });

  it.each([
    [{ title: 'ab' }, 'title', 'too_small'],
    [{ phase: 'finished' }, 'phase', 'invalid_value'],
    [{ budgetChf: -1 }, 'budgetChf', 'too_small'],
    [{ startDate: '2026-02-30' }, 'startDate', 'invalid_format'],
    [{ startDate: '2027-01-10', dueDate: '2026-01-10' }, 'dueDate', 'custom'],
    [{ ownerId: 'p-nobody' }, 'ownerId', 'unknown_person'],
    [{ dependencies: ['prj-does-not-exist'] }, 'dependencies.0', 'unknown_project'],
    [{ title: 'Line one\nline two' }, 'title', 'custom'],
    [{ description: 'bidi \u202e override' }, 'description', 'custom'],
    [{ colour: 'blue' }, '', 'unrecognized_keys'],
    [{ code: 'XX-1' }, '', 'unrecognized_keys'],
  ])('refuses invalid edit #%# (%j) with a field-level message and stores nothing', async (patch, path, code) => {
    const before = await current('TR-07');
    const r = await t.json<ProblemBody>('/api/v1/projects/TR-07', {
      as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${before.version}"` }, json: patch,
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(r.body.errors?.every((e) => e.message.length > 0)).toBe(true);
    expect((await current('TR-07')).version).toBe(before.version);
  });

  it('field messages follow Accept-Language', async () => {
    const before = await current('TR-07');
    const r = await t.json<ProblemBody>('/api/v1/projects/TR-07', {
      as: 'p-owner', method: 'PATCH', lang: 'ru', headers: { 'if-match': `"${before.version}"` }, json: { title: 'ab' },
    });
    expect(r.body.detail).toBe('Некоторые поля требуют исправления.');
    expect(r.body.errors?.[0]?.message).toBe('Введите не менее 3 символов.');
  });

  it("refuses a ChangeMaker editing someone else's project with 403, and audits the attempt", async () => {
    const before = await current('TR-07');
    const r = await t.json<ProblemBody>('/api/v1/projects/TR-07', {
      as: 'p-changemaker', method: 'PATCH', headers: { 'if-match': `"${before.version}"` }, json: { title: 'Taken over' },
    });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 'forbidden', reason: 'not_project_owner' });
    expect((await current('TR-07')).title).toBe(before.title);
    const audit = await t.json<Page<AuditEvent>>(`/api/v1/audit?projectId=${before.id}`, { as: 'p-cto' });
    expect(audit.body.items[0]).toMatchObject({ action: 'forbidden', actorId: 'p-changemaker', entityId: before.id, surface: 'api' });
  });

  it('a lead may edit but not hand the project to someone else', async () => {
    const before = await current('TR-23');
    const edit = await t.json<Project>('/api/v1/projects/TR-23', {
      as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${before.version}"` }, json: { percentComplete: undefined, description: 'Lead edit' },
    });
    expect(edit.status).toBe(200);
    const reassign = await t.json<ProblemBody>('/api/v1/projects/TR-23', {
      as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${edit.body.version}"` }, json: { ownerId: 'p-owner' },
    });
    expect(reassign.status).toBe(403);
  });

  it('records who changed what, with before and after', async () => {
    const before = await current('TR-07');
    await t.json('/api/v1/projects/TR-07', {
      as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${before.version}"`, 'x-th-client': 'tab' }, json: { phase: 'closing' },
    });
    const audit = await t.json<Page<AuditEvent>>(`/api/v1/audit?projectId=${before.id}&entityType=project`, { as: 'p-viewer' });
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      actorId: 'p-owner',
      surface: 'tab',
      changes: [{ field: 'phase', before: before.phase, after: 'closing' }],
    });
  });
});

describe('creating a project', () => {
  const body = { code: 'TR-90', title: 'Digital signatures', kind: 'project', pillar: 'SPT', orgUnit: 'IS-ASD', ownerId: 'p-owner' };

  it('is for the Transformation Office; an owner gets 403', async () => {
    const r = await t.json<ProblemBody>('/api/v1/projects', { as: 'p-owner', method: 'POST', json: body });
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe('role_required_cto');
  });

  it('creates once for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'create-tr-90-0001' };
    const first = await t.json<Project>('/api/v1/projects', { as: 'p-cto', method: 'POST', json: body, headers });
    const again = await t.json<Project>('/api/v1/projects', { as: 'p-cto', method: 'POST', json: body, headers });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/api/v1/projects/${first.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const list = await t.json<Page<ProjectOverview>>('/api/v1/projects?q=TR-90');
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses a code already in use', async () => {
    const r = await t.json<ProblemBody>('/api/v1/projects', { as: 'p-cto', method: 'POST', json: { ...body, code: 'AI-01' } });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual(expect.objectContaining({ path: 'code', code: 'taken' }));
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const r = await t.json<ProblemBody>('/api/v1/projects', { as: 'p-cto', method: 'POST', json: body, headers: { 'idempotency-key': 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.path).toBe('Idempotency-Key');
  });
});
