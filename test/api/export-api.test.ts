// GET /api/v1/exports/portfolio.xlsx on the demo portfolio: the workbook read back with exceljs has the
// four sheets, typed cells, a frozen header row, headers in the caller's language (Arabic right to
// left), the rows GET /api/v1/projects lists for the same filters; refusals are problem documents.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectOverview } from '../../bot/domain/portfolio.js';
import { XLSX_MEDIA_TYPE } from '../../bot/api/exports/portfolio-workbook.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const PATH = '/api/v1/exports/portfolio.xlsx';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function workbook(query = '', init: { as?: string; lang?: string } = {}) {
  const res = await t.call(`${PATH}${query}`, init);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="portfolio-2026-W48\.xlsx"$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

async function listed(query: string, as = 'p-viewer'): Promise<string[]> {
  const r = await t.json<{ items: ProjectOverview[] }>(
    `/api/v1/projects?limit=1000${query ? `&${query}` : ''}`,
    { as },
  );
  expect(r.status).toBe(200);
  return r.body.items.map((o) => o.project.code);
}

function column(ws: ExcelJS.Worksheet, header: string): ExcelJS.Cell[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const index = headers.indexOf(header) + 1;
  expect(index, `column ${header}`).toBeGreaterThan(0);
  const cells: ExcelJS.Cell[] = [];
  for (let r = 2; r <= ws.rowCount; r++) cells.push(ws.getRow(r).getCell(index));
  return cells;
}

describe('GET /api/v1/exports/portfolio.xlsx', () => {
  it('gives any reader the four sheets with typed cells and a frozen header row', async () => {
    const wb = await workbook('', { as: 'p-viewer', lang: 'en' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Projects', 'Risks', 'Milestones', 'KPIs']);
    const projects = wb.getWorksheet('Projects');
    if (!projects) throw new Error('no Projects sheet');
    expect((projects.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Code', 'Title', 'Kind', 'Pillar']);
    expect(projects.getRow(1).font?.bold).toBe(true);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.views[0]?.rightToLeft ?? false).toBe(false);
      expect(ws.rowCount, ws.name).toBeGreaterThan(1);
    }
    // Every project of the list, in its order.
    expect(column(projects, 'Code').map((c) => c.value)).toEqual(await listed(''));
    // Dates are dates, numbers are numbers, shares are percentages.
    const due = column(projects, 'Due').filter((c) => c.value !== null);
    expect(due.length).toBeGreaterThan(0);
    for (const c of due) expect(c.type).toBe(ExcelJS.ValueType.Date);
    expect(due[0]?.numFmt).toBe('yyyy-mm-dd');
    for (const c of column(projects, 'Open risks')) expect(c.type).toBe(ExcelJS.ValueType.Number);
    const budgets = column(projects, 'Budget (CHF)').filter((c) => c.value !== null);
    expect(budgets.length).toBeGreaterThan(0);
    for (const c of budgets) expect(c.type).toBe(ExcelJS.ValueType.Number);
    const percent = column(projects, '% complete').filter((c) => c.value !== null);
    expect(percent.length).toBeGreaterThan(0);
    for (const c of percent) {
      expect(c.type).toBe(ExcelJS.ValueType.Number);
      expect(c.value as number).toBeLessThanOrEqual(1);
    }
    const ai02 = projects.getRow(column(projects, 'Code').findIndex((c) => c.value === 'AI-02') + 2);
    expect(ai02.getCell(3).value).toBe('Accelerated Initiative');

    const risks = wb.getWorksheet('Risks');
    if (!risks) throw new Error('no Risks sheet');
    for (const c of column(risks, 'Score')) expect(c.type).toBe(ExcelJS.ValueType.Number);
    for (const c of column(risks, 'Raised on')) expect(c.type).toBe(ExcelJS.ValueType.Date);
    const milestones = wb.getWorksheet('Milestones');
    if (!milestones) throw new Error('no Milestones sheet');
    for (const c of column(milestones, 'Due')) expect(c.type).toBe(ExcelJS.ValueType.Date);
    const kpis = wb.getWorksheet('KPIs');
    if (!kpis) throw new Error('no KPIs sheet');
    for (const c of column(kpis, 'Target')) expect(c.type).toBe(ExcelJS.ValueType.Number);
    for (const c of column(kpis, 'Target date')) expect(c.type).toBe(ExcelJS.ValueType.Date);
  });

  it('speaks the caller language: Arabic headers, sheets right to left', async () => {
    const wb = await workbook('', { as: 'p-owner', lang: 'ar' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['المشاريع', 'المخاطر', 'المعالم', 'مؤشرات الأداء']);
    const projects = wb.worksheets[0];
    expect(projects?.getRow(1).getCell(2).value).toBe('العنوان');
    for (const ws of wb.worksheets)
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft: true });
    const fr = await workbook('', { as: 'p-owner', lang: 'fr' });
    expect(fr.worksheets.map((w) => w.name)).toEqual(['Projets', 'Risques', 'Jalons', 'Indicateurs']);
  });

  it('honours the filters of GET /api/v1/projects, in every sheet', async () => {
    for (const query of ['pillar=SPT', 'kind=change-case', 'q=website', 'owner=me']) {
      const wb = await workbook(`?${query}`, { as: 'p-owner', lang: 'en' });
      const codes = await listed(query, 'p-owner');
      expect(codes.length, query).toBeGreaterThan(0);
      const projects = wb.getWorksheet('Projects');
      if (!projects) throw new Error('no Projects sheet');
      expect(
        column(projects, 'Code').map((c) => c.value),
        query,
      ).toEqual(codes);
      for (const name of ['Risks', 'Milestones']) {
        const ws = wb.getWorksheet(name);
        if (!ws) throw new Error(`no ${name} sheet`);
        const shown = new Set(column(ws, 'Project').map((c) => c.value));
        // Narrower than a pillar: only the selected projects' items; pillar-only: the portfolio-wide ones too.
        for (const code of shown)
          if (code !== 'Whole portfolio' || query !== 'pillar=SPT')
            expect(codes, `${query} ${name}`).toContain(code);
      }
    }
    const all = await workbook('', { as: 'p-viewer', lang: 'en' });
    const spt = await workbook('?pillar=SPT', { as: 'p-viewer', lang: 'en' });
    expect(spt.getWorksheet('Projects')?.rowCount).toBeLessThan(all.getWorksheet('Projects')?.rowCount ?? 0);
    expect(spt.getWorksheet('Milestones')?.rowCount).toBeLessThan(
      all.getWorksheet('Milestones')?.rowCount ?? 0,
    );
  });

  it('refuses an invalid filter and an inactive person like the other routes', async () => {
    const bad = await t.json<{ code: string }>(`${PATH}?pillar=NOPE`, { as: 'p-viewer' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    const viewer = await t.json<{ version: number }>('/api/v1/roster/p-viewer', { as: 'p-cto' });
    const off = await t.json('/api/v1/roster/p-viewer', {
      as: 'p-cto',
      method: 'PATCH',
      json: { active: false },
      headers: { 'if-match': `"${viewer.body.version}"` },
    });
    expect(off.status).toBe(200);
    const refused = await t.call(PATH, { as: 'p-viewer' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('content-disposition')).toBeNull();
  });

  it('is declared in the OpenAPI document as a workbook download', async () => {
    const doc = await t.json<{
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    }>('/api/v1/openapi.json');
    const op = doc.body.paths['/api/v1/exports/portfolio.xlsx']?.get;
    expect(Object.keys(op?.responses['200']?.content ?? {})).toEqual([XLSX_MEDIA_TYPE]);
    expect(op?.responses['403']).toBeDefined();
  });
});
