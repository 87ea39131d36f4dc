// Rows are read back through the domain schema. A row that no longer validates (hand-edited, written
// by a buggy version, schema tightened since) must not take a whole listing down: it is skipped and
// reported once per read through the injected handler, so the composition root can log it.
import type { z } from 'zod';
import type { FieldIssue } from '../../domain/errors.js';
import { toFieldIssues } from '../../domain/validation.js';

export type InvalidRowHandler = (table: string, id: string, issues: FieldIssue[]) => void;

export const ignoreInvalidRows: InvalidRowHandler = () => undefined;

/** A handler that never throws into the read that called it. */
export function safeInvalidRowHandler(handler: InvalidRowHandler | undefined): InvalidRowHandler {
  if (!handler) return ignoreInvalidRows;
  return (table, id, issues) => {
    try {
      handler(table, id, issues);
    } catch {
      // A failing reporter must not turn a skipped row into a failed read.
    }
  };
}

export interface StoredRow {
  id: string;
  data: string;
  /** The authoritative version, from its own column; absent for unversioned tables. */
  version?: number;
}

/** Parses a stored row through `schema`; undefined (and reported) when it does not validate. */
export function parseStoredRow<T>(
  schema: z.ZodType<T>,
  table: string,
  row: StoredRow,
  onInvalidRow: InvalidRowHandler,
): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(row.data);
  } catch (e) {
    onInvalidRow(table, row.id, [
      { path: '', code: 'invalid_json', message: e instanceof Error ? e.message : 'invalid JSON' },
    ]);
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    onInvalidRow(table, row.id, [{ path: '', code: 'invalid_type', message: 'expected a JSON object' }]);
    return undefined;
  }
  const candidate = row.version === undefined ? json : { ...json, version: row.version };
  const result = schema.safeParse(candidate);
  if (!result.success) {
    onInvalidRow(table, row.id, toFieldIssues(result.error));
    return undefined;
  }
  return result.data;
}
