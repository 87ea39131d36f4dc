import { describe, expect, it } from 'vitest';
import type { Health } from '../../bot/domain/health.js';
import type { Period } from '../../bot/domain/period.js';
import { PILLAR_CODES, type PillarCode } from '../../bot/domain/pillar.js';
import { overviewProjects, summarisePortfolio, type PillarSummary } from '../../bot/domain/portfolio.js';
import type { ProjectPhase } from '../../bot/domain/project.js';
import type { RiskLevel, RiskStatus } from '../../bot/domain/risk.js';
import { project } from './builders.js';

const CURRENT = '2026-W48';
const NOW = new Date('2026-11-27T12:00:00Z');

type Row = {
  id: string;
  pillar: PillarCode;
  phase: ProjectPhase;
  startDate?: string;
  latest?: [Period, Health, string];
  previous?: [Period, Health];
};

// A small fixed portfolio. `latest` is the newest update up to now, `previous` the newest up to the
// previous period (the same update when the project has not reported this week).
const rows: Row[] = [
  {
    id: 'gov-1',
    pillar: 'GOV',
    phase: 'executing',
    latest: ['2026-W48', 'green', '2026-11-24T10:00:00Z'],
    previous: ['2026-W47', 'amber'],
  },
  {
    id: 'gov-2',
    pillar: 'GOV',
    phase: 'executing',
    latest: ['2026-W47', 'red', '2026-11-18T10:00:00Z'],
    previous: ['2026-W47', 'red'],
  },
  {
    id: 'spt-1',
    pillar: 'SPT',
    phase: 'planning',
    latest: ['2026-W45', 'amber', '2026-11-03T10:00:00Z'],
    previous: ['2026-W45', 'amber'],
  },
  { id: 'spt-2', pillar: 'SPT', phase: 'executing' },
  {
    id: 'pac-1',
    pillar: 'PAC',
    phase: 'closing',
    latest: ['2026-W48', 'red', '2026-11-26T10:00:00Z'],
    previous: ['2026-W47', 'green'],
  },
  {
    id: 'res-1',
    pillar: 'RES',
    phase: 'on-hold',
    latest: ['2026-W40', 'green', '2026-09-30T10:00:00Z'],
    previous: ['2026-W40', 'green'],
  },
  { id: 'res-2', pillar: 'RES', phase: 'done' },
  { id: 'map-1', pillar: 'MAP', phase: 'executing', startDate: '2026-11-24' },
  { id: 'map-2', pillar: 'MAP', phase: 'proposed' },
];

const projects = rows.map((r, i) =>
  project({
    id: r.id,
    code: `TR-${i + 1}`,
    pillar: r.pillar,
    phase: r.phase,
    startDate: r.startDate ?? '2026-01-05',
  }),
);
const latest = rows.flatMap((r) =>
  r.latest
    ? [
        {
          projectId: r.id,
          period: r.latest[0],
          health: r.latest[1],
          percentComplete: 50,
          submittedAt: r.latest[2],
        },
      ]
    : [],
);
const previous = rows.flatMap((r) =>
  r.previous
    ? [
        {
          projectId: r.id,
          period: r.previous[0],
          health: r.previous[1],
          percentComplete: 40,
          submittedAt: '2026-11-17T10:00:00Z',
        },
      ]
    : [],
);

type R = { projectId: string | null; status: RiskStatus; score: number; level: RiskLevel };
const risks: R[] = [
  { projectId: 'gov-1', status: 'open', score: 20, level: 'critical' },
  { projectId: 'gov-1', status: 'mitigating', score: 12, level: 'high' },
  { projectId: 'gov-1', status: 'proposed', score: 25, level: 'critical' }, // not yet triaged: excluded
  { projectId: 'gov-1', status: 'closed', score: 16, level: 'critical' }, // closed: excluded
  { projectId: 'spt-1', status: 'escalated', score: 16, level: 'critical' },
  { projectId: 'spt-1', status: 'open', score: 4, level: 'low' },
  { projectId: 'res-1', status: 'open', score: 6, level: 'medium' }, // on hold, but its risk is still open
  { projectId: null, status: 'open', score: 15, level: 'critical' }, // portfolio-wide
  { projectId: null, status: 'proposed', score: 15, level: 'critical' }, // portfolio-wide, untriaged
];

const overviews = overviewProjects({ projects, latest, previous, risks, currentPeriod: CURRENT, now: NOW });

describe('overviewProjects', () => {
  it.each([
    // id, health, previousHealth, reporting, lastReportedPeriod, daysSinceUpdate, openRisks, topRiskScore
    ['gov-1', 'green', 'amber', 'up-to-date', '2026-W48', 3, 2, 20],
    ['gov-2', 'red', 'red', 'due', '2026-W47', 9, 0, undefined],
    ['spt-1', 'amber', 'amber', 'overdue', '2026-W45', 24, 2, 16],
    ['spt-2', undefined, undefined, 'overdue', undefined, undefined, 0, undefined],
    ['pac-1', 'red', 'green', 'up-to-date', '2026-W48', 1, 0, undefined],
    ['res-1', 'green', 'green', 'not-required', '2026-W40', 58, 1, 6],
    ['res-2', undefined, undefined, 'not-required', undefined, undefined, 0, undefined],
    ['map-1', undefined, undefined, 'due', undefined, undefined, 0, undefined],
    ['map-2', undefined, undefined, 'not-required', undefined, undefined, 0, undefined],
  ])(
    '%s: health %s (was %s), %s',
    (id, health, previousHealth, reporting, lastReportedPeriod, days, openRisks, top) => {
      const o = overviews.find((x) => x.project.id === id)!;
      expect(o).toMatchObject({
        health,
        previousHealth,
        reporting,
        lastReportedPeriod,
        openRisks,
        topRiskScore: top,
      });
      expect(o.daysSinceUpdate).toBe(days);
    },
  );

  it('keeps the order of the projects it was given', () => {
    expect(overviews.map((o) => o.project.id)).toEqual(rows.map((r) => r.id));
  });
});

describe('summarisePortfolio', () => {
  const summary = summarisePortfolio(overviews, risks, CURRENT);
  const zero = { green: 0, amber: 0, red: 0, unknown: 0 };
  const noRisks = { low: 0, medium: 0, high: 0, critical: 0 };

  const expected: Record<PillarCode, Omit<PillarSummary, 'pillar'>> = {
    GOV: {
      projects: 2,
      health: { ...zero, green: 1, red: 1 },
      previousHealth: { ...zero, amber: 1, red: 1 },
      improved: 1,
      worsened: 0,
      updatesMissing: 1,
      overdue: 0,
      openRisks: 2,
      risksByLevel: { ...noRisks, critical: 1, high: 1 },
    },
    SPT: {
      projects: 2,
      health: { ...zero, amber: 1, unknown: 1 },
      previousHealth: { ...zero, amber: 1, unknown: 1 },
      improved: 0,
      worsened: 0,
      updatesMissing: 2,
      overdue: 2,
      openRisks: 2,
      risksByLevel: { ...noRisks, critical: 1, low: 1 },
    },
    PAC: {
      projects: 1,
      health: { ...zero, red: 1 },
      previousHealth: { ...zero, green: 1 },
      improved: 0,
      worsened: 1,
      updatesMissing: 0,
      overdue: 0,
      openRisks: 0,
      risksByLevel: noRisks,
    },
    RES: {
      // on hold and done: counted as projects, left out of the health counts
      projects: 2,
      health: zero,
      previousHealth: zero,
      improved: 0,
      worsened: 0,
      updatesMissing: 0,
      overdue: 0,
      openRisks: 1,
      risksByLevel: { ...noRisks, medium: 1 },
    },
    MAP: {
      // a project that started this week is due, not overdue; the proposed one is not counted for health
      projects: 2,
      health: { ...zero, unknown: 1 },
      previousHealth: { ...zero, unknown: 1 },
      improved: 0,
      worsened: 0,
      updatesMissing: 1,
      overdue: 0,
      openRisks: 0,
      risksByLevel: noRisks,
    },
  };

  it('lists the five pillars in their order', () => {
    expect(summary.period).toBe(CURRENT);
    expect(summary.pillars.map((p) => p.pillar)).toEqual([...PILLAR_CODES]);
  });

  it.each(PILLAR_CODES.map((code) => [code]))('%s', (code) => {
    const { pillar, ...rest } = summary.pillars.find((p) => p.pillar === code)!;
    expect(pillar).toBe(code);
    expect(rest).toEqual(expected[code]);
  });

  it('totals add up the pillars, and count the open portfolio-wide risks that belong to no pillar', () => {
    expect(summary.totals).toEqual({
      projects: 9,
      health: { green: 1, amber: 1, red: 2, unknown: 2 },
      previousHealth: { green: 1, amber: 2, red: 1, unknown: 2 },
      improved: 1,
      worsened: 1,
      updatesMissing: 4,
      overdue: 2,
      openRisks: 6,
      risksByLevel: { low: 1, medium: 1, high: 1, critical: 3 },
    });
  });

  it('an empty portfolio has all five pillars with zeros', () => {
    const empty = summarisePortfolio([], [], CURRENT);
    const zeros = {
      projects: 0,
      health: zero,
      previousHealth: zero,
      improved: 0,
      worsened: 0,
      updatesMissing: 0,
      overdue: 0,
      openRisks: 0,
      risksByLevel: noRisks,
    };
    expect(empty.pillars).toEqual(PILLAR_CODES.map((pillar) => ({ pillar, ...zeros })));
    expect(empty.totals).toEqual(zeros);
  });

  it.each<[string, RiskStatus, number]>([
    ['proposed', 'proposed', 0],
    ['closed', 'closed', 0],
    ['open', 'open', 1],
    ['mitigating', 'mitigating', 1],
    ['escalated', 'escalated', 1],
  ])('a %s risk counts %i', (_label, status, count) => {
    const one = overviewProjects({
      projects: [projects[0]!],
      latest: [],
      previous: [],
      risks: [{ projectId: projects[0]!.id, status, score: 9 }],
      currentPeriod: CURRENT,
      now: NOW,
    });
    expect(one[0]!.openRisks).toBe(count);
    const s = summarisePortfolio(one, [{ projectId: projects[0]!.id, status, level: 'medium' }], CURRENT);
    expect(s.totals.openRisks).toBe(count);
    expect(s.totals.risksByLevel.medium).toBe(count);
  });
});
