import { Milestone } from '../../domain/milestone.js';
import type { Page } from '../../ports/paging.js';
import type { MilestoneQuery, MilestoneRepository } from '../../ports/repositories.js';
import { selectPage, type SortKey } from './keyset-page.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { createVersionedTable, type ReadModelRefresh, type StoredVersionedRow } from './versioned-table.js';

const ORDER: readonly SortKey[] = [
  { column: 'due_date', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

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
    readModel: readModels && {
      refresh: readModels.refresh,
      projectsOf: (m) => [m.projectId],
    },
  });

  return {
    ...table.crud,

    list: (query: MilestoneQuery = {}): Promise<Page<Milestone>> =>
      ctx.run(() => {
        const where: string[] = [];
        const params: SqlValue[] = [];
        if (query.projectId !== undefined) {
          where.push('project_id = ?');
          params.push(query.projectId);
        }
        if (query.status !== undefined) {
          where.push('status IN (SELECT value FROM json_each(?))');
          params.push(JSON.stringify(query.status));
        }
        if (query.dueFrom !== undefined) {
          where.push('due_date >= ?');
          params.push(query.dueFrom);
        }
        if (query.dueTo !== undefined) {
          where.push('due_date <= ?');
          params.push(query.dueTo);
        }
        const { rows, nextCursor } = selectPage<StoredVersionedRow>(ctx, {
          scope: 'milestones.list',
          from: 'milestones',
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
