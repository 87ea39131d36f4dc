// withUpdateFact folds one written status update into a project's kept facts; the stores use it
// instead of recomputing the facts on every update. Whatever order updates are written and amended
// in, folding each one must give the facts computed from all of the project's updates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Health } from '../../bot/domain/health.js';
import { FACT_UPDATES, projectFactsOf, withUpdateFact } from '../../bot/domain/read-model.js';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import { buildStatusUpdate } from '../helpers/fixtures.js';

const PROJECT = { id: 'p1', code: 'TR-01', pillar: 'SPT', phase: 'executing', startDate: null } as const;
const PERIODS = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45'] as const;

const factsOf = (updates: readonly StatusUpdate[]) =>
  projectFactsOf({ project: PROJECT, updates, risks: [], milestones: [], kpis: [] });

const update = (period: string, health: Health, percent: number) =>
  buildStatusUpdate({
    id: `su-p1-${period}`,
    projectId: 'p1',
    period,
    health,
    percentComplete: percent,
    blockers: percent > 50 ? 'vendor' : '',
  });

describe('withUpdateFact', () => {
  it('after any sequence of creates and amendments equals the facts computed from every update', () => {
    const write = fc.record({
      period: fc.constantFrom(...PERIODS),
      health: fc.constantFrom<Health>('green', 'amber', 'red'),
      percent: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 25 }), (writes) => {
        const stored = new Map<string, StatusUpdate>();
        let kept = factsOf([]);
        for (const w of writes) {
          const u = update(w.period, w.health, w.percent);
          stored.set(u.period, u);
          kept = withUpdateFact(kept, u);
          expect(kept).toEqual(factsOf([...stored.values()]));
        }
        expect(kept.updates.length).toBe(Math.min(FACT_UPDATES, stored.size));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the rest of the facts as they were', () => {
    const before = {
      ...factsOf([]),
      risks: { open: 2, escalated: 1, topScore: 20, byLevel: { low: 0, medium: 1, high: 0, critical: 1 } },
    };
    const after = withUpdateFact(before, update('2026-W45', 'red', 10));
    expect(after.risks).toEqual(before.risks);
    expect(after.kpis).toEqual(before.kpis);
    expect(after.updates.map((u) => [u.period, u.health])).toEqual([['2026-W45', 'red']]);
  });

  it('an amendment of an update older than the kept three changes nothing', () => {
    let kept = factsOf([]);
    for (const p of PERIODS.slice(2)) kept = withUpdateFact(kept, update(p, 'green', 50));
    const amended = withUpdateFact(kept, update('2026-W41', 'red', 5));
    expect(amended).toEqual(kept);
  });
});
