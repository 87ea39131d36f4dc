// The latest status update of each project as of given periods, from the read models: the facts keep
// each project's newest updates, which answer for the current period and the two before it; an older
// period that a project's kept updates do not reach is read from that project's own history.
import type { Period } from '../domain/period.js';
import type { StatusUpdate } from '../domain/status-update.js';
import {
  FACT_UPDATES,
  latestUpTo,
  updateFactOf,
  type ProjectFacts,
  type UpdateFact,
} from '../domain/read-model.js';
import { collectAll } from '../ports/paging.js';
import type { Store } from '../ports/repositories.js';

export type LatestUpdate = UpdateFact & { projectId: string };

/** Every project's facts (one paged pass over the read model). */
export function allFacts(store: Store): Promise<ProjectFacts[]> {
  return collectAll((page) => store.readModels.listFacts(page));
}

/** For each period, the latest update of each project up to it (projects without one left out). */
export async function latestUpdatesAsOf(
  store: Store,
  facts: readonly ProjectFacts[],
  periods: readonly Period[],
): Promise<LatestUpdate[][]> {
  return Promise.all(
    periods.map(async (period) => {
      const found = await Promise.all(
        facts.map(async (f): Promise<LatestUpdate | undefined> => {
          const kept = latestUpTo(f, period);
          if (kept) return { ...kept, projectId: f.projectId };
          const oldest = f.updates[f.updates.length - 1];
          if (f.updates.length < FACT_UPDATES || !oldest || oldest.period <= period) return undefined;
          return olderUpdate(store, f.projectId, period);
        }),
      );
      return found.filter((u): u is LatestUpdate => u !== undefined);
    }),
  );
}

async function olderUpdate(
  store: Store,
  projectId: string,
  period: Period,
): Promise<LatestUpdate | undefined> {
  let cursor: string | undefined;
  do {
    const page = await store.statusUpdates.listByProject(projectId, { limit: 20, cursor });
    const hit = page.items.find((u) => u.period <= period);
    if (hit) return { ...updateFactOf(hit), projectId };
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}

/**
 * The full update (with its revisions) wherever a kept fact was submitted at or after `cutoffMs`: an
 * update amended or filed after a period ended must be rewound to what it said then (as-of.ts), and
 * only the stored update carries its earlier revisions. Targeted reads, only for those few.
 */
export async function withRevisionsSince(
  store: Store,
  updates: readonly LatestUpdate[],
  cutoffMs: number,
): Promise<Array<LatestUpdate | (StatusUpdate & { projectId: string })>> {
  return Promise.all(
    updates.map(async (u) => {
      if (Date.parse(u.submittedAt) < cutoffMs) return u;
      return (await store.statusUpdates.get(u.id)) ?? u;
    }),
  );
}
