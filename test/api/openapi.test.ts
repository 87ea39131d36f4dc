// The OpenAPI document is generated from the route specs: every route is documented, every $ref
// resolves, operation ids are unique.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../bot/api/api.js';
import { DevAuthenticator } from '../../bot/api/auth/dev-authenticator.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: Array<{ name: string; in: string }>; requestBody?: unknown }>>; components: { schemas: Record<string, unknown> } };

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await startTestApp({ demo: false });
  doc = (await t.json<Doc>('/api/v1/openapi.json')).body;
});
afterAll(async () => {
  await t.close();
});

describe('/api/v1/openapi.json', () => {
  it('is OpenAPI 3.1 and documents every route the server registers', () => {
    expect(doc.openapi).toBe('3.1.0');
    const routes = apiRoutes({ authenticator: new DevAuthenticator() });
    for (const r of routes) {
      const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const method = r.method === 'del' ? 'delete' : r.method;
      expect(doc.paths[path]?.[method]?.operationId, `${method} ${path}`).toBe(r.operationId);
    }
  });

  it('has unique operation ids and path parameters for every {param}', () => {
    const ids: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) {
        ids.push(op.operationId);
        for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
          expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path' }));
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref to a component schema', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it('describes request bodies from the validating schemas (enums included)', () => {
    const submit = doc.components.schemas.StatusUpdateSubmit as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(submit.properties.health?.enum).toEqual(['green', 'amber', 'red']);
    expect(submit.required).toEqual(expect.arrayContaining(['health', 'percentComplete', 'summary']));
  });
});
