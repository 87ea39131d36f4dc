// Posting weekly status updates over HTTP: create, amend with history, replay, stale forms,
// validation of hostile bodies, permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Result = { update: StatusUpdate; amended: boolean; replayed: boolean };
type ProblemBody = { code: string; reason?: string; errors?: Array<{ path: string; code: string }>; current?: StatusUpdate };
type Draft = { period: string; existing?: StatusUpdate; previous?: StatusUpdate; prefill: Record<string, unknown> };

const CURRENT = '2026-W48';
const good = { health: 'amber', percentComplete: 55, summary: 'Vendor selection delayed by a week.', blockers: 'Need a decision on hosting.' };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function periodUpdate(code: string, period = CURRENT) {
  return t.json<StatusUpdate | ProblemBody>(`/api/v1/projects/${code}/status-updates/${period}`);
}

describe('the update form', () => {
  it('is pre-filled from the previous period and shows the current one', async () => {
    const r = await t.json<Draft>('/api/v1/projects/TR-09/status-updates/draft', { as: 'p-owner' });
    expect(r.status).toBe(200);
    expect(r.body.period).toBe(CURRENT);
    if (!r.body.existing) {
      expect(r.body.previous).toBeDefined();
      expect(r.body.prefill.health).toBe(r.body.previous?.health);
      expect(r.body.prefill.achievements).toBe('');
    }
  });
});

describe('posting an update', () => {
  it('creates the period update, then amends it keeping the earlier version', async () => {
    const draft = await t.json<Draft>('/api/v1/projects/AI-02/status-updates/draft', { as: 'p-owner' });
    const first = await t.json<Result>('/api/v1/projects/AI-02/status-updates', {
      as: 'p-owner', method: 'POST', json: { ...good, version: draft.body.existing?.version ?? 0 },
    });
    expect([200, 201]).toContain(first.status);
    const second = await t.json<Result>('/api/v1/projects/AI-02/status-updates', {
      as: 'p-owner', method: 'POST', headers: { 'if-match': `"${first.body.update.version}"` },
      json: { ...good, health: 'red', summary: 'Vendor withdrew.' },
    });
    expect(second.status).toBe(200);
    expect(second.body.amended).toBe(true);
    expect(second.body.update).toMatchObject({ health: 'red', period: CURRENT, authorId: 'p-owner', source: 'api' });
    expect(second.body.update.history.at(-1)).toMatchObject({ health: 'amber', summary: good.summary });
    const stored = await periodUpdate('AI-02');
    expect((stored.body as StatusUpdate).version).toBe(second.body.update.version);
  });

  it('stores a replayed submission once', async () => {
    const key = { 'idempotency-key': 'card-7f3a9c-submit' };
    const a = await t.json<Result>('/api/v1/projects/TR-07/status-updates', { as: 'p-owner', method: 'POST', headers: key, json: { ...good, summary: 'Replay me' } });
    const b = await t.json<Result>('/api/v1/projects/TR-07/status-updates', { as: 'p-owner', method: 'POST', headers: key, json: { ...good, summary: 'Replay me' } });
    expect(b.status).toBe(200);
    expect(b.body.replayed).toBe(true);
    expect(b.body.update.version).toBe(a.body.update.version);
    expect(b.body.update.history).toHaveLength(a.body.update.history.length);
  });

  it('answers a form built before someone else posted with 412 and their update', async () => {
    const existing = await t.json<Result>('/api/v1/projects/TR-23/status-updates', { as: 'p-owner', method: 'POST', json: { ...good, summary: 'Posted by the lead' } });
    const stale = await t.json<ProblemBody>('/api/v1/projects/TR-23/status-updates', {
      as: 'p-owner', method: 'POST', headers: { 'if-none-match': '*' }, json: { ...good, summary: 'Would overwrite' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current?.summary).toBe('Posted by the lead');
    expect(stale.body.current?.version).toBe(existing.body.update.version);
  });

  it('accepts a late update for last week, refuses the future and the distant past', async () => {
    const late = await t.json<Result>('/api/v1/projects/TR-09/status-updates', { as: 'p-owner', method: 'POST', json: { ...good, period: '2026-W47' } });
    expect([200, 201]).toContain(late.status);
    for (const period of ['2026-W49', '2026-W40']) {
      const r = await t.json<ProblemBody>('/api/v1/projects/TR-09/status-updates', { as: 'p-owner', method: 'POST', json: { ...good, period } });
      expect(r.status).toBe(400);
      expect(r.body.errors).toContainEqual(expect.objectContaining({ path: 'period', code: 'period_not_reportable' }));
    }
  });

  it.each([
    [{ ...good, health: 'purple' }, 'health', 'invalid_value'],
    [{ ...good, percentComplete: 150 }, 'percentComplete', 'too_big'],
    [{ ...good, percentComplete: 12.5 }, 'percentComplete', 'invalid_type'],
    [{ ...good, percentComplete: '50' }, 'percentComplete', 'invalid_type'],
    [{ health: 'green', percentComplete: 10 }, 'summary', 'required'],
    [{ ...good, summary: '   ' }, 'summary', 'required'],
    [{ ...good, summary: 'x'.repeat(2001) }, 'summary', 'too_big'],
    [{ ...good, blockers: 'null byte \u0000 here' }, 'blockers', 'custom'],
    [{ ...good, dimensions: { budget: 'green', morale: 'red' } }, 'dimensions', 'unrecognized_keys'],
    [{ ...good, period: '2026-W60' }, 'period', 'custom'],
    [{ ...good, period: '26-W1' }, 'period', 'invalid_format'],
    [{ ...good, authorId: 'p-cto' }, '', 'unrecognized_keys'],
  ])('refuses bad body #%# with a field error and stores nothing', async (body, path, code) => {
    const before = await periodUpdate('TR-09');
    const r = await t.json<ProblemBody>('/api/v1/projects/TR-09/status-updates', { as: 'p-owner', method: 'POST', json: body });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    const after = await periodUpdate('TR-09');
    expect(after.status).toBe(before.status);
    if (after.status === 200) expect((after.body as StatusUpdate).version).toBe((before.body as StatusUpdate).version);
  });

  it("refuses a ChangeMaker posting for a project that is not theirs", async () => {
    const r = await t.json<ProblemBody>('/api/v1/projects/TR-07/status-updates', { as: 'p-changemaker', method: 'POST', json: good });
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe('not_project_owner');
  });

  it('lets a ChangeMaker post for a change case they are a member of', async () => {
    const r = await t.json<Result>('/api/v1/projects/CC-02/status-updates', { as: 'p-changemaker', method: 'POST', json: good });
    expect([200, 201]).toContain(r.status);
    expect(r.body.update.authorId).toBe('p-changemaker');
  });

  it('lists a project history newest first and 404s an unknown period', async () => {
    const list = await t.json<{ items: StatusUpdate[] }>('/api/v1/projects/AI-02/status-updates');
    const periods = list.body.items.map((u) => u.period);
    expect(periods).toEqual([...periods].sort().reverse());
    expect((await periodUpdate('AI-02', '2019-W01')).status).toBe(404);
    expect((await periodUpdate('AI-02', 'not-a-period')).status).toBe(404);
  });
});
