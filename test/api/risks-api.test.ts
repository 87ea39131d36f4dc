// The risk register over HTTP: raising (viewers propose), escalation at the threshold, ordering,
// filters, acknowledgement by the CTO, idempotent creation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Risk } from '../../bot/domain/risk.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Page<T> = { items: T[]; nextCursor?: string };
type ProblemBody = { code: string; detail: string; reason?: string; errors?: Array<{ path: string; code: string }> };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('raising risks', () => {
  it("lands a viewer's concern as proposed, never escalated", async () => {
    const r = await t.json<Risk>('/api/v1/risks', { as: 'p-viewer', method: 'POST', json: { projectId: 'TR-07', title: 'Content owners not engaged', likelihood: 5, impact: 5 } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'proposed', score: 25, level: 'critical', escalation: null, raisedById: 'p-viewer' });
  });

  it("escalates a ChangeMaker's critical risk on any project to the CTO", async () => {
    const r = await t.json<Risk>('/api/v1/risks', { as: 'p-changemaker', method: 'POST', json: { projectId: 'AI-01', title: 'Key vendor insolvency', likelihood: 4, impact: 4, category: 'financial' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'escalated', score: 16, level: 'critical', escalation: { reason: 'threshold', byId: 'p-changemaker' } });
    expect(r.body.ownerId).toBeTruthy(); // defaults to the project owner
  });

  it('keeps a low risk open', async () => {
    const r = await t.json<Risk>('/api/v1/risks', { as: 'p-owner', method: 'POST', json: { projectId: 'TR-07', title: 'Translation backlog', likelihood: 2, impact: 2 } });
    expect(r.body).toMatchObject({ status: 'open', score: 4, level: 'low', escalation: null });
  });

  it.each([
    [{ title: 'x', likelihood: 3, impact: 3 }, 'title'],
    [{ title: 'Valid title', likelihood: 6, impact: 3 }, 'likelihood'],
    [{ title: 'Valid title', likelihood: 3 }, 'impact'],
    [{ title: 'Valid title', likelihood: 3, impact: 3, strategy: 'ignore' }, 'strategy'],
    [{ title: 'Valid title', likelihood: 3, impact: 3, reviewDate: 'tomorrow' }, 'reviewDate'],
    [{ title: 'Valid title', likelihood: 3, impact: 3, status: 'closed' }, ''],
  ])('refuses bad risk #%# naming the field', async (body, path) => {
    const r = await t.json<ProblemBody>('/api/v1/risks', { as: 'p-owner', method: 'POST', json: body });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.path)).toContain(path);
  });

  it('refuses a risk on an unknown project with 404', async () => {
    const r = await t.json<ProblemBody>('/api/v1/risks', { as: 'p-owner', method: 'POST', json: { projectId: 'NOPE-1', title: 'Valid title', likelihood: 1, impact: 1 } });
    expect(r.status).toBe(404);
  });

  it('stores a retried raise once', async () => {
    const headers = { 'idempotency-key': 'risk-retry-000001' };
    const body = { projectId: 'TR-09', title: 'Retried risk', likelihood: 2, impact: 3 };
    const a = await t.json<Risk>('/api/v1/risks', { as: 'p-owner', method: 'POST', json: body, headers });
    const b = await t.json<Risk>('/api/v1/risks', { as: 'p-owner', method: 'POST', json: body, headers });
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.id).toBe(a.body.id);
    const list = await t.json<Page<Risk>>('/api/v1/risks?projectId=TR-09&limit=1000');
    expect(list.body.items.filter((r) => r.title === 'Retried risk')).toHaveLength(1);
  });
});

describe('the register', () => {
  it('is ordered by score, highest first, and filters by status', async () => {
    const all = await t.json<Page<Risk>>('/api/v1/risks?limit=1000');
    const scores = all.body.items.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const escalated = await t.json<Page<Risk>>('/api/v1/risks?status=escalated,mitigating&limit=1000');
    expect(escalated.body.items.length).toBeGreaterThan(0);
    expect(escalated.body.items.every((r) => r.status === 'escalated' || r.status === 'mitigating')).toBe(true);
  });

  it('refuses an unknown status filter', async () => {
    const r = await t.json<ProblemBody>('/api/v1/risks?status=open,lost');
    expect(r.status).toBe(400);
  });
});

describe('escalations', () => {
  async function raiseCritical() {
    const r = await t.json<Risk>('/api/v1/risks', { as: 'p-owner', method: 'POST', json: { projectId: 'TR-07', title: 'Hosting contract lapses', likelihood: 5, impact: 4 } });
    return r.body;
  }

  it('are acknowledged by the CTO only', async () => {
    const risk = await raiseCritical();
    const refused = await t.json<ProblemBody>(`/api/v1/risks/${risk.id}/acknowledge`, { as: 'p-owner', method: 'POST', headers: { 'if-match': `"${risk.version}"` } });
    expect(refused.status).toBe(403);
    expect(refused.body.reason).toBe('role_required_cto');
    const ok = await t.json<Risk>(`/api/v1/risks/${risk.id}/acknowledge`, { as: 'p-cto', method: 'POST', headers: { 'if-match': `"${risk.version}"` } });
    expect(ok.status).toBe(200);
    expect(ok.body.escalation).toMatchObject({ acknowledgedById: 'p-cto' });
  });

  it('moving an escalated risk to mitigating does not escalate it again', async () => {
    const risk = await raiseCritical();
    const r = await t.json<Risk>(`/api/v1/risks/${risk.id}`, { as: 'p-owner', method: 'PATCH', headers: { 'if-match': `"${risk.version}"` }, json: { status: 'mitigating', mitigation: 'Renewal signed for 6 months.' } });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('mitigating');
    expect(r.body.escalation?.at).toBe(risk.escalation?.at);
  });

  it('a viewer may not edit a risk', async () => {
    const risk = await raiseCritical();
    const r = await t.json<ProblemBody>(`/api/v1/risks/${risk.id}`, { as: 'p-viewer', method: 'PATCH', lang: 'ar', headers: { 'if-match': `"${risk.version}"` }, json: { impact: 1 } });
    expect(r.status).toBe(403);
    expect(r.body.detail).toBe('لا يمكن تعديل هذه المخاطرة إلا لمالكها أو لمالك المشروع أو لمكتب التحوّل.');
  });
});
