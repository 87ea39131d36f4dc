import { Milestone } from '../../domain/milestone.js';
import type { MilestoneQuery, MilestoneRepository } from '../../ports/repositories.js';
import type { SortKey } from './keyset-page.js';
import type { SqliteContext } from './sqlite-context.js';
import { createVersionedTable, readModelOf, type Listing, type ReadModelRefresh } from './versioned-table.js';

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

export function createMilestoneRepository(
  ctx: SqliteContext,
  readModels?: ReadModelRefresh,
): MilestoneRepository {
  const table = createVersionedTable<Milestone>(ctx, {
    table: 'milestones',
    entity: 'milestone',
    schema: Milestone,
    columns: { project_id: (m) => m.projectId, status: (m) => m.status, due_date: (m) => m.dueDate },
    parent: { field: 'projectId', entity: 'project' },
    readModel: readModelOf(readModels, (m) => [m.projectId]),
  });

  return table.repository(MILESTONE_LISTING);
}
