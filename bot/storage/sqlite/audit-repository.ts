// Append-only: there is no update or delete statement for this table.
import { AuditEvent } from '../../domain/audit.js';
import { DuplicateError, ValidationError } from '../../domain/errors.js';
import { IsoDateTime } from '../../domain/primitives.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { Page } from '../../ports/paging.js';
import type { AuditQuery, AuditRepository } from '../../ports/repositories.js';
import { parseStoredRow, type StoredRow } from './invalid-row.js';
import { selectPage, type SortKey } from './keyset-page.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { uniqueViolation } from './sqlite-errors.js';

const TABLE = 'audit_events';
const ORDER: readonly SortKey[] = [
  { column: 'at_ms', direction: 'desc', type: 'integer' },
  { column: 'id', direction: 'desc', type: 'text' },
];

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
        const where: string[] = [];
        const params: SqlValue[] = [];
        const equal = (column: string, value: string | undefined) => {
          if (value === undefined) return;
          where.push(`${column} = ?`);
          params.push(value);
        };
        equal('entity_type', query.entityType);
        equal('entity_id', query.entityId);
        equal('project_id', query.projectId);
        equal('actor_id', query.actorId);
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
