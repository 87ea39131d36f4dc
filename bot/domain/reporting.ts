// When is a status update due, and when is it overdue? One definition for the bot, the tab, the
// reminders and the digest.
import { comparePeriods, periodStart, previousPeriod, weeksBetween, type Period } from './period.js';
import type { IsoDateTime } from './primitives.js';
import { expectsReporting, type Project } from './project.js';

export type ReportingState = 'not-required' | 'up-to-date' | 'due' | 'overdue';

/**
 * - `not-required`: the project is not in a reporting phase (proposed, on hold, done, cancelled).
 * - `up-to-date`: there is an update for the current period.
 * - `due`: none yet this period, but last period was reported (or the project only started this period).
 * - `overdue`: last period (or earlier) went unreported.
 */
export function reportingState(
  project: Pick<Project, 'phase' | 'startDate'>,
  lastReported: Period | undefined,
  current: Period,
): ReportingState {
  if (!expectsReporting(project)) return 'not-required';
  if (lastReported && comparePeriods(lastReported, current) >= 0) return 'up-to-date';
  const previous = previousPeriod(current);
  if (lastReported && comparePeriods(lastReported, previous) >= 0) return 'due';
  if (project.startDate && project.startDate >= periodStart(current)) return 'due';
  return 'overdue';
}

export function isUpdateMissing(state: ReportingState): boolean {
  return state === 'due' || state === 'overdue';
}

/** Whole days since an instant (0 on the same day), or undefined when there was none. */
export function daysSince(instant: IsoDateTime | undefined, now: Date): number | undefined {
  if (!instant) return undefined;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(instant)) / 86_400_000));
}

/** How many past periods may still be reported late (the current one plus this many before it). */
export const LATE_REPORTING_WEEKS = 4;

/** A status update may be posted for the current period or a recent past one, never for the future. */
export function isReportablePeriod(period: Period, current: Period): boolean {
  return comparePeriods(period, current) <= 0 && weeksBetween(period, current) <= LATE_REPORTING_WEEKS;
}
