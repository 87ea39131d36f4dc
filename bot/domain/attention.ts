// "Needs attention" for the CTO and pillar leads: escalations awaiting acknowledgement, updates that
// are overdue (a past week went unreported: how many weeks) kept apart from updates merely due this
// week, and who may act on them. Pure.
import { comparePeriods, periodOfDate, previousPeriod, weeksBetween, type Period } from './period.js';
import type { Person } from './person.js';
import type { PillarCode } from './pillar.js';
import type { Project } from './project.js';
import type { ReportingState } from './reporting.js';
import type { Settings } from './settings.js';

/**
 * Whole past weeks without an update, for a project whose update is overdue: the weeks after the last
 * reported one (or from the week it started) up to last week. 0 when nothing past is missing.
 */
export function weeksLate(
  project: Pick<Project, 'startDate'>,
  lastReported: Period | undefined,
  current: Period,
): number {
  const previous = previousPeriod(current);
  if (lastReported) return Math.max(0, weeksBetween(lastReported, previous));
  if (!project.startDate) return 1;
  const started = periodOfDate(project.startDate);
  return comparePeriods(started, previous) > 0 ? 0 : weeksBetween(started, previous) + 1;
}

/** The pillars a person leads (settings), empty for everyone else. */
export function pillarsLedBy(personId: string, settings: Pick<Settings, 'pillarLeads'>): PillarCode[] {
  return Object.entries(settings.pillarLeads)
    .filter(([, ids]) => ids?.includes(personId))
    .map(([code]) => code as PillarCode);
}

/** What "Needs attention" covers for a person: everything (the CTO), their pillars, or nothing. */
export type AttentionScope = { kind: 'all' } | { kind: 'pillars'; pillars: PillarCode[] } | { kind: 'none' };

export function attentionScope(
  actor: Pick<Person, 'id' | 'role' | 'active'>,
  settings: Pick<Settings, 'pillarLeads'>,
): AttentionScope {
  if (!actor.active) return { kind: 'none' };
  if (actor.role === 'cto') return { kind: 'all' };
  const pillars = pillarsLedBy(actor.id, settings);
  return pillars.length ? { kind: 'pillars', pillars } : { kind: 'none' };
}

export function inScope(scope: AttentionScope, pillar: PillarCode | undefined): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none' || !pillar) return false;
  return scope.pillars.includes(pillar);
}

/** Reporting states that need a chase, in the order Needs attention shows them. */
export const CHASED_STATES: readonly ReportingState[] = ['overdue', 'due'];
