import { Kpi } from '../../domain/kpi.js';
import type { KpiQuery, KpiRepository } from '../../ports/repositories.js';
import type { SortKey } from './keyset-page.js';
import type { SqliteContext } from './sqlite-context.js';
import { createVersionedTable, readModelOf, type Listing, type ReadModelRefresh } from './versioned-table.js';

// Titles sort case-insensitively, as people read them (and as SharePoint sorts a text column).
const ORDER: readonly SortKey[] = [
  { column: 'sort_title', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

const KPI_LISTING: Listing<KpiQuery> = {
  scope: 'kpis.list',
  order: ORDER,
  filters: { projectId: { column: 'project_id', op: '=' }, pillar: { column: 'pillar', op: '=' } },
};

export function createKpiRepository(ctx: SqliteContext, readModels?: ReadModelRefresh): KpiRepository {
  const table = createVersionedTable<Kpi>(ctx, {
    table: 'kpis',
    entity: 'kpi',
    schema: Kpi,
    columns: {
      project_id: (k) => k.projectId,
      pillar: (k) => k.pillar,
      sort_title: (k) => k.title.toLowerCase(),
    },
    parent: { field: 'projectId', entity: 'project' },
    readModel: readModelOf(
      readModels,
      (k) => [k.projectId],
      (id) => [
        ctx.statement<{ p: string | null }>('SELECT project_id AS p FROM kpis WHERE id = ?').get(id)?.p,
      ],
    ),
  });

  return table.repository(KPI_LISTING);
}
