// Append-only: there is no update or delete statement for this table.
import { AuditEvent } from '../../domain/audit.js';
import { DuplicateError, ValidationError } from '../../domain/errors.js';
import { IsoDateTime } from '../../domain/primitives.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { Page } from '../../ports/paging.js';
import type { AuditQuery, AuditRepository } from '../../ports/repositories.js';
import { parseStoredRow, type StoredRow } from './invalid-row.js';
import { selectPage, type SortKey } from './keyset-page.js';
import { whereOf, type ListFilters } from './list-filters.js';
import type { SqliteContext } from './sqlite-context.js';
import { uniqueViolation } from './sqlite-errors.js';

const TABLE = 'audit_events';
const ORDER: readonly SortKey[] = [
  { column: 'at_ms', direction: 'desc', type: 'integer' },
  { column: 'id', direction: 'desc', type: 'text' },
];

// `since` is validated and compared as epoch milliseconds below.
const FILTERS: ListFilters<Omit<AuditQuery, 'since'>> = {
  entityType: { column: 'entity_type', op: '=' },
  entityId: { column: 'entity_id', op: '=' },
  projectId: { column: 'project_id', op: '=' },
  actorId: { column: 'actor_id', op: '=' },
};

export function createAuditRepository(ctx: SqliteContext): AuditRepository {
  return {
    append: (event) =>
      ctx.run(() => {
        const result = AuditEvent.safeParse(event);
        if (!result.success) throw new ValidationError(toFieldIssues(result.error));
        const e = result.data;
        try {
          ctx
            .statement(
              `INSERT INTO ${TABLE} (id, data, at_ms, entity_type, entity_id, project_id, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(e.id, JSON.stringify(e), Date.parse(e.at), e.entityType, e.entityId, e.projectId, e.actorId);
        } catch (error) {
          if (uniqueViolation(error)) throw new DuplicateError('audit-event', e.id);
          throw error;
        }
      }),

    list: (query: AuditQuery = {}): Promise<Page<AuditEvent>> =>
      ctx.run(() => {
        const { where, params } = whereOf(FILTERS, query);
        if (query.since !== undefined) {
          const since = IsoDateTime.safeParse(query.since);
          if (!since.success) {
            throw new ValidationError(toFieldIssues(since.error).map((i) => ({ ...i, path: 'since' })));
          }
          where.push('at_ms >= ?');
          params.push(Date.parse(since.data));
        }
        const { rows, nextCursor } = selectPage<StoredRow>(ctx, {
          scope: 'audit.list',
          from: TABLE,
          select: 'id, data',
          where,
          params,
          order: ORDER,
          page: query,
        });
        const items = rows
          .map((row) => parseStoredRow(AuditEvent, TABLE, row, ctx.onInvalidRow))
          .filter((e): e is AuditEvent => e !== undefined);
        return { items, nextCursor };
      }),
  };
}
