// The embedded store's read models: one row of facts per project (table project_facts), recomputed
// from that project's own rows inside the transaction of every write that changes them (the
// repositories call `refresh` through versioned-table.ts), so readers never see them disagree with
// the data, whichever instance wrote. Each refresh reads only the project's rows through indexes:
// its three newest updates, its active risks grouped by score, its next planned milestone, its KPIs.
import {
  ACTIVE_RISK_STATUSES,
  addRisk,
  emptyRiskStats,
  projectFactsOf,
  withUpdateFact,
  type ProjectFacts,
} from '../../domain/read-model.js';
import type { Kpi } from '../../domain/kpi.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import type { FactsQuery, ReadModels } from '../../ports/read-models.js';
import { selectPage, type SortKey } from './keyset-page.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';

const ORDER: readonly SortKey[] = [{ column: 'project_id', direction: 'asc', type: 'text' }];
const UPSERT =
  'INSERT INTO project_facts (project_id, pillar, data) VALUES (?, ?, ?) ' +
  'ON CONFLICT (project_id) DO UPDATE SET pillar = excluded.pillar, data = excluded.data';
const ACTIVE = `(${ACTIVE_RISK_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export interface SqliteReadModels extends ReadModels {
  /** Recomputes these projects' facts now (synchronous: call inside the write's transaction). */
  refresh: (projectIds: Iterable<string | null | undefined>) => void;
  /**
   * A status update was written (inside its transaction): its fact goes into the project's kept
   * facts, one row read and written, instead of recomputing every part of them.
   */
  foldUpdate: (update: StatusUpdate) => void;
  /** True when some project has no facts row (a database from before the read models). */
  incomplete(): boolean;
  /** Runs `fn` (inside a transaction) refreshing each touched project once, at its end (bulk seeding). */
  deferred<T>(fn: () => T): T;
}

interface ProjectRow {
  id: string;
  code: string;
  pillar: string;
  phase: string;
  startDate: string | null;
}

export function createSqliteReadModels(ctx: SqliteContext): SqliteReadModels {
  const compute = (projectId: string): ProjectFacts | undefined => {
    const project = ctx
      .statement<ProjectRow>(
        "SELECT id, code, pillar, phase, json_extract(data, '$.startDate') AS startDate FROM projects WHERE id = ?",
      )
      .get(projectId);
    if (!project) return undefined;
    const updates = ctx
      .statement<{ data: string }>(
        'SELECT data FROM status_updates WHERE project_id = ? ORDER BY period DESC LIMIT 3',
      )
      .all(projectId)
      .map((r) => JSON.parse(r.data) as StatusUpdate);
    const risks = ctx
      .statement<{ score: number; status: 'open'; count: number }>(
        `SELECT score, status, COUNT(*) AS count FROM risks WHERE project_id = ? AND status IN ${ACTIVE} GROUP BY score, status`,
      )
      .all(projectId);
    const milestones = ctx
      .statement<{ id: string; title: string; dueDate: string; status: string }>(
        "SELECT id, json_extract(data, '$.title') AS title, due_date AS dueDate, status FROM milestones " +
          "WHERE project_id = ? AND status = 'planned' ORDER BY due_date, id LIMIT 1",
      )
      .all(projectId);
    const kpis = ctx
      .statement<{ id: string; data: string }>('SELECT id, data FROM kpis WHERE project_id = ?')
      .all(projectId);
    const measurements = kpis.length
      ? ctx
          .statement<{ kpiId: string; date: string; value: number }>(
            "SELECT kpi_id AS kpiId, date, json_extract(data, '$.value') AS value FROM measurements " +
              'WHERE kpi_id IN (SELECT id FROM kpis WHERE project_id = ?)',
          )
          .all(projectId)
      : [];
    return projectFactsOf({
      project: project as Parameters<typeof projectFactsOf>[0]['project'],
      updates,
      risks,
      milestones,
      kpis: kpis.map((k) => ({
        kpi: JSON.parse(k.data) as Kpi,
        measurements: measurements.filter((m) => m.kpiId === k.id),
      })),
    });
  };

  let pending: Set<string> | undefined;
  let writes = 0;
  const refresh = (projectIds: Iterable<string | null | undefined>): void => {
    writes += 1;
    if (pending) {
      for (const id of projectIds) if (id) pending.add(id);
      return;
    }
    for (const id of new Set(projectIds)) {
      if (!id) continue;
      const facts = compute(id);
      if (!facts) {
        ctx.statement('DELETE FROM project_facts WHERE project_id = ?').run(id);
        continue;
      }
      ctx.statement(UPSERT).run(id, facts.pillar, JSON.stringify(facts));
    }
  };

  const parse = (rows: ReadonlyArray<{ data: string }>): ProjectFacts[] =>
    rows.map((r) => JSON.parse(r.data) as ProjectFacts);

  const foldUpdate = (update: StatusUpdate): void => {
    const row = pending
      ? undefined
      : ctx
          .statement<{ data: string }>('SELECT data FROM project_facts WHERE project_id = ?')
          .get(update.projectId);
    // Nothing kept yet (or a bulk write refreshing at its end): computed from the rows as usual.
    if (!row) return refresh([update.projectId]);
    writes += 1;
    const facts = withUpdateFact(JSON.parse(row.data) as ProjectFacts, update);
    // Only the data changes (the pillar column and its index stay as they are).
    ctx
      .statement('UPDATE project_facts SET data = ? WHERE project_id = ?')
      .run(JSON.stringify(facts), update.projectId);
  };

  return {
    refresh,
    foldUpdate,

    // data_version moves when another connection (another instance) commits; `writes` counts ours.
    generation: () => ctx.run(() => `${String(ctx.db.pragma('data_version', { simple: true }))}.${writes}`),

    deferred: (fn) => {
      if (pending) return fn();
      pending = new Set();
      try {
        const result = fn();
        const touched = pending;
        pending = undefined;
        refresh(touched);
        return result;
      } finally {
        pending = undefined;
      }
    },

    incomplete: () =>
      ctx
        .statement<{ missing: number }>(
          'SELECT EXISTS (SELECT 1 FROM projects p WHERE NOT EXISTS ' +
            '(SELECT 1 FROM project_facts f WHERE f.project_id = p.id)) AS missing',
        )
        .get()?.missing === 1,

    projectFacts: (ids) =>
      ctx.run(() =>
        ids.length === 0
          ? []
          : parse(
              ctx
                .statement<{ data: string }>(
                  'SELECT data FROM project_facts WHERE project_id IN (SELECT value FROM json_each(?))',
                )
                .all(JSON.stringify([...new Set(ids)])),
            ),
      ),

    listFacts: (query: FactsQuery = {}) =>
      ctx.run(() => {
        const where: string[] = [];
        const params: SqlValue[] = [];
        if (query.pillar !== undefined) {
          where.push('pillar = ?');
          params.push(query.pillar);
        }
        const { rows, nextCursor } = selectPage<{ data: string }>(ctx, {
          scope: 'project-facts.list',
          from: 'project_facts',
          select: 'data',
          where,
          params,
          order: ORDER,
          page: query,
        });
        return { items: parse(rows), nextCursor };
      }),

    portfolioWideRisks: () =>
      ctx.run(() => {
        const stats = emptyRiskStats();
        const rows = ctx
          .statement<{ score: number; status: 'open'; count: number }>(
            `SELECT score, status, COUNT(*) AS count FROM risks WHERE project_id IS NULL AND status IN ${ACTIVE} GROUP BY score, status`,
          )
          .all();
        for (const r of rows) addRisk(stats, r, r.count);
        return stats;
      }),

    rebuild: () =>
      ctx.run(() =>
        ctx.transaction(() => {
          ctx.statement('DELETE FROM project_facts').run();
          const ids = ctx
            .statement<{ id: string }>('SELECT id FROM projects')
            .all()
            .map((r) => r.id);
          refresh(ids);
          return { projects: ids.length };
        }),
      ),
  };
}
