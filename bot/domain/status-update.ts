// Weekly status updates: one per project per ISO week. Submitting again in the same period amends
// the update and keeps the earlier version in `history` (oldest first).
import { z } from 'zod';
import { Health } from './health.js';
import { Period } from './period.js';
import { Id, IsoDateTime, text, Version } from './primitives.js';

export const SURFACES = ['bot', 'tab', 'api', 'job', 'seed', 'system'] as const;
export const Surface = z.enum(SURFACES);
export type Surface = z.infer<typeof Surface>;

export const UPDATE_SOURCES = ['bot', 'tab', 'api'] as const;
export const UpdateSource = z.enum(UPDATE_SOURCES);
export type UpdateSource = z.infer<typeof UpdateSource>;

/** The dimensions an update may rate besides the overall health (Resources: people and skills). */
export const HEALTH_DIMENSIONS = ['schedule', 'budget', 'scope', 'resources'] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];

export const HealthDimensions = z
  .object({
    schedule: Health.optional(),
    budget: Health.optional(),
    scope: Health.optional(),
    resources: Health.optional(),
  })
  .strict();
export type HealthDimensions = z.infer<typeof HealthDimensions>;

/** What the author writes. */
export const StatusUpdateContent = z.object({
  health: Health,
  dimensions: HealthDimensions.default({}),
  percentComplete: z
    .number({ error: 'expected a number from 0 to 100' })
    .int({ error: 'expected a whole number from 0 to 100' })
    .min(0, { error: 'expected a number from 0 to 100' })
    .max(100, { error: 'expected a number from 0 to 100' }),
  summary: text(2000, 1),
  achievements: text(4000).default(''),
  nextSteps: text(4000).default(''),
  blockers: text(4000).default(''),
});
export type StatusUpdateContent = z.infer<typeof StatusUpdateContent>;

export const StatusUpdateRevision = StatusUpdateContent.extend({
  authorId: Id,
  submittedAt: IsoDateTime,
  source: UpdateSource,
  submissionKey: z.string().max(128).nullable().default(null),
});
export type StatusUpdateRevision = z.infer<typeof StatusUpdateRevision>;

export const MAX_REVISIONS = 50;

export const StatusUpdate = StatusUpdateRevision.extend({
  id: Id,
  projectId: Id,
  period: Period,
  history: z.array(StatusUpdateRevision).max(MAX_REVISIONS).default([]),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;

/** API / card body for a submission. */
export const StatusUpdateSubmit = StatusUpdateContent.extend({
  period: Period.optional(),
}).strict();
export type StatusUpdateSubmit = z.input<typeof StatusUpdateSubmit>;

/** What the author wrote in an update (without who, when and how). */
export function contentOf(u: StatusUpdate): StatusUpdateContent {
  return {
    health: u.health,
    dimensions: u.dimensions,
    percentComplete: u.percentComplete,
    summary: u.summary,
    achievements: u.achievements,
    nextSteps: u.nextSteps,
    blockers: u.blockers,
  };
}

export function revisionOf(u: StatusUpdate): StatusUpdateRevision {
  return {
    ...contentOf(u),
    authorId: u.authorId,
    submittedAt: u.submittedAt,
    source: u.source,
    submissionKey: u.submissionKey,
  };
}

/** Amends an update: the current content moves to history and the new content takes its place. */
export function amendStatusUpdate(current: StatusUpdate, next: StatusUpdateRevision): StatusUpdate {
  const history = [...current.history, revisionOf(current)].slice(-MAX_REVISIONS);
  return { ...current, ...next, history };
}

/** True when this submission key was already applied to the update (a replayed submission). */
export function hasSubmission(update: StatusUpdate, key: string | null | undefined): boolean {
  if (!key) return false;
  return update.submissionKey === key || update.history.some((r) => r.submissionKey === key);
}

export function sameContent(a: StatusUpdateContent, b: StatusUpdateContent): boolean {
  return (
    a.health === b.health &&
    a.percentComplete === b.percentComplete &&
    a.summary === b.summary &&
    a.achievements === b.achievements &&
    a.nextSteps === b.nextSteps &&
    a.blockers === b.blockers &&
    HEALTH_DIMENSIONS.every((d) => a.dimensions[d] === b.dimensions[d])
  );
}

/** The pre-filled content of a new update: the previous one's, ready to edit. */
export function prefillFrom(previous: StatusUpdate | undefined): Partial<StatusUpdateContent> {
  if (!previous) return {};
  return {
    health: previous.health,
    dimensions: previous.dimensions,
    percentComplete: previous.percentComplete,
    summary: previous.summary,
    achievements: '',
    nextSteps: previous.nextSteps,
    blockers: previous.blockers,
  };
}
