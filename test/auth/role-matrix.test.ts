// The role matrix over HTTP: every write route of the API (read from the OpenAPI document, so a new
// route without a row fails here) called by the four kinds of person of PRODUCT.md section 1 — the
// CTO, the owner of the project, a ChangeMaker and a viewer — on the demo portfolio. Each call is a
// valid request made against the current version, so the only reason for a refusal is the role: a
// refusal is a 403 `forbidden` problem that changes nothing, an allowed call succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type RoleName = 'cto' | 'owner' | 'changemaker' | 'viewer';
const PERSONA: Record<RoleName, string> = {
  cto: 'p-cto',
  owner: 'p-owner',
  changemaker: 'p-changemaker',
  viewer: 'p-viewer',
};
const ROLES = Object.keys(PERSONA) as RoleName[];

/** AI-02 is owned by p-owner; p-changemaker and p-viewer have no part in it. */
const PROJECT = 'AI-02';
const PROJECT_ID = 'prj-ai-02';
/** A risk of AI-02 whose risk owner is p-owner, and a KPI of AI-02. */
const RISK = 'rsk-ai-02-01';
const KPI = 'kpi-copilot-trained';
/** Someone on the roster who is none of the four (their record is the CTO's to change). */
const OTHER_PERSON = 'p-hiroshi-tanaka';

interface Call {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  json?: unknown;
  headers?: Record<string, string>;
  /** Reads the target's version (as the CTO), to show a refusal changed nothing. */
  version?: () => Promise<number>;
}

interface Row {
  /** As the OpenAPI document names it: "patch /api/v1/projects/{id}". */
  route: string;
  /** Who may: the others must get 403. */
  allowed: readonly RoleName[];
  /** A valid request for this person, prepared against the current data. */
  prepare: (t: TestApp, role: RoleName, n: number) => Call | Promise<Call>;
}

const ALL = ROLES;
const OWNERS: readonly RoleName[] = ['cto', 'owner'];
const CTO: readonly RoleName[] = ['cto'];

async function read<T>(t: TestApp, path: string): Promise<T> {
  const r = await t.json<T>(path, { as: PERSONA.cto });
  if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}`);
  return r.body;
}
const versionOf =
  <B>(t: TestApp, path: string, pick: (body: B) => number) =>
  async (): Promise<number> =>
    pick(await read<B>(t, path));

const ifMatch = (v: number) => ({ 'if-match': `"${v}"` });

const rows: Row[] = [
  {
    route: 'post /api/v1/projects',
    allowed: CTO,
    prepare: (_t, _role, n) => ({
      method: 'POST',
      path: '/api/v1/projects',
      json: {
        code: `TR-${80 + n}`,
        title: `Role matrix project ${n}`,
        kind: 'project',
        pillar: 'SPT',
        orgUnit: 'IS-ASD',
        ownerId: 'p-owner',
      },
    }),
  },
  {
    route: 'patch /api/v1/projects/{id}',
    allowed: OWNERS,
    prepare: async (t, role) => {
      const path = `/api/v1/projects/${PROJECT}`;
      const version = versionOf(t, path, (b: { project: { version: number } }) => b.project.version);
      return {
        method: 'PATCH',
        path,
        headers: ifMatch(await version()),
        json: { description: `Edited by the ${role}` },
        version,
      };
    },
  },
  {
    route: 'post /api/v1/projects/{id}/status-updates',
    allowed: OWNERS,
    prepare: async (t, role) => {
      const draft = await read<{ existing?: { version: number } }>(
        t,
        `/api/v1/projects/${PROJECT}/status-updates/draft`,
      );
      return {
        method: 'POST',
        path: `/api/v1/projects/${PROJECT}/status-updates`,
        json: {
          health: 'amber',
          percentComplete: 60,
          summary: `Posted by the ${role}.`,
          version: draft.existing?.version ?? 0,
        },
        version: async () =>
          (
            await read<{ existing?: { version: number } }>(
              t,
              `/api/v1/projects/${PROJECT}/status-updates/draft`,
            )
          ).existing?.version ?? 0,
      };
    },
  },
  {
    route: 'post /api/v1/projects/{id}/milestones',
    allowed: OWNERS,
    prepare: (_t, role) => ({
      method: 'POST',
      path: `/api/v1/projects/${PROJECT}/milestones`,
      json: { title: `Milestone of the ${role}`, dueDate: '2027-02-15' },
    }),
  },
  {
    route: 'patch /api/v1/milestones/{id}',
    allowed: OWNERS,
    prepare: async (t, role) => {
      const list = await read<{ items: Array<{ id: string }> }>(
        t,
        `/api/v1/milestones?projectId=${PROJECT_ID}`,
      );
      const id = list.items[0]?.id;
      if (!id) throw new Error(`${PROJECT} has no milestone`);
      const version = versionOf(
        t,
        `/api/v1/milestones?projectId=${PROJECT_ID}`,
        (b: { items: Array<{ id: string; version: number }> }) => b.items.find((m) => m.id === id)!.version,
      );
      return {
        method: 'PATCH',
        path: `/api/v1/milestones/${id}`,
        headers: ifMatch(await version()),
        json: { title: `Renamed by the ${role}` },
        version,
      };
    },
  },
  {
    // Anyone may raise a risk (a viewer's lands as proposed, see risks-api.test.ts).
    route: 'post /api/v1/risks',
    allowed: ALL,
    prepare: (_t, role) => ({
      method: 'POST',
      path: '/api/v1/risks',
      json: { projectId: PROJECT, title: `Concern of the ${role}`, likelihood: 2, impact: 2 },
    }),
  },
  {
    route: 'patch /api/v1/risks/{id}',
    allowed: OWNERS,
    prepare: async (t, role) => {
      const version = versionOf(t, `/api/v1/risks/${RISK}`, (b: { version: number }) => b.version);
      return {
        method: 'PATCH',
        path: `/api/v1/risks/${RISK}`,
        headers: ifMatch(await version()),
        json: { mitigation: `Mitigation written by the ${role}.` },
        version,
      };
    },
  },
  {
    route: 'post /api/v1/risks/{id}/acknowledge',
    allowed: CTO,
    prepare: async (t, role) => {
      // A fresh critical risk, escalated to the CTO as it is raised.
      const raised = await t.json<{ id: string; status: string; version: number }>('/api/v1/risks', {
        as: PERSONA.cto,
        method: 'POST',
        json: { projectId: PROJECT, title: `Critical risk for the ${role}`, likelihood: 5, impact: 5 },
      });
      expect(raised.body.status).toBe('escalated');
      const path = `/api/v1/risks/${raised.body.id}`;
      return {
        method: 'POST',
        path: `${path}/acknowledge`,
        headers: ifMatch(raised.body.version),
        version: versionOf(t, path, (b: { version: number }) => b.version),
      };
    },
  },
  {
    // The tab's Needs attention acts on an escalation as the card does (issue 14).
    route: 'post /api/v1/risks/{id}/escalation',
    allowed: CTO,
    prepare: async (t, role) => {
      const raised = await t.json<{ id: string; status: string; version: number }>('/api/v1/risks', {
        as: PERSONA.cto,
        method: 'POST',
        json: { projectId: PROJECT, title: `Escalated risk for the ${role}`, likelihood: 5, impact: 4 },
      });
      expect(raised.body.status).toBe('escalated');
      const path = `/api/v1/risks/${raised.body.id}`;
      return {
        method: 'POST',
        path: `${path}/escalation`,
        headers: ifMatch(raised.body.version),
        json: { action: 'acknowledge' },
        version: versionOf(t, path, (b: { version: number }) => b.version),
      };
    },
  },
  {
    // Nudging a late owner: the Transformation Office, or the lead of the project's pillar (p-owner
    // leads SPT, AI-02's pillar); a ChangeMaker and a viewer may not.
    route: 'post /api/v1/projects/{id}/nudge',
    allowed: OWNERS,
    prepare: () => ({ method: 'POST', path: `/api/v1/projects/${PROJECT}/nudge` }),
  },
  {
    route: 'post /api/v1/kpis',
    allowed: OWNERS,
    prepare: (_t, role) => ({
      method: 'POST',
      path: '/api/v1/kpis',
      json: {
        title: `KPI of the ${role}`,
        projectId: PROJECT_ID,
        unit: '%',
        direction: 'higher-is-better',
        baseline: { value: 0, date: '2026-01-01' },
        target: { value: 50, date: '2027-06-30' },
      },
    }),
  },
  {
    route: 'patch /api/v1/kpis/{id}',
    allowed: OWNERS,
    prepare: async (t, role) => {
      const version = versionOf(t, `/api/v1/kpis/${KPI}`, (b: { kpi: { version: number } }) => b.kpi.version);
      return {
        method: 'PATCH',
        path: `/api/v1/kpis/${KPI}`,
        headers: ifMatch(await version()),
        json: { description: `Described by the ${role}` },
        version,
      };
    },
  },
  {
    route: 'post /api/v1/kpis/{id}/measurements',
    allowed: OWNERS,
    prepare: (_t, role) => ({
      method: 'POST',
      path: `/api/v1/kpis/${KPI}/measurements`,
      json: { date: '2026-11-20', value: 42, note: `Measured by the ${role}` },
    }),
  },
  {
    route: 'patch /api/v1/measurements/{id}',
    allowed: OWNERS,
    prepare: async (t, role) => {
      type WithMeasurements = { measurements: Array<{ id: string; version: number }> };
      const first = (await read<WithMeasurements>(t, `/api/v1/kpis/${KPI}`)).measurements[0];
      if (!first) throw new Error(`${KPI} has no measurement`);
      const version = versionOf(
        t,
        `/api/v1/kpis/${KPI}`,
        (b: WithMeasurements) => b.measurements.find((m) => m.id === first.id)!.version,
      );
      return {
        method: 'PATCH',
        path: `/api/v1/measurements/${first.id}`,
        headers: ifMatch(await version()),
        json: { note: `Corrected by the ${role}` },
        version,
      };
    },
  },
  {
    route: 'post /api/v1/roster',
    allowed: CTO,
    prepare: (_t, role) => ({
      method: 'POST',
      path: '/api/v1/roster',
      json: {
        name: `New colleague (${role})`,
        email: `new.colleague.${role}@itu.example`,
        role: 'viewer',
        orgUnit: 'BDT',
      },
    }),
  },
  {
    route: 'patch /api/v1/roster/{id}',
    allowed: CTO,
    prepare: async (t, role) => {
      const path = `/api/v1/roster/${OTHER_PERSON}`;
      const version = versionOf(t, path, (b: { version: number }) => b.version);
      return {
        method: 'PATCH',
        path,
        headers: ifMatch(await version()),
        json: { locale: role === 'cto' ? 'fr' : 'es' },
        version,
      };
    },
  },
  {
    route: 'patch /api/v1/settings',
    allowed: CTO,
    prepare: async (t) => {
      const version = versionOf(t, '/api/v1/settings', (b: { version: number }) => b.version);
      return {
        method: 'PATCH',
        path: '/api/v1/settings',
        headers: ifMatch(await version()),
        json: { escalationThreshold: 16 },
        version,
      };
    },
  },
  {
    // Self-service: everyone declares their own absence.
    route: 'post /api/v1/me/away',
    allowed: ALL,
    prepare: () => ({ method: 'POST', path: '/api/v1/me/away', json: { period: '2026-W50' } }),
  },
  {
    route: 'delete /api/v1/me/away/{period}',
    allowed: ALL,
    prepare: async (t, role) => {
      const declared = await t.json('/api/v1/me/away', {
        as: PERSONA[role],
        method: 'POST',
        json: { period: '2026-W51' },
      });
      expect(declared.status).toBeLessThan(300);
      return { method: 'DELETE', path: '/api/v1/me/away/2026-W51' };
    },
  },
  {
    // Self-service: everyone dismisses their own notices (someone else's is not found, see notices-api).
    route: 'post /api/v1/me/notices/{id}/dismiss',
    allowed: ALL,
    prepare: async (t, role, n) => {
      const id = `notice-role-matrix-${n}`;
      await t.app.stateStore.notices.add({
        id,
        personId: PERSONA[role],
        kind: 'write-rejected',
        createdAt: t.clock.now().toISOString(),
        dismissedAt: null,
        entity: 'risk',
        entityId: RISK,
        op: 'update',
        subject: 'A risk',
        project: { id: PROJECT_ID, code: PROJECT, title: 'AI-02' },
      });
      return { method: 'POST', path: `/api/v1/me/notices/${id}/dismiss` };
    },
  },
];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the role matrix over every write route', () => {
  it('has one row per write route of the OpenAPI document', async () => {
    const doc = await t.json<{ paths: Record<string, Record<string, unknown>> }>('/api/v1/openapi.json');
    const writes = Object.entries(doc.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m} ${path}`),
    );
    expect(writes.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.route).sort()).toEqual([...writes].sort());
  });

  // Refusals first in each row, so an allowed write cannot hide a refused one.
  const cases = rows.flatMap((row, i) =>
    [...ROLES]
      .sort((a, b) => Number(row.allowed.includes(a)) - Number(row.allowed.includes(b)))
      .map((role, j) => ({
        route: row.route,
        role,
        expected: row.allowed.includes(role) ? 'allowed' : '403',
        row,
        n: i * 4 + j,
      })),
  );

  it.each(cases)('$route as $role: $expected', async ({ row, role, n }) => {
    const call = await row.prepare(t, role, n);
    const before = call.version ? await call.version() : undefined;
    const r = await t.json<{ code?: string; reason?: string }>(call.path, {
      as: PERSONA[role],
      method: call.method,
      headers: { 'idempotency-key': `role-matrix-${n}`, ...call.headers },
      json: call.json,
    });
    if (row.allowed.includes(role)) {
      expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(200);
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    } else {
      expect(r.status, JSON.stringify(r.body)).toBe(403);
      expect(r.body.code).toBe('forbidden');
      if (call.version) expect(await call.version()).toBe(before);
    }
  });
});

// A confidential risk is read only by the CTO, the risk's owner, the project's owner and leads and
// the pillar's leads (issue 18), on every surface that shows risks: the register, the risk itself,
// the search (message extension and Copilot), the Copilot functions and the project's history.
describe('who reads a confidential risk, on every surface', () => {
  const TITLE = 'Confidential restructuring of the secretariat unit';
  /** TR-10 (Governance): owner p-ingrid-solberg, lead p-analyst; the GOV pillar lead is p-rajesh-iyer. */
  const READERS = {
    'p-cto': true, // the CTO
    'p-ingrid-solberg': true, // the project's owner
    'p-analyst': true, // a project lead
    'p-rajesh-iyer': true, // the pillar lead
    'p-changemaker': true, // the risk's owner
    'p-owner': false, // another project's owner and another pillar's lead
    'p-viewer': false,
    'p-hiroshi-tanaka': false,
  } as const;
  let riskId = '';

  beforeAll(async () => {
    const r = await t.json<{ id: string; confidential: boolean }>('/api/v1/risks', {
      as: 'p-cto',
      method: 'POST',
      json: {
        projectId: 'TR-10',
        title: TITLE,
        likelihood: 3,
        impact: 3,
        ownerId: 'p-changemaker',
        confidential: true,
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.confidential).toBe(true);
    riskId = r.body.id;
  });

  const titles = (items: Array<{ title: string }>) => items.map((i) => i.title);

  it.each(Object.entries(READERS))('%s reads it: %s', async (who, reads) => {
    const register = await t.json<{ items: Array<{ title: string }> }>('/api/v1/risks?projectId=TR-10', {
      as: who,
    });
    expect(register.status).toBe(200);
    expect(titles(register.body.items).includes(TITLE)).toBe(reads);

    const one = await t.json<{ code?: string; reason?: string }>(`/api/v1/risks/${riskId}`, { as: who });
    expect(one.status).toBe(reads ? 200 : 403);
    if (!reads) expect(one.body).toMatchObject({ code: 'forbidden', reason: 'confidential_risk' });

    const search = await t.json<{ results: Array<{ title: string }> }>(
      `/api/v1/search?q=${encodeURIComponent('secretariat restructuring')}`,
      { as: who },
    );
    expect(titles(search.body.results).includes(TITLE)).toBe(reads);

    const agent = await t.json<{ results: Array<{ title: string }> }>('/api/v1/agent/risks?project=TR-10', {
      as: who,
    });
    expect(titles(agent.body.results).includes(TITLE)).toBe(reads);

    const brief = await t.json<{ topRisks: Array<{ title: string }>; activeRisks: number }>(
      '/api/v1/agent/projects/TR-10/brief',
      { as: who },
    );
    expect(titles(brief.body.topRisks).includes(TITLE)).toBe(reads);

    const portfolio = await t.json<{ topRisks: Array<{ title: string }> }>('/api/v1/agent/portfolio', {
      as: who,
    });
    expect(portfolio.status).toBe(200);

    const history = await t.json<{ items: Array<{ entityId: string }> }>(
      '/api/v1/audit?projectId=prj-tr-10',
      { as: who },
    );
    expect(history.status).toBe(200);
    expect(history.body.items.some((e) => e.entityId === riskId)).toBe(reads);
  });
});
