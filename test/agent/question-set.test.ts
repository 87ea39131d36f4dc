// The questions a CTO, a project owner and a ChangeMaker ask the Transformation assistant, in several
// languages, each with the plugin call (the function and parameters of manifest/template/ai-plugin.json)
// that answers it and the facts the answer must contain, checked by calling the API over HTTP as
// Copilot does against the seeded demo portfolio. Facts are read back from the store where they can
// be, so a row fails when the answer leaves something out. Every conversation starter and sample
// prompt of the manifest is a row, and so is every failure of the old single-function plugin
// (issue 18).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindProjectsResponse } from '../../bot/api/routes/agent/find-projects.js';
import type { FindRisksResponse } from '../../bot/api/routes/agent/find-risks.js';
import type { LateReportersResponse } from '../../bot/api/routes/agent/late-reporters.js';
import type { PortfolioBriefResponse } from '../../bot/api/routes/agent/portfolio-brief.js';
import type { ProjectBriefResponse } from '../../bot/api/routes/agent/project-brief.js';
import type { SearchResponse } from '../../bot/api/routes/search.js';
import type { Project } from '../../bot/domain/project.js';
import { expectsReporting } from '../../bot/domain/project.js';
import type { Risk } from '../../bot/domain/risk.js';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import { collectAll } from '../../bot/ports/paging.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Loopback: the development identity is refused with a public URL.
const PUBLIC_URL = 'http://localhost:3978';
const TEMPLATE = path.resolve(import.meta.dirname, '..', '..', 'manifest', 'template');
const PERIOD = '2026-W48';

type Fn =
  | 'searchPortfolio'
  | 'findProjects'
  | 'findRisks'
  | 'listLateReporters'
  | 'getProjectBrief'
  | 'getPortfolioBrief';

/** The HTTP request Copilot makes for a function call (paths of apiSpecificationFile/openapi.json). */
function requestFor(fn: Fn, params: Record<string, string>): string {
  const { code, ...rest } = params;
  const qs = new URLSearchParams(rest).toString();
  const base: Record<Fn, string> = {
    searchPortfolio: '/api/v1/search',
    findProjects: '/api/v1/agent/projects',
    findRisks: '/api/v1/agent/risks',
    listLateReporters: '/api/v1/agent/late-reporters',
    getProjectBrief: `/api/v1/agent/projects/${encodeURIComponent(code ?? '')}/brief`,
    getPortfolioBrief: '/api/v1/agent/portfolio',
  };
  return qs ? `${base[fn]}?${qs}` : base[fn];
}

interface Facts {
  projects: Project[];
  byCode: Map<string, Project>;
  risks: Risk[];
  latest: Map<string, StatusUpdate>;
  reportedThisWeek: Set<string>;
  healthOf: (code: string) => string | undefined;
}

interface Row {
  who: 'p-cto' | 'p-owner' | 'p-changemaker' | 'p-viewer';
  lang: 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';
  question: string;
  fn: Fn;
  params: Record<string, string>;
  /** The facts the answer must contain. */
  check: (body: never, facts: Facts) => void;
}

const projectCodes = (b: FindProjectsResponse) => b.results.map((r) => r.code);
const searchCodes = (b: SearchResponse) => b.results.filter((r) => r.kind === 'project').map((r) => r.code);
const riskScores = (b: { results: Array<{ score?: number }> }) => b.results.map((r) => r.score ?? 0);
const descending = (xs: number[]) => expect(xs).toEqual([...xs].sort((a, b) => b - a));

function codesWhere(f: Facts, keep: (p: Project) => boolean): string[] {
  return f.projects
    .filter(keep)
    .map((p) => p.code)
    .sort();
}

function lateCodes(f: Facts, keep: (p: Project) => boolean = () => true): string[] {
  return codesWhere(
    f,
    (p) =>
      keep(p) &&
      expectsReporting(p) &&
      !f.reportedThisWeek.has(p.id) &&
      (!p.startDate || p.startDate <= '2026-11-29'),
  );
}

const TR07_TOP = 'Remaining CHF 250K of the website budget not allocated';

function tr07OpenRisks(b: SearchResponse | FindRisksResponse, f: Facts) {
  const titles = b.results.map((r) => r.title);
  const expected = f.risks
    .filter((r) => r.projectId === f.byCode.get('TR-07')?.id && r.status !== 'closed')
    .map((r) => r.title);
  expect(new Set(titles)).toEqual(new Set(expected));
  expect(titles[0]).toBe(TR07_TOP);
  // The escalated risk (score 20) and the proposed one are both "open" to the person asking.
  expect(b.results.map((r) => r.status)).toEqual(expect.arrayContaining(['escalated', 'proposed']));
  descending(riskScores(b));
}

function governanceRed(b: SearchResponse, f: Facts) {
  const expected = codesWhere(f, (p) => p.pillar === 'GOV' && f.healthOf(p.code) === 'red');
  expect(expected.length).toBeGreaterThan(0);
  expect(searchCodes(b).sort()).toEqual(expected);
}

function erpFirst(b: SearchResponse) {
  expect(b.results[0]).toMatchObject({
    kind: 'project',
    code: 'TR-08',
    tabWebUrl: `${PUBLIC_URL}/#/projects/TR-08`,
  });
}

function tr07First(b: SearchResponse) {
  expect(b.results[0]).toMatchObject({
    kind: 'project',
    code: 'TR-07',
    tabWebUrl: `${PUBLIC_URL}/#/projects/TR-07`,
  });
}

function lateThisWeek(b: LateReportersResponse, f: Facts) {
  expect(b.period).toBe(PERIOD);
  const expected = lateCodes(f);
  expect(b.results.map((r) => r.code).sort()).toEqual(expected);
  // Everyone's late projects, not only the asker's: the CTO leads TR-11 (see beforeAll).
  expect(expected.length).toBeGreaterThan(3);
  for (const r of b.results) expect(r.tabWebUrl).toBe(`${PUBLIC_URL}/#/projects/${r.code}`);
  const weeks = b.results.map((r) => r.weeksSinceReport ?? 1000);
  descending(weeks);
}

function tr07Brief(b: ProjectBriefResponse, f: Facts) {
  const latest = f.latest.get('TR-07');
  expect(b.project).toMatchObject({
    code: 'TR-07',
    ownerName: 'Daniel Mwangi',
    tabWebUrl: `${PUBLIC_URL}/#/projects/TR-07`,
  });
  expect(b.latestUpdate).toMatchObject({
    period: latest?.period,
    health: latest?.health,
    blockers: latest?.blockers,
    achievements: latest?.achievements,
    nextSteps: latest?.nextSteps,
    summary: latest?.summary,
  });
  expect(b.topRisks[0]).toMatchObject({ title: TR07_TOP, score: 20, level: 'critical' });
}

const ROWS: Row[] = [
  // ---- the agent's conversation starters (declarative-agent.json, en.json) ----
  {
    who: 'p-cto',
    lang: 'en',
    question: "Who hasn't reported this week?",
    fn: 'listLateReporters',
    params: {},
    check: lateThisWeek,
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'Which projects are red or amber, and what is blocking them?',
    fn: 'getPortfolioBrief',
    params: {},
    check: (b: PortfolioBriefResponse, f) => {
      const expected = codesWhere(
        f,
        (p) => expectsReporting(p) && ['red', 'amber'].includes(f.healthOf(p.code) ?? ''),
      );
      expect(b.attention.map((a) => a.code).sort()).toEqual(expected);
      expect(b.attention[0]?.health).toBe('red');
      for (const a of b.attention) expect(a.blockers).toBe(f.latest.get(a.code)?.blockers.slice(0, 600));
    },
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'What are the highest risks in the portfolio right now?',
    fn: 'findRisks',
    params: {},
    check: (b: FindRisksResponse, f) => {
      expect(b.results[0]).toMatchObject({ title: TR07_TOP, score: 20, projectCode: 'TR-07' });
      descending(riskScores(b));
      expect(b.total).toBe(f.risks.filter((r) => r.status !== 'closed').length);
    },
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'Give me a short brief on the ERP and CRM upgrade project.',
    fn: 'findProjects',
    params: { q: 'ERP and CRM upgrade' },
    check: (b: FindProjectsResponse) => expect(projectCodes(b)[0]).toBe('TR-08'),
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'Give me a short brief on the ERP and CRM upgrade project. (second call)',
    fn: 'getProjectBrief',
    params: { code: 'TR-08' },
    check: (b: ProjectBriefResponse, f) => {
      expect(b.project.code).toBe('TR-08');
      expect(b.latestUpdate?.blockers).toBe(f.latest.get('TR-08')?.blockers);
      expect(b.topRisks.map((r) => r.title)).toContain(
        'Critical systems on obsolete technologies without documentation',
      );
    },
  },
  {
    who: 'p-owner',
    lang: 'en',
    question: 'Which of my projects need a status update this week?',
    fn: 'findProjects',
    params: { owner: 'me', reporting: 'due,overdue' },
    check: (b: FindProjectsResponse, f) => {
      const mine = (p: Project) =>
        p.ownerId === 'p-owner' || p.leadIds.includes('p-owner') || p.memberIds.includes('p-owner');
      expect(projectCodes(b).sort()).toEqual(lateCodes(f, mine));
    },
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'How is the portfolio doing this week, pillar by pillar?',
    fn: 'getPortfolioBrief',
    params: {},
    check: (b: PortfolioBriefResponse, f) => {
      expect(b.period).toBe(PERIOD);
      expect(b.pillars.map((p) => p.pillar)).toEqual(['GOV', 'SPT', 'PAC', 'RES', 'MAP']);
      expect(b.totals.projects).toBe(f.projects.length);
      expect(b.pillars.reduce((n, p) => n + p.red, 0)).toBe(b.totals.red);
      expect(b.totals.updatesMissing).toBe(lateCodes(f).length);
    },
  },
  // ---- the message extension's sample prompts (manifest.json, en.json) ----
  {
    who: 'p-owner',
    lang: 'en',
    question: 'Find the ERP and CRM upgrade project',
    fn: 'searchPortfolio',
    params: { q: 'Find the ERP and CRM upgrade project' },
    check: erpFirst,
  },
  {
    who: 'p-owner',
    lang: 'en',
    question: 'Show the open risks of project TR-07',
    fn: 'searchPortfolio',
    params: { q: 'Show the open risks of project TR-07' },
    check: tr07OpenRisks,
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'Which Governance projects are red this week?',
    fn: 'searchPortfolio',
    params: { q: 'Which Governance projects are red this week?', count: '25' },
    check: governanceRed,
  },
  // ---- the failures of the single-function plugin (issue 18), each a row ----
  {
    who: 'p-owner',
    lang: 'en',
    question: 'Show the open risks of project TR-07 (structured)',
    fn: 'findRisks',
    params: { project: 'TR-07' },
    check: tr07OpenRisks,
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'open risks (escalated and mitigating included)',
    fn: 'searchPortfolio',
    params: { q: 'open risks', count: '25' },
    check: (b: SearchResponse) => {
      expect(b.results[0]).toMatchObject({ kind: 'risk', score: 20 });
      expect(b.results.map((r) => r.status)).toEqual(
        expect.arrayContaining(['escalated', 'mitigating', 'open']),
      );
      descending(riskScores(b));
    },
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'TR07',
    fn: 'searchPortfolio',
    params: { q: 'TR07' },
    check: tr07First,
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'TR-7',
    fn: 'searchPortfolio',
    params: { q: 'TR-7' },
    check: tr07First,
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'TR 7',
    fn: 'searchPortfolio',
    params: { q: 'TR 7' },
    check: tr07First,
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'Accelerated Initiatives',
    fn: 'searchPortfolio',
    params: { q: 'Accelerated Initiatives', count: '25' },
    check: (b: SearchResponse, f) =>
      expect(searchCodes(b).sort()).toEqual(codesWhere(f, (p) => p.kind === 'accelerated-initiative')),
  },
  {
    who: 'p-changemaker',
    lang: 'en',
    question: 'change case',
    fn: 'searchPortfolio',
    params: { q: 'change case', count: '25' },
    check: (b: SearchResponse, f) =>
      expect(searchCodes(b).sort()).toEqual(codesWhere(f, (p) => p.kind === 'change-case')),
  },
  {
    who: 'p-cto',
    lang: 'fr',
    question: 'site web',
    fn: 'searchPortfolio',
    params: { q: 'site web' },
    check: tr07First,
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'red or amber',
    fn: 'searchPortfolio',
    params: { q: 'red or amber', count: '25' },
    check: (b: SearchResponse, f) =>
      expect(searchCodes(b).sort()).toEqual(
        codesWhere(f, (p) => ['red', 'amber'].includes(f.healthOf(p.code) ?? '')),
      ),
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'highest risks',
    fn: 'searchPortfolio',
    params: { q: 'highest risks', count: '25' },
    check: (b: SearchResponse) => {
      expect(b.results[0]).toMatchObject({ kind: 'risk', title: TR07_TOP });
      descending(riskScores(b));
    },
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'top risks Governance',
    fn: 'searchPortfolio',
    params: { q: 'top risks Governance', count: '25' },
    check: (b: SearchResponse, f) => {
      const gov = new Set(codesWhere(f, (p) => p.pillar === 'GOV'));
      expect(b.results.length).toBeGreaterThan(1);
      for (const r of b.results) expect(gov.has(r.code ?? '')).toBe(true);
      descending(riskScores(b));
    },
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'Summarise TR-07',
    fn: 'searchPortfolio',
    params: { q: 'Summarise TR-07' },
    check: tr07First,
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'Summarise TR-07 (brief)',
    fn: 'getProjectBrief',
    params: { code: 'TR-07' },
    check: tr07Brief,
  },
  // ---- milestones, KPIs, blockers, achievements (not in the old API at all) ----
  {
    who: 'p-owner',
    lang: 'en',
    question: 'Which milestones of TR-07 are due or missed?',
    fn: 'getProjectBrief',
    params: { code: 'TR-07' },
    check: (b: ProjectBriefResponse) => {
      expect(b.milestonesDue).toContainEqual({
        title: 'Phase 1 contract awarded',
        dueDate: '2026-12-01',
        status: 'planned',
      });
      for (const m of b.milestonesMissed) expect(m.dueDate < '2026-11-25').toBe(true);
    },
  },
  {
    who: 'p-owner',
    lang: 'en',
    question: 'How are the KPIs of TR-07 doing?',
    fn: 'getProjectBrief',
    params: { code: 'TR-07' },
    check: (b: ProjectBriefResponse) =>
      expect(b.kpis).toContainEqual(
        expect.objectContaining({ title: 'Website user satisfaction', latest: 3.3, target: 4.2 }),
      ),
  },
  {
    who: 'p-owner',
    lang: 'es',
    question: '¿Qué logró TR-07 esta semana y qué lo bloquea?',
    fn: 'getProjectBrief',
    params: { code: 'TR 7' },
    check: tr07Brief,
  },
  {
    who: 'p-cto',
    lang: 'ru',
    question: 'Что блокирует проект TR-07?',
    fn: 'getProjectBrief',
    params: { code: 'tr-07' },
    check: (b: ProjectBriefResponse, f) =>
      expect(b.latestUpdate?.blockers).toBe(f.latest.get('TR-07')?.blockers),
  },
  // ---- other languages ----
  {
    who: 'p-cto',
    lang: 'fr',
    question: "Qui n'a pas fait son point d'avancement cette semaine ?",
    fn: 'listLateReporters',
    params: {},
    check: (b: LateReportersResponse, f) => {
      lateThisWeek(b, f);
      expect(b.results.map((r) => r.pillarName)).toEqual(expect.arrayContaining(['Personnel et culture']));
    },
  },
  {
    who: 'p-cto',
    lang: 'fr',
    question: 'Résumé du portefeuille pour 2026-W46',
    fn: 'getPortfolioBrief',
    params: { period: '2026-W46' },
    check: (b: PortfolioBriefResponse) => {
      expect(b.period).toBe('2026-W46');
      expect(b.pillars[0]?.pillarName).toBe('Gouvernance');
    },
  },
  {
    who: 'p-changemaker',
    lang: 'es',
    question: 'proyectos rojos de Gobernanza',
    fn: 'searchPortfolio',
    params: { q: 'proyectos rojos de Gobernanza', count: '25' },
    check: governanceRed,
  },
  {
    who: 'p-cto',
    lang: 'zh',
    question: '治理 红色 项目',
    fn: 'searchPortfolio',
    params: { q: '治理 红色 项目', count: '25' },
    check: governanceRed,
  },
  {
    who: 'p-changemaker',
    lang: 'fr',
    question: 'Mes cas de changement en retard',
    fn: 'findProjects',
    params: { q: 'mes cas de changement en retard' },
    check: (b: FindProjectsResponse, f) =>
      expect(projectCodes(b).sort()).toEqual(
        codesWhere(
          f,
          (p) =>
            p.kind === 'change-case' &&
            p.memberIds.includes('p-changemaker') &&
            f.healthOf(p.code) !== undefined &&
            b.results.some((r) => r.code === p.code && r.reporting === 'overdue'),
        ),
      ),
  },
  {
    who: 'p-changemaker',
    lang: 'en',
    question: 'My change cases',
    fn: 'findProjects',
    params: { kind: 'change-case', owner: 'me' },
    check: (b: FindProjectsResponse, f) =>
      expect(projectCodes(b).sort()).toEqual(
        codesWhere(f, (p) => p.kind === 'change-case' && p.memberIds.includes('p-changemaker')),
      ),
  },
  {
    who: 'p-cto',
    lang: 'en',
    question: 'Critical risks in Systems, processes and tools',
    fn: 'findRisks',
    params: { pillar: 'SPT', level: 'critical' },
    check: (b: FindRisksResponse, f) => {
      const spt = new Set(codesWhere(f, (p) => p.pillar === 'SPT'));
      expect(b.results.map((r) => r.title)).toContain(TR07_TOP);
      for (const r of b.results) {
        expect(r.level).toBe('critical');
        expect(spt.has(r.projectCode ?? '')).toBe(true);
      }
    },
  },
];

/** Sample prompts in every language: the same search must answer each translation. */
function samplePromptRows(): Row[] {
  const checks = [erpFirst, tr07OpenRisks, governanceRed] as const;
  return (['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const).flatMap((lang) => {
    const doc = JSON.parse(readFileSync(path.join(TEMPLATE, `${lang}.json`), 'utf8')) as Record<
      string,
      string
    >;
    return checks.map((check, i): Row => ({
      who: 'p-owner',
      lang,
      question: doc[`composeExtensions[0].commands[0].samplePrompts[${i}].text`] ?? '',
      fn: 'searchPortfolio',
      params: { q: doc[`composeExtensions[0].commands[0].samplePrompts[${i}].text`] ?? '', count: '25' },
      check,
    }));
  });
}

describe('the questions people ask Copilot, answered by the plugin’s functions', () => {
  let t: TestApp;
  let facts: Facts;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL } });
    // The website project carries its titles in the other languages; the CTO leads a project of
    // their own (so "who hasn't reported" must not shrink to the asker's projects).
    const tr07 = await t.json<{ project: Project }>('/api/v1/projects/TR-07', { as: 'p-cto' });
    await t.json(`/api/v1/projects/TR-07`, {
      method: 'PATCH',
      as: 'p-cto',
      json: {
        version: tr07.body.project.version,
        titles: {
          fr: 'Nouveau site web de l’UIT',
          es: 'Nuevo sitio web de la UIT',
          ru: 'Новый веб-сайт МСЭ',
          zh: '国际电联新网站',
          ar: 'موقع الاتحاد الجديد',
        },
      },
    });
    const tr11 = await t.json<{ project: Project }>('/api/v1/projects/TR-11', { as: 'p-cto' });
    await t.json('/api/v1/projects/TR-11', {
      method: 'PATCH',
      as: 'p-cto',
      json: { version: tr11.body.project.version, leadIds: [...tr11.body.project.leadIds, 'p-cto'] },
    });
    const store = t.app.store;
    const projects = await collectAll((page) => store.projects.list(page));
    const latest = await collectAll((page) =>
      store.statusUpdates.latestPerProject({ upToPeriod: PERIOD, ...page }),
    );
    const thisWeek = await collectAll((page) => store.statusUpdates.listByPeriod(PERIOD, page));
    const byId = new Map(projects.map((p) => [p.id, p]));
    const latestByCode = new Map(latest.map((u) => [byId.get(u.projectId)?.code ?? '', u]));
    facts = {
      projects,
      byCode: new Map(projects.map((p) => [p.code, p])),
      risks: await collectAll((page) => store.risks.list(page)),
      latest: latestByCode,
      reportedThisWeek: new Set(thisWeek.map((u) => u.projectId)),
      healthOf: (code) => latestByCode.get(code)?.health,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = [...ROWS, ...samplePromptRows()];

  it('has at least 25 questions from the CTO, an owner and a ChangeMaker in at least three languages', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(rows.map((r) => r.who))).toEqual(new Set(['p-cto', 'p-owner', 'p-changemaker']));
    expect(new Set(rows.map((r) => r.lang)).size).toBeGreaterThanOrEqual(3);
  });

  it('includes every conversation starter and sample prompt of the manifest', () => {
    const en = JSON.parse(readFileSync(path.join(TEMPLATE, 'en.json'), 'utf8')) as Record<string, unknown> & {
      localizationKeys: Record<string, string>;
    };
    const agent = JSON.parse(readFileSync(path.join(TEMPLATE, 'declarative-agent.json'), 'utf8')) as {
      conversation_starters: Array<{ text: string }>;
    };
    const starters = agent.conversation_starters.map(
      (s) => en.localizationKeys[/^\[\[(.+)\]\]$/.exec(s.text)?.[1] ?? ''] ?? '',
    );
    const prompts = Object.entries(en)
      .filter(([k]) => k.includes('samplePrompts'))
      .map(([, v]) => String(v));
    const asked = new Set(rows.map((r) => r.question));
    for (const q of [...starters, ...prompts]) expect(asked, q).toContain(q);
  });

  it.each(rows.map((r) => [`${r.who} (${r.lang}) “${r.question}” → ${r.fn}`, r] as const))(
    '%s',
    async (_name, row) => {
      const res = await t.json<never>(requestFor(row.fn, row.params), { as: row.who, lang: row.lang });
      expect(res.status).toBe(200);
      row.check(res.body, facts);
    },
  );
});
