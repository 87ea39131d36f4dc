// The demo portfolio: valid, consistent, and with the content the app's surfaces (digest, reminders,
// heat map, KPI charts, the Playground personas) need, whatever day it is built on.
import { describe, expect, it } from 'vitest';
import { healthChange } from '../../bot/domain/health.js';
import { kpiProgress } from '../../bot/domain/kpi.js';
import { isDueWithin } from '../../bot/domain/milestone.js';
import { comparePeriods, periodOf, previousPeriod, type Period } from '../../bot/domain/period.js';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { ROLES } from '../../bot/domain/person.js';
import { PILLAR_CODES } from '../../bot/domain/pillar.js';
import { addDays, dateInZone } from '../../bot/domain/primitives.js';
import { daysSince, reportingState } from '../../bot/domain/reporting.js';
import { RISK_LEVELS, RISK_STATUSES } from '../../bot/domain/risk.js';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import { buildDemoPortfolio } from '../../bot/seed/demo-portfolio.js';
import { DEMO_PERSONAS } from '../../bot/seed/personas.js';
import type { SeedData } from '../../bot/seed/seed-data.js';
import { referenceProblems, schemaProblems, stampProblems } from './seed-invariants.js';

const ZONE = 'Europe/Zurich';
const NOW = new Date('2026-11-25T10:00:00.000Z'); // a Wednesday in 2026-W48
const demo = buildDemoPortfolio({ now: NOW, timeZone: ZONE });
const current = periodOf(NOW, ZONE);
const today = dateInZone(NOW, ZONE);

function latestUpTo(data: SeedData, projectId: string, upTo: Period): StatusUpdate | undefined {
  return data.statusUpdates
    .filter((u) => u.projectId === projectId && comparePeriods(u.period, upTo) <= 0)
    .sort((a, b) => comparePeriods(b.period, a.period))[0];
}

function projectByCode(code: string) {
  const p = demo.projects.find((x) => x.code === code);
  if (!p) throw new Error(`no project ${code}`);
  return p;
}

describe('demo portfolio: validity', () => {
  it('every entity parses through its domain schema unchanged', () => {
    expect(schemaProblems(demo)).toEqual([]);
  });

  it('every reference points into the seed; ids, codes, e-mails and Entra ids are unique', () => {
    expect(referenceProblems(demo)).toEqual([]);
  });

  it('every entity has version 1 and is stamped with now', () => {
    expect(stampProblems(demo, NOW.toISOString())).toEqual([]);
  });

  it('nothing is in the future: update periods up to the current week, instants up to now', () => {
    const nowIso = NOW.toISOString();
    for (const u of demo.statusUpdates) {
      expect(comparePeriods(u.period, current)).toBeLessThanOrEqual(0);
      expect(u.submittedAt <= nowIso).toBe(true);
      for (const r of u.history) expect(r.submittedAt <= u.submittedAt).toBe(true);
    }
    for (const r of demo.risks) {
      expect(r.raisedAt <= nowIso).toBe(true);
      for (const h of r.history) expect(h.at >= r.raisedAt && h.at <= nowIso).toBe(true);
    }
    for (const m of demo.measurements) expect(m.date <= today).toBe(true);
    for (const m of demo.milestones.filter((x) => x.completedOn)) expect(m.completedOn! <= today).toBe(true);
  });

  it('is deterministic: the same input gives the same portfolio', () => {
    expect(buildDemoPortfolio({ now: NOW, timeZone: ZONE })).toEqual(demo);
  });
});

describe('demo portfolio: content from the seeds', () => {
  it('gives every pillar projects', () => {
    for (const pillar of PILLAR_CODES)
      expect(demo.projects.filter((p) => p.pillar === pillar).length).toBeGreaterThan(0);
  });

  it('has exactly the six Accelerated Initiatives', () => {
    const ai = demo.projects.filter((p) => p.kind === 'accelerated-initiative');
    expect(ai.map((p) => p.code)).toEqual(['AI-01', 'AI-02', 'AI-03', 'AI-04', 'AI-05', 'AI-06']);
    const titles = ai.map((p) => p.title).join(' | ');
    for (const theme of [
      /ePMDS/,
      /AI digital transformation/,
      /Leadership/,
      /Recruitment/,
      /Travel/,
      /Mobility/,
    ]) {
      expect(titles).toMatch(theme);
    }
    expect(projectByCode('AI-02').description).toMatch(/Copilot/);
  });

  it('has the website at CHF 350,000 allocated of CHF 600,000, owned by the owner persona', () => {
    const website = projectByCode('TR-07');
    expect(website.title).toMatch(/website/i);
    expect(website.budgetChf).toBe(600_000);
    expect(website.spendChf).toBe(350_000);
    expect(website.ownerId).toBe(DEMO_PERSONAS.owner.id);
  });

  it('names the other projects of the seeds, around 20-25 besides the change cases', () => {
    const nonCc = demo.projects.filter((p) => p.kind !== 'change-case');
    expect(nonCc.length).toBeGreaterThanOrEqual(20);
    expect(nonCc.length).toBeLessThanOrEqual(25);
    const titles = nonCc.map((p) => p.title).join(' | ');
    for (const name of [
      /ERP and CRM/,
      /AI Hub/,
      /Transformation dashboard/,
      /KPI baseline/,
      /Rewards & Recognition/,
      /Power BI/,
    ]) {
      expect(titles).toMatch(name);
    }
    const phases = new Set(demo.projects.map((p) => p.phase));
    for (const phase of ['proposed', 'planning', 'executing', 'on-hold', 'done'] as const)
      expect(phases).toContain(phase);
  });

  it('has ten ChangeMakers change cases, each with ChangeMaker members', () => {
    const roles = new Map(demo.people.map((p) => [p.id, p.role]));
    const cases = demo.projects.filter((p) => p.kind === 'change-case');
    expect(cases).toHaveLength(10);
    for (const c of cases) {
      expect(c.code).toMatch(/^CC-\d\d$/);
      expect(c.memberIds.length).toBeGreaterThan(0);
      for (const id of c.memberIds) expect(roles.get(id)).toBe('changemaker');
    }
    const titles = cases.map((c) => c.title);
    for (const t of ['Data-Driven Decision Making', 'AI in Communications', 'Performance Management']) {
      expect(titles).toContain(t);
    }
  });

  it('has the five personas with their exact ids, Entra object ids and roles', () => {
    const expected = [
      ['p-cto', '00000000-0000-4000-8000-000000000001', 'cto'],
      ['p-owner', '00000000-0000-4000-8000-000000000002', 'owner'],
      ['p-changemaker', '00000000-0000-4000-8000-000000000003', 'changemaker'],
      ['p-viewer', '00000000-0000-4000-8000-000000000004', 'viewer'],
      ['p-analyst', '00000000-0000-4000-8000-000000000005', 'cto'],
    ] as const;
    for (const [id, aad, role] of expected) {
      const p = demo.people.find((x) => x.id === id);
      expect(p, id).toMatchObject({ aadObjectId: aad, role, active: true });
    }
    expect(Object.values(DEMO_PERSONAS).map((p) => [p.id, p.aadObjectId, p.role])).toEqual(expected);
  });

  it('gives the personas something to do: owner of an initiative, member of a change case', () => {
    const owned = demo.projects.filter((p) => p.ownerId === DEMO_PERSONAS.owner.id);
    expect(owned.length).toBeGreaterThanOrEqual(3);
    expect(owned.some((p) => p.kind === 'accelerated-initiative')).toBe(true);
    expect(
      demo.projects.some(
        (p) => p.kind === 'change-case' && p.memberIds.includes(DEMO_PERSONAS.changemaker.id),
      ),
    ).toBe(true);
    // The ChangeMaker and the viewer own nothing: permission demos rely on it.
    for (const id of [DEMO_PERSONAS.changemaker.id, DEMO_PERSONAS.viewer.id]) {
      expect(demo.projects.some((p) => p.ownerId === id || p.leadIds.includes(id))).toBe(false);
    }
  });

  it('has a roster covering every role, the six languages and Regional Office time zones', () => {
    for (const role of ROLES) expect(demo.people.some((p) => p.role === role)).toBe(true);
    const changemakers = demo.people.filter((p) => p.role === 'changemaker').length;
    expect(changemakers).toBeGreaterThanOrEqual(15);
    expect(changemakers).toBeLessThanOrEqual(20);
    expect(new Set(demo.people.map((p) => p.locale))).toEqual(new Set([...SUPPORTED_LOCALES, null]));
    expect(demo.people.filter((p) => p.timeZone === ZONE).length).toBeGreaterThan(demo.people.length / 2);
    expect(new Set(demo.people.map((p) => p.timeZone)).size).toBeGreaterThanOrEqual(4);
    // Fictional people: nobody has a real ITU address.
    for (const p of demo.people) expect(p.email).toMatch(/@itu\.example$/);
  });
});

describe('demo portfolio: reporting, risks, milestones, KPIs, settings', () => {
  const states = demo.projects.map((p) => ({
    project: p,
    state: reportingState(p, latestUpTo(demo, p.id, current)?.period, current),
    latest: latestUpTo(demo, p.id, current),
  }));
  const count = (s: string) => states.filter((x) => x.state === s).length;

  it('has projects up to date, more of them due, and a few overdue for two weeks or more', () => {
    expect(count('up-to-date')).toBeGreaterThan(0);
    expect(count('due')).toBeGreaterThan(count('up-to-date'));
    const overdue = states.filter((x) => x.state === 'overdue');
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const stale = overdue.filter((x) => !x.latest || (daysSince(x.latest.submittedAt, NOW) ?? 0) >= 14);
    expect(stale.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a few weeks of history for the reporting projects', () => {
    const executing = demo.projects.filter(
      (p) => p.phase === 'executing' && p.kind === 'accelerated-initiative',
    );
    for (const p of executing)
      expect(demo.statusUpdates.filter((u) => u.projectId === p.id).length).toBeGreaterThanOrEqual(4);
  });

  it('has projects that turned amber or red this week and last week, with blockers', () => {
    const turned = (upTo: Period) =>
      demo.projects.filter((p) => {
        const now = latestUpTo(demo, p.id, upTo);
        const before = latestUpTo(demo, p.id, previousPeriod(upTo));
        return now && now.period === upTo && healthChange(before?.health, now.health) === 1;
      });
    const thisWeek = turned(current);
    const lastWeek = turned(previousPeriod(current));
    expect(thisWeek.length).toBeGreaterThan(0);
    expect(lastWeek.length).toBeGreaterThan(0);
    for (const p of [...thisWeek, ...lastWeek]) {
      const latest = latestUpTo(demo, p.id, current)!;
      expect(latest.health).not.toBe('green');
      expect(latest.blockers.length).toBeGreaterThan(20);
    }
    expect(new Set(demo.statusUpdates.map((u) => u.health))).toEqual(new Set(['green', 'amber', 'red']));
  });

  it('has updates amended in their period, with the earlier version in history', () => {
    const amended = demo.statusUpdates.filter((u) => u.history.length > 0);
    expect(amended.length).toBeGreaterThanOrEqual(2);
    for (const u of amended) {
      for (const r of u.history) {
        expect(periodOf(new Date(r.submittedAt), ZONE)).toBe(u.period);
        expect(
          r.summary !== u.summary || r.health !== u.health || r.percentComplete !== u.percentComplete,
        ).toBe(true);
      }
    }
  });

  it('has risks of every level and status, consistent with the scoring rules', () => {
    expect(new Set(demo.risks.map((r) => r.level))).toEqual(new Set(RISK_LEVELS));
    expect(new Set(demo.risks.map((r) => r.status))).toEqual(new Set(RISK_STATUSES));
    for (const r of demo.risks) expect(r.score).toBe(r.likelihood * r.impact);
    const escalated = demo.risks.filter((r) => r.status === 'escalated');
    for (const r of escalated) expect(r.escalation).not.toBeNull();
    expect(escalated.some((r) => r.escalation?.reason === 'threshold')).toBe(true);
    expect(escalated.some((r) => r.escalation?.reason === 'manual')).toBe(true);
    expect(demo.risks.some((r) => r.escalation?.acknowledgedById === DEMO_PERSONAS.cto.id)).toBe(true);
    expect(demo.risks.filter((r) => r.projectId === null).length).toBeGreaterThanOrEqual(1);
    expect(demo.risks.some((r) => r.history.length >= 2)).toBe(true);
    expect(demo.risks.some((r) => r.residualLikelihood !== null && r.residualImpact !== null)).toBe(true);
    // A viewer's concern lands as proposed.
    const viewerRisks = demo.risks.filter((r) => r.raisedById === DEMO_PERSONAS.viewer.id);
    expect(viewerRisks.length).toBeGreaterThan(0);
    for (const r of viewerRisks) expect(r.status).toBe('proposed');
  });

  it('has milestones done, missed, due in the next 14 days and later', () => {
    const m = demo.milestones;
    expect(m.filter((x) => x.status === 'done').every((x) => x.completedOn !== null)).toBe(true);
    expect(m.some((x) => x.status === 'done')).toBe(true);
    expect(m.some((x) => x.status === 'missed')).toBe(true);
    expect(m.filter((x) => isDueWithin(x, today, addDays(today, 14))).length).toBeGreaterThanOrEqual(3);
    expect(m.some((x) => x.status === 'planned' && x.dueDate > addDays(today, 14))).toBe(true);
  });

  it('has pillar and project KPIs with baselines, targets and several measurements', () => {
    expect(demo.kpis.some((k) => k.pillar !== null && k.projectId === null)).toBe(true);
    expect(demo.kpis.some((k) => k.projectId !== null)).toBe(true);
    for (const k of demo.kpis) {
      const ms = demo.measurements.filter((m) => m.kpiId === k.id);
      expect(ms.length, k.id).toBeGreaterThanOrEqual(4);
      for (const m of ms) expect(m.date >= k.baseline.date).toBe(true);
      expect(kpiProgress(k, ms).trend).not.toBe('no-data');
    }
    const ttr = demo.kpis.find((k) => /time to recruit/i.test(k.title));
    expect(ttr).toMatchObject({ unit: 'days', direction: 'lower-is-better' });
    for (const title of [/ePMDS completion/, /Copilot/, /Website user satisfaction/]) {
      expect(demo.kpis.some((k) => title.test(k.title))).toBe(true);
    }
    expect(
      new Set(
        demo.kpis.map(
          (k) =>
            kpiProgress(
              k,
              demo.measurements.filter((m) => m.kpiId === k.id),
            ).trend,
        ),
      ).size,
    ).toBeGreaterThan(1);
  });

  it('has a lead for every pillar and a pillar lead subscribed to the digest', () => {
    for (const pillar of PILLAR_CODES) expect(demo.settings.pillarLeads[pillar]?.length).toBeGreaterThan(0);
    const leads = new Set(Object.values(demo.settings.pillarLeads).flat());
    expect(demo.settings.digestSubscribers.some((id) => leads.has(id))).toBe(true);
    const roles = new Map(demo.people.map((p) => [p.id, p.role]));
    expect(demo.settings.digestSubscribers.every((id) => roles.get(id) !== 'cto')).toBe(true);
  });
});

describe('demo portfolio: built relative to now', () => {
  const instants = [
    '2027-01-02T12:00:00.000Z', // Saturday of 2026-W53, across the year boundary
    '2026-11-22T23:30:00.000Z', // Monday 00:30 in Zurich: the week has just begun
    '2026-03-29T01:30:00.000Z', // the night clocks go forward in Europe
    '2028-02-29T08:00:00.000Z', // a leap day
  ];

  it.each(instants)('is valid and consistent when built at %s', (iso) => {
    const now = new Date(iso);
    const data = buildDemoPortfolio({ now, timeZone: ZONE });
    expect(schemaProblems(data)).toEqual([]);
    expect(referenceProblems(data)).toEqual([]);
    const week = periodOf(now, ZONE);
    for (const u of data.statusUpdates) {
      // Each update (and each earlier version) was submitted within its own week, never after now.
      expect(periodOf(new Date(u.submittedAt), ZONE)).toBe(u.period);
      for (const r of u.history) expect(periodOf(new Date(r.submittedAt), ZONE)).toBe(u.period);
      expect(Date.parse(u.submittedAt)).toBeLessThanOrEqual(now.getTime());
      expect(comparePeriods(u.period, week)).toBeLessThanOrEqual(0);
    }
    expect(data.statusUpdates.some((u) => u.period === week)).toBe(true);
  });

  it('across the year boundary: reports in 2026-W53 and the weeks before it', () => {
    const data = buildDemoPortfolio({ now: new Date('2027-01-02T12:00:00.000Z'), timeZone: ZONE });
    const periods = new Set(data.statusUpdates.map((u) => u.period));
    expect(periods).toContain('2026-W53');
    expect(periods).toContain('2026-W52');
    expect(periods).not.toContain('2027-W01');
    const ai01 = data.statusUpdates.filter((u) => u.projectId === 'prj-ai-01').map((u) => u.id);
    expect(ai01).toContain('su-prj-ai-01-2026-W53');
  });

  it('moves with now: the same content a week later sits one week later', () => {
    const later = buildDemoPortfolio({ now: new Date(NOW.getTime() + 7 * 86_400_000), timeZone: ZONE });
    expect(later.projects.map((p) => p.code)).toEqual(demo.projects.map((p) => p.code));
    expect(later.projects.map((p) => p.startDate)).toEqual(
      demo.projects.map((p) => (p.startDate ? addDays(p.startDate, 7) : null)),
    );
    expect(later.statusUpdates.map((u) => u.summary)).toEqual(demo.statusUpdates.map((u) => u.summary));
    expect(later.statusUpdates.map((u) => u.period)).not.toEqual(demo.statusUpdates.map((u) => u.period));
  });
});
