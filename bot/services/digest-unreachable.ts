// People the bot could not reach: their most recent proactive message ended `unreachable` (app not
// installed, bot blocked, conversation gone, or no conversation yet). For the CTO (command and API).
import { periodOf } from '../domain/period.js';
import type { UnreachableReason } from '../ports/messenger.js';
import type { Store } from '../ports/repositories.js';
import type { RunRecord, StateStore } from '../ports/state.js';
import { AWAY_KIND } from './digest-runs.js';

export interface UnreachablePerson {
  personId: string;
  name: string;
  email: string | null;
  reason: UnreachableReason;
  /** What could not be delivered: digest, reminder, escalation... */
  kind: string;
  period: string;
  at: string;
}

const REASONS: readonly UnreachableReason[] = ['not-installed', 'blocked', 'gone', 'no-conversation'];

/** `timeZone`: the organisation's, in which an escalation's instant is read as a reporting week. */
export async function listUnreachable(
  state: StateStore,
  store: Store,
  timeZone: string,
): Promise<UnreachablePerson[]> {
  const records = await state.runs.list({});
  const latest = new Map<string, RunRecord>();
  for (const r of records) {
    if (r.kind === AWAY_KIND || r.status === 'pending' || r.status === 'sending' || r.status === 'skipped')
      continue;
    const seen = latest.get(r.recipientId);
    if (!seen || seen.updatedAt < r.updatedAt) latest.set(r.recipientId, r);
  }
  const unreachable = [...latest.values()].filter(
    (r) => r.status === 'unreachable' || (r.status === 'failed' && r.detail === 'no-conversation'),
  );
  const people = new Map(
    (await store.people.getMany(unreachable.map((r) => r.recipientId))).map((p) => [p.id, p]),
  );
  return unreachable
    .map((r) => {
      const person = people.get(r.recipientId);
      const reason = REASONS.find((x) => x === r.detail) ?? 'not-installed';
      return {
        personId: r.recipientId,
        name: person?.name ?? r.recipientId,
        email: person?.email ?? null,
        reason,
        kind: r.kind,
        period: shownPeriod(r.period, timeZone),
        at: r.updatedAt,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The reporting period a run belongs to: digests are keyed by period, reminders by period/project,
 * escalations by riskId@instant (shown as the week of the escalation, not the risk's internal id).
 */
function shownPeriod(key: string, timeZone: string): string {
  const escalatedAt = /@(\d{1,15})$/.exec(key);
  if (escalatedAt) {
    const at = new Date(Number(escalatedAt[1]));
    if (!Number.isNaN(at.getTime())) return periodOf(at, timeZone);
  }
  return key.split(/[/@]/)[0] ?? key;
}
