// GET /api/v1/search over HTTP: the declarative agent's action (manifest/template/ai-plugin.json,
// operation searchPortfolio). Same search as the message extension (same words find the same
// projects and risks), compact JSON with the tab link and each project's top risks, paged by
// skip/count, hostile input answered as plain text, and the identity rules of every /api/v1 route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../../bot/domain/errors.js';
import type { TokenValidator } from '../../bot/api/auth/token-validator.js';
import type { SearchResponse } from '../../bot/api/routes/search.js';
import type { Risk } from '../../bot/domain/risk.js';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';
import { buildPerson, buildProject, buildRisk } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { provisionedSite, type SharePointSite } from '../storage/sharepoint-harness.js';

// Loopback: the development identity is refused with a public URL (issue 12).
const PUBLIC_URL = 'http://localhost:3978';
type ProblemBody = { code: string; errors?: Array<{ path: string }> };

const search = (t: TestApp, query: string, as?: string, lang?: string) =>
  t.json<SearchResponse>(`/api/v1/search${query}`, { as, lang });
const codes = (r: SearchResponse) => r.results.filter((x) => x.kind === 'project').map((x) => x.code);

describe('GET /api/v1/search (development identity)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a project by code first, with its facts, top risks and the tab link, then its risks', async () => {
    const r = await search(t, '?q=TR-07', 'p-owner');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const [first, ...rest] = r.body.results;
    expect(first).toMatchObject({
      kind: 'project',
      code: 'TR-07',
      title: 'New ITU website',
      pillar: expect.any(String) as string,
      pillarName: expect.any(String) as string,
      ownerName: expect.any(String) as string,
      tabWebUrl: `${PUBLIC_URL}/#/projects/TR-07`,
    });
    expect(['green', 'amber', 'red']).toContain(first?.health);
    expect(typeof first?.percentComplete).toBe('number');
    // Top risks: open ones, highest score first, at most three, and they are TR-07's risks.
    const top = first?.topRisks ?? [];
    expect(top.length).toBeGreaterThan(0);
    expect(top.length).toBeLessThanOrEqual(3);
    expect(top.map((x) => x.score)).toEqual([...top.map((x) => x.score)].sort((a, b) => b - a));
    for (const risk of top) expect(['open', 'mitigating', 'escalated']).toContain(risk.status);
    expect(rest.length).toBeGreaterThan(0);
    for (const risk of rest) {
      expect(risk).toMatchObject({
        kind: 'risk',
        code: 'TR-07',
        tabWebUrl: `${PUBLIC_URL}/#/risks?project=TR-07`,
      });
      expect(risk.score).toBeGreaterThan(0);
    }
    expect(rest.map((x) => x.title)).toContain('Remaining CHF 250K of the website budget not allocated');
    expect(top.map((x) => x.title).every((title) => rest.some((x) => x.title === title))).toBe(true);
  });

  it.each([
    ['title words', 'ERP crm', ['TR-08']],
    ['a pillar code', 'GOV', ['TR-10', 'TR-11', 'TR-22', 'TR-24', 'CC-01', 'CC-08']],
    ['a pillar name in French', 'gouvernance', ['TR-10', 'TR-11', 'TR-22', 'TR-24', 'CC-01', 'CC-08']],
    ['an owner’s name', 'Mwangi', ['AI-02', 'TR-07', 'TR-09']],
  ])('finds the projects the message extension finds by %s', async (_label, q, expected) => {
    const r = await search(t, `?q=${encodeURIComponent(q)}&count=25`);
    expect(r.status).toBe(200);
    expect(new Set(codes(r.body))).toEqual(new Set(expected));
  });

  it('understands whole sentences, as Copilot sends them', async () => {
    const r = await search(t, `?q=${encodeURIComponent('Show the open risks of project TR-09')}`);
    expect(r.body.results.map((x) => `${x.kind} ${x.title}`)).toEqual([
      'risk AI Seed Fund demand exceeds available funding',
    ]);
    expect(r.body.words).toEqual(['open', 'risks', 'tr-09']);
    const red = await search(t, `?q=${encodeURIComponent('Which Governance projects are red this week?')}`);
    expect(red.body.results.length).toBeGreaterThan(0);
    for (const item of red.body.results)
      expect(item).toMatchObject({ kind: 'project', pillar: 'GOV', health: 'red' });
  });

  it('names the pillar in the caller’s language', async () => {
    const r = await search(t, '?q=TR-10', undefined, 'fr');
    expect(r.body.results[0]).toMatchObject({ code: 'TR-10', pillar: 'GOV', pillarName: 'Gouvernance' });
  });

  it('pages with skip and count (default 10, at most 25) and says where the next page starts', async () => {
    // A viewer who owns nothing gets the whole portfolio (34 projects) with no words.
    const first = await search(t, '', 'p-viewer');
    expect(first.body).toMatchObject({ words: [], total: 34, skip: 0, count: 10, nextSkip: 10 });
    expect(first.body.results).toHaveLength(10);
    const seen: string[] = [];
    let skip: number | undefined = 0;
    while (skip !== undefined) {
      const page: { body: SearchResponse } = await search(t, `?skip=${skip}&count=15`, 'p-viewer');
      seen.push(...codes(page.body).map(String));
      skip = page.body.nextSkip;
    }
    expect(seen).toHaveLength(34);
    expect(new Set(seen).size).toBe(34);
    const past = await search(t, '?skip=1000', 'p-viewer');
    expect(past.body).toMatchObject({ total: 34, results: [] });
    expect(past.body.nextSkip).toBeUndefined();
  });

  it.each([
    ['count above 25', '?count=500', 'count'],
    ['count zero', '?count=0', 'count'],
    ['negative skip', '?skip=-5', 'skip'],
    ['non-numeric skip', '?skip=abc', 'skip'],
    ['a query over 1,000 characters', `?q=${'a'.repeat(1001)}`, 'q'],
  ])('refuses %s with a 400 naming the field', async (_label, query, field) => {
    const r = await t.json<ProblemBody>(`/api/v1/search${query}`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect(r.body.errors?.map((e) => e.path)).toContain(field);
  });

  it('answers an empty query with the caller’s own projects and an unmatched one with nothing', async () => {
    const mine = await search(t, '?q=%20%20', 'p-owner');
    expect(mine.body.words).toEqual([]);
    expect(codes(mine.body)).toEqual(['AI-02', 'TR-07', 'TR-09', 'TR-23']);
    const none = await search(t, '?q=zzzz-nothing-matches');
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ total: 0, results: [] });
  });

  it.each([
    ['markdown and links', '**TR-07** [click](https://evil.example) _x_'],
    ['regular expression characters', '.*+?^${}()|[]\\ (TR-07'],
    ['right-to-left overrides', '\u202eTR-07\u202c\u200f'],
    ['HTML', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['null bytes and controls', 'TR\u0000-07\u0007'],
    ['OData and SQL', "TR-07' or 1 eq 1; DROP TABLE projects --"],
  ])('treats %s as plain words', async (_label, q) => {
    const r = await search(t, `?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    const json = JSON.stringify(r.body);
    expect(json).not.toContain('<script>');
    expect(json).not.toMatch(/[\u202a-\u202e]/);
    expect(json).not.toContain(String.fromCharCode(0));
    // The words echoed back are plain lower-case words; results never carry the caller's text.
    for (const word of r.body.words) expect(word).not.toMatch(/[\s<>()[\]{}\\*]/);
    expect(JSON.stringify(r.body.results)).not.toContain('evil.example');
  });

  it('is declared in the OpenAPI document with its query parameters and response', async () => {
    const doc = await t.json<{
      paths: Record<string, { get?: { operationId: string; parameters: Array<{ name: string }> } }>;
      components: { schemas: Record<string, unknown> };
    }>('/api/v1/openapi.json');
    const op = doc.body.paths['/api/v1/search']?.get;
    expect(op?.operationId).toBe('searchPortfolio');
    expect(op?.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'skip', 'count']));
    expect(doc.body.components.schemas.SearchResponse).toBeDefined();
  });
});

describe('GET /api/v1/search (entra mode)', () => {
  const TENANT = '11111111-1111-4111-8111-111111111111';
  const validator: TokenValidator = {
    validate(token) {
      if (token === 'owner-token') {
        return Promise.resolve({
          aadObjectId: '00000000-0000-4000-8000-000000000002',
          tenantId: TENANT,
          scopes: ['access_as_user'],
        });
      }
      return Promise.reject(new UnauthenticatedError('invalid token'));
    },
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        AUTH_MODE: 'entra',
        ENTRA_TENANT_ID: TENANT,
        ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
        PUBLIC_URL,
      },
      tokenValidator: validator,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['no credentials', {}],
    ['the development identity', { 'x-dev-user': 'p-cto' }],
    ['an invalid token', { authorization: 'Bearer forged.token.value' }],
  ])('refuses %s with 401 and no results', async (_label, headers) => {
    const r = await t.json<ProblemBody & { results?: unknown }>('/api/v1/search?q=TR-07', { headers });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthenticated');
    expect(r.body.results).toBeUndefined();
  });

  it('answers a caller with a valid bearer token', async () => {
    const r = await t.json<SearchResponse>('/api/v1/search?q=TR-07', {
      headers: { authorization: 'Bearer owner-token' },
    });
    expect(r.status).toBe(200);
    expect(r.body.results[0]).toMatchObject({ kind: 'project', code: 'TR-07' });
  });
});

describe('GET /api/v1/search on the SharePoint store (Graph emulator)', () => {
  let emulator: GraphEmulator;
  let site: SharePointSite;
  let t: TestApp;
  beforeAll(async () => {
    emulator = await GraphEmulator.start();
    site = await provisionedSite(emulator);
    const store = await site.open({ retry: { maxRetries: 1 } });
    await store.people.create(buildPerson({ id: 'p-cto', role: 'cto', name: 'Nadia Rahimi' }));
    await store.projects.create(
      buildProject({ id: 'prj-sp', code: 'SP-01', title: 'Archive migration', ownerId: 'p-cto' }),
    );
    const risk = (id: string, likelihood: number, impact: number, status: Risk['status']) =>
      store.risks.create(
        buildRisk({
          id,
          title: `Archive risk ${id}`,
          projectId: 'prj-sp',
          ownerId: 'p-cto',
          likelihood,
          impact,
          status,
        }),
      );
    await risk('r-low', 1, 2, 'open');
    await risk('r-high', 4, 4, 'escalated');
    await risk('r-mid', 3, 3, 'mitigating');
    await risk('r-mid2', 2, 4, 'open');
    await risk('r-closed', 5, 5, 'closed');
    await risk('r-proposed', 5, 4, 'proposed');
    t = await startTestApp({
      store: { ...store, close: () => Promise.resolve() },
      demo: false,
      env: { PUBLIC_URL },
    });
  });
  afterAll(async () => {
    await t?.close();
    await site?.cleanup();
    await emulator?.close();
  });

  it('finds the project with its three highest open risks (closed and proposed left out) and its risks', async () => {
    const r = await t.json<SearchResponse>('/api/v1/search?q=archive', { as: 'p-cto' });
    expect(r.status).toBe(200);
    const [project, ...risks] = r.body.results;
    expect(project).toMatchObject({ kind: 'project', code: 'SP-01', ownerName: 'Nadia Rahimi' });
    expect(project?.topRisks?.map((x) => [x.title, x.score])).toEqual([
      ['Archive risk r-high', 16],
      ['Archive risk r-mid', 9],
      ['Archive risk r-mid2', 8],
    ]);
    // The search itself lists every risk that is not closed, highest score first.
    expect(risks.map((x) => x.title)).toEqual([
      'Archive risk r-proposed',
      'Archive risk r-high',
      'Archive risk r-mid',
      'Archive risk r-mid2',
      'Archive risk r-low',
    ]);
  });
});
