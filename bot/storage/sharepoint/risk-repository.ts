import { Risk } from '../../domain/risk.js';
import type { Page } from '../../ports/paging.js';
import type { RiskQuery, RiskRepository } from '../../ports/repositories.js';
import { pageOf, type SortKey } from './cached-page.js';
import { RISKS } from './list-schema.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

// raisedAt sorts as an instant whatever its ISO spelling (offsets), as in the embedded store.
const ORDER: ReadonlyArray<SortKey<Risk>> = [
  { value: (r) => r.score, direction: 'desc' },
  { value: (r) => Date.parse(r.raisedAt), direction: 'desc' },
  { value: (r) => r.id, direction: 'asc' },
];

export function riskTable(
  ctx: StoreContext,
  projectExists: (id: string) => Promise<boolean>,
): SharePointListTable<Risk> {
  return new SharePointListTable(ctx, {
    codec: { spec: RISKS, entity: 'risk', schema: Risk, idOf: (r) => r.id, versionOf: (r) => r.version },
    parent: { path: 'projectId', of: (r) => r.projectId, entity: 'project', exists: projectExists },
  });
}

export function createRiskRepository(table: SharePointListTable<Risk>): RiskRepository {
  return {
    ...table.crud(),

    list: async (query: RiskQuery = {}): Promise<Page<Risk>> => {
      const matches = (await table.all()).filter(
        (r) =>
          (query.projectId === undefined || r.projectId === query.projectId) &&
          (!query.portfolioWide || r.projectId === null) &&
          (query.status === undefined || query.status.includes(r.status)) &&
          (query.ownerId === undefined || r.ownerId === query.ownerId) &&
          (query.minScore === undefined || r.score >= query.minScore),
      );
      return pageOf(matches, 'risks.list', ORDER, query);
    },
  };
}
