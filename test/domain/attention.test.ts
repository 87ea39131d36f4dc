// Needs attention's rules: weeks late, who sees what, who may nudge; health over the reporting weeks.
import { describe, expect, it } from 'vitest';
import { attentionScope, inScope, pillarsLedBy, weeksLate } from '../../bot/domain/attention.js';
import { healthHistory } from '../../bot/domain/health-history.js';
import { canNudgeOwner } from '../../bot/domain/permissions.js';

const leads = { pillarLeads: { PAC: ['p-leila'], SPT: ['p-dan', 'p-leila'] } };

describe('weeks late', () => {
  it.each([
    [{ startDate: null }, '2026-W47', '2026-W48', 0],
    [{ startDate: null }, '2026-W46', '2026-W48', 1],
    [{ startDate: null }, '2026-W44', '2026-W48', 3],
    [{ startDate: '2026-11-02' }, undefined, '2026-W48', 3],
    [{ startDate: '2026-11-23' }, undefined, '2026-W48', 0],
    [{ startDate: null }, undefined, '2026-W48', 1],
  ] as const)('%o, last %s, now %s: %i', (project, last, current, expected) => {
    expect(weeksLate(project, last, current)).toBe(expected);
  });
});

describe('attention scope', () => {
  const person = (id: string, role: 'cto' | 'owner' | 'viewer', active = true) => ({ id, role, active });
  it('is everything for the CTO, the led pillars for a lead, nothing otherwise', () => {
    expect(attentionScope(person('p-cto', 'cto'), leads)).toEqual({ kind: 'all' });
    expect(attentionScope(person('p-leila', 'owner'), leads)).toEqual({
      kind: 'pillars',
      pillars: ['PAC', 'SPT'],
    });
    expect(attentionScope(person('p-x', 'viewer'), leads)).toEqual({ kind: 'none' });
    expect(attentionScope(person('p-cto', 'cto', false), leads)).toEqual({ kind: 'none' });
    expect(pillarsLedBy('p-dan', leads)).toEqual(['SPT']);
    expect(inScope({ kind: 'pillars', pillars: ['PAC'] }, 'PAC')).toBe(true);
    expect(inScope({ kind: 'pillars', pillars: ['PAC'] }, undefined)).toBe(false);
    expect(inScope({ kind: 'all' }, undefined)).toBe(true);
  });

  it('lets the CTO and the pillar lead nudge, no one else', () => {
    expect(canNudgeOwner(person('p-cto', 'cto'), { pillar: 'GOV' }, leads).allowed).toBe(true);
    expect(canNudgeOwner(person('p-dan', 'owner'), { pillar: 'SPT' }, leads).allowed).toBe(true);
    expect(canNudgeOwner(person('p-dan', 'owner'), { pillar: 'PAC' }, leads)).toEqual({
      allowed: false,
      reason: 'role_required_cto',
    });
    expect(canNudgeOwner(person('p-dan', 'owner', false), { pillar: 'SPT' }, leads).allowed).toBe(false);
  });
});

describe('health history', () => {
  it('counts reporting projects by their latest health up to each week, from the week they started', () => {
    const projects = [
      { id: 'a', pillar: 'GOV', phase: 'executing', startDate: null },
      { id: 'b', pillar: 'PAC', phase: 'executing', startDate: '2026-11-20' },
      { id: 'c', pillar: 'PAC', phase: 'done', startDate: null },
    ] as const;
    const weeks = healthHistory(projects, [
      { period: '2026-W46', latest: [{ projectId: 'a', health: 'green' }] },
      { period: '2026-W47', latest: [{ projectId: 'a', health: 'amber' }] },
      {
        period: '2026-W48',
        latest: [
          { projectId: 'a', health: 'amber' },
          { projectId: 'b', health: 'red' },
        ],
      },
    ]);
    expect(weeks.map((w) => [w.period, w.totals])).toEqual([
      ['2026-W46', { green: 1, amber: 0, red: 0, unknown: 0 }],
      ['2026-W47', { green: 0, amber: 1, red: 0, unknown: 1 }],
      ['2026-W48', { green: 0, amber: 1, red: 1, unknown: 0 }],
    ]);
    expect(weeks[2]!.pillars.find((p) => p.pillar === 'PAC')!.health).toEqual({
      green: 0,
      amber: 0,
      red: 1,
      unknown: 0,
    });
  });
});
