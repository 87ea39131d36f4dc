// SharePoint's read models: each project's facts, kept from the changes the list caches take in
// (list-cache.ts tells of each entity that changed: this instance's writes, queued writes and every
// delta sync, which brings other instances' writes and direct edits of the lists). A change updates
// the per-project indexes at once and marks the projects it touches; their facts are recomputed from
// those indexes (the project's own items only) on the next read. Nothing is stored in SharePoint:
// every instance derives the same facts from the same lists.
import type { Kpi, Measurement } from '../../domain/kpi.js';
import type { Milestone } from '../../domain/milestone.js';
import type { Project } from '../../domain/project.js';
import { addRisk, emptyRiskStats, projectFactsOf, type ProjectFacts } from '../../domain/read-model.js';
import type { Risk } from '../../domain/risk.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import type { FactsQuery, ReadModels } from '../../ports/read-models.js';
import { pageOf, type SortKey } from './cached-page.js';
import type { SharePointListTable } from './sharepoint-list-table.js';

const ORDER: ReadonlyArray<SortKey<ProjectFacts>> = [{ value: (f) => f.projectId, direction: 'asc' }];
/** Index key of items attached to no project. */
const NO_PROJECT = '';

export interface ReadModelTables {
  projects: SharePointListTable<Project>;
  statusUpdates: SharePointListTable<StatusUpdate>;
  risks: SharePointListTable<Risk>;
  milestones: SharePointListTable<Milestone>;
  kpis: SharePointListTable<Kpi>;
  measurements: SharePointListTable<Measurement>;
}

/** Which items of one list belong to which key (a project, or a KPI), from the cache's changes. */
class Index<T> {
  private readonly keyOfItem = new Map<string, string>();
  private readonly items = new Map<string, Set<string>>();

  constructor(
    private readonly table: SharePointListTable<T>,
    private readonly keyOf: (entity: T) => string,
  ) {}

  /** Re-indexes one entity; returns the keys it left and joined. */
  apply(id: string): string[] {
    const before = this.keyOfItem.get(id);
    const entity = this.table.cache.get(id);
    const after = entity === undefined ? undefined : this.keyOf(entity);
    if (before !== undefined && before !== after) {
      this.items.get(before)?.delete(id);
      this.keyOfItem.delete(id);
    }
    if (after !== undefined) {
      this.keyOfItem.set(id, after);
      let set = this.items.get(after);
      if (!set) this.items.set(after, (set = new Set()));
      set.add(id);
    }
    return [before, after].filter((k): k is string => k !== undefined);
  }

  of(key: string): T[] {
    const out: T[] = [];
    for (const id of this.items.get(key) ?? []) {
      const entity = this.table.cache.get(id);
      if (entity !== undefined) out.push(entity);
    }
    return out;
  }

  clear(): void {
    this.keyOfItem.clear();
    this.items.clear();
  }
}

export function createSharePointReadModels(tables: ReadModelTables): ReadModels {
  const project = (p: string | null) => p ?? NO_PROJECT;
  const updates = new Index(tables.statusUpdates, (u) => u.projectId);
  const risks = new Index(tables.risks, (r) => project(r.projectId));
  const milestones = new Index(tables.milestones, (m) => m.projectId);
  const kpis = new Index(tables.kpis, (k) => project(k.projectId));
  const measurements = new Index(tables.measurements, (m) => m.kpiId);
  const facts = new Map<string, ProjectFacts>();
  const dirty = new Set<string>();
  const projectOfKpi = (kpiId: string) => tables.kpis.cache.get(kpiId)?.projectId ?? undefined;

  const mark = (keys: Iterable<string | undefined>) => {
    for (const key of keys) if (key) dirty.add(key);
  };
  tables.projects.cache.onChange((id) => dirty.add(id));
  tables.statusUpdates.cache.onChange((id) => mark(updates.apply(id)));
  tables.risks.cache.onChange((id) => mark(risks.apply(id)));
  tables.milestones.cache.onChange((id) => mark(milestones.apply(id)));
  tables.kpis.cache.onChange((id) => mark(kpis.apply(id)));
  tables.measurements.cache.onChange((id) => mark(measurements.apply(id).map(projectOfKpi)));

  const compute = (projectId: string): ProjectFacts | undefined => {
    const p = tables.projects.cache.get(projectId);
    if (!p) return undefined;
    return projectFactsOf({
      project: p,
      updates: updates.of(projectId),
      risks: risks.of(projectId),
      milestones: milestones.of(projectId),
      kpis: kpis.of(projectId).map((kpi) => ({ kpi, measurements: measurements.of(kpi.id) })),
    });
  };

  let generation = 0;
  const settle = (): void => {
    if (dirty.size > 0) generation += 1;
    for (const id of dirty) {
      const f = compute(id);
      if (f) facts.set(id, f);
      else facts.delete(id);
    }
    dirty.clear();
  };

  const fresh = async (): Promise<void> => {
    await Promise.all(Object.values(tables).map((t: SharePointListTable<unknown>) => t.ensureFresh()));
    settle();
  };

  return {
    projectFacts: async (ids) => {
      await fresh();
      return [...new Set(ids)].map((id) => facts.get(id)).filter((f): f is ProjectFacts => f !== undefined);
    },

    listFacts: async (query: FactsQuery = {}) => {
      await fresh();
      const all = [...facts.values()];
      const matching = query.pillar === undefined ? all : all.filter((f) => f.pillar === query.pillar);
      return pageOf(matching, 'project-facts.list', ORDER, query);
    },

    generation: async () => {
      await fresh();
      return String(generation);
    },

    portfolioWideRisks: async () => {
      await fresh();
      const stats = emptyRiskStats();
      for (const r of risks.of(NO_PROJECT)) addRisk(stats, r);
      return stats;
    },

    rebuild: async () => {
      await Promise.all(Object.values(tables).map((t: SharePointListTable<unknown>) => t.sync()));
      for (const index of [updates, risks, milestones, kpis, measurements]) index.clear();
      facts.clear();
      dirty.clear();
      for (const u of tables.statusUpdates.cache.values()) updates.apply(u.id);
      for (const r of tables.risks.cache.values()) risks.apply(r.id);
      for (const m of tables.milestones.cache.values()) milestones.apply(m.id);
      for (const k of tables.kpis.cache.values()) kpis.apply(k.id);
      for (const m of tables.measurements.cache.values()) measurements.apply(m.id);
      for (const p of tables.projects.cache.values()) dirty.add(p.id);
      generation += 1;
      settle();
      return { projects: facts.size };
    },
  };
}
