import { Milestone } from '../../domain/milestone.js';
import type { Page } from '../../ports/paging.js';
import type { MilestoneQuery, MilestoneRepository } from '../../ports/repositories.js';
import type { SortKey } from './keyset-page.js';
import type { SqliteContext } from './sqlite-context.js';
import { createVersionedTable, type Listing } from './versioned-table.js';

const ORDER: readonly SortKey[] = [
  { column: 'due_date', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

const MILESTONE_LISTING: Listing<MilestoneQuery> = {
  scope: 'milestones.list',
  order: ORDER,
  filters: {
    projectId: { column: 'project_id', op: '=' },
    status: { column: 'status', op: 'in' },
    dueFrom: { column: 'due_date', op: '>=' },
    dueTo: { column: 'due_date', op: '<=' },
  },
};

export function createMilestoneRepository(ctx: SqliteContext): MilestoneRepository {
  const table = createVersionedTable<Milestone>(ctx, {
    table: 'milestones',
    entity: 'milestone',
    schema: Milestone,
    columns: { project_id: (m) => m.projectId, status: (m) => m.status, due_date: (m) => m.dueDate },
    parent: { field: 'projectId', entity: 'project' },
  });

  return {
    ...table.crud,

    list: (query: MilestoneQuery = {}): Promise<Page<Milestone>> => table.list(MILESTONE_LISTING, query),
  };
}
