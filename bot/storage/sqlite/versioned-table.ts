// The part every versioned repository shares: get, getMany, create and update with optimistic
// concurrency, over a table of (id, version, data JSON, indexed copies of queried fields).
//
// update() is one statement, `UPDATE ... SET version = version + 1 ... WHERE id = ? AND version = ?`,
// so two writers from the same version cannot both succeed, whether they share a connection or run in
// two processes on one file. When it changes no row the current row is read to tell a conflict
// (ConflictError carrying the current entity) from a missing one (NotFoundError).
import type { z } from 'zod';
import { ConflictError, DuplicateError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { Page, PageRequest } from '../../ports/paging.js';
import type { Versioned, VersionedRepository } from '../../ports/repositories.js';
import { parseStoredRow } from './invalid-row.js';
import { selectPage, type SortKey } from './keyset-page.js';
import { whereOf, type ListFilters } from './list-filters.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { isForeignKeyViolation, uniqueViolation } from './sqlite-errors.js';

export interface VersionedTableSpec<T extends Versioned> {
  table: string;
  /** Entity name used in errors ("project", "status-update", ...). */
  entity: string;
  schema: z.ZodType<T>;
  /** Indexed copies of the entity's fields, by column name. */
  columns: Readonly<Record<string, (entity: T) => SqlValue>>;
  /** Unique constraints besides the id, by their comma-separated column list, and the key a DuplicateError names. */
  uniqueKeys?: Readonly<Record<string, (entity: T) => string>>;
  /** The field that must name an existing parent row (a foreign key), and the parent entity's name. */
  parent?: { field: string; entity: string };
  /** Read models a write changes: refreshed in the write's transaction (read-models.ts). */
  readModel?: ReadModelHook<T>;
}

export interface ReadModelRefresh {
  /** Recomputes these projects' facts (synchronous, inside the write's transaction). */
  refresh: (projectIds: Iterable<string | null | undefined>) => void;
}

export interface ReadModelHook<T> extends ReadModelRefresh {
  /** The projects whose facts an entity counts in. */
  projectsOf(entity: T): Array<string | null | undefined>;
  /**
   * Folds the written entity into its project's facts instead of recomputing them (a table whose
   * writes change one part of the facts in a way known from the entity alone).
   */
  apply?(entity: T): void;
  /** Before an update: the projects the stored row counts in (when an update can move it). */
  previousProjectsOf?(id: string): Array<string | null | undefined>;
}

/** The read-model hook of a table whose entities count in `projectsOf` (none without read models). */
export function readModelOf<T>(
  readModels: ReadModelRefresh | undefined,
  projectsOf: ReadModelHook<T>['projectsOf'],
  previousProjectsOf?: ReadModelHook<T>['previousProjectsOf'],
): ReadModelHook<T> | undefined {
  if (!readModels) return undefined;
  return previousProjectsOf
    ? { refresh: readModels.refresh, projectsOf, previousProjectsOf }
    : { refresh: readModels.refresh, projectsOf };
}

export interface StoredVersionedRow {
  id: string;
  version: number;
  data: string;
}

export interface VersionedTable<T extends Versioned> {
  /** get, getMany, create, update: spread into the repository. */
  crud: VersionedRepository<T>;
  /** Validated entities of these rows; invalid ones are skipped and reported. */
  parseRows(rows: readonly StoredVersionedRow[]): T[];
  /** The first row matching a WHERE clause, parsed (synchronous; call inside ctx.run). */
  findOne(where: string, params: readonly SqlValue[]): T | undefined;
  /** One keyset page of the rows the query's filters select, in the listing's order. */
  list<Q extends PageRequest>(listing: Listing<Q>, query: Q): Promise<Page<T>>;
  /** The repository of a table listed one way only: get, getMany, create, update and list. */
  repository<Q extends PageRequest>(
    listing: Listing<Q>,
  ): VersionedRepository<T> & { list(query?: Q): Promise<Page<T>> };
}

/** A repository's list query: the cursor scope (e.g. "risks.list"), the sort keys and the filters. */
export interface Listing<Q> {
  scope: string;
  order: readonly SortKey[];
  filters: ListFilters<Q>;
}

export function createVersionedTable<T extends Versioned>(
  ctx: SqliteContext,
  spec: VersionedTableSpec<T>,
): VersionedTable<T> {
  const { table, entity, schema } = spec;
  const columnNames = Object.keys(spec.columns);
  const columnValues = (e: T): SqlValue[] =>
    columnNames.map((c) => (spec.columns[c] as (x: T) => SqlValue)(e));

  const insertSql =
    `INSERT INTO ${table} (id, version, data${columnNames.map((c) => `, ${c}`).join('')}) ` +
    `VALUES (?, ?, ?${columnNames.map(() => ', ?').join('')})`;
  const updateSql =
    `UPDATE ${table} SET version = version + 1, data = ?${columnNames.map((c) => `, ${c} = ?`).join('')} ` +
    'WHERE id = ? AND version = ?';
  const selectSql = `SELECT id, version, data FROM ${table}`;

  const known = createKnownRows();
  const parse = (row: StoredVersionedRow | undefined): T | undefined => {
    if (!row) return undefined;
    // A row whose text and version are exactly what this table last wrote or validated needs no
    // second schema parse: its JSON is already the schema's output (a fresh object every time).
    if (known.has(row)) return { ...(JSON.parse(row.data) as T), version: row.version };
    const entity = parseStoredRow(schema, table, row, ctx.onInvalidRow);
    // Only a row that is its own parse (no default filled in, nothing normalised) is remembered.
    if (entity && JSON.stringify(entity) === row.data) known.remember(row);
    return entity;
  };

  const getSync = (id: string): { row?: StoredVersionedRow; entity?: T } => {
    const row = ctx.statement<StoredVersionedRow>(`${selectSql} WHERE id = ?`).get(id);
    return { row, entity: parse(row) };
  };

  /** The entity as it will be stored at `version`, validated; ValidationError when it does not parse. */
  const prepare = (e: T, version: number): T => {
    const result = schema.safeParse({ ...e, version });
    if (!result.success) throw new ValidationError(toFieldIssues(result.error));
    return result.data;
  };

  const mapWriteError = (error: unknown, e: T): unknown => {
    const unique = uniqueViolation(error);
    if (unique) {
      if (unique.length === 1 && unique[0] === 'id') return new DuplicateError(entity, e.id);
      const key = spec.uniqueKeys?.[unique.join(',')];
      return new DuplicateError(entity, key ? key(e) : e.id);
    }
    if (isForeignKeyViolation(error) && spec.parent) {
      const { field, entity: parentEntity } = spec.parent;
      return new ValidationError([
        { path: field, code: 'not_found', message: `refers to a ${parentEntity} that does not exist` },
      ]);
    }
    return error;
  };

  const crud: VersionedRepository<T> = {
    get: (id) => ctx.run(() => getSync(id).entity),

    getMany: (ids) =>
      ctx.run(() => {
        if (ids.length === 0) return [];
        const rows = ctx
          .statement<StoredVersionedRow>(`${selectSql} WHERE id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify([...new Set(ids)]));
        return rows.map(parse).filter((x): x is T => x !== undefined);
      }),

    create: (e) =>
      ctx.run(() => {
        const stored = prepare(e, 1);
        return withReadModel(undefined, () => {
          const data = JSON.stringify(stored);
          try {
            ctx.statement(insertSql).run(stored.id, 1, data, ...columnValues(stored));
          } catch (error) {
            throw mapWriteError(error, stored);
          }
          known.remember({ id: stored.id, version: 1, data });
          return stored;
        });
      }),

    update: (e, expectedVersion) =>
      ctx.run(() => {
        const stored = prepare(e, expectedVersion + 1);
        return withReadModel(stored.id, () => updateSync(stored, expectedVersion));
      }),
  };

  /** Runs a write and refreshes the read models it changes, in one transaction. */
  function withReadModel(updatedId: string | undefined, write: () => T): T {
    const hook = spec.readModel;
    if (!hook) return write();
    return ctx.transaction(() => {
      const before = updatedId === undefined ? [] : (hook.previousProjectsOf?.(updatedId) ?? []);
      const result = write();
      if (hook.apply && before.length === 0) hook.apply(result);
      else hook.refresh([...before, ...hook.projectsOf(result)]);
      return result;
    });
  }

  function updateSync(stored: T, expectedVersion: number): T {
    let changes: number;
    const data = JSON.stringify(stored);
    try {
      changes = ctx
        .statement(updateSql)
        .run(data, ...columnValues(stored), stored.id, expectedVersion).changes;
    } catch (error) {
      throw mapWriteError(error, stored);
    }
    if (changes === 1) {
      known.remember({ id: stored.id, version: expectedVersion + 1, data });
      return stored;
    }
    const current = getSync(stored.id);
    if (!current.row) throw new NotFoundError(entity, stored.id);
    throw new ConflictError<T | undefined>(entity, stored.id, expectedVersion, current.entity);
  }

  const list = <Q extends PageRequest>(listing: Listing<Q>, query: Q): Promise<Page<T>> =>
    ctx.run(() => {
      const { where, params } = whereOf(listing.filters, query);
      const { rows, nextCursor } = selectPage<StoredVersionedRow>(ctx, {
        scope: listing.scope,
        from: table,
        select: 'id, version, data',
        where,
        params,
        order: listing.order,
        page: query,
      });
      return { items: rows.map(parse).filter((x): x is T => x !== undefined), nextCursor };
    });

  return {
    crud,
    parseRows: (rows) => rows.map(parse).filter((x): x is T => x !== undefined),

    findOne: (where, params) =>
      parse(ctx.statement<StoredVersionedRow>(`${selectSql} WHERE ${where} LIMIT 1`).get(...params)),

    list,
    repository: (listing) => ({
      ...crud,
      list: (query) => list(listing, query ?? ({} as typeof query & object)),
    }),
  };
}

/** How many rows, and how much row text, a table remembers as known valid (oldest forgotten first). */
export const KNOWN_ROWS_LIMIT = { rows: 2_000, chars: 4_000_000 };

/**
 * The rows (id, version, exact JSON text) a table wrote from a validated entity or read and found to
 * be exactly their own parse. A row read back unchanged is not parsed again; any other text or
 * version (another process, a hand edit, a rolled-back write) is parsed as usual.
 */
export function createKnownRows() {
  const rows = new Map<string, { version: number; data: string }>();
  let chars = 0;
  const forget = (id: string) => {
    const entry = rows.get(id);
    if (!entry) return;
    chars -= entry.data.length;
    rows.delete(id);
  };
  return {
    has(row: StoredVersionedRow): boolean {
      const entry = rows.get(row.id);
      return entry !== undefined && entry.version === row.version && entry.data === row.data;
    },
    remember(row: StoredVersionedRow): void {
      forget(row.id);
      if (row.data.length > KNOWN_ROWS_LIMIT.chars) return;
      rows.set(row.id, { version: row.version, data: row.data });
      chars += row.data.length;
      while (rows.size > KNOWN_ROWS_LIMIT.rows || chars > KNOWN_ROWS_LIMIT.chars) {
        const oldest = rows.keys().next().value;
        if (oldest === undefined) break;
        forget(oldest);
      }
    },
    forget,
    get size(): number {
      return rows.size;
    },
  };
}
