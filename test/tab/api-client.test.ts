// The tab's API client: headers (language, identity, If-Match / If-None-Match, idempotency), bodies
// parsed with the domain schemas, problem documents as ApiError, paging followed.
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../tab/src/api/client.js';
import { endpoints } from '../../tab/src/api/endpoints.js';
import { ApiError } from '../../tab/src/api/problem.js';
import { project } from './helpers.js';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function clientWith(respond: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  const client = new ApiClient({
    language: () => 'fr',
    authHeaders: () => Promise.resolve({ 'x-dev-user': 'p-owner' }),
    fetch: (input, init) => {
      const s: Seen = {
        url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        method: init?.method ?? 'GET',
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      seen.push(s);
      return Promise.resolve(respond(s));
    },
  });
  return { api: endpoints(client), seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('ApiClient', () => {
  it('sends the language, the identity and If-Match, and reads the new version from the ETag', async () => {
    const { api, seen } = clientWith(() => json(200, project({ title: 'New', version: 4 }), { etag: '"4"' }));
    const res = await api.updateProject('prj-ai-02', { title: 'New' }, 3);
    expect(res).toEqual({ value: expect.objectContaining({ title: 'New' }), version: 4 });
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/projects/prj-ai-02',
      headers: {
        'accept-language': 'fr',
        'x-dev-user': 'p-owner',
        'if-match': '"3"',
        'content-type': 'application/json',
      },
      body: { title: 'New' },
    });
  });

  it('asks for "no update yet" with If-None-Match: * and sends the idempotency key', async () => {
    const { api, seen } = clientWith(() =>
      json(409, {
        type: 'x/version_conflict',
        title: 'Conflict',
        status: 409,
        code: 'version_conflict',
        detail: 'Changed.',
        current: { a: 1 },
      }),
    );
    const error = await api
      .submitUpdate('prj-1', { health: 'green' }, 0, 'key-12345678')
      .catch((e: unknown) => e);
    expect(seen[0]?.headers).toMatchObject({ 'if-none-match': '*', 'idempotency-key': 'key-12345678' });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isConflict).toBe(true);
    expect((error as ApiError).problem.current).toEqual({ a: 1 });
  });

  it('turns field errors into a map by path and recognises consent_required', async () => {
    const { api } = clientWith(() =>
      json(400, {
        type: 'x/validation_failed',
        title: 'Bad Request',
        status: 400,
        code: 'validation_failed',
        detail: 'Certains champs…',
        errors: [
          { path: 'title', code: 'too_small', message: 'Trop court.' },
          { path: 'title', code: 'custom', message: 'Second.' },
        ],
      }),
    );
    const error = (await api.me().catch((e: unknown) => e)) as ApiError;
    expect(error.fieldErrors()).toEqual({ title: 'Trop court.' });
    const consent = new ApiError({
      type: 'https://x/problems/consent_required',
      title: 'Forbidden',
      status: 403,
      code: 'consent_required',
      detail: '',
    });
    expect(consent.isConsentRequired).toBe(true);
  });

  it('defines and edits a KPI (POST with an idempotency key, PATCH with If-Match) and reports a queued write', async () => {
    const kpi = {
      id: 'kpi-1',
      title: 'Staff using Copilot',
      description: '',
      pillar: null,
      projectId: 'prj-ai-02',
      unit: '%',
      direction: 'higher-is-better',
      baseline: { value: 5, date: '2026-01-01' },
      target: { value: 60, date: '2027-06-30' },
      ownerId: null,
      version: 1,
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    const { api, seen } = clientWith((s) =>
      s.method === 'POST'
        ? json(201, kpi, { etag: '"1"' })
        : json(200, { ...kpi, unit: 'pct', version: 2 }, { etag: '"2"', 'x-sync-status': 'queued' }),
    );
    const body = {
      title: 'Staff using Copilot',
      projectId: 'prj-ai-02',
      unit: '%',
      direction: 'higher-is-better' as const,
      baseline: { value: 5, date: '2026-01-01' },
      target: { value: 60, date: '2027-06-30' },
    };
    const created = await api.createKpi(body, 'key-12345678');
    expect(created).toEqual({ value: expect.objectContaining({ id: 'kpi-1' }), version: 1 });
    const edited = await api.updateKpi('kpi-1', { unit: 'pct' }, 1);
    expect(edited).toEqual({ value: expect.objectContaining({ unit: 'pct' }), version: 2, syncQueued: true });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/kpis',
      headers: { 'idempotency-key': 'key-12345678' },
      body,
    });
    expect(seen[1]).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/kpis/kpi-1',
      headers: { 'if-match': '"1"' },
      body: { unit: 'pct' },
    });
  });

  it('refuses a body that does not match the schema', async () => {
    const { api } = clientWith(() => json(200, { person: { id: 'x' } }));
    await expect(api.me()).rejects.toMatchObject({ problem: { code: 'bad_response' } });
  });

  it('follows nextCursor until the list is complete', async () => {
    const { api, seen } = clientWith((s) =>
      s.url.includes('cursor=')
        ? json(200, {
            items: [{ project: project({ id: 'p2', code: 'TR-02' }), reporting: 'due', openRisks: 0 }],
          })
        : json(200, {
            items: [{ project: project(), reporting: 'up-to-date', openRisks: 1 }],
            nextCursor: 'o1',
          }),
    );
    const all = await api.projects({ pillar: 'SPT' });
    expect(all.map((o) => o.project.code)).toEqual(['AI-02', 'TR-02']);
    expect(seen.map((s) => s.url)).toEqual([
      '/api/v1/projects?pillar=SPT&limit=1000',
      '/api/v1/projects?pillar=SPT&limit=1000&cursor=o1',
    ]);
  });

  it('reports a network failure as status 0', async () => {
    const client = new ApiClient({
      language: () => 'en',
      authHeaders: () => Promise.resolve({}),
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(endpoints(client).summary()).rejects.toMatchObject({
      status: 0,
      problem: { code: 'network' },
    });
  });
});
