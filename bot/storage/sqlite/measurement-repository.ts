import { Measurement } from '../../domain/kpi.js';
import type { Page } from '../../ports/paging.js';
import type { MeasurementQuery, MeasurementRepository } from '../../ports/repositories.js';
import { selectPage, type SortKey } from './keyset-page.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { createVersionedTable, type ReadModelRefresh, type StoredVersionedRow } from './versioned-table.js';

const ORDER: readonly SortKey[] = [
  { column: 'kpi_id', direction: 'asc', type: 'text' },
  { column: 'date', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

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
    readModel: readModels && {
      refresh: readModels.refresh,
      projectsOf: (m) => [
        ctx.statement<{ p: string | null }>('SELECT project_id AS p FROM kpis WHERE id = ?').get(m.kpiId)?.p,
      ],
    },
  });

  return {
    ...table.crud,

    list: (query: MeasurementQuery = {}): Promise<Page<Measurement>> =>
      ctx.run(() => {
        const where: string[] = [];
        const params: SqlValue[] = [];
        if (query.kpiIds !== undefined) {
          where.push('kpi_id IN (SELECT value FROM json_each(?))');
          params.push(JSON.stringify(query.kpiIds));
        }
        const { rows, nextCursor } = selectPage<StoredVersionedRow>(ctx, {
          scope: 'measurements.list',
          from: 'measurements',
          select: 'id, version, data',
          where,
          params,
          order: ORDER,
          page: query,
        });
        return { items: table.parseRows(rows), nextCursor };
      }),
  };
}
