// Item 8 of issue 12: input that slipped through. Lone surrogates and noncharacters are refused, not
// stored; invalid UTF-8 is refused (400), not silently replaced; KPI numbers outside a sane range are
// refused; POST /api/v1/me/away takes only its documented object; an Idempotency-Key reused with a
// different body is 422 idempotency_key_reused, while a true replay still returns the first result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { raw } from './probe.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; code: string; message: string }>;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const risk = (title: string, extra: Record<string, unknown> = {}) => ({
  projectId: 'TR-07',
  title,
  likelihood: 2,
  impact: 3,
  ...extra,
});

async function riskTitles(): Promise<string[]> {
  const r = await t.json<{ items: Array<{ title: string; description: string }> }>(
    '/api/v1/risks?projectId=TR-07&limit=1000',
  );
  return r.body.items.flatMap((x) => [x.title, x.description]);
}

describe('text no store should keep', () => {
  it.each([
    ['a lone high surrogate in a title', { title: 'Budget \ud800 gap' }, 'title'],
    ['a lone low surrogate in a title', { title: 'Budget \udc00 gap' }, 'title'],
    ['U+FFFF in a description', { title: 'Budget gap', description: 'Note \uffff end' }, 'description'],
    ['U+FFFE in a title', { title: 'Budget \ufffe gap' }, 'title'],
    ['a supplementary noncharacter (U+10FFFF)', { title: 'Budget \udbff\udfff gap' }, 'title'],
  ])('%s: 400 invalid_characters, nothing stored', async (_label, fields, field) => {
    const r = await t.json<Problem>('/api/v1/risks', {
      as: 'p-owner',
      method: 'POST',
      json: risk('x', fields),
      lang: 'es',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect(r.body.errors).toEqual([
      expect.objectContaining({
        path: field,
        code: 'invalid_characters',
        message: expect.stringMatching(/caracteres/),
      }),
    ]);
    expect((await riskTitles()).some((s) => s.includes('Budget'))).toBe(false);
  });

  it('well-formed text outside the BMP (emoji, CJK extension B) is kept', async () => {
    const title = 'Budget 😀 𠀀 gap';
    const r = await t.json<{ title: string }>('/api/v1/risks', {
      as: 'p-owner',
      method: 'POST',
      json: risk(title),
    });
    expect(r.status).toBe(201);
    expect(r.body.title).toBe(title);
  });

  it('invalid UTF-8 is refused with 400 invalid_encoding, not replaced', async () => {
    const body = Buffer.concat([
      Buffer.from('{"projectId":"TR-07","likelihood":1,"impact":1,"title":"'),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from('title"}'),
    ]);
    const r = await raw(t.baseUrl, '/api/v1/risks', {
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'x-dev-user': 'p-owner',
      },
      chunks: [body],
    });
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ code: 'invalid_encoding' });
    expect((await riskTitles()).some((s) => s.includes('\ufffd'))).toBe(false);
  });
});

describe('KPI numbers', () => {
  let kpiId: string;
  beforeAll(async () => {
    const r = await t.json<{ items: Array<{ kpi: { id: string } }> }>('/api/v1/kpis?limit=1');
    kpiId = r.body.items[0]!.kpi.id;
  });

  it.each([
    ['1e308', '1e308'],
    ['-1e308', '-1e308'],
    ['1e-320 (subnormal)', '1e-320'],
    ['9007199254740993 (2^53 + 1, stored rounded)', '9007199254740993'],
    ['1e13', '1e13'],
  ])('a measurement of %s is refused (400)', async (_label, literal) => {
    const body = `{"date":"2026-11-20","value":${literal}}`;
    const r = await raw(t.baseUrl, `/api/v1/kpis/${kpiId}/measurements`, {
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'x-dev-user': 'p-cto',
      },
      chunks: [body],
    });
    expect(r.status).toBe(400);
    expect(r.json<Problem>().errors?.map((e) => e.path)).toEqual(['value']);
  });

  it.each([0, 42.5, -3, 1e9, 0.000001])('a measurement of %s is accepted', async (value) => {
    const r = await t.call(`/api/v1/kpis/${kpiId}/measurements`, {
      as: 'p-cto',
      method: 'POST',
      json: { date: '2026-11-20', value },
    });
    expect(r.status).toBe(201);
  });

  it('a KPI target of 1e308 is refused', async () => {
    const r = await t.json<Problem>('/api/v1/kpis', {
      as: 'p-cto',
      method: 'POST',
      json: {
        title: 'Absurd KPI',
        pillar: 'SPT',
        unit: '%',
        direction: 'higher-is-better',
        baseline: { value: 0, date: '2026-01-01' },
        target: { value: 1e308, date: '2026-12-31' },
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.path)).toEqual(['target.value']);
  });
});

describe('POST /api/v1/me/away', () => {
  it.each([
    ['an array', '[]'],
    ['a string', '"2026-W49"'],
    ['a number', '42'],
    ['null', 'null'],
    ['an unknown field', '{"period":"2026-W49","extra":1}'],
    ['a numeric period', '{"period":49}'],
  ])('refuses %s with 400', async (_label, body) => {
    const r = await raw(t.baseUrl, '/api/v1/me/away', {
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'x-dev-user': 'p-owner',
      },
      chunks: [body],
    });
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('accepts the documented object, and no body (this week)', async () => {
    expect(
      (await t.call('/api/v1/me/away', { as: 'p-owner', method: 'POST', json: { period: '2026-W49' } }))
        .status,
    ).toBe(200);
    expect((await t.call('/api/v1/me/away', { as: 'p-owner', method: 'POST' })).status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('a replay returns the first result; the same key with a different body is 422 idempotency_key_reused', async () => {
    const headers = { 'idempotency-key': 'risk-key-0001' };
    const first = await t.json<{ id: string; title: string }>('/api/v1/risks', {
      as: 'p-owner',
      method: 'POST',
      json: risk('Vendor lock-in'),
      headers,
    });
    expect(first.status).toBe(201);
    const replay = await t.json<{ id: string }>('/api/v1/risks', {
      as: 'p-owner',
      method: 'POST',
      json: risk('Vendor lock-in'),
      headers,
    });
    expect([200, 201]).toContain(replay.status);
    expect(replay.body.id).toBe(first.body.id);
    const reused = await t.json<Problem>('/api/v1/risks', {
      as: 'p-owner',
      method: 'POST',
      json: risk('Something else entirely'),
      headers,
      lang: 'fr',
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(reused.body.detail).toMatch(/Idempotency-Key/);
    expect(await riskTitles()).not.toContain('Something else entirely');
  });

  it('the same key from another person is another request (its own risk)', async () => {
    const headers = { 'idempotency-key': 'risk-key-0001' };
    const other = await t.json<{ title: string }>('/api/v1/risks', {
      as: 'p-cto',
      method: 'POST',
      json: risk('CTO own risk'),
      headers,
    });
    expect(other.status).toBe(201);
    expect(other.body.title).toBe('CTO own risk');
  });
});
