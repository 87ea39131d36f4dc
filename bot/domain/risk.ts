// Risks: likelihood x impact scoring, levels, escalation and the residual score after mitigation.
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, line, patchOf, text, Version } from './primitives.js';

export const Rating = z
  .number({ error: 'expected a whole number from 1 to 5' })
  .int({ error: 'expected a whole number from 1 to 5' })
  .min(1, { error: 'expected a whole number from 1 to 5' })
  .max(5, { error: 'expected a whole number from 1 to 5' });
export type Rating = z.infer<typeof Rating>;

export const RISK_CATEGORIES = [
  'strategic',
  'operational',
  'financial',
  'technology',
  'people',
  'compliance',
  'reputational',
  'delivery',
] as const;
export const RiskCategory = z.enum(RISK_CATEGORIES);
export type RiskCategory = z.infer<typeof RiskCategory>;

export const RISK_STRATEGIES = ['avoid', 'reduce', 'transfer', 'accept'] as const;
export const RiskStrategy = z.enum(RISK_STRATEGIES);
export type RiskStrategy = z.infer<typeof RiskStrategy>;

export const RISK_STATUSES = ['proposed', 'open', 'mitigating', 'escalated', 'closed'] as const;
export const RiskStatus = z.enum(RISK_STATUSES);
export type RiskStatus = z.infer<typeof RiskStatus>;

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const DEFAULT_ESCALATION_THRESHOLD = 15;

export function riskScore(likelihood: Rating, impact: Rating): number {
  return likelihood * impact;
}

/** low 1-4, medium 5-9, high 10-14, critical 15-25. */
export function riskLevel(score: number): RiskLevel {
  if (score >= 15) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

export const ScoreChange = z.object({
  at: IsoDateTime,
  byId: Id,
  likelihood: Rating,
  impact: Rating,
  score: z.number().int().min(1).max(25),
});
export type ScoreChange = z.infer<typeof ScoreChange>;

export const Escalation = z.object({
  reason: z.enum(['threshold', 'manual']),
  at: IsoDateTime,
  byId: Id,
  acknowledgedAt: IsoDateTime.nullable().default(null),
  acknowledgedById: Id.nullable().default(null),
});
export type Escalation = z.infer<typeof Escalation>;

const RiskShape = z.object({
  projectId: Id.nullable().default(null),
  title: line(200, 3),
  description: text(4000).default(''),
  category: RiskCategory.default('delivery'),
  likelihood: Rating,
  impact: Rating,
  strategy: RiskStrategy.default('reduce'),
  mitigation: text(4000).default(''),
  ownerId: Id.nullable().default(null),
  status: RiskStatus.default('open'),
  residualLikelihood: Rating.nullable().default(null),
  residualImpact: Rating.nullable().default(null),
  reviewDate: IsoDate.nullable().default(null),
  /** Readable only by the CTO, the risk's owner and raiser, the project's owner and leads and the pillar's leads. */
  confidential: z.boolean().default(false),
});

export const Risk = RiskShape.extend({
  id: Id,
  score: z.number().int().min(1).max(25),
  level: z.enum(RISK_LEVELS),
  raisedById: Id,
  raisedAt: IsoDateTime,
  escalation: Escalation.nullable().default(null),
  history: z.array(ScoreChange).max(200).default([]),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Risk = z.infer<typeof Risk>;

/** Raising a risk: status is decided by the service from the raiser's role. */
export const RiskCreate = RiskShape.omit({ status: true })
  .extend({ id: Id.optional(), escalate: z.boolean().default(false) })
  .strict();
export type RiskCreate = z.input<typeof RiskCreate>;

export const RiskPatch = patchOf(RiskShape.omit({ projectId: true }))
  .extend({ escalate: z.boolean().optional() })
  .strict();
export type RiskPatch = z.input<typeof RiskPatch>;

export function residualScore(risk: Pick<Risk, 'residualLikelihood' | 'residualImpact'>): number | undefined {
  if (risk.residualLikelihood == null || risk.residualImpact == null) return undefined;
  return riskScore(risk.residualLikelihood, risk.residualImpact);
}

export function isActiveRisk(risk: Pick<Risk, 'status'>): boolean {
  return risk.status !== 'closed';
}

/** Is this risk one the CTO must hear about: at or above the threshold, or explicitly escalated? */
export function requiresEscalation(
  risk: Pick<Risk, 'status' | 'score'>,
  threshold: number,
  explicit = false,
): 'threshold' | 'manual' | undefined {
  if (risk.status === 'closed' || risk.status === 'proposed') return undefined;
  if (explicit || risk.status === 'escalated') return 'manual';
  if (risk.score >= threshold) return 'threshold';
  return undefined;
}

/**
 * Applies likelihood/impact and the derived fields, appending to the score history when the score
 * inputs changed, and decides whether this change escalates the risk to the CTO.
 *
 * Escalation rule: a risk escalates when it is explicitly escalated (the flag, or its status set to
 * `escalated` by hand), or when its score reaches the threshold from below: on being raised, on an
 * increase that crosses the threshold, or when a proposed or closed risk at or above the threshold
 * is triaged or reopened. Proposed and closed risks never escalate. A risk that was already at or
 * above the threshold does not escalate again on later edits, so its owner can move it on (e.g. to
 * `mitigating`) without notifying the CTO each time. When it escalates, its status becomes
 * `escalated` and a fresh escalation record replaces any earlier one; the caller notifies the CTO
 * when `escalated` is true.
 */
export function applyRiskRules(
  before: Risk | undefined,
  next: Omit<Risk, 'score' | 'level'> & { score?: number; level?: RiskLevel },
  ctx: { at: string; byId: string; threshold: number; explicitEscalation: boolean },
): { risk: Risk; escalated: boolean } {
  const score = riskScore(next.likelihood, next.impact);
  const level = riskLevel(score);
  const history =
    !before || before.likelihood !== next.likelihood || before.impact !== next.impact
      ? [
          ...next.history,
          { at: ctx.at, byId: ctx.byId, likelihood: next.likelihood, impact: next.impact, score },
        ].slice(-200)
      : next.history;
  const risk: Risk = { ...next, score, level, history };
  if (risk.status === 'closed' || risk.status === 'proposed') return { risk, escalated: false };

  const wasEscalated = before?.status === 'escalated';
  const explicit = !wasEscalated && (ctx.explicitEscalation || risk.status === 'escalated');
  const wasAtOrAbove =
    before !== undefined &&
    before.status !== 'proposed' &&
    before.status !== 'closed' &&
    before.score >= ctx.threshold;
  const reason: Escalation['reason'] | undefined = explicit
    ? 'manual'
    : score >= ctx.threshold && !wasAtOrAbove && !wasEscalated
      ? 'threshold'
      : undefined;
  if (!reason) return { risk, escalated: false };
  return {
    risk: {
      ...risk,
      status: 'escalated',
      escalation: { reason, at: ctx.at, byId: ctx.byId, acknowledgedAt: null, acknowledgedById: null },
    },
    escalated: true,
  };
}

/** Highest score first, then the most recently raised. */
export function compareRisks(
  a: Pick<Risk, 'score' | 'raisedAt'>,
  b: Pick<Risk, 'score' | 'raisedAt'>,
): number {
  return b.score - a.score || (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0);
}
