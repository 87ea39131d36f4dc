// Entities <-> SharePoint list item fields (see list-schema.ts for the mapping choice). Writing: the
// validated entity as JSON in EntityJson (spilling into EntityJson2..4, gzip+base64 beyond that) plus
// the typed columns. Reading: list items are untrusted input; the JSON is parsed and validated with
// the domain's zod schema, and must agree with the item's EntityId column, or the item is reported
// and skipped.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '../../domain/errors.js';
import { toFieldIssues } from '../../domain/validation.js';
import {
  ENTITY_ID_COLUMN,
  ENTITY_VERSION_COLUMN,
  JSON_CHUNK_LENGTH,
  JSON_COLUMNS,
  TEXT_MAX_LENGTH,
  WRITE_ID_COLUMN,
  type FieldValue,
  type ListSpec,
} from './list-schema.js';

export interface EntityCodec<T> {
  spec: ListSpec<T>;
  /** Entity name used in domain errors ("project", "status-update", ...). */
  entity: string;
  schema: z.ZodType<T>;
  idOf: (entity: T) => string;
  versionOf: (entity: T) => number;
}

/** The codec of a list of versioned entities (an id and a version of their own). */
export function versionedCodec<T extends { id: string; version: number }>(
  spec: ListSpec<T>,
  entity: string,
  schema: z.ZodType<T>,
): EntityCodec<T> {
  return { spec, entity, schema, idOf: (e) => e.id, versionOf: (e) => e.version };
}

export type Decoded<T> =
  { ok: true; entity: T; writeId: string | null } | { ok: false; issues: FieldIssue[] };

const GZIP_PREFIX = 'gz1:';

function truncate(value: FieldValue): FieldValue {
  return typeof value === 'string' && value.length > TEXT_MAX_LENGTH
    ? value.slice(0, TEXT_MAX_LENGTH)
    : value;
}

function chunks(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += JSON_CHUNK_LENGTH) out.push(json.slice(i, i + JSON_CHUNK_LENGTH));
  return out.length > 0 ? out : [''];
}

/** The JSON payload split across the EntityJson columns; ValidationError when even gzip does not fit. */
function jsonColumns(json: string, entity: string): Record<string, string | null> {
  let parts = chunks(json);
  if (parts.length > JSON_COLUMNS.length) {
    parts = chunks(GZIP_PREFIX + gzipSync(Buffer.from(json, 'utf8')).toString('base64'));
  }
  if (parts.length > JSON_COLUMNS.length) {
    throw new ValidationError([
      {
        path: '',
        code: 'too_big',
        message: `this ${entity} is too large to be stored in a SharePoint list item`,
      },
    ]);
  }
  return Object.fromEntries(JSON_COLUMNS.map((name, i) => [name, parts[i] ?? null]));
}

/** The fields to write for an entity: Title, the common columns and the list's typed columns. */
export function encodeFields<T>(
  codec: EntityCodec<T>,
  entity: T,
  writeId: string,
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {
    Title: truncate(codec.spec.titleOf(entity)),
    [ENTITY_ID_COLUMN]: codec.idOf(entity),
    [ENTITY_VERSION_COLUMN]: codec.versionOf(entity),
    [WRITE_ID_COLUMN]: writeId,
    ...jsonColumns(JSON.stringify(entity), codec.entity),
  };
  for (const column of codec.spec.columns) {
    if (!column.value) continue;
    const value = column.value(entity);
    fields[column.name] = column.kind === 'text' ? truncate(value) : value;
  }
  return fields;
}

function issue(message: string, code = 'invalid_value'): Decoded<never> {
  return { ok: false, issues: [{ path: '', code, message }] };
}

/** The entity a list item holds, validated; or why it cannot be read. */
export function decodeFields<T>(
  codec: EntityCodec<T>,
  fields: Record<string, unknown> | undefined,
): Decoded<T> {
  if (!fields) return issue('the item has no fields');
  let payload = '';
  for (const name of JSON_COLUMNS) {
    const part = fields[name];
    if (part === undefined || part === null || part === '') break;
    if (typeof part !== 'string') return issue(`${name} is not text`, 'invalid_type');
    payload += part;
  }
  if (payload === '') return issue('EntityJson is empty', 'required');
  if (payload.startsWith(GZIP_PREFIX)) {
    try {
      payload = gunzipSync(Buffer.from(payload.slice(GZIP_PREFIX.length), 'base64')).toString('utf8');
    } catch {
      return issue('EntityJson is not valid compressed JSON', 'invalid_json');
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch (e) {
    return issue(`EntityJson is not JSON: ${e instanceof Error ? e.message : 'invalid'}`, 'invalid_json');
  }
  const result = codec.schema.safeParse(json);
  if (!result.success) return { ok: false, issues: toFieldIssues(result.error) };
  const id = fields[ENTITY_ID_COLUMN];
  if (id !== codec.idOf(result.data)) {
    return issue(`EntityId ${typeof id === 'string' ? id : String(id)} does not match the record's id`);
  }
  const writeId = fields[WRITE_ID_COLUMN];
  return { ok: true, entity: result.data, writeId: typeof writeId === 'string' ? writeId : null };
}
