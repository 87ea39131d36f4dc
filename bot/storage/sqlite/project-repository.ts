import { Project } from '../../domain/project.js';
import type { Page } from '../../ports/paging.js';
import type { ProjectQuery, ProjectRepository } from '../../ports/repositories.js';
import { selectPage, type SortKey } from './keyset-page.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { createVersionedTable, type ReadModelRefresh, type StoredVersionedRow } from './versioned-table.js';

const ORDER: readonly SortKey[] = [
  { column: 'code', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

export function createProjectRepository(
  ctx: SqliteContext,
  readModels?: ReadModelRefresh,
): ProjectRepository {
  const table = createVersionedTable<Project>(ctx, {
    table: 'projects',
    entity: 'project',
    schema: Project,
    columns: {
      code: (p) => p.code,
      pillar: (p) => p.pillar,
      phase: (p) => p.phase,
      kind: (p) => p.kind,
      org_unit: (p) => p.orgUnit,
      owner_id: (p) => p.ownerId,
      lead_ids: (p) => JSON.stringify(p.leadIds),
      member_ids: (p) => JSON.stringify(p.memberIds),
    },
    uniqueKeys: { code: (p) => p.code },
    readModel: readModels && {
      refresh: readModels.refresh,
      projectsOf: (p) => [p.id],
    },
  });

  return {
    ...table.crud,

    getByCode: (code) => ctx.run(() => table.findOne('code = ?', [code.trim().toUpperCase()])),

    list: (query: ProjectQuery = {}): Promise<Page<Project>> =>
      ctx.run(() => {
        const where: string[] = [];
        const params: SqlValue[] = [];
        const equal = (column: string, value: string | undefined) => {
          if (value === undefined) return;
          where.push(`${column} = ?`);
          params.push(value);
        };
        equal('pillar', query.pillar);
        equal('phase', query.phase);
        equal('kind', query.kind);
        equal('org_unit', query.orgUnit);
        if (query.ownerOrLeadId !== undefined) {
          where.push('(owner_id = ? OR EXISTS (SELECT 1 FROM json_each(lead_ids) WHERE value = ?))');
          params.push(query.ownerOrLeadId, query.ownerOrLeadId);
        }
        if (query.memberId !== undefined) {
          where.push('EXISTS (SELECT 1 FROM json_each(member_ids) WHERE value = ?)');
          params.push(query.memberId);
        }
        const { rows, nextCursor } = selectPage<StoredVersionedRow>(ctx, {
          scope: 'projects.list',
          from: 'projects',
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
