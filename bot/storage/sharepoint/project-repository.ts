import { Project } from '../../domain/project.js';
import type { Page } from '../../ports/paging.js';
import type { ProjectQuery, ProjectRepository } from '../../ports/repositories.js';
import { pageOf, type SortKey } from './cached-page.js';
import { PROJECTS } from './list-schema.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

const ORDER: ReadonlyArray<SortKey<Project>> = [
  { value: (p) => p.code, direction: 'asc' },
  { value: (p) => p.id, direction: 'asc' },
];

export function projectTable(ctx: StoreContext): SharePointListTable<Project> {
  return new SharePointListTable(ctx, {
    codec: {
      spec: PROJECTS,
      entity: 'project',
      schema: Project,
      idOf: (p) => p.id,
      versionOf: (p) => p.version,
    },
    uniqueKeys: [{ of: (p) => p.code }],
  });
}

export function createProjectRepository(table: SharePointListTable<Project>): ProjectRepository {
  return {
    ...table.crud(),

    getByCode: async (code) => {
      const wanted = code.trim().toUpperCase();
      return (await table.all()).find((p) => p.code === wanted);
    },

    list: async (query: ProjectQuery = {}): Promise<Page<Project>> => {
      const matches = (await table.all()).filter(
        (p) =>
          (query.pillar === undefined || p.pillar === query.pillar) &&
          (query.phase === undefined || p.phase === query.phase) &&
          (query.kind === undefined || p.kind === query.kind) &&
          (query.orgUnit === undefined || p.orgUnit === query.orgUnit) &&
          (query.ownerOrLeadId === undefined ||
            p.ownerId === query.ownerOrLeadId ||
            p.leadIds.includes(query.ownerOrLeadId)) &&
          (query.memberId === undefined || p.memberIds.includes(query.memberId)),
      );
      return pageOf(matches, 'projects.list', ORDER, query);
    },
  };
}
