// The recent proactive runs, for the Transformation Office (Admin -> Unreachable people -> Recent
// runs): one entry per run (kind and period; a reminder's runs of one week together), with the count
// of each outcome and the sends found uncertain after an instance stopped, and what was done with them.
import type { Store } from '../ports/repositories.js';
import type { RunRecord, RunStatus, StateStore, UncertainSend } from '../ports/state.js';
import { AWAY_KIND } from './digest-runs.js';

export interface UncertainEntry {
  recipientId: string;
  name: string;
  /** The record's status now (delivered again, or `uncertain` when left alone). */
  status: RunStatus;
  holder: string;
  at: string;
  action: NonNullable<UncertainSend['action']> | null;
}

export interface RunHistoryEntry {
  kind: string;
  /** The week (or the escalation key). */
  period: string;
  lastAt: string;
  recipients: number;
  counts: Partial<Record<RunStatus, number>>;
  uncertain: UncertainEntry[];
}

export const RUN_HISTORY_LIMIT = 20;

export async function runHistory(
  state: StateStore,
  store: Store,
  limit = RUN_HISTORY_LIMIT,
): Promise<RunHistoryEntry[]> {
  const records = (await state.runs.list({})).filter((r) => r.kind !== AWAY_KIND);
  const runs = new Map<string, RunRecord[]>();
  for (const r of records) {
    const key = `${r.kind}\u0000${r.period.split('/')[0]}`;
    runs.set(key, [...(runs.get(key) ?? []), r]);
  }
  const entries = [...runs.values()]
    .map((rs) => ({ rs, lastAt: rs.reduce((m, r) => (r.updatedAt > m ? r.updatedAt : m), '') }))
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt))
    .slice(0, limit);
  const ids = new Set(entries.flatMap((e) => e.rs.filter((r) => r.uncertain).map((r) => r.recipientId)));
  const names = new Map((await store.people.getMany([...ids])).map((p) => [p.id, p.name]));
  return entries.map(({ rs, lastAt }) => {
    const counts: Partial<Record<RunStatus, number>> = {};
    for (const r of rs) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return {
      kind: rs[0]!.kind,
      period: rs[0]!.period.split('/')[0]!,
      lastAt,
      recipients: rs.length,
      counts,
      uncertain: rs
        .filter((r): r is RunRecord & { uncertain: UncertainSend } => !!r.uncertain)
        .map((r) => ({
          recipientId: r.recipientId,
          name: names.get(r.recipientId) ?? r.recipientId,
          status: r.status,
          holder: r.uncertain.holder,
          at: r.uncertain.at,
          action: r.uncertain.action,
        })),
    };
  });
}
