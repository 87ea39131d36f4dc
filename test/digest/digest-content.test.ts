// Digest content tables over fixed portfolios and a fixed clock: pillar counts and change, movers with
// their blockers, new / escalated / top risks, who owes updates, milestones due and missed, KPI
// movement; edge cases: empty portfolio, first period, the year-end boundary, time zones.
import { describe, expect, it } from 'vitest';
import { composeDigest, digestPeriodAt, type DigestInput } from '../../bot/domain/digest.js';
import { Kpi } from '../../bot/domain/kpi.js';
import { Milestone } from '../../bot/domain/milestone.js';
import { AT, person, project, risk, statusUpdate } from '../domain/builders.js';

const NOW = new Date('2026-11-30T07:00:00Z'); // Monday 08:00 in Geneva, week 2026-W49
const TZ = 'Europe/Zurich';

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    period: '2026-W48',
    today: '2026-11-30',
    now: NOW,
    timeZone: TZ,
    projects: [],
    latest: [],
    previous: [],
    risks: [],
    milestones: [],
    kpis: [],
    measurements: [],
    people: [],
    ...overrides,
  };
}

const owner = person({ id: 'owner-1', name: 'Amina Diallo', role: 'owner' });
const owner2 = person({ id: 'owner-2', name: 'Boris Petrov', role: 'owner', email: 'b@example.org' });
const p1 = project({ id: 'p-1', code: 'TR-01', pillar: 'SPT', ownerId: 'owner-1' });
const p2 = project({ id: 'p-2', code: 'TR-02', pillar: 'GOV', ownerId: 'owner-2' });
const p3 = project({ id: 'p-3', code: 'TR-03', pillar: 'GOV', ownerId: 'owner-2' });
const done = project({ id: 'p-4', code: 'TR-04', pillar: 'PAC', ownerId: 'owner-1', phase: 'done' });
const up = (projectId: string, period: string, health: 'green' | 'amber' | 'red', blockers = '') =>
  statusUpdate({ id: `su-${projectId}-${period}`, projectId, period, health, blockers, submittedAt: AT });

describe('digest period', () => {
  it.each([
    ['Monday 08:00 Geneva', '2026-11-30T07:00:00Z', TZ, '2026-W48'],
    ['Sunday 23:30 Geneva is still the week before', '2026-11-29T22:30:00Z', TZ, '2026-W47'],
    ['the same instant is Monday in Kiritimati', '2026-11-29T22:30:00Z', 'Pacific/Kiritimati', '2026-W48'],
    ['first Monday of 2027 covers the last week of 2026 (W53)', '2027-01-04T07:00:00Z', TZ, '2026-W53'],
    ['the week of 1 January 2026 is 2026-W01, starting in 2025', '2026-01-05T07:00:00Z', TZ, '2026-W01'],
    ['New York, Monday 08:00 local', '2026-11-30T13:00:00Z', 'America/New_York', '2026-W48'],
  ])('%s', (_name, instant, zone, expected) => {
    expect(digestPeriodAt(new Date(instant), zone)).toBe(expected);
  });
});

describe('composeDigest', () => {
  it('an empty portfolio gives zero counts, empty lists and a first period', () => {
    const d = composeDigest(input());
    expect(d.firstPeriod).toBe(true);
    expect(d.totals).toEqual({
      projects: 0,
      reporting: 0,
      health: { green: 0, amber: 0, red: 0, unknown: 0 },
      previousHealth: { green: 0, amber: 0, red: 0, unknown: 0 },
    });
    expect(d.summary.pillars).toHaveLength(5);
    expect(d.movers).toEqual({ count: 0, items: [] });
    expect(d.risks.newCount + d.risks.escalatedCount + d.risks.openCount).toBe(0);
    expect(d.overdue).toEqual({ projectCount: 0, ownerCount: 0, owners: [] });
    expect(d.milestones).toEqual({ dueCount: 0, due: [], missedCount: 0, missed: [] });
    expect(d.kpis).toEqual({ count: 0, behind: 0, achieved: 0, items: [] });
    expect({ from: d.from, to: d.to, previous: d.previousPeriod }).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      previous: '2026-W47',
    });
  });

  it('first period with no history: current health counted, nothing to compare, no movers from history', () => {
    const d = composeDigest(
      input({
        projects: [p1, p2],
        latest: [up('p-1', '2026-W48', 'red', 'Vendor contract unsigned'), up('p-2', '2026-W48', 'green')],
        people: [owner, owner2],
      }),
    );
    expect(d.firstPeriod).toBe(true);
    expect(d.totals.health).toEqual({ green: 1, amber: 0, red: 1, unknown: 0 });
    expect(d.totals.previousHealth).toEqual({ green: 0, amber: 0, red: 0, unknown: 2 });
    // A project reporting for the first time as red is news.
    expect(d.movers.items).toEqual([
      {
        projectId: 'p-1',
        code: 'TR-01',
        title: p1.title,
        pillar: 'SPT',
        from: null,
        to: 'red',
        blockers: 'Vendor contract unsigned',
      },
    ]);
  });

  it('counts health by pillar with the change since last week, and lists movers with blockers', () => {
    const d = composeDigest(
      input({
        projects: [p1, p2, p3, done],
        previous: [
          up('p-1', '2026-W47', 'green'),
          up('p-2', '2026-W47', 'red'),
          up('p-3', '2026-W47', 'green'),
        ],
        latest: [
          up('p-1', '2026-W48', 'amber', 'Budget\n\nfreeze'),
          up('p-2', '2026-W48', 'amber'),
          up('p-3', '2026-W48', 'red', 'x'.repeat(500)),
        ],
        people: [owner, owner2],
      }),
    );
    expect(d.firstPeriod).toBe(false);
    const gov = d.summary.pillars.find((p) => p.pillar === 'GOV')!;
    expect({
      health: gov.health,
      before: gov.previousHealth,
      improved: gov.improved,
      worsened: gov.worsened,
    }).toEqual({
      health: { green: 0, amber: 1, red: 1, unknown: 0 },
      before: { green: 1, amber: 0, red: 1, unknown: 0 },
      improved: 1,
      worsened: 1,
    });
    // Done projects count as projects but not in health.
    expect(d.summary.pillars.find((p) => p.pillar === 'PAC')!.projects).toBe(1);
    expect(d.totals.reporting).toBe(3);
    // Red first; p-2 improved (red -> amber) and is not a mover.
    expect(d.movers.items.map((m) => [m.code, m.from, m.to])).toEqual([
      ['TR-03', 'green', 'red'],
      ['TR-01', 'green', 'amber'],
    ]);
    expect(d.movers.items[1]!.blockers).toBe('Budget freeze');
    expect(d.movers.items[0]!.blockers.length).toBeLessThanOrEqual(160);
  });

  it('lists who owes updates, most overdue first, away people last and marked', () => {
    const p5 = project({ id: 'p-5', code: 'TR-05', ownerId: 'owner-1', startDate: '2026-01-05' });
    const d = composeDigest(
      input({
        projects: [p1, p2, p3, p5],
        latest: [
          up('p-1', '2026-W48', 'green'),
          up('p-2', '2026-W47', 'green'),
          up('p-3', '2026-W45', 'amber'),
        ],
        people: [owner, owner2],
        awayIds: new Set(['owner-1']),
      }),
    );
    expect(d.overdue.projectCount).toBe(3);
    expect(d.overdue.owners).toEqual([
      {
        personId: 'owner-2',
        name: 'Boris Petrov',
        projects: ['TR-03', 'TR-02'],
        weeksMissing: 3,
        away: false,
      },
      { personId: 'owner-1', name: 'Amina Diallo', projects: ['TR-05'], weeksMissing: 47, away: true },
    ]);
  });

  it('new, escalated and top risks: new by the org time zone, closed ones left out', () => {
    const risks = [
      risk({
        id: 'r-1',
        projectId: 'p-1',
        likelihood: 5,
        impact: 5,
        status: 'escalated',
        raisedAt: '2026-11-20T10:00:00.000Z',
        escalation: { reason: 'threshold', at: '2026-11-20T10:00:00.000Z', byId: 'owner-1' },
      }),
      // Sunday 23:30 in Geneva: still week 48.
      risk({ id: 'r-2', projectId: 'p-2', likelihood: 2, impact: 3, raisedAt: '2026-11-29T22:30:00.000Z' }),
      // Monday 00:30 in Geneva: week 49, not new in the W48 digest.
      risk({ id: 'r-3', projectId: null, likelihood: 4, impact: 4, raisedAt: '2026-11-29T23:30:00.000Z' }),
      risk({
        id: 'r-4',
        projectId: 'p-1',
        likelihood: 5,
        impact: 4,
        status: 'closed',
        raisedAt: '2026-11-24T10:00:00.000Z',
      }),
      risk({
        id: 'r-5',
        projectId: 'p-2',
        likelihood: 1,
        impact: 2,
        status: 'proposed',
        raisedAt: '2026-11-24T10:00:00.000Z',
      }),
    ];
    const d = composeDigest(input({ projects: [p1, p2], risks }));
    expect(d.risks.newItems.map((r) => r.id)).toEqual(['r-2', 'r-5']);
    expect(d.risks.escalatedItems).toEqual([
      {
        id: 'r-1',
        title: expect.any(String),
        projectCode: 'TR-01',
        score: 25,
        level: 'critical',
        status: 'escalated',
        acknowledged: false,
      },
    ]);
    expect(d.risks.topItems.map((r) => [r.id, r.projectCode])).toEqual([
      ['r-1', 'TR-01'],
      ['r-3', null],
      ['r-2', 'TR-02'],
    ]);
    expect(d.risks.openCount).toBe(3);
    expect(d.risks.byLevel).toEqual({ low: 0, medium: 1, high: 0, critical: 2 });
  });

  it('milestones due in the next 14 days and missed ones, for reporting projects only', () => {
    const m = (id: string, projectId: string, dueDate: string, status: 'planned' | 'missed' = 'planned') =>
      Milestone.parse({
        id,
        projectId,
        title: `Milestone ${id}`,
        dueDate,
        status,
        version: 1,
        createdAt: AT,
        updatedAt: AT,
      });
    const d = composeDigest(
      input({
        projects: [p1, done],
        milestones: [
          m('m-1', 'p-1', '2026-12-14'),
          m('m-2', 'p-1', '2026-12-15'),
          m('m-3', 'p-1', '2026-11-30'),
          m('m-4', 'p-1', '2026-11-27'),
          m('m-5', 'p-1', '2026-10-01', 'missed'),
          m('m-6', 'p-4', '2026-12-01'),
        ],
      }),
    );
    expect(d.milestones.due.map((x) => x.id)).toEqual(['m-3', 'm-1']);
    expect(d.milestones.missed.map((x) => x.id)).toEqual(['m-4', 'm-5']);
  });

  it('KPI movement against baseline and target, behind first', () => {
    const kpi = (id: string, title: string, baseline: number, target: number) =>
      Kpi.parse({
        id,
        title,
        pillar: 'SPT',
        unit: '%',
        direction: 'higher-is-better',
        baseline: { value: baseline, date: '2026-01-01' },
        target: { value: target, date: '2026-12-31' },
        version: 1,
        createdAt: AT,
        updatedAt: AT,
      });
    const d = composeDigest(
      input({
        kpis: [
          kpi('k-1', 'Adoption', 0, 100),
          kpi('k-2', 'Satisfaction', 50, 60),
          kpi('k-3', 'No data yet', 0, 10),
        ],
        measurements: [
          { kpiId: 'k-1', date: '2026-11-10', value: 30 },
          { kpiId: 'k-1', date: '2026-11-25', value: 40 },
          { kpiId: 'k-1', date: '2026-12-01', value: 99 }, // after the period: not counted
          { kpiId: 'k-2', date: '2026-11-26', value: 61 },
        ],
      }),
    );
    expect(d.kpis.items.map((k) => [k.id, k.trend, k.latest, k.before])).toEqual([
      ['k-1', 'behind', 40, 30],
      ['k-2', 'achieved', 61, null],
      ['k-3', 'no-data', null, null],
    ]);
    expect(d.kpis.items[0]!.progress).toBeCloseTo(0.4);
    expect(d.kpis.items[0]!.progressBefore).toBeCloseTo(0.3);
    expect({ behind: d.kpis.behind, achieved: d.kpis.achieved, count: d.kpis.count }).toEqual({
      behind: 1,
      achieved: 1,
      count: 3,
    });
  });

  it('across the year end: W53 of 2026 compared with W52', () => {
    const d = composeDigest(
      input({
        period: '2026-W53',
        today: '2027-01-04',
        now: new Date('2027-01-04T07:00:00Z'),
        projects: [p1],
        previous: [up('p-1', '2026-W52', 'green')],
        latest: [up('p-1', '2026-W53', 'red')],
        people: [owner],
      }),
    );
    expect({ from: d.from, to: d.to, previous: d.previousPeriod }).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
      previous: '2026-W52',
    });
    expect(d.movers.items.map((m) => m.code)).toEqual(['TR-01']);
  });

  it('caps every list but keeps the counts complete', () => {
    const projects = Array.from({ length: 40 }, (_, i) =>
      project({ id: `p-${i}`, code: `TR-${i + 10}`, ownerId: `o-${i}` }),
    );
    const d = composeDigest(
      input({
        projects,
        previous: projects.map((p) => up(p.id, '2026-W47', 'green')),
        latest: projects.map((p) => up(p.id, '2026-W48', 'red')),
        limits: { movers: 3 },
      }),
    );
    expect(d.movers.count).toBe(40);
    expect(d.movers.items).toHaveLength(3);
  });
});
