import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, line, patchOf, Version } from './primitives.js';

export const MILESTONE_STATUSES = ['planned', 'done', 'missed'] as const;
export const MilestoneStatus = z.enum(MILESTONE_STATUSES);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

const MilestoneShape = z.object({
  projectId: Id,
  title: line(200, 3),
  dueDate: IsoDate,
  status: MilestoneStatus.default('planned'),
  completedOn: IsoDate.nullable().default(null),
});

/** A patch may not mark a milestone done while clearing its completion date (the service fills today when omitted). */
function completionConsistent(m: { status?: MilestoneStatus; completedOn?: string | null }): boolean {
  return !(m.status === 'done' && m.completedOn === null);
}

export const Milestone = MilestoneShape.extend({
  id: Id,
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).refine((m) => m.status !== 'done' || m.completedOn !== null, {
  error: 'a completed milestone needs its completion date',
  path: ['completedOn'],
});
export type Milestone = z.infer<typeof Milestone>;

export const MilestoneCreate = MilestoneShape.extend({ id: Id.optional() }).strict();
export type MilestoneCreate = z.input<typeof MilestoneCreate>;

export const MilestonePatch = patchOf(MilestoneShape.omit({ projectId: true }))
  .strict()
  .refine(completionConsistent, {
    error: 'a completed milestone needs its completion date',
    path: ['completedOn'],
  });
export type MilestonePatch = z.input<typeof MilestonePatch>;

/** The status as of today: a planned milestone past its due date counts as missed. */
export function effectiveMilestoneStatus(
  m: Pick<Milestone, 'status' | 'dueDate'>,
  today: IsoDate,
): MilestoneStatus {
  if (m.status === 'planned' && m.dueDate < today) return 'missed';
  return m.status;
}

export function isDueWithin(
  m: Pick<Milestone, 'status' | 'dueDate'>,
  today: IsoDate,
  lastDay: IsoDate,
): boolean {
  return m.status === 'planned' && m.dueDate >= today && m.dueDate <= lastDay;
}
