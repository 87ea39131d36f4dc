// The emulator itself: it follows the documented behaviour the store relies on, and fails loudly on
// anything else. Driven with plain fetch so that the gateway's own behaviour does not hide its flaws.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator } from './graph-emulator.js';

const SITE =
  'contoso.sharepoint.com,aaaaaaaa-0000-0000-0000-000000000001,bbbbbbbb-0000-0000-0000-000000000002';
const TOKEN = 'emulator-self-test-token';

describe('Graph emulator', () => {
  let emulator: GraphEmulator;
  let listId: string;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(path.startsWith('http') ? path : `${emulator.graphBaseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  };
  const items = `/sites/${SITE}/lists/Things/items`;

  beforeAll(async () => {
    emulator = await GraphEmulator.start({ siteId: SITE, defaultPageSize: 2, maxPageSize: 3 });
    emulator.entra.accept(TOKEN);
    const created = await call('POST', `/sites/${SITE}/lists`, {
      displayName: 'Things',
      columns: [
        { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Colour', text: {} },
        { name: 'Size', number: {} },
      ],
      list: { template: 'genericList' },
    });
    expect(created.status).toBe(201);
    listId = String(created.body?.id);
    for (const [key, colour, size] of [
      ['a', 'red', 1],
      ['b', 'blue', 2],
      ['c', 'red', 3],
      ['d', 'green', 4],
      ['e', 'red', 5],
    ] as const) {
      expect(
        (await call('POST', items, { fields: { Title: key, Key: key, Colour: colour, Size: size } })).status,
      ).toBe(201);
    }
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => {
    emulator.unexpected.length = 0;
    emulator.faults.clear();
  });

  it('refuses requests without a token it issued', async () => {
    const response = await fetch(`${emulator.graphBaseUrl}/sites/${SITE}`);
    expect(response.status).toBe(401);
  });

  it('pages with $top and @odata.nextLink, clamping $top to its maximum', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${items}?expand=fields(select=Key)&$top=50`;
    let pages = 0;
    while (next) {
      const page = await call('GET', next);
      const value = page.body?.value as Array<{ fields: { Key: string; Colour?: string } }>;
      expect(value.length).toBeLessThanOrEqual(3);
      expect(value.every((v) => v.fields.Colour === undefined)).toBe(true);
      seen.push(...value.map((v) => v.fields.Key));
      next = page.body?.['@odata.nextLink'] as string | undefined;
      pages++;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pages).toBe(2);
  });

  it('filters on indexed columns, and refuses non-indexed ones unless the Prefer header is sent', async () => {
    const byKey = await call(
      'GET',
      `${items}?$expand=fields&$filter=${encodeURIComponent("fields/Key eq 'c'")}`,
    );
    expect((byKey.body?.value as unknown[]).length).toBe(1);
    const refused = await call(
      'GET',
      `${items}?$expand=fields&$filter=${encodeURIComponent("fields/Colour eq 'red'")}`,
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(
      'cannot be referenced in filter or orderby as it is not indexed',
    );
    const honoured = await call(
      'GET',
      `${items}?$expand=fields&$top=3&$filter=${encodeURIComponent("fields/Colour eq 'red'")}`,
      undefined,
      {
        Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
      },
    );
    expect((honoured.body?.value as unknown[]).length).toBe(3);
  });

  it('gives ETags, refuses a stale If-Match with 412 and changes nothing', async () => {
    const item = await call('GET', `${items}/1?expand=fields`);
    const eTag = String(item.body?.eTag);
    expect(eTag).toMatch(/^"\{[0-9A-F-]+\},1"$/);
    const ok = await call('PATCH', `${items}/1/fields`, { Colour: 'pink' }, { 'If-Match': eTag });
    expect(ok.status).toBe(200);
    expect(ok.body?.['@odata.etag']).not.toBe(eTag);
    const stale = await call('PATCH', `${items}/1/fields`, { Colour: 'black' }, { 'If-Match': eTag });
    expect(stale.status).toBe(412);
    expect(((await call('GET', `${items}/1?expand=fields`)).body?.fields as { Colour: string }).Colour).toBe(
      'pink',
    );
  });

  it('refuses a duplicate value in a unique column (409) and an unknown field (400)', async () => {
    expect((await call('POST', items, { fields: { Key: 'a' } })).status).toBe(409);
    expect((await call('POST', items, { fields: { Nope: 1 } })).status).toBe(400);
  });

  it('answers a batch with one response per request, by id, and refuses more than 20', async () => {
    const requests = [
      { id: '1', method: 'GET', url: `/sites/${SITE}/lists/${listId}/items/2` },
      { id: '2', method: 'GET', url: `/sites/${SITE}/lists/${listId}/items/999` },
      {
        id: '3',
        method: 'POST',
        url: `/sites/${SITE}/lists/${listId}/items`,
        body: { fields: { Key: 'f' } },
        headers: { 'Content-Type': 'application/json' },
      },
      { id: '4', method: 'GET', url: `/sites/${SITE}/lists/${listId}/items/999`, dependsOn: ['2'] },
    ];
    const batch = await call('POST', '/$batch', { requests });
    const responses = batch.body?.responses as Array<{ id: string; status: number }>;
    expect(Object.fromEntries(responses.map((r) => [r.id, r.status]))).toEqual({
      '1': 200,
      '2': 404,
      '3': 201,
      '4': 424,
    });
    expect(responses.map((r) => r.id)).not.toEqual(['1', '2', '3', '4']);
    const tooMany = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: `/sites/${SITE}`,
    }));
    expect((await call('POST', '/$batch', { requests: tooMany })).status).toBe(400);
  });

  it('delta: enumerates, then returns only changes and deletions; token=latest returns none; expired tokens get 410', async () => {
    let page = await call('GET', `/sites/${SITE}/lists/${listId}/items/delta?$expand=fields&$top=3`);
    let deltaLink: string | undefined;
    let count = 0;
    for (;;) {
      count += (page.body?.value as unknown[]).length;
      if (typeof page.body?.['@odata.nextLink'] === 'string')
        page = await call('GET', page.body['@odata.nextLink']);
      else {
        deltaLink = String(page.body?.['@odata.deltaLink']);
        break;
      }
    }
    expect(count).toBe(emulator.model.list(SITE, 'Things').items.size);
    const quiet = await call('GET', deltaLink);
    expect(quiet.body?.value).toEqual([]);
    await call('PATCH', `${items}/2/fields`, { Colour: 'teal' });
    expect((await call('DELETE', `${items}/3`)).status).toBe(204);
    const changes = await call('GET', String(quiet.body?.['@odata.deltaLink']));
    const value = changes.body?.value as Array<{
      id: string;
      deleted?: unknown;
      fields?: { Colour: string };
    }>;
    expect(value.map((v) => [v.id, v.deleted ? 'deleted' : v.fields?.Colour])).toEqual([
      ['2', 'teal'],
      ['3', 'deleted'],
    ]);
    const latest = await call('GET', `/sites/${SITE}/lists/${listId}/items/delta?token=latest`);
    expect(latest.body?.value).toEqual([]);
    emulator.expireDeltaTokens();
    const gone = await call('GET', String(latest.body?.['@odata.deltaLink']));
    expect(gone.status).toBe(410);
    expect(gone.headers.get('location')).toContain('/items/delta?');
  });

  it('injects faults: status with and without Retry-After, and inside batches', async () => {
    emulator.faults.inject({ type: 'status', status: 429, retryAfterSeconds: 3 }, { ops: ['site.get'] });
    emulator.faults.inject({ type: 'status', status: 503 }, { ops: ['site.get'] });
    const first = await call('GET', `/sites/${SITE}`);
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
    const second = await call('GET', `/sites/${SITE}`);
    expect([second.status, second.headers.get('retry-after')]).toEqual([503, null]);
    expect((await call('GET', `/sites/${SITE}`)).status).toBe(200);
    emulator.faults.inject({ type: 'status', status: 429, retryAfterSeconds: 1 }, { ops: ['site.get'] });
    const batch = await call('POST', '/$batch', {
      requests: [{ id: 'x', method: 'GET', url: `/sites/${SITE}` }],
    });
    expect(batch.body?.responses).toEqual([
      expect.objectContaining({ id: 'x', status: 429, headers: { 'Retry-After': '1' } }),
    ]);
  });

  it('fails loudly: 501 with the request line, recorded, for anything it does not understand', async () => {
    const orderby = await call('GET', `${items}?$orderby=fields/Key`);
    expect(orderby.status).toBe(501);
    expect(JSON.stringify(orderby.body)).toContain('$orderby');
    expect((await call('GET', `/me/drive`)).status).toBe(501);
    expect((await call('PUT', `${items}/1`, {})).status).toBe(501);
    const weird = await call('GET', `${items}?$filter=${encodeURIComponent("substringof('a', fields/Key)")}`);
    expect(weird.status).toBe(501);
    expect(emulator.unexpected).toHaveLength(4);
    expect(emulator.unexpected[0]).toContain('GET /v1.0/sites/');
  });
});
