import { Risk } from '../../domain/risk.js';
import type { RiskQuery, RiskRepository } from '../../ports/repositories.js';
import type { SortKey } from './keyset-page.js';
import type { SqliteContext } from './sqlite-context.js';
import { createVersionedTable, readModelOf, type Listing, type ReadModelRefresh } from './versioned-table.js';

// raisedAt is kept as epoch milliseconds so that instants sort correctly whatever their ISO spelling.
const ORDER: readonly SortKey[] = [
  { column: 'score', direction: 'desc', type: 'integer' },
  { column: 'raised_at_ms', direction: 'desc', type: 'integer' },
  { column: 'id', direction: 'asc', type: 'text' },
];

const RISK_LISTING: Listing<RiskQuery> = {
  scope: 'risks.list',
  order: ORDER,
  filters: {
    projectId: { column: 'project_id', op: '=' },
    portfolioWide: { op: 'flag', sql: 'project_id IS NULL' },
    status: { column: 'status', op: 'in' },
    ownerId: { column: 'owner_id', op: '=' },
    minScore: { column: 'score', op: '>=' },
  },
};

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
      confidential: (r) => (r.confidential ? 1 : 0),
    },
    parent: { field: 'projectId', entity: 'project' },
    readModel: readModelOf(readModels, (r) => [r.projectId]),
  });

  return table.repository(RISK_LISTING);
}
