import { Risk } from '../../domain/risk.js';
import type { Page } from '../../ports/paging.js';
import type { RiskQuery, RiskRepository } from '../../ports/repositories.js';
import { selectPage, type SortKey } from './keyset-page.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { createVersionedTable, type ReadModelRefresh, type StoredVersionedRow } from './versioned-table.js';

// raisedAt is kept as epoch milliseconds so that instants sort correctly whatever their ISO spelling.
const ORDER: readonly SortKey[] = [
  { column: 'score', direction: 'desc', type: 'integer' },
  { column: 'raised_at_ms', direction: 'desc', type: 'integer' },
  { column: 'id', direction: 'asc', type: 'text' },
];

export function createRiskRepository(ctx: SqliteContext, readModels?: ReadModelRefresh): RiskRepository {
  const table = createVersionedTable<Risk>(ctx, {
    table: 'risks',
    entity: 'risk',
    schema: Risk,
    columns: {
      project_id: (r) => r.projectId,
      status: (r) => r.status,
      owner_id: (r) => r.ownerId,
      score: (r) => r.score,
      raised_at_ms: (r) => Date.parse(r.raisedAt),
    },
    parent: { field: 'projectId', entity: 'project' },
    readModel: readModels && {
      refresh: readModels.refresh,
      projectsOf: (r) => [r.projectId],
    },
  });

  return {
    ...table.crud,

    list: (query: RiskQuery = {}): Promise<Page<Risk>> =>
      ctx.run(() => {
        const where: string[] = [];
        const params: SqlValue[] = [];
        if (query.projectId !== undefined) {
          where.push('project_id = ?');
          params.push(query.projectId);
        }
        if (query.portfolioWide) where.push('project_id IS NULL');
        if (query.status !== undefined) {
          where.push('status IN (SELECT value FROM json_each(?))');
          params.push(JSON.stringify(query.status));
        }
        if (query.ownerId !== undefined) {
          where.push('owner_id = ?');
          params.push(query.ownerId);
        }
        if (query.minScore !== undefined) {
          where.push('score >= ?');
          params.push(query.minScore);
        }
        const { rows, nextCursor } = selectPage<StoredVersionedRow>(ctx, {
          scope: 'risks.list',
          from: 'risks',
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
