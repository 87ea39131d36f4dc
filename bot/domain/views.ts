// The shapes of derived views the API returns (and the tab reads), as zod schemas. They live in the
// domain so the tab's typed client uses the very schemas the server documents; compile-time checks at
// the bottom keep them equal to the types the rules produce.
import { z } from 'zod';
import { AuditEvent } from './audit.js';
import { Health, HEALTHS } from './health.js';
import { Kpi, Measurement } from './kpi.js';
import { SUPPORTED_LOCALES } from './locale.js';
import { Milestone, MILESTONE_STATUSES } from './milestone.js';
import { ORG_UNIT_KINDS } from './org-unit.js';
import { Period } from './period.js';
import { Person, ROLES } from './person.js';
import { PILLAR_CODES, PillarCode } from './pillar.js';
import type { PortfolioSummary, ProjectOverview } from './portfolio.js';
import { Project, PROJECT_KINDS, PROJECT_PHASES } from './project.js';
import { Risk, RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, RISK_STRATEGIES } from './risk.js';
import { Settings } from './settings.js';
import { StatusUpdate, StatusUpdateContent } from './status-update.js';

export const ReportingStateSchema = z.enum(['not-required', 'up-to-date', 'due', 'overdue']);

export const ProjectOverviewSchema = z.object({
  project: Project,
  health: Health.optional(),
  previousHealth: Health.optional(),
  percentComplete: z.number().optional(),
  lastReportedPeriod: Period.optional(),
  lastUpdateAt: z.string().optional(),
  daysSinceUpdate: z.number().optional(),
  reporting: ReportingStateSchema,
  openRisks: z.number(),
  topRiskScore: z.number().optional(),
});

const HealthCountsSchema = z.object({
  green: z.number(),
  amber: z.number(),
  red: z.number(),
  unknown: z.number(),
});
const PillarTotalsSchema = z.object({
  projects: z.number(),
  health: HealthCountsSchema,
  previousHealth: HealthCountsSchema,
  improved: z.number(),
  worsened: z.number(),
  updatesMissing: z.number(),
  overdue: z.number(),
  openRisks: z.number(),
  risksByLevel: z.object({ low: z.number(), medium: z.number(), high: z.number(), critical: z.number() }),
});

export const PortfolioSummarySchema = z.object({
  period: Period,
  pillars: z.array(PillarTotalsSchema.extend({ pillar: PillarCode })),
  totals: PillarTotalsSchema,
});

export const MyWorkSchema = z.object({
  projects: z.array(ProjectOverviewSchema.extend({ relation: z.enum(['owner', 'lead', 'member']) })),
  updatesDue: z.array(ProjectOverviewSchema),
  risks: z.array(Risk),
  milestonesDue: z.array(Milestone),
});

export const DraftSchema = z.object({
  period: Period,
  projectId: z.string(),
  existing: StatusUpdate.optional(),
  previous: StatusUpdate.optional(),
  prefill: StatusUpdateContent.partial(),
});

export const SubmitResultSchema = z.object({
  update: StatusUpdate,
  amended: z.boolean(),
  replayed: z.boolean(),
});

export const KpiProgressSchema = z.object({
  latest: z.object({ value: z.number(), date: z.string() }).optional(),
  progress: z.number().optional(),
  expected: z.number().optional(),
  trend: z.enum(['on-track', 'behind', 'achieved', 'no-data']),
});

export const KpiWithProgressSchema = z.object({
  kpi: Kpi,
  measurements: z.array(Measurement),
  progress: KpiProgressSchema,
});

export const MeSchema = z.object({
  person: Person,
  /** True for a tenant member who is not on the roster (a viewer). */
  guest: z.boolean(),
  canAdminister: z.boolean(),
  authMode: z.enum(['dev', 'entra']),
  currentPeriod: Period,
  orgTimeZone: z.string(),
  /** Today's date in the organisation's time zone (the server's clock): what is overdue is decided by it. */
  today: z.iso.date().optional(),
});
export type Me = z.infer<typeof MeSchema>;

export const ReferenceSchema = z.object({
  locales: z.array(z.enum(SUPPORTED_LOCALES)),
  pillars: z.array(
    z.object({ code: z.enum(PILLAR_CODES), order: z.number(), name: z.record(z.string(), z.string()) }),
  ),
  orgUnits: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(ORG_UNIT_KINDS),
      parent: z.string().optional(),
    }),
  ),
  enums: z.object({
    roles: z.array(z.enum(ROLES)),
    projectKinds: z.array(z.enum(PROJECT_KINDS)),
    projectPhases: z.array(z.enum(PROJECT_PHASES)),
    healths: z.array(z.enum(HEALTHS)),
    riskCategories: z.array(z.enum(RISK_CATEGORIES)),
    riskStrategies: z.array(z.enum(RISK_STRATEGIES)),
    riskStatuses: z.array(z.enum(RISK_STATUSES)),
    riskLevels: z.array(z.enum(RISK_LEVELS)),
    milestoneStatuses: z.array(z.enum(MILESTONE_STATUSES)),
  }),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}

export { AuditEvent, Settings };

// Compile-time: the schemas describe exactly what the rules return.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type _OverviewMatches = Assert<Equal<z.infer<typeof ProjectOverviewSchema>, ProjectOverview>>;
export type _SummaryMatches = Assert<Equal<z.infer<typeof PortfolioSummarySchema>, PortfolioSummary>>;
