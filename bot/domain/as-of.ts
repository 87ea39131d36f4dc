// Facts as they stood at the end of a period. The store holds each entity as it is now; the digest and
// the Council report describe a period in the past, so they rewind what changed since, from the
// histories the store keeps:
// - audit events (every write records the before and after of each changed field, PRODUCT.md section
//   2): a field changed after the cutoff had its earliest change's `before` value at the cutoff, and
//   an entity whose `create` event is after the cutoff did not exist yet (seeded entities carry a
//   `seed` event instead, and count as history);
// - a risk's score history (likelihood, impact and score with the time of each change) and its
//   escalation record (when it was escalated and acknowledged), which also cover seeded risks;
// - a status update's revisions (each amendment keeps the earlier content with its submission time);
// - milestone completion dates.
// Pure: the cutoff is an argument, never the clock.
import type { AuditEvent, EntityType } from './audit.js';
import type { Milestone } from './milestone.js';
import { periodEnd, type Period } from './period.js';
import { addDays, dateInZone, type IsoDate } from './primitives.js';
import { riskLevel, type Risk } from './risk.js';
import type { StatusUpdateRevision } from './status-update.js';
import { zonedTimeToInstant } from './zoned-time.js';

/** A moment in time: facts recorded at or after `atMs` are later than it. */
export interface Cutoff {
  /** The first instant after the facts that count (ISO). */
  at: string;
  atMs: number;
  /** The last calendar day that counts, in the organisation's time zone. */
  lastDay: IsoDate;
}

/** The end of a period: Monday 00:00 after its Sunday, in the organisation's time zone. */
export function periodCutoff(period: Period, timeZone: string): Cutoff {
  const lastDay = periodEnd(period);
  const at = zonedTimeToInstant(addDays(lastDay, 1), '00:00', timeZone);
  return { at: at.toISOString(), atMs: at.getTime(), lastDay };
}

/** A cutoff just after an instant, which counts (a period still in progress is reported as it stands now). */
export function instantCutoff(instant: Date, timeZone: string): Cutoff {
  const after = new Date(instant.getTime() + 1);
  return { at: after.toISOString(), atMs: after.getTime(), lastDay: dateInZone(instant, timeZone) };
}

/** The earlier of two cutoffs. */
export function earlierCutoff(a: Cutoff, b: Cutoff): Cutoff {
  return a.atMs <= b.atMs ? a : b;
}

export function isAfterCutoff(instant: string, cutoff: Cutoff): boolean {
  return Date.parse(instant) >= cutoff.atMs;
}

/** The day after the cutoff's last day: "today" for whoever reads the period as it closed. */
export function dayAfterCutoff(cutoff: Cutoff): IsoDate {
  return addDays(cutoff.lastDay, 1);
}

/** Audit events after a cutoff, grouped by entity, newest first. */
export type Trails = ReadonlyMap<string, readonly AuditEvent[]>;

export function trailKey(entityType: EntityType, entityId: string): string {
  return `${entityType}:${entityId}`;
}

export function trailsAfter(events: readonly AuditEvent[], cutoff: Cutoff): Trails {
  const trails = new Map<string, AuditEvent[]>();
  for (const e of events) {
    if (!isAfterCutoff(e.at, cutoff)) continue;
    const key = trailKey(e.entityType, e.entityId);
    const list = trails.get(key);
    if (list) list.push(e);
    else trails.set(key, [e]);
  }
  for (const list of trails.values()) list.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return trails;
}

/** Fields that are optional objects (absent rather than null when there was none). */
const OPTIONAL_OBJECT_FIELDS = new Set(['titles']);

/**
 * The entity as it was before the writes of its trail (newest first), or undefined when the trail
 * holds its creation. Top-level fields only, as audit events record them.
 */
export function rewind<T extends object>(
  current: T,
  trail: readonly AuditEvent[] | undefined,
): T | undefined {
  if (!trail?.length) return current;
  const state = { ...current } as Record<string, unknown>;
  for (const event of trail) {
    if (event.action === 'create') return undefined;
    for (const change of event.changes) {
      if (change.before === null && OPTIONAL_OBJECT_FIELDS.has(change.field)) delete state[change.field];
      else state[change.field] = change.before;
    }
  }
  return state as unknown as T;
}

function trailOf(trails: Trails, type: EntityType, id: string): readonly AuditEvent[] | undefined {
  return trails.get(trailKey(type, id));
}

/** An entity with an id, as it stood at the cutoff (undefined: created later). */
export function entityAsOf<T extends { id: string }>(
  type: EntityType,
  entity: T,
  trails: Trails,
): T | undefined {
  return rewind(entity, trailOf(trails, type, entity.id));
}

/**
 * A risk as it stood at the cutoff: undefined when raised later; score, likelihood and impact from its
 * score history; status and every other field from the audit trail; an escalation or an
 * acknowledgement made later is undone (the risk was not escalated then).
 */
export function riskAsOf(risk: Risk, trails: Trails, cutoff: Cutoff): Risk | undefined {
  if (isAfterCutoff(risk.raisedAt, cutoff)) return undefined;
  const rewound = rewind(risk, trailOf(trails, 'risk', risk.id));
  if (!rewound) return undefined;
  const history = rewound.history.filter((h) => !isAfterCutoff(h.at, cutoff));
  let out: Risk = { ...rewound, history };
  const last = history.at(-1);
  if (last && history.length < rewound.history.length) {
    out = {
      ...out,
      likelihood: last.likelihood,
      impact: last.impact,
      score: last.score,
      level: riskLevel(last.score),
    };
  }
  const escalation = out.escalation;
  if (escalation && isAfterCutoff(escalation.at, cutoff)) {
    out = { ...out, escalation: null, status: out.status === 'escalated' ? 'open' : out.status };
  } else if (escalation?.acknowledgedAt && isAfterCutoff(escalation.acknowledgedAt, cutoff)) {
    out = { ...out, escalation: { ...escalation, acknowledgedAt: null, acknowledgedById: null } };
  }
  return out;
}

/**
 * A milestone as it stood at the end of the cutoff's last day: one completed later was still planned,
 * one marked missed before its due date had come was still planned.
 */
export function milestoneAsOf<T extends Pick<Milestone, 'id' | 'status' | 'dueDate' | 'completedOn'>>(
  milestone: T,
  trails: Trails,
  cutoff: Cutoff,
): T | undefined {
  const m = rewind(milestone, trailOf(trails, 'milestone', milestone.id));
  if (!m) return undefined;
  if (m.status === 'done' && (!m.completedOn || m.completedOn > cutoff.lastDay)) {
    return { ...m, status: 'planned', completedOn: null };
  }
  if (m.status === 'missed' && m.dueDate > cutoff.lastDay) return { ...m, status: 'planned' };
  return m;
}

type UpdateLike = { submittedAt: string; history?: readonly StatusUpdateRevision[] };

/**
 * A status update as it read at the cutoff: its latest revision submitted before it, or undefined
 * when it was first submitted later (a late report).
 */
export function updateAsOf<T extends UpdateLike>(update: T, cutoff: Cutoff): T | undefined {
  if (!isAfterCutoff(update.submittedAt, cutoff)) return update;
  const revisions = update.history ?? [];
  for (let i = revisions.length - 1; i >= 0; i--) {
    const revision = revisions[i];
    if (revision && !isAfterCutoff(revision.submittedAt, cutoff)) {
      return { ...update, ...revision, history: revisions.slice(0, i) };
    }
  }
  return undefined;
}

/** Keeps the items that existed at the cutoff, as they stood then. */
export function asOfEach<T>(items: readonly T[], asOf: (item: T) => T | undefined): T[] {
  const out: T[] = [];
  for (const item of items) {
    const then = asOf(item);
    if (then !== undefined) out.push(then);
  }
  return out;
}
