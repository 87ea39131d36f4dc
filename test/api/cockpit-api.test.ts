// The cockpit over HTTP on the demo portfolio: Needs attention for the CTO and a pillar lead (overdue
// apart from due, weeks late, owner names), the 12-week health history, acting on an escalation from
// the tab with versions, the per-project nudge, and the Resources dimension of a status update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attention, HealthHistory, NudgeResult } from '../../bot/domain/cockpit-views.js';
import type { Risk } from '../../bot/domain/risk.js';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type ProblemBody = { code: string; reason?: string; errors?: Array<{ path: string; code: string }> };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('needs attention', () => {
  it('gives the CTO the whole portfolio: escalations awaiting acknowledgement, overdue apart from due', async () => {
    const { status, body } = await t.json<Attention>('/api/v1/me/attention', { as: 'p-cto' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ period: '2026-W48', scope: 'all', canAct: true });
    expect(body.escalations.map((e) => e.project?.code)).toEqual(['AI-04', 'TR-08', 'CC-04']);
    expect(
      body.escalations.every((e) => e.risk.status === 'escalated' && !e.risk.escalation?.acknowledgedAt),
    ).toBe(true);
    expect(body.overdue.map((o) => `${o.project.code}:${o.ownerName}:${o.weeksLate}`)).toEqual([
      'TR-21:Ana Lucía Torres:4',
      'CC-07:Priya Nair:3',
      'AI-06:Priya Nair:2',
      'CC-03:Leila Benali:2',
      'TR-23:Mei Ling Chen:1',
    ]);
    expect(body.due.every((d) => d.weeksLate === 0 && d.lastReportedPeriod === '2026-W47')).toBe(true);
    // The pillar tile's "8 updates missing" for People and culture is 3 overdue + 5 due.
    const pac = (list: Attention['due']) => list.filter((o) => o.project.pillar === 'PAC').length;
    expect([pac(body.overdue), pac(body.due)]).toEqual([3, 5]);
  });

  it("gives a pillar lead their pillar without the CTO's actions, and a viewer nothing", async () => {
    const lead = await t.json<Attention>('/api/v1/me/attention', { as: 'p-leila-benali' });
    expect(lead.body).toMatchObject({ scope: 'pillars', pillars: ['PAC'], canAct: false });
    expect([...lead.body.overdue, ...lead.body.due].every((o) => o.project.pillar === 'PAC')).toBe(true);
    expect(lead.body.escalations.map((e) => e.project?.code)).toEqual(['AI-04']);
    const viewer = await t.json<Attention>('/api/v1/me/attention', { as: 'p-viewer' });
    expect(viewer.body).toMatchObject({ scope: 'none', escalations: [], overdue: [], due: [] });
  });
});

describe('health history', () => {
  it('counts each reporting week, oldest first, by pillar and in total', async () => {
    const { status, body } = await t.json<HealthHistory>('/api/v1/portfolio/health-history', {
      as: 'p-viewer',
    });
    expect(status).toBe(200);
    expect(body.items).toHaveLength(12);
    expect(body.items[0]!.period).toBe('2026-W37');
    expect(body.items[11]!.period).toBe('2026-W48');
    const summary = await t.json<{ totals: { health: Record<string, number> } }>('/api/v1/portfolio/summary');
    expect(body.items[11]!.totals).toEqual(summary.body.totals.health);
    for (const w of body.items) {
      for (const h of ['green', 'amber', 'red', 'unknown'] as const) {
        expect(w.pillars.reduce((n, p) => n + p.health[h], 0)).toBe(w.totals[h]);
      }
    }
    const four = await t.json<HealthHistory>('/api/v1/portfolio/health-history?weeks=4');
    expect(four.body.items.map((w) => w.period)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    const bad = await t.json<ProblemBody>('/api/v1/portfolio/health-history?weeks=99');
    expect(bad.status).toBe(400);
  });
});

describe('acting from Needs attention', () => {
  it('acknowledges with the version read; a stale version is a 409 with the current risk; only the CTO may', async () => {
    const risk = (await t.json<Risk>('/api/v1/risks/rsk-tr-08-01')).body;
    const refused = await t.json<ProblemBody>('/api/v1/risks/rsk-tr-08-01/escalation', {
      as: 'p-owner',
      method: 'POST',
      json: { action: 'acknowledge', version: risk.version },
    });
    expect(refused.status).toBe(403);
    const noVersion = await t.json<ProblemBody>('/api/v1/risks/rsk-tr-08-01/escalation', {
      as: 'p-cto',
      method: 'POST',
      json: { action: 'acknowledge' },
    });
    expect(noVersion.status).toBe(400);
    const badAction = await t.json<ProblemBody>('/api/v1/risks/rsk-tr-08-01/escalation', {
      as: 'p-cto',
      method: 'POST',
      json: { action: 'ignore', version: risk.version },
    });
    expect(badAction.status).toBe(400);
    expect(badAction.body.errors?.[0]?.path).toBe('action');
    const ok = await t.json<Risk>('/api/v1/risks/rsk-tr-08-01/escalation', {
      as: 'p-cto',
      method: 'POST',
      headers: { 'if-match': `"${risk.version}"` },
      json: { action: 'accept' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      strategy: 'accept',
      status: 'open',
      escalation: { acknowledgedById: 'p-cto' },
    });
    expect(ok.headers.get('etag')).toBe(`"${ok.body.version}"`);
    const stale = await t.json<ProblemBody & { current?: Risk }>('/api/v1/risks/rsk-tr-08-01/escalation', {
      as: 'p-cto',
      method: 'POST',
      json: { action: 'acknowledge', version: risk.version },
    });
    expect([409, 412]).toContain(stale.status);
    expect(stale.body.code).toBe('version_conflict');
    const after = await t.json<Attention>('/api/v1/me/attention', { as: 'p-cto' });
    expect(after.body.escalations.map((e) => e.risk.id)).not.toContain('rsk-tr-08-01');
  });

  it('reassigns to the chosen owner, and needs one', async () => {
    const risk = (await t.json<Risk>('/api/v1/risks/rsk-cc-04-01')).body;
    const missing = await t.json<ProblemBody>('/api/v1/risks/rsk-cc-04-01/escalation', {
      as: 'p-cto',
      method: 'POST',
      json: { action: 'reassign', version: risk.version },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]?.path).toBe('ownerId');
    const ok = await t.json<Risk>('/api/v1/risks/rsk-cc-04-01/escalation', {
      as: 'p-cto',
      method: 'POST',
      json: { action: 'reassign', ownerId: 'p-owner', version: risk.version },
    });
    expect(ok.body).toMatchObject({ ownerId: 'p-owner', escalation: { acknowledgedById: 'p-cto' } });
  });

  it("nudges a late project's owner (CTO or the pillar's lead), not for anyone else", async () => {
    const cto = await t.json<NudgeResult>('/api/v1/projects/CC-07/nudge', { as: 'p-cto', method: 'POST' });
    expect(cto.status).toBe(200);
    // No Bot Connector in this app: the owner cannot be reached, and the answer says so.
    expect(cto.body.sent + cto.body.already + cto.body.unreachable).toBe(1);
    const lead = await t.json<NudgeResult>('/api/v1/projects/CC-07/nudge', {
      as: 'p-leila-benali',
      method: 'POST',
    });
    expect(lead.status).toBe(200);
    const other = await t.json<ProblemBody>('/api/v1/projects/CC-07/nudge', {
      as: 'p-owner',
      method: 'POST',
    });
    expect(other.status).toBe(403);
  });
});

describe('resources dimension', () => {
  it('is stored and returned with the other dimensions', async () => {
    const body = {
      health: 'amber',
      percentComplete: 40,
      summary: 'Two analysts left; backfill in January.',
      dimensions: { schedule: 'green', resources: 'red' },
    };
    const r = await t.json<{ update: StatusUpdate }>('/api/v1/projects/TR-09/status-updates', {
      as: 'p-owner',
      method: 'POST',
      headers: { 'idempotency-key': 'cockpit-resources-01' },
      json: body,
    });
    expect(r.status).toBe(201);
    expect(r.body.update.dimensions).toEqual({ schedule: 'green', resources: 'red' });
    const bad = await t.json<ProblemBody>('/api/v1/projects/TR-09/status-updates', {
      as: 'p-owner',
      method: 'POST',
      json: { ...body, dimensions: { resources: 'purple' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('dimensions.resources');
  });
});
