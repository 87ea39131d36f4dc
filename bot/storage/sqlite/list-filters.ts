// The filters of a repository's list query, declared once per repository instead of written out as
// if-chains: each query field names the indexed column it filters and how. An undefined field (or a
// false flag) adds nothing.
import type { PageRequest } from '../../ports/paging.js';
import type { SqlValue } from './sqlite-context.js';

export type ListFilter =
  /** The column compared with the query's value (a boolean as 1 or 0). */
  | { column: string; op: '=' | '>=' | '<=' }
  /** The column is one of the query's values (an array). */
  | { column: string; op: 'in' }
  /** A fixed condition, added when the query's field is `true`. */
  | { op: 'flag'; sql: string }
  /** A condition whose every `?` is bound to the query's value. */
  | { op: 'sql'; sql: string };

/**
 * One filter for every field of the query besides paging: a field added to a query without saying
 * how it filters is a type error, not a filter silently ignored.
 */
export type ListFilters<Q> = { readonly [K in Exclude<keyof Q, keyof PageRequest>]-?: ListFilter };

export function whereOf<Q extends object>(
  filters: ListFilters<Q>,
  query: Q,
): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  for (const [key, filter] of Object.entries(filters) as Array<[keyof Q & string, ListFilter]>) {
    const value = query[key];
    if (value === undefined) continue;
    if (filter.op === 'flag') {
      if (value === true) where.push(filter.sql);
    } else if (filter.op === 'in') {
      where.push(`${filter.column} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(value));
    } else if (filter.op === 'sql') {
      where.push(filter.sql);
      for (let i = filter.sql.split('?').length - 1; i > 0; i--) params.push(value as SqlValue);
    } else {
      where.push(`${filter.column} ${filter.op} ?`);
      params.push(typeof value === 'boolean' ? (value ? 1 : 0) : (value as SqlValue));
    }
  }
  return { where, params };
}
