import { Milestone } from '../../domain/milestone.js';
import type { Page } from '../../ports/paging.js';
import type { MilestoneQuery, MilestoneRepository } from '../../ports/repositories.js';
import { pageOf, type SortKey } from './cached-page.js';
import { MILESTONES } from './list-schema.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

const ORDER: ReadonlyArray<SortKey<Milestone>> = [
  { value: (m) => m.dueDate, direction: 'asc' },
  { value: (m) => m.id, direction: 'asc' },
];

export function milestoneTable(
  ctx: StoreContext,
  projectExists: (id: string) => Promise<boolean>,
): SharePointListTable<Milestone> {
  return new SharePointListTable(ctx, {
    codec: {
      spec: MILESTONES,
      entity: 'milestone',
      schema: Milestone,
      idOf: (m) => m.id,
      versionOf: (m) => m.version,
    },
    parent: { path: 'projectId', of: (m) => m.projectId, entity: 'project', exists: projectExists },
  });
}

export function createMilestoneRepository(table: SharePointListTable<Milestone>): MilestoneRepository {
  return {
    ...table.crud(),

    list: async (query: MilestoneQuery = {}): Promise<Page<Milestone>> => {
      const matches = (await table.all()).filter(
        (m) =>
          (query.projectId === undefined || m.projectId === query.projectId) &&
          (query.status === undefined || query.status.includes(m.status)) &&
          (query.dueFrom === undefined || m.dueDate >= query.dueFrom) &&
          (query.dueTo === undefined || m.dueDate <= query.dueTo),
      );
      return pageOf(matches, 'milestones.list', ORDER, query);
    },
  };
}
