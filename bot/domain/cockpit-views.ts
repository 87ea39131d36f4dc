// The cockpit's derived views (Needs attention, health over the reporting weeks), as zod schemas the
// API documents and the tab's typed client reads. Compile-time checks keep them equal to the rules'
// types.
import { z } from 'zod';
import type { HealthWeek } from './health-history.js';
import { Period } from './period.js';
import { PillarCode } from './pillar.js';
import { ProjectKind } from './project.js';
import { Risk } from './risk.js';

const HealthCounts = z.object({ green: z.number(), amber: z.number(), red: z.number(), unknown: z.number() });

export const HealthWeekSchema = z.object({
  period: Period,
  totals: HealthCounts,
  pillars: z.array(z.object({ pillar: PillarCode, health: HealthCounts })),
});
export const HealthHistorySchema = z.object({ items: z.array(HealthWeekSchema) });
export type HealthHistory = z.infer<typeof HealthHistorySchema>;

const ProjectRef = z.object({ id: z.string(), code: z.string(), title: z.string(), pillar: PillarCode });

export const LateUpdateSchema = z.object({
  project: ProjectRef.extend({ kind: ProjectKind }),
  ownerId: z.string(),
  ownerName: z.string(),
  /** Past weeks without an update (0 for an update merely due this week). */
  weeksLate: z.number().int().nonnegative(),
  lastReportedPeriod: Period.optional(),
});
export type LateUpdate = z.infer<typeof LateUpdateSchema>;

export const PendingEscalationSchema = z.object({
  risk: Risk,
  project: ProjectRef.nullable(),
  ownerName: z.string().nullable(),
  escalatedByName: z.string(),
});
export type PendingEscalation = z.infer<typeof PendingEscalationSchema>;

export const AttentionSchema = z.object({
  period: Period,
  /** Whose portfolio this is: all of it (CTO), the pillars the person leads, or nothing. */
  scope: z.enum(['all', 'pillars', 'none']),
  pillars: z.array(PillarCode),
  /** Acknowledge / accept / reassign (the Transformation Office). */
  canAct: z.boolean(),
  escalations: z.array(PendingEscalationSchema),
  overdue: z.array(LateUpdateSchema),
  due: z.array(LateUpdateSchema),
});
export type Attention = z.infer<typeof AttentionSchema>;

/** What a tab or API client sends to act on an escalation. */
export const EscalationActionBody = z
  .object({
    action: z.enum(['acknowledge', 'accept', 'reassign']),
    ownerId: z.string().min(1).max(64).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const NudgeResultSchema = z.object({
  /** Reminders sent now, or already sent for this week. */
  sent: z.number().int().nonnegative(),
  already: z.number().int().nonnegative(),
  /** The owner could not be reached by the bot (not installed, blocked), or is away. */
  unreachable: z.number().int().nonnegative(),
});
export type NudgeResult = z.infer<typeof NudgeResultSchema>;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type _HealthWeekMatches = Assert<Equal<z.infer<typeof HealthWeekSchema>, HealthWeek>>;
