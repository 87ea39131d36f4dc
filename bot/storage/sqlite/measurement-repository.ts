import { Measurement } from '../../domain/kpi.js';
import type { MeasurementQuery, MeasurementRepository } from '../../ports/repositories.js';
import type { SortKey } from './keyset-page.js';
import type { SqliteContext } from './sqlite-context.js';
import { createVersionedTable, readModelOf, type Listing, type ReadModelRefresh } from './versioned-table.js';

const ORDER: readonly SortKey[] = [
  { column: 'kpi_id', direction: 'asc', type: 'text' },
  { column: 'date', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

const MEASUREMENT_LISTING: Listing<MeasurementQuery> = {
  scope: 'measurements.list',
  order: ORDER,
  filters: { kpiIds: { column: 'kpi_id', op: 'in' } },
};

export function createMeasurementRepository(
  ctx: SqliteContext,
  readModels?: ReadModelRefresh,
): MeasurementRepository {
  const table = createVersionedTable<Measurement>(ctx, {
    table: 'measurements',
    entity: 'measurement',
    schema: Measurement,
    columns: { kpi_id: (m) => m.kpiId, date: (m) => m.date },
    parent: { field: 'kpiId', entity: 'kpi' },
    readModel: readModelOf(readModels, (m) => [
      ctx.statement<{ p: string | null }>('SELECT project_id AS p FROM kpis WHERE id = ?').get(m.kpiId)?.p,
    ]),
  });

  return table.repository(MEASUREMENT_LISTING);
}
