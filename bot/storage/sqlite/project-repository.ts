import { Project } from '../../domain/project.js';
import type { ProjectQuery, ProjectRepository } from '../../ports/repositories.js';
import type { SortKey } from './keyset-page.js';
import type { SqliteContext } from './sqlite-context.js';
import { createVersionedTable, readModelOf, type Listing, type ReadModelRefresh } from './versioned-table.js';

const ORDER: readonly SortKey[] = [
  { column: 'code', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

const PROJECT_LISTING: Listing<ProjectQuery> = {
  scope: 'projects.list',
  order: ORDER,
  filters: {
    pillar: { column: 'pillar', op: '=' },
    phase: { column: 'phase', op: '=' },
    kind: { column: 'kind', op: '=' },
    orgUnit: { column: 'org_unit', op: '=' },
    ownerOrLeadId: {
      op: 'sql',
      sql: '(owner_id = ? OR EXISTS (SELECT 1 FROM json_each(lead_ids) WHERE value = ?))',
    },
    memberId: { op: 'sql', sql: 'EXISTS (SELECT 1 FROM json_each(member_ids) WHERE value = ?)' },
  },
};

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
    readModel: readModelOf(readModels, (p) => [p.id]),
  });

  return {
    ...table.repository(PROJECT_LISTING),

    getByCode: (code) => ctx.run(() => table.findOne('code = ?', [code.trim().toUpperCase()])),
  };
}
