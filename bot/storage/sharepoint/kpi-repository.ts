import { Kpi } from '../../domain/kpi.js';
import type { Page } from '../../ports/paging.js';
import type { KpiQuery, KpiRepository } from '../../ports/repositories.js';
import { pageOf, type SortKey } from './cached-page.js';
import { KPIS } from './list-schema.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

// Titles sort case-insensitively, as people read them (as in the embedded store).
const ORDER: ReadonlyArray<SortKey<Kpi>> = [
  { value: (k) => k.title.toLowerCase(), direction: 'asc' },
  { value: (k) => k.id, direction: 'asc' },
];

export function kpiTable(
  ctx: StoreContext,
  projectExists: (id: string) => Promise<boolean>,
): SharePointListTable<Kpi> {
  return new SharePointListTable(ctx, {
    codec: { spec: KPIS, entity: 'kpi', schema: Kpi, idOf: (k) => k.id, versionOf: (k) => k.version },
    parent: { path: 'projectId', of: (k) => k.projectId, entity: 'project', exists: projectExists },
  });
}

export function createKpiRepository(table: SharePointListTable<Kpi>): KpiRepository {
  return {
    ...table.crud(),

    list: async (query: KpiQuery = {}): Promise<Page<Kpi>> => {
      const matches = (await table.all()).filter(
        (k) =>
          (query.projectId === undefined || k.projectId === query.projectId) &&
          (query.pillar === undefined || k.pillar === query.pillar),
      );
      return pageOf(matches, 'kpis.list', ORDER, query);
    },
  };
}
