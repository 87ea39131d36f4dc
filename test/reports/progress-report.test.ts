// The Council progress report read back as a document: sections in the order of the Council reports,
// figures that match the portfolio they were drawn from, fixed texts in the reader's language, Arabic
// right to left (w:bidi paragraphs, w:bidiVisual tables, w:rtl runs), Chinese with a CJK font, one
// chart image per KPI, and a past period that reads as it stood then.
import { beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/domain/locale.js';
import { pillarName, PILLARS } from '../../bot/domain/pillar.js';
import { composeProgressReport, type ProgressReport } from '../../bot/domain/progress-report.js';
import { expectsReporting } from '../../bot/domain/project.js';
import { parseReportPeriod } from '../../bot/domain/report-period.js';
import { t } from '../../bot/i18n/translate.js';
import { pillarDraft } from '../../bot/reports/pillar-draft.js';
import { renderProgressReportDocx } from '../../bot/reports/progress-docx.js';
import { buildDemoPortfolio } from '../../bot/seed/demo-portfolio.js';
import { readDocx, type ReadBack } from './docx-reader.js';

const TZ = 'Europe/Zurich';
const NOW = new Date('2026-12-03T10:00:00Z'); // Thursday of 2026-W49
const seed = buildDemoPortfolio({ now: NOW, timeZone: TZ });

function compose(period: string, extractedAt = NOW): ProgressReport {
  return composeProgressReport({
    period: parseReportPeriod(period),
    extractedAt,
    timeZone: TZ,
    projects: seed.projects,
    updates: seed.statusUpdates,
    risks: seed.risks,
    milestones: seed.milestones,
    kpis: seed.kpis,
    measurements: seed.measurements,
    people: seed.people,
    audit: [],
  });
}

const SECTIONS = [
  'report.h.summary',
  'report.h.pillars',
  'report.h.initiatives',
  'report.h.milestones',
  'report.h.risks',
  'report.h.kpis',
  'report.h.changemakers',
  'report.h.next_steps',
] as const;

const report = compose('2026-Q4');
const docs = new Map<Locale, ReadBack>();
beforeAll(async () => {
  for (const locale of SUPPORTED_LOCALES)
    docs.set(locale, await readDocx(await renderProgressReportDocx(report, locale)));
});
const doc = (l: Locale) => docs.get(l) as ReadBack;

describe('the Council progress report document', () => {
  it('has the sections of the Council reports, in order, as Word headings, with a table of contents', () => {
    const en = doc('en');
    expect(en.h1).toEqual(SECTIONS.map((k, i) => `${i + 1}. ${t('en', k)}`));
    // Word headings (navigation pane) and a TOC field built from them.
    expect(en.xml).toContain('w:val="Heading1"');
    expect(en.xml).toContain('w:val="Heading2"');
    expect(en.xml).toMatch(/TOC \\h \\o &quot;1-1&quot;/);
    // One subsection per pillar and per Accelerated Initiative.
    for (const p of PILLARS) expect(en.h2.some((h) => h.endsWith(pillarName(p.code, 'en')))).toBe(true);
    const initiatives = seed.projects.filter((p) => p.kind === 'accelerated-initiative');
    expect(initiatives).toHaveLength(6);
    for (const p of initiatives)
      expect(en.h2).toContain(`${'abcdef'[initiatives.indexOf(p)]}) ${p.title} (${p.code})`);
  });

  it('puts the period and the extraction date on the title page', () => {
    const text = doc('en').text;
    const head = text.slice(0, text.indexOf(t('en', 'report.toc')));
    expect(head).toContain(t('en', 'report.title'));
    expect(head).toContain('Quarter 2026-Q4: weeks 2026-W40 to 2026-W53 (Sep 28, 2026 to Jan 3, 2027)');
    expect(head).toContain('Data extracted from the Transformation Hub on December 3, 2026');
  });

  it('shows the pillar health table with the figures of the portfolio', () => {
    const [header, ...rows] = doc('en').tables[0] ?? [];
    expect(header).toEqual(
      ['pillar', 'projects', 'green', 'amber', 'red', 'none', 'improved', 'worsened', 'open_risks'].map((c) =>
        t('en', `report.col.${c}` as 'report.col.pillar'),
      ),
    );
    // Independently from the seed: projects per pillar, latest health of the reporting ones, open risks.
    const latest = new Map<string, string>();
    for (const u of [...seed.statusUpdates].sort((a, b) => a.period.localeCompare(b.period)))
      latest.set(u.projectId, u.health);
    for (const pillar of PILLARS) {
      const projects = seed.projects.filter((p) => p.pillar === pillar.code);
      const reporting = projects.filter(expectsReporting);
      const count = (h: string) => reporting.filter((p) => latest.get(p.id) === h).length;
      const ids = new Set(projects.map((p) => p.id));
      const openRisks = seed.risks.filter(
        (r) => r.projectId && ids.has(r.projectId) && r.status !== 'closed' && r.status !== 'proposed',
      ).length;
      const row = rows.find((r) => r[0] === pillarName(pillar.code, 'en'));
      expect(row).toEqual([
        pillarName(pillar.code, 'en'),
        String(projects.length),
        String(count('green')),
        String(count('amber')),
        String(count('red')),
        String(reporting.filter((p) => !latest.has(p.id)).length),
        expect.any(String),
        expect.any(String),
        String(openRisks),
      ]);
    }
    expect(rows.at(-1)?.[0]).toBe('Total');
    expect(rows.at(-1)?.[1]).toBe(String(seed.projects.length));
  });

  it('lists the highest open risks, highest score first, and every escalation', () => {
    const open = seed.risks
      .filter((r) => r.status !== 'closed' && r.status !== 'proposed')
      .sort((a, b) => b.score - a.score || b.raisedAt.localeCompare(a.raisedAt));
    const top = doc('en').tables.find((tb) => tb[0]?.[0] === 'Risk' && tb[0]?.[4] === 'Mitigation');
    expect(top?.slice(1).map((r) => r[0])).toEqual(open.slice(0, 10).map((r) => r.title));
    expect(report.risks.escalatedCount).toBe(open.filter((r) => r.status === 'escalated').length);
    expect(report.risks.escalatedCount).toBeGreaterThan(0);
  });

  it('shows each KPI with baseline, target and latest value, and a chart image', () => {
    const en = doc('en');
    expect(report.kpis.shown.length).toBe(seed.kpis.length);
    const images = en.files.filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(images).toHaveLength(report.kpis.shown.length);
    expect((en.html.match(/<img /g) ?? []).length).toBe(report.kpis.shown.length);
    const kpi = seed.kpis[0];
    if (!kpi) throw new Error('demo has KPIs');
    const last = seed.measurements
      .filter((m) => m.kpiId === kpi.id)
      .sort((a, b) => a.date.localeCompare(b.date))
      .at(-1);
    const shown = report.kpis.shown.find((k) => k.id === kpi.id);
    expect(shown?.baseline.value).toBe(kpi.baseline.value);
    expect(shown?.target.value).toBe(kpi.target.value);
    expect(shown?.latest?.value).toBe(last?.value);
    expect(en.xml).toContain(`descr="${kpi.title}: baseline`);
  });

  it('writes every fixed text in the reader language', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const d = doc(locale);
      expect(d.h1).toEqual(SECTIONS.map((k, i) => `${i + 1}. ${t(locale, k)}`));
      expect(d.text).toContain(t(locale, 'report.title'));
      expect(d.tables[0]?.[0]?.[0]).toBe(t(locale, 'report.col.pillar'));
      if (locale !== 'en') expect(d.h1).not.toEqual(doc('en').h1);
    }
    expect(doc('fr').h1[1]).toBe('2. Avancement par pilier');
    expect(doc('zh').h1[0]).toBe('1. 摘要');
  });

  it('lays Arabic out right to left: bidirectional paragraphs and tables, right-to-left runs', () => {
    const ar = doc('ar').xml;
    expect((ar.match(/<w:bidi\/>/g) ?? []).length).toBeGreaterThan(100);
    expect((ar.match(/<w:bidiVisual\/>/g) ?? []).length).toBe((ar.match(/<w:tbl>/g) ?? []).length);
    expect(ar).toContain('<w:rtl/>');
    // Latin text inside Arabic is embedded left to right, so its full stop stays on its right.
    const aiHub = seed.projects.find((p) => p.code === 'AI-02');
    const firstAchievement = seed.statusUpdates
      .filter((u) => u.projectId === aiHub?.id && u.achievements)
      .map((u) => u.achievements.trim().split('\n')[0])[0];
    expect(ar).toMatch(/<w:t xml:space="preserve">\u202A[A-Z][^\u202C<]*\.\u202C<\/w:t>/);
    // Project titles are the reader's: the Arabic title where the project has one.
    expect(aiHub?.titles?.ar).toBeDefined();
    expect(ar).toContain(`AI-02 ${aiHub?.titles?.ar}`);
    expect(firstAchievement).toBeDefined();
    expect(ar).not.toMatch(/[\u200F\u061C]/);
    for (const locale of ['en', 'fr', 'zh'] as const) {
      expect(doc(locale).xml).not.toContain('<w:bidi/>');
      expect(doc(locale).xml).not.toContain('<w:bidiVisual/>');
    }
  });

  it('sets a CJK font and the Chinese language for Chinese', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const bytes = await renderProgressReportDocx(report, 'zh');
    const styles = strFromU8(unzipSync(new Uint8Array(bytes))['word/styles.xml'] ?? new Uint8Array());
    expect(styles).toMatch(/w:eastAsia="Microsoft YaHei"/);
    expect(styles).toMatch(/w:lang [^>]*w:val="zh-CN"/);
  });

  it("uses the reader's project title where one exists", async () => {
    const titled = composeProgressReport({
      period: parseReportPeriod('2026-Q4'),
      extractedAt: NOW,
      timeZone: TZ,
      projects: seed.projects.map((p) =>
        p.code === 'AI-01' ? { ...p, titles: { fr: 'Gestion de la performance (ePMDS)' } } : p,
      ),
      updates: seed.statusUpdates,
      risks: [],
      milestones: [],
      kpis: [],
      measurements: [],
      people: seed.people,
      audit: [],
    });
    const fr = await readDocx(await renderProgressReportDocx(titled, 'fr'));
    expect(fr.h2).toContain('a) Gestion de la performance (ePMDS) (AI-01)');
    const en = await readDocx(await renderProgressReportDocx(titled, 'en'));
    expect(en.h2).toContain('a) Performance management (ePMDS) (AI-01)');
  });
});

describe('the report model', () => {
  it('counts milestones achieved and missed within the period only', () => {
    const r = compose('2026-W48');
    const from = '2026-11-23';
    const to = '2026-11-29';
    const achieved = seed.milestones.filter(
      (m) => m.status === 'done' && m.completedOn && m.completedOn >= from && m.completedOn <= to,
    );
    expect(r.milestones.achievedCount).toBe(achieved.length);
    for (const m of r.milestones.missed) expect(m.dueDate >= from && m.dueDate <= to).toBe(true);
  });

  it('a past week reads as it stood at its end: later updates, risks and measurements are left out', () => {
    const w46 = compose('2026-W46');
    expect(w46.asOf.lastDay).toBe('2026-11-15');
    for (const p of [...w46.initiatives])
      expect(p.lastReported === null || p.lastReported <= '2026-W46').toBe(true);
    const raisedLater = seed.risks.filter((r) => r.raisedAt >= w46.asOf.at).map((r) => r.id);
    expect(raisedLater.length).toBeGreaterThan(0);
    for (const r of [...w46.risks.top, ...w46.risks.escalations]) expect(raisedLater).not.toContain(r.id);
    for (const k of w46.kpis.shown) for (const p of k.series) expect(p.date <= '2026-11-15').toBe(true);
  });

  it('drafts one pillar section as text in the reader language', () => {
    const draft = pillarDraft(report, 'SPT', 'es');
    expect(draft.title).toBe(`${pillarName('SPT', 'es')}: progresos en ${draft.period}`);
    expect(draft.text).toContain(t('es', 'report.h.what_moved'));
    expect(draft.text).toContain('AI-02');
    expect(draft.text).not.toContain('AI-01'); // People and culture
  });
});
