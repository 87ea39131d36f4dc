// Keyset paging. A page is `ORDER BY <sort keys> LIMIT n+1`; the cursor is the sort key of the last
// item returned, so the next page starts strictly after it whatever was inserted meanwhile and no
// item is returned twice. Cursors are opaque to callers: base64url of {"s": scope, "k": [values]},
// where the scope names the listing (a cursor from one listing is refused by another). Anything that
// does not decode to the expected shape is a ValidationError on `cursor`, never a crash.
import { clampLimit, type PageRequest } from '../../ports/paging.js';
import { decodeCursorValues, encodeCursor, invalidCursor } from '../page-cursor.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';

export interface SortKey {
  /** A column (or qualified column) of the query; never user input. */
  readonly column: string;
  readonly direction: 'asc' | 'desc';
  readonly type: 'text' | 'integer';
}

export { encodeCursor };

/** The sort-key values a cursor carries, checked against the listing's keys; ValidationError otherwise. */
export function decodeCursor(scope: string, keys: readonly SortKey[], cursor: string): SqlValue[] {
  const values = decodeCursorValues(scope, keys.length, cursor);
  keys.forEach((key, i) => {
    const v = values[i];
    if (key.type === 'text' ? typeof v !== 'string' : !Number.isInteger(v)) throw invalidCursor();
  });
  return values;
}

export function orderByClause(keys: readonly SortKey[]): string {
  return keys.map((k) => `${k.column} ${k.direction === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
}

/** "Strictly after `values` in this ordering", expanded so that keys may mix directions. */
export function afterClause(
  keys: readonly SortKey[],
  values: readonly SqlValue[],
): { sql: string; params: SqlValue[] } {
  const ors: string[] = [];
  const params: SqlValue[] = [];
  keys.forEach((key, i) => {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      const prior = keys[j] as SortKey;
      ands.push(`${prior.column} = ?`);
      params.push(values[j] ?? null);
    }
    ands.push(`${key.column} ${key.direction === 'asc' ? '>' : '<'} ?`);
    params.push(values[i] ?? null);
    ors.push(`(${ands.join(' AND ')})`);
  });
  return { sql: `(${ors.join(' OR ')})`, params };
}

export interface PageQuery {
  /** Names the listing inside its cursors, e.g. "projects.list". */
  scope: string;
  /** FROM clause (a table, or a join). */
  from: string;
  /** Selected columns besides the sort keys. */
  select: string;
  where: readonly string[];
  params: readonly SqlValue[];
  order: readonly SortKey[];
  page: PageRequest | undefined;
}

/** Runs one page of a keyset-paged query: the rows (at most the clamped limit) and the next cursor. */
export function selectPage<R extends object>(
  ctx: SqliteContext,
  q: PageQuery,
): { rows: R[]; nextCursor?: string } {
  const limit = clampLimit(q.page?.limit);
  const where = [...q.where];
  const params = [...q.params];
  if (q.page?.cursor !== undefined) {
    const after = afterClause(q.order, decodeCursor(q.scope, q.order, q.page.cursor));
    where.push(after.sql);
    params.push(...after.params);
  }
  const keyColumns = q.order.map((k, i) => `${k.column} AS _k${i}`).join(', ');
  const sql =
    `SELECT ${q.select}, ${keyColumns} FROM ${q.from}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${orderByClause(q.order)} LIMIT ?`;
  const rows = ctx.statement<R & Record<string, SqlValue>>(sql).all(...params, limit + 1);
  if (rows.length <= limit) return { rows };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1] as Record<string, SqlValue>;
  return {
    rows: page,
    nextCursor: encodeCursor(
      q.scope,
      q.order.map((_, i) => last[`_k${i}`] ?? null),
    ),
  };
}
