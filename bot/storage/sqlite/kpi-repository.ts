import { Kpi } from '../../domain/kpi.js';
import type { Page } from '../../ports/paging.js';
import type { KpiQuery, KpiRepository } from '../../ports/repositories.js';
import type { SortKey } from './keyset-page.js';
import type { SqliteContext } from './sqlite-context.js';
import { createVersionedTable, type Listing } from './versioned-table.js';

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

export function createKpiRepository(ctx: SqliteContext): KpiRepository {
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
  });

  return {
    ...table.crud,

    list: (query: KpiQuery = {}): Promise<Page<Kpi>> => table.list(KPI_LISTING, query),
  };
}
