// GET /api/v1/reports/progress and /pillar-draft over HTTP on the demo portfolio: the Word document
// as an attachment for the CTO, refusals (403, audited) for everyone else, problem documents for a
// bad period or language, the pillar draft for the Copilot action, and both in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '../../bot/api/routes/reports.js';
import type { AuditEvent } from '../../bot/domain/audit.js';
import { t } from '../../bot/i18n/translate.js';
import { collectAll } from '../../bot/ports/paging.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { readDocx } from '../reports/docx-reader.js';

type Problem = { code: string; errors?: Array<{ path: string; message: string }> };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/v1/reports/progress', () => {
  it('returns the Word document as an attachment, in the language asked for', async () => {
    const res = await app.call('/api/v1/reports/progress?period=2026-W47&locale=fr', { as: 'p-cto' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="council-progress-report-2026-W47-fr\.docx"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("''")[1] ?? '')).toBe(
      'rapport-avancement-conseil-2026-W47-fr.docx',
    );
    const doc = await readDocx(Buffer.from(await res.arrayBuffer()));
    expect(doc.h1[0]).toBe(`1. ${t('fr', 'report.h.summary')}`);
    expect(doc.text).toContain('Semaine 2026-W47');
  });

  it('follows the caller language and defaults to the last complete week', async () => {
    const res = await app.call('/api/v1/reports/progress', { as: 'p-cto', lang: 'ar' });
    expect(res.status).toBe(200);
    const doc = await readDocx(Buffer.from(await res.arrayBuffer()));
    expect(doc.text).toContain(t('ar', 'report.title'));
    expect(doc.text).toContain('2026-W47'); // TEST_NOW is in W48
    expect(doc.xml).toContain('<w:bidiVisual/>');
  });

  it('refuses anyone but the Transformation Office, and audits the refusal', async () => {
    for (const who of ['p-owner', 'p-changemaker', 'p-viewer']) {
      const r = await app.json<Problem>('/api/v1/reports/progress?period=2026-W47', { as: who });
      expect({ who, status: r.status, code: r.body.code }).toEqual({ who, status: 403, code: 'forbidden' });
    }
    const audit = await collectAll((page) => app.app.store.audit.list({ actorId: 'p-viewer', ...page }));
    expect(
      audit.some((e: AuditEvent) => e.action === 'forbidden' && e.reason?.startsWith('council-report')),
    ).toBe(true);
  });

  it.each([
    ['2026-W54', 'That week does not exist'],
    ['2026-Q5', 'Expected a week (2026-W48)'],
    ['2026-W48..2026-W40', 'must not be after the last'],
    ['2024-W01..2026-W01', 'at most 56 weeks'],
    ['last week', 'Expected a week (2026-W48)'],
  ])('answers a bad period %s with a problem naming it', async (period, message) => {
    const r = await app.json<Problem>(`/api/v1/reports/progress?period=${encodeURIComponent(period)}`, {
      as: 'p-cto',
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.code).toBe('validation_failed');
    expect(r.body.errors?.[0]?.path).toBe('period');
    expect(r.body.errors?.[0]?.message).toContain(message);
  });

  it('answers an unknown language with a problem naming it', async () => {
    const r = await app.json<Problem>('/api/v1/reports/progress?locale=de', { as: 'p-cto' });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.path).toBe('locale');
  });
});

describe('GET /api/v1/reports/progress/pillar-draft', () => {
  it("drafts one pillar's section as text in the reader's language", async () => {
    const r = await app.json<{ pillar: string; title: string; text: string }>(
      '/api/v1/reports/progress/pillar-draft?period=2026-Q4&pillar=SPT&locale=en',
      { as: 'p-cto' },
    );
    expect(r.status).toBe(200);
    expect(r.body.pillar).toBe('SPT');
    expect(r.body.title).toMatch(/^Systems, processes and tools: progress in Quarter 2026-Q4/);
    expect(r.body.text).toContain('What moved');
    expect(r.body.text).toContain('Next steps');
  });

  it('refuses a viewer and an unknown pillar', async () => {
    expect(
      (await app.json('/api/v1/reports/progress/pillar-draft?pillar=SPT', { as: 'p-viewer' })).status,
    ).toBe(403);
    const bad = await app.json<Problem>('/api/v1/reports/progress/pillar-draft?pillar=XYZ', { as: 'p-cto' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('pillar');
  });
});

describe('the OpenAPI document', () => {
  it('describes the report as a Word file and the draft as JSON', async () => {
    const { body } = await app.json<{ paths: Record<string, { get: Record<string, unknown> }> }>(
      '/api/v1/openapi.json',
    );
    const report = body.paths['/api/v1/reports/progress']?.get as {
      operationId: string;
      responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
      parameters: Array<{ name: string }>;
    };
    expect(report.operationId).toBe('getProgressReport');
    expect(Object.keys(report.responses['200']?.content ?? {})).toEqual([DOCX_MEDIA_TYPE]);
    expect(report.responses['200']?.headers).toHaveProperty('Content-Disposition');
    expect(report.responses).toHaveProperty('400');
    expect(report.responses).toHaveProperty('403');
    expect(report.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['period', 'locale']));
    expect(body.paths['/api/v1/reports/progress/pillar-draft']?.get.operationId).toBe('draftPillarReport');
  });
});
