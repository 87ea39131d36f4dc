// The digest's input as the reported week stood at its end (issue 15, "the digest mixes weeks"): a
// digest composed on Monday, re-sent on Wednesday or previewed a month later reads the same. Risks
// raised, escalated, re-scored or closed later, milestones completed later, late or amended status
// updates and projects, KPIs and measurements created later are rewound with the as-of rules
// (as-of.ts); "today" becomes the Monday after the week at the latest.
import {
  asOfEach,
  dayAfterCutoff,
  entityAsOf,
  milestoneAsOf,
  periodCutoff,
  riskAsOf,
  trailsAfter,
  updateAsOf,
  type Cutoff,
  type Trails,
} from './as-of.js';
import type { AuditEvent } from './audit.js';
import type { DigestInput } from './digest.js';

type Update = DigestInput['latest'][number];

/** Each project's latest update at the cutoff: this period's if it was in by then, else the one before. */
export function latestUpdatesAsOf(
  latest: readonly Update[],
  previous: readonly Update[],
  cutoff: Cutoff,
): { latest: Update[]; previous: Update[] } {
  const before = asOfEach(previous, (u) => updateAsOf(u, cutoff));
  const beforeById = new Map(before.map((u) => [u.projectId, u]));
  const now = asOfEach(latest, (u) => updateAsOf(u, cutoff) ?? beforeById.get(u.projectId));
  return { latest: now, previous: before };
}

type DigestMeasurement = DigestInput['measurements'][number];

/** Measurements carry their id at run time (the digest input only needs date and value). */
function measurementAsOf(m: DigestMeasurement, trails: Trails): DigestMeasurement | undefined {
  const id = (m as { id?: unknown }).id;
  return typeof id === 'string' ? entityAsOf('measurement', { ...m, id }, trails) : m;
}

/** The digest input as its period stood at its end, given the audit events since then. */
export function digestInputAsOfPeriodEnd(input: DigestInput, audit: readonly AuditEvent[]): DigestInput {
  const cutoff = periodCutoff(input.period, input.timeZone);
  const trails = trailsAfter(audit, cutoff);
  const dayAfter = dayAfterCutoff(cutoff);
  const updates = latestUpdatesAsOf(input.latest, input.previous, cutoff);
  return {
    ...input,
    today: input.today < dayAfter ? input.today : dayAfter,
    now: input.now.getTime() < cutoff.atMs ? input.now : new Date(cutoff.atMs),
    projects: asOfEach(input.projects, (p) => entityAsOf('project', p, trails)),
    latest: updates.latest,
    previous: updates.previous,
    risks: asOfEach(input.risks, (r) => riskAsOf(r, trails, cutoff)).filter((r) => r.status !== 'closed'),
    milestones: asOfEach(input.milestones, (m) => milestoneAsOf(m, trails, cutoff)).filter(
      (m) => m.status !== 'done',
    ),
    kpis: asOfEach(input.kpis, (k) => entityAsOf('kpi', k, trails)),
    measurements: asOfEach(input.measurements, (m) => measurementAsOf(m, trails)),
  };
}
