// Append-only: each event is one list item, created once and never updated.
import { AuditEvent } from '../../domain/audit.js';
import { ValidationError } from '../../domain/errors.js';
import { IsoDateTime } from '../../domain/primitives.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { Page } from '../../ports/paging.js';
import type { AuditQuery, AuditRepository } from '../../ports/repositories.js';
import { pageOf, type SortKey } from './cached-page.js';
import { AUDIT } from './list-schema.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

const ORDER: ReadonlyArray<SortKey<AuditEvent>> = [
  { value: (e) => Date.parse(e.at), direction: 'desc' },
  { value: (e) => e.id, direction: 'desc' },
];

export function auditTable(ctx: StoreContext): SharePointListTable<AuditEvent> {
  return new SharePointListTable(ctx, {
    codec: { spec: AUDIT, entity: 'audit-event', schema: AuditEvent, idOf: (e) => e.id, versionOf: () => 1 },
  });
}

export function createAuditRepository(table: SharePointListTable<AuditEvent>): AuditRepository {
  return {
    append: async (event) => {
      await table.create(event);
    },

    list: async (query: AuditQuery = {}): Promise<Page<AuditEvent>> => {
      let since: number | undefined;
      if (query.since !== undefined) {
        const parsed = IsoDateTime.safeParse(query.since);
        if (!parsed.success)
          throw new ValidationError(toFieldIssues(parsed.error).map((i) => ({ ...i, path: 'since' })));
        since = Date.parse(parsed.data);
      }
      const matches = (await table.all()).filter(
        (e) =>
          (query.entityType === undefined || e.entityType === query.entityType) &&
          (query.entityId === undefined || e.entityId === query.entityId) &&
          (query.projectId === undefined || e.projectId === query.projectId) &&
          (query.actorId === undefined || e.actorId === query.actorId) &&
          (since === undefined || Date.parse(e.at) >= since),
      );
      return pageOf(matches, 'audit.list', ORDER, query);
    },
  };
}
