// The synthetic portfolio for benchmarks: valid at any size, reproducible from its seed, proportional
// to the number of projects, and usable by the app (personas, every pillar and role).
import { describe, expect, it } from 'vitest';
import { periodOf, comparePeriods } from '../../bot/domain/period.js';
import { ROLES } from '../../bot/domain/person.js';
import { PILLAR_CODES } from '../../bot/domain/pillar.js';
import { ProjectCode } from '../../bot/domain/project.js';
import { RISK_LEVELS } from '../../bot/domain/risk.js';
import { DEMO_PERSONAS } from '../../bot/seed/personas.js';
import { countSeed } from '../../bot/seed/seed-data.js';
import { buildSyntheticPortfolio, syntheticCode } from '../../bot/seed/synthetic-portfolio.js';
import { referenceProblems, schemaProblems, stampProblems } from './seed-invariants.js';

const ZONE = 'Europe/Zurich';
const NOW = new Date('2026-11-25T10:00:00.000Z');
const hundred = buildSyntheticPortfolio({ projects: 100, now: NOW, timeZone: ZONE, seed: 42 });

describe('synthetic portfolio', () => {
  it('is valid: every entity parses unchanged, every reference resolves, stamped with now', () => {
    expect(schemaProblems(hundred)).toEqual([]);
    expect(referenceProblems(hundred)).toEqual([]);
    expect(stampProblems(hundred, NOW.toISOString())).toEqual([]);
  });

  it('has about 10 updates, 5 risks and 4 milestones per project, a KPI per 5 projects, a person per 3', () => {
    const c = countSeed(hundred);
    expect(c.projects).toBe(100);
    expect(c.statusUpdates).toBeGreaterThanOrEqual(850);
    expect(c.statusUpdates).toBeLessThanOrEqual(1000);
    expect(c.risks).toBeGreaterThanOrEqual(500);
    expect(c.risks).toBeLessThanOrEqual(510);
    expect(c.milestones).toBe(400);
    expect(c.kpis).toBe(20);
    expect(c.measurements).toBe(120);
    expect(c.people).toBeGreaterThanOrEqual(30);
    expect(c.people).toBeLessThanOrEqual(36);
  });

  it('scales with the number of projects', () => {
    const c = countSeed(buildSyntheticPortfolio({ projects: 400, now: NOW, timeZone: ZONE, seed: 42 }));
    const base = countSeed(hundred);
    expect(c.projects).toBe(400);
    expect(c.milestones).toBe(4 * base.milestones);
    expect(c.kpis).toBe(4 * base.kpis);
    expect(c.statusUpdates / base.statusUpdates).toBeGreaterThan(3.5);
    expect(c.statusUpdates / base.statusUpdates).toBeLessThan(4.5);
    expect(c.risks / base.risks).toBeGreaterThan(3.9);
    expect(c.people / base.people).toBeGreaterThan(3.5);
  });

  it('is reproducible from its seed and different with another seed', () => {
    expect(buildSyntheticPortfolio({ projects: 100, now: NOW, timeZone: ZONE, seed: 42 })).toEqual(hundred);
    const other = buildSyntheticPortfolio({ projects: 100, now: NOW, timeZone: ZONE, seed: 43 });
    expect(other.projects.map((p) => p.title)).not.toEqual(hundred.projects.map((p) => p.title));
    // The default seed is fixed too.
    expect(buildSyntheticPortfolio({ projects: 30, now: NOW, timeZone: ZONE })).toEqual(
      buildSyntheticPortfolio({ projects: 30, now: NOW, timeZone: ZONE, seed: 1 }),
    );
  });

  it('includes the five personas, every role and pillar, and work for the personas', () => {
    for (const persona of Object.values(DEMO_PERSONAS)) {
      expect(hundred.people.find((p) => p.id === persona.id)).toMatchObject({
        aadObjectId: persona.aadObjectId,
        role: persona.role,
      });
    }
    for (const role of ROLES) expect(hundred.people.some((p) => p.role === role)).toBe(true);
    for (const pillar of PILLAR_CODES) expect(hundred.projects.some((p) => p.pillar === pillar)).toBe(true);
    expect(
      hundred.projects.some(
        (p) => p.kind === 'accelerated-initiative' && p.ownerId === DEMO_PERSONAS.owner.id,
      ),
    ).toBe(true);
    expect(
      hundred.projects.some(
        (p) => p.kind === 'change-case' && p.memberIds.includes(DEMO_PERSONAS.changemaker.id),
      ),
    ).toBe(true);
  });

  it('looks like a real portfolio: risk levels, overdue reporting, updates only up to now', () => {
    expect(new Set(hundred.risks.map((r) => r.level))).toEqual(new Set(RISK_LEVELS));
    const current = periodOf(NOW, ZONE);
    for (const u of hundred.statusUpdates) {
      expect(comparePeriods(u.period, current)).toBeLessThanOrEqual(0);
      expect(Date.parse(u.submittedAt)).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(hundred.statusUpdates.some((u) => u.period === current)).toBe(true);
    expect(hundred.projects.filter((p) => p.phase === 'executing').length).toBeGreaterThan(40);
  });

  it('is valid built across the year boundary', () => {
    const data = buildSyntheticPortfolio({
      projects: 60,
      now: new Date('2027-01-02T12:00:00Z'),
      timeZone: ZONE,
      seed: 5,
    });
    expect(schemaProblems(data)).toEqual([]);
    expect(referenceProblems(data)).toEqual([]);
    expect(data.statusUpdates.some((u) => u.period === '2026-W53')).toBe(true);
  });

  it('refuses a size that is not a positive whole number', () => {
    for (const projects of [0, -1, 1.5, Number.NaN]) {
      expect(() => buildSyntheticPortfolio({ projects, now: NOW, timeZone: ZONE })).toThrow(RangeError);
    }
  });
});

describe('syntheticCode', () => {
  it.each([
    ['TR', 1, 'TR-01'],
    ['TR', 9999, 'TR-9999'],
    ['TR', 10_000, 'TRA-01'],
    ['TR', 19_998, 'TRA-9999'],
    ['TR', 19_999, 'TRB-01'],
    ['CC', 100_000, 'CCJ-10'],
  ])('%s #%i is %s', (prefix, n, code) => {
    expect(syntheticCode(prefix, n)).toBe(code);
  });

  it('gives valid, distinct project codes up to 100,000 projects', () => {
    const codes = Array.from({ length: 100_000 }, (_, i) => syntheticCode('TR', i + 1));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of [codes[0], codes[9_998], codes[9_999], codes[99_999]]) {
      expect(ProjectCode.safeParse(code).success).toBe(true);
    }
    expect(codes.every((c) => /^[A-Z]{2,5}-\d{1,4}$/.test(c))).toBe(true);
  });
});
