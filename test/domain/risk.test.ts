import { describe, expect, it } from 'vitest';
import {
  applyRiskRules,
  compareRisks,
  DEFAULT_ESCALATION_THRESHOLD,
  isActiveRisk,
  requiresEscalation,
  residualScore,
  Risk,
  RiskCreate,
  RiskPatch,
  riskLevel,
  riskScore,
  type RiskLevel,
  type RiskStatus,
} from '../../bot/domain/risk.js';
import { risk } from './builders.js';

const T0 = '2026-11-23T09:00:00.000Z';
const T1 = '2026-11-24T10:00:00.000Z';

describe('riskScore and riskLevel', () => {
  it.each<[number, RiskLevel]>([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [12, 'high'],
    [14, 'high'],
    [15, 'critical'],
    [16, 'critical'],
    [25, 'critical'],
  ])('score %i is %s', (score, level) => {
    expect(riskLevel(score)).toBe(level);
  });

  it.each([
    [1, 1, 1, 'low'],
    [2, 2, 4, 'low'],
    [1, 5, 5, 'medium'],
    [5, 1, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [3, 4, 12, 'high'],
    [3, 5, 15, 'critical'],
    [4, 4, 16, 'critical'],
    [5, 5, 25, 'critical'],
  ])('likelihood %i x impact %i = %i (%s)', (likelihood, impact, score, level) => {
    expect(riskScore(likelihood, impact)).toBe(score);
    expect(riskLevel(riskScore(likelihood, impact))).toBe(level);
  });

  it('every one of the 25 ratings pairs lands in the level range PRODUCT.md gives', () => {
    const ranges: Record<RiskLevel, [number, number]> = {
      low: [1, 4],
      medium: [5, 9],
      high: [10, 14],
      critical: [15, 25],
    };
    for (let l = 1; l <= 5; l++) {
      for (let i = 1; i <= 5; i++) {
        const score = riskScore(l, i);
        const [min, max] = ranges[riskLevel(score)];
        expect(score).toBeGreaterThanOrEqual(min);
        expect(score).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe('residualScore', () => {
  it.each([
    [null, null, undefined],
    [2, null, undefined],
    [null, 3, undefined],
    [2, 3, 6],
    [1, 1, 1],
    [5, 5, 25],
  ])('residual likelihood %j x impact %j -> %j', (residualLikelihood, residualImpact, expected) => {
    expect(residualScore({ residualLikelihood, residualImpact })).toBe(expected);
  });
});

describe('requiresEscalation', () => {
  it.each<[RiskStatus, number, number, boolean, 'threshold' | 'manual' | undefined, string]>([
    ['open', 14, 15, false, undefined, 'below the default threshold'],
    ['open', 15, 15, false, 'threshold', 'at the threshold'],
    ['open', 25, 15, false, 'threshold', 'above the threshold'],
    ['mitigating', 20, 15, false, 'threshold', 'mitigating does not hide a critical score'],
    ['open', 4, 15, true, 'manual', 'explicitly escalated low risk'],
    ['escalated', 4, 15, false, 'manual', 'status escalated by hand'],
    ['proposed', 25, 15, false, undefined, 'proposed risks wait for triage'],
    ['proposed', 25, 15, true, undefined, 'proposed risks wait for triage even when flagged'],
    ['closed', 25, 15, false, undefined, 'closed risks never escalate'],
    ['closed', 25, 15, true, undefined, 'closed risks never escalate even when flagged'],
    ['open', 10, 10, false, 'threshold', 'custom threshold 10'],
    ['open', 9, 10, false, undefined, 'below a custom threshold 10'],
    ['open', 20, 25, false, undefined, 'custom threshold 25'],
    ['open', 25, 25, false, 'threshold', 'at a custom threshold 25'],
  ])('%s, score %i, threshold %i, explicit %s -> %s (%s)', (status, score, threshold, explicit, expected) => {
    expect(requiresEscalation({ status, score }, threshold, explicit)).toBe(expected);
  });

  it('the default threshold is 15', () => {
    expect(DEFAULT_ESCALATION_THRESHOLD).toBe(15);
  });

  it.each<[RiskStatus, boolean]>([
    ['proposed', true],
    ['open', true],
    ['mitigating', true],
    ['escalated', true],
    ['closed', false],
  ])('isActiveRisk(%s) = %s', (status, active) => {
    expect(isActiveRisk({ status })).toBe(active);
  });
});

describe('applyRiskRules', () => {
  const ctx = (over: { threshold?: number; explicitEscalation?: boolean } = {}) => ({
    at: T1,
    byId: 'cto-1',
    threshold: over.threshold ?? DEFAULT_ESCALATION_THRESHOLD,
    explicitEscalation: over.explicitEscalation ?? false,
  });
  /** The stored risk after it was raised (score history has its first entry). */
  const stored = (over: Partial<Risk> = {}): Risk => {
    const r = risk(over);
    return {
      ...r,
      history: [{ at: T0, byId: 'owner-1', likelihood: r.likelihood, impact: r.impact, score: r.score }],
    };
  };
  const escalatedRecord = {
    reason: 'threshold' as const,
    at: T0,
    byId: 'owner-1',
    acknowledgedAt: null,
    acknowledgedById: null,
  };

  it('derives score and level from likelihood and impact, whatever the caller passed', () => {
    const { risk: r } = applyRiskRules(
      undefined,
      { ...risk({ likelihood: 3, impact: 4 }), score: 1, level: 'low' },
      ctx(),
    );
    expect(r.score).toBe(12);
    expect(r.level).toBe('high');
    expect(Risk.safeParse(r).success).toBe(true);
  });

  describe('score history', () => {
    it.each([
      ['raised (no earlier version)', undefined, { likelihood: 2, impact: 2 }, 1],
      ['likelihood changed', { likelihood: 2, impact: 2 }, { likelihood: 3, impact: 2 }, 2],
      ['impact changed', { likelihood: 2, impact: 2 }, { likelihood: 2, impact: 4 }, 2],
      ['both changed, same score', { likelihood: 2, impact: 3 }, { likelihood: 3, impact: 2 }, 2],
      [
        'only the title changed',
        { likelihood: 2, impact: 2 },
        { likelihood: 2, impact: 2, title: 'Renamed risk' },
        1,
      ],
      [
        'only the status changed',
        { likelihood: 2, impact: 2 },
        { likelihood: 2, impact: 2, status: 'mitigating' as const },
        1,
      ],
    ])('%s -> %i entries', (_label, beforeFields, nextFields, entries) => {
      const before = beforeFields ? stored(beforeFields) : undefined;
      const next = before ? { ...before, ...nextFields } : { ...risk(nextFields), history: [] };
      const { risk: r } = applyRiskRules(before, next, ctx());
      expect(r.history).toHaveLength(entries);
      const last = r.history.at(-1)!;
      expect([last.likelihood, last.impact, last.score]).toEqual([
        next.likelihood,
        next.impact,
        next.likelihood * next.impact,
      ]);
      if (entries > (before?.history.length ?? 0)) expect(last).toMatchObject({ at: T1, byId: 'cto-1' });
    });

    it('keeps at most 200 entries, dropping the oldest', () => {
      const long = Array.from({ length: 200 }, (_, i) => ({
        at: T0,
        byId: `p${i}`,
        likelihood: 2,
        impact: 2,
        score: 4,
      }));
      const before = { ...risk({ likelihood: 2, impact: 2 }), history: long };
      const { risk: r } = applyRiskRules(before, { ...before, likelihood: 3 }, ctx());
      expect(r.history).toHaveLength(200);
      expect(r.history[0]!.byId).toBe('p1');
      expect(r.history.at(-1)).toMatchObject({ likelihood: 3, score: 6, byId: 'cto-1' });
    });
  });

  describe('escalation', () => {
    type Case = {
      label: string;
      before?: Partial<Risk>;
      next: Partial<Risk>;
      threshold?: number;
      explicit?: boolean;
      escalated: boolean;
      reason?: 'threshold' | 'manual';
      status: RiskStatus;
    };
    const cases: Case[] = [
      {
        label: 'raised below the threshold',
        next: { likelihood: 2, impact: 5 },
        escalated: false,
        status: 'open',
      },
      {
        label: 'raised at the threshold',
        next: { likelihood: 3, impact: 5 },
        escalated: true,
        reason: 'threshold',
        status: 'escalated',
      },
      {
        label: 'raised critical',
        next: { likelihood: 5, impact: 5 },
        escalated: true,
        reason: 'threshold',
        status: 'escalated',
      },
      {
        label: 'raised low but flagged for the CTO',
        next: { likelihood: 1, impact: 1 },
        explicit: true,
        escalated: true,
        reason: 'manual',
        status: 'escalated',
      },
      {
        label: 'raised as a proposed concern, critical',
        next: { likelihood: 5, impact: 5, status: 'proposed' },
        escalated: false,
        status: 'proposed',
      },
      {
        label: 'raised as a proposed concern, flagged',
        next: { likelihood: 5, impact: 5, status: 'proposed' },
        explicit: true,
        escalated: false,
        status: 'proposed',
      },
      {
        label: 'an increase that crosses the threshold',
        before: { likelihood: 3, impact: 4 },
        next: { likelihood: 4, impact: 4 },
        escalated: true,
        reason: 'threshold',
        status: 'escalated',
      },
      {
        label: 'a mitigating risk that crosses the threshold: status forced to escalated',
        before: { likelihood: 3, impact: 4, status: 'mitigating' },
        next: { likelihood: 4, impact: 4, status: 'mitigating' },
        escalated: true,
        reason: 'threshold',
        status: 'escalated',
      },
      {
        label: 'an increase that stays below the threshold',
        before: { likelihood: 2, impact: 2 },
        next: { likelihood: 2, impact: 5 },
        escalated: false,
        status: 'open',
      },
      {
        label: 'status set to escalated by hand',
        before: { likelihood: 2, impact: 2 },
        next: { likelihood: 2, impact: 2, status: 'escalated' },
        escalated: true,
        reason: 'manual',
        status: 'escalated',
      },
      {
        label: 'the escalate flag on an open risk',
        before: { likelihood: 2, impact: 2 },
        next: { likelihood: 2, impact: 2 },
        explicit: true,
        escalated: true,
        reason: 'manual',
        status: 'escalated',
      },
      {
        label: 'a proposed critical concern triaged to open',
        before: { likelihood: 5, impact: 4, status: 'proposed' },
        next: { likelihood: 5, impact: 4, status: 'open' },
        escalated: true,
        reason: 'threshold',
        status: 'escalated',
      },
      {
        label: 'a closed critical risk reopened',
        before: { likelihood: 5, impact: 4, status: 'closed' },
        next: { likelihood: 5, impact: 4, status: 'open' },
        escalated: true,
        reason: 'threshold',
        status: 'escalated',
      },
      {
        label: 'a critical risk closed',
        before: { likelihood: 5, impact: 4, status: 'open' },
        next: { likelihood: 5, impact: 5, status: 'closed' },
        explicit: true,
        escalated: false,
        status: 'closed',
      },
      {
        label: 'custom threshold 10: reaching 10 escalates',
        before: { likelihood: 3, impact: 3 },
        next: { likelihood: 2, impact: 5 },
        threshold: 10,
        escalated: true,
        reason: 'threshold',
        status: 'escalated',
      },
      {
        label: 'custom threshold 20: 16 does not escalate',
        before: { likelihood: 3, impact: 3 },
        next: { likelihood: 4, impact: 4 },
        threshold: 20,
        escalated: false,
        status: 'open',
      },
      {
        label: 'a risk escalated once, lowered, then raised again: a fresh escalation record',
        before: { likelihood: 3, impact: 4, status: 'mitigating', escalation: escalatedRecord },
        next: { likelihood: 5, impact: 4, status: 'mitigating' },
        escalated: true,
        reason: 'threshold',
        status: 'escalated',
      },
    ];

    it.each(cases)('$label -> escalated $escalated, status $status', (c) => {
      const before = c.before ? stored(c.before) : undefined;
      const base = before ?? { ...risk({ ...c.next, status: c.next.status ?? 'open' }), history: [] };
      const next = { ...base, ...c.next };
      const { risk: r, escalated } = applyRiskRules(
        before,
        next,
        ctx({ threshold: c.threshold, explicitEscalation: c.explicit }),
      );
      expect(escalated).toBe(c.escalated);
      expect(r.status).toBe(c.status);
      if (c.escalated) {
        expect(r.escalation).toEqual({
          reason: c.reason,
          at: T1,
          byId: 'cto-1',
          acknowledgedAt: null,
          acknowledgedById: null,
        });
      } else {
        expect(r.escalation).toBeNull();
      }
      expect(Risk.safeParse(r).success).toBe(true);
    });

    describe('an already escalated risk is not escalated again on later edits', () => {
      const escalatedBefore = () => ({
        ...stored({ likelihood: 4, impact: 4, status: 'escalated' }),
        escalation: escalatedRecord,
      });
      it.each<[string, Partial<Risk>, boolean]>([
        ['title edited', { title: 'Vendor delivers very late' }, false],
        ['score raised further', { likelihood: 5, impact: 5 }, false],
        ['escalate flag sent again', {}, true],
        ['score lowered below the threshold', { likelihood: 2, impact: 2 }, false],
      ])('%s', (_label, change, explicit) => {
        const before = escalatedBefore();
        const { risk: r, escalated } = applyRiskRules(
          before,
          { ...before, ...change },
          ctx({ explicitEscalation: explicit }),
        );
        expect(escalated).toBe(false);
        expect(r.status).toBe('escalated');
        expect(r.escalation).toEqual(escalatedRecord);
      });

      it('its owner can move it on to mitigating without notifying the CTO again', () => {
        const before = escalatedBefore();
        const moved = applyRiskRules(before, { ...before, status: 'mitigating' }, ctx());
        expect(moved.escalated).toBe(false);
        expect(moved.risk.status).toBe('mitigating');
        // ...and further edits while still critical do not escalate it either.
        const edited = applyRiskRules(
          moved.risk,
          { ...moved.risk, mitigation: 'Second supplier engaged' },
          ctx(),
        );
        expect(edited.escalated).toBe(false);
        expect(edited.risk.status).toBe('mitigating');
        expect(edited.risk.escalation).toEqual(escalatedRecord);
      });

      it('a sequence of ten edits escalates exactly once', () => {
        let current: Risk | undefined;
        let notifications = 0;
        const edits: Array<Partial<Risk>> = [
          { likelihood: 2, impact: 2 },
          { likelihood: 4, impact: 4 },
          { title: 'Renamed' },
          { likelihood: 5, impact: 4 },
          { mitigation: 'Plan B' },
          { likelihood: 5, impact: 5 },
          { description: 'More detail' },
          { residualLikelihood: 2, residualImpact: 2 },
          { ownerId: 'owner-1' },
          { reviewDate: '2026-12-15' },
        ];
        for (const edit of edits) {
          const base: Risk = current ?? { ...risk(), history: [] };
          const result = applyRiskRules(current, { ...base, ...edit }, ctx());
          if (result.escalated) notifications += 1;
          current = result.risk;
        }
        expect(notifications).toBe(1);
        expect(current!.status).toBe('escalated');
        expect(current!.history.map((h) => h.score)).toEqual([4, 16, 20, 25]);
      });
    });
  });
});

describe('compareRisks: highest score first, then the most recently raised', () => {
  it('orders a small register', () => {
    const register = [
      { id: 'a', score: 6, raisedAt: '2026-11-01T00:00:00Z' },
      { id: 'b', score: 20, raisedAt: '2026-10-01T00:00:00Z' },
      { id: 'c', score: 20, raisedAt: '2026-11-20T00:00:00Z' },
      { id: 'd', score: 25, raisedAt: '2026-01-01T00:00:00Z' },
      { id: 'e', score: 6, raisedAt: '2026-11-02T00:00:00Z' },
      { id: 'f', score: 1, raisedAt: '2026-11-30T00:00:00Z' },
    ];
    expect([...register].sort(compareRisks).map((r) => r.id)).toEqual(['d', 'c', 'b', 'e', 'a', 'f']);
  });

  it.each([
    [{ score: 10, raisedAt: T0 }, { score: 10, raisedAt: T0 }, 0],
    [{ score: 9, raisedAt: T1 }, { score: 10, raisedAt: T0 }, 1],
    [{ score: 10, raisedAt: T1 }, { score: 10, raisedAt: T0 }, -1],
  ])('compareRisks(%j, %j) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareRisks(a, b))).toBe(sign);
  });
});

describe('risk schemas', () => {
  const valid = { projectId: 'p-1', title: 'Vendor delivers late', likelihood: 3, impact: 4 };

  it('RiskCreate accepts a minimal risk and fills the defaults', () => {
    expect(RiskCreate.parse(valid)).toMatchObject({
      category: 'delivery',
      strategy: 'reduce',
      description: '',
      escalate: false,
      residualLikelihood: null,
    });
    expect(RiskCreate.parse({ ...valid, projectId: null }).projectId).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['likelihood 0', { likelihood: 0 }, 'likelihood'],
    ['likelihood 6', { likelihood: 6 }, 'likelihood'],
    ['likelihood 2.5', { likelihood: 2.5 }, 'likelihood'],
    ['impact as text', { impact: '4' }, 'impact'],
    ['title too short', { title: 'ab' }, 'title'],
    ['title on two lines', { title: 'Vendor\nlate' }, 'title'],
    ['unknown category', { category: 'weather' }, 'category'],
    ['unknown strategy', { strategy: 'ignore' }, 'strategy'],
    ['status is decided by the server', { status: 'open' }, ''],
    ['review date that does not exist', { reviewDate: '2026-02-30' }, 'reviewDate'],
    ['residual likelihood 9', { residualLikelihood: 9 }, 'residualLikelihood'],
  ])('RiskCreate refuses %s (path %j)', (_label, change, path) => {
    const result = RiskCreate.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['empty patch', {}, true],
    ['status change', { status: 'mitigating' }, true],
    ['escalate flag', { escalate: true }, true],
    ['moving to another project', { projectId: 'p-2' }, false],
    ['unknown status', { status: 'archived' }, false],
    ['server fields', { score: 25 }, false],
  ])('RiskPatch: %s -> %s', (_label, patch, ok) => {
    expect(RiskPatch.safeParse(patch).success).toBe(ok);
  });

  it.each<[string, Record<string, unknown>]>([
    ['title only', { title: 'Vendor delivers very late' }],
    ['likelihood only', { likelihood: 4 }],
    ['escalate flag only', { escalate: true }],
  ])(
    'RiskPatch of %s parses to exactly the fields sent (no status, owner or mitigation reset)',
    (_label, patch) => {
      expect(RiskPatch.parse(patch)).toEqual(patch);
    },
  );
});
