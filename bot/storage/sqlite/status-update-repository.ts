import { ValidationError } from '../../domain/errors.js';
import { Period } from '../../domain/period.js';
import { StatusUpdate } from '../../domain/status-update.js';
import { toFieldIssues } from '../../domain/validation.js';
import { clampLimit, type Page, type PageRequest } from '../../ports/paging.js';
import type { StatusUpdateRepository } from '../../ports/repositories.js';
import { decodeCursor, encodeCursor, selectPage, type SortKey } from './keyset-page.js';
import type { SqliteReadModels } from './read-models.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { createVersionedTable, type StoredVersionedRow } from './versioned-table.js';

const BY_PROJECT: readonly SortKey[] = [
  { column: 'period', direction: 'desc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];
const BY_PERIOD: readonly SortKey[] = [
  { column: 'project_id', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];
const LATEST: readonly SortKey[] = [{ column: 'project_id', direction: 'asc', type: 'text' }];

function checkPeriod(period: string, path: string): void {
  const result = Period.safeParse(period);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error).map((i) => ({ ...i, path })));
}

export function createStatusUpdateRepository(
  ctx: SqliteContext,
  readModels?: Pick<SqliteReadModels, 'refresh' | 'foldUpdate'>,
): StatusUpdateRepository {
  const table = createVersionedTable<StatusUpdate>(ctx, {
    table: 'status_updates',
    entity: 'status-update',
    schema: StatusUpdate,
    columns: { project_id: (u) => u.projectId, period: (u) => u.period },
    uniqueKeys: { 'project_id,period': (u) => `${u.projectId}/${u.period}` },
    parent: { field: 'projectId', entity: 'project' },
    // A written update changes only the newest updates of its project's facts: folded in, not recomputed.
    readModel: readModels && {
      refresh: readModels.refresh,
      projectsOf: (u) => [u.projectId],
      apply: (u) => readModels.foldUpdate(u),
    },
  });

  const page = (
    scope: string,
    order: readonly SortKey[],
    where: string,
    params: SqlValue[],
    req?: PageRequest,
  ) => {
    const { rows, nextCursor } = selectPage<StoredVersionedRow>(ctx, {
      scope,
      from: 'status_updates',
      select: 'id, version, data',
      where: [where],
      params,
      order,
      page: req,
    });
    return { items: table.parseRows(rows), nextCursor };
  };

  return {
    ...table.crud,

    getForPeriod: (projectId, period) =>
      ctx.run(() => {
        checkPeriod(period, 'period');
        return table.findOne('project_id = ? AND period = ?', [projectId, period]);
      }),

    listByProject: (projectId, req) =>
      ctx.run(() => page('status-updates.by-project', BY_PROJECT, 'project_id = ?', [projectId], req)),

    listByPeriod: (period, req) =>
      ctx.run(() => {
        checkPeriod(period, 'period');
        return page('status-updates.by-period', BY_PERIOD, 'period = ?', [period], req);
      }),

    // One query: the newest period per project comes from the (project_id, period) unique index
    // (GROUP BY + MAX walks it once), then each winner is joined back to its row.
    latestPerProject: (options = {}): Promise<Page<StatusUpdate>> =>
      ctx.run(() => {
        const limit = clampLimit(options.limit);
        const where: string[] = [];
        const params: SqlValue[] = [];
        if (options.upToPeriod !== undefined) {
          checkPeriod(options.upToPeriod, 'upToPeriod');
          where.push('period <= ?');
          params.push(options.upToPeriod);
        }
        if (options.cursor !== undefined) {
          const [after] = decodeCursor('status-updates.latest', LATEST, options.cursor);
          where.push('project_id > ?');
          params.push(after ?? null);
        }
        const sql =
          'SELECT s.id, s.version, s.data, s.project_id AS projectId FROM (' +
          'SELECT project_id, MAX(period) AS period FROM status_updates' +
          (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
          ' GROUP BY project_id ORDER BY project_id LIMIT ?' +
          ') latest JOIN status_updates s ON s.project_id = latest.project_id AND s.period = latest.period ' +
          'ORDER BY s.project_id';
        const rows = ctx.statement<StoredVersionedRow & { projectId: string }>(sql).all(...params, limit + 1);
        const more = rows.length > limit;
        const pageRows = more ? rows.slice(0, limit) : rows;
        const last = pageRows[pageRows.length - 1];
        return {
          items: table.parseRows(pageRows),
          nextCursor: more && last ? encodeCursor('status-updates.latest', [last.projectId]) : undefined,
        };
      }),
  };
}
