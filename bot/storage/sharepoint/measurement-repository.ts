import { Measurement } from '../../domain/kpi.js';
import type { Page } from '../../ports/paging.js';
import type { MeasurementQuery, MeasurementRepository } from '../../ports/repositories.js';
import { pageOf, type SortKey } from './cached-page.js';
import { MEASUREMENTS } from './list-schema.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

const ORDER: ReadonlyArray<SortKey<Measurement>> = [
  { value: (m) => m.kpiId, direction: 'asc' },
  { value: (m) => m.date, direction: 'asc' },
  { value: (m) => m.id, direction: 'asc' },
];

export function measurementTable(
  ctx: StoreContext,
  kpiExists: (id: string) => Promise<boolean>,
): SharePointListTable<Measurement> {
  return new SharePointListTable(ctx, {
    codec: {
      spec: MEASUREMENTS,
      entity: 'measurement',
      schema: Measurement,
      idOf: (m) => m.id,
      versionOf: (m) => m.version,
    },
    parent: { path: 'kpiId', of: (m) => m.kpiId, entity: 'kpi', exists: kpiExists },
  });
}

export function createMeasurementRepository(table: SharePointListTable<Measurement>): MeasurementRepository {
  return {
    ...table.crud(),

    list: async (query: MeasurementQuery = {}): Promise<Page<Measurement>> => {
      const kpis = query.kpiIds === undefined ? undefined : new Set(query.kpiIds);
      const matches = (await table.all()).filter((m) => kpis === undefined || kpis.has(m.kpiId));
      return pageOf(matches, 'measurements.list', ORDER, query);
    },
  };
}
