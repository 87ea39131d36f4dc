// Small parsers for what every write route needs: the version being changed, the idempotency key,
// and a body split into its fields and its `version`.
import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { toFieldIssues } from '../domain/validation.js';
import type { ApiCall, ApiResult } from './route.js';

/** `If-Match: "3"` or `W/"3"` → 3; `If-None-Match: *` → 0 (expect nothing there yet). */
export function parsePrecondition(
  ifMatch: string | undefined,
  ifNoneMatch: string | undefined,
): number | undefined {
  if (ifNoneMatch?.trim() === '*') return 0;
  if (!ifMatch) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (!m)
    throw new ValidationError([
      {
        path: 'If-Match',
        code: 'invalid_format',
        message: 'expected an entity tag such as "3"',
        params: { format: 'etag' },
      },
    ]);
  return Number(m[1]);
}

const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, { error: 'expected 8-128 letters, digits or . _ : -' });

export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const r = IdempotencyKey.safeParse(raw);
  if (!r.success)
    throw new ValidationError(toFieldIssues(r.error).map((i) => ({ ...i, path: 'Idempotency-Key' })));
  return r.data;
}

const VersionField = z.number().int().min(1);

/** Splits `{ version, ...fields }`; the body must be a JSON object. */
export function splitVersion(body: unknown): {
  fields: Record<string, unknown>;
  version: number | undefined;
} {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError([
      { path: '', code: 'invalid_type', message: 'expected a JSON object', params: { expected: 'object' } },
    ]);
  }
  const { version, ...fields } = body as Record<string, unknown>;
  if (version === undefined) return { fields, version: undefined };
  const v = VersionField.safeParse(version);
  if (!v.success) throw new ValidationError(toFieldIssues(v.error).map((i) => ({ ...i, path: 'version' })));
  return { fields, version: v.data };
}

/** The version an update is based on: If-Match wins over the body's `version`; one of them is required. */
export function requireVersion(
  call: Pick<ApiCall<unknown>, 'ifMatch'>,
  bodyVersion: number | undefined,
): number {
  const v = call.ifMatch ?? bodyVersion;
  if (v === undefined || v === 0) {
    throw new ValidationError([
      { path: 'version', code: 'required', message: 'send If-Match or the version you are changing' },
    ]);
  }
  return v;
}

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(1000).optional(),
});

/** A comma-separated list of enum values in a query string: `status=open,escalated`. */
export function csvOf<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));
}

/** `me` or a roster id. */
export const PersonRef = z.union([z.literal('me'), z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)]);

export function resolvePersonRef(ref: string | undefined, actorId: string): string | undefined {
  return ref === 'me' ? actorId : ref;
}

/** Offset cursors for lists the service computes in full (derived views). */
export function pageOfList<T>(
  items: readonly T[],
  limit: number | undefined,
  cursor: string | undefined,
): { items: T[]; nextCursor?: string } {
  const size = Math.min(1000, Math.max(1, limit ?? 100));
  let offset = 0;
  if (cursor) {
    const n = /^o(\d{1,7})$/.exec(cursor);
    if (!n)
      throw new ValidationError([
        { path: 'cursor', code: 'invalid_format', message: 'unknown cursor', params: { format: 'cursor' } },
      ]);
    offset = Number(n[1]);
  }
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? `o${offset + size}` : undefined;
  return next ? { items: slice, nextCursor: next } : { items: slice };
}

/** The answer to a write: the stored entity, its version as the ETag. */
export function storedEntity<T extends { version: number }>(stored: T): ApiResult {
  return { body: stored, version: stored.version };
}

/**
 * The answer to an idempotent create: 201 the first time, 200 when the Idempotency-Key replays it;
 * `location` names the new resource.
 */
export function createdEntity<T extends { version: number }>(
  result: { value: T; replayed: boolean },
  location?: string,
): ApiResult {
  const { value, replayed } = result;
  return {
    status: replayed ? 200 : 201,
    body: value,
    version: value.version,
    ...(location === undefined ? {} : { headers: { Location: location } }),
  };
}

/**
 * The handler of every versioned change (PATCH, and actions such as acknowledge): splits the body into
 * its fields and `version`, requires If-Match or the version, applies the change and answers with the
 * stored entity. A route says only what the change is.
 */
export function versionedChange<Q, T extends { version: number }>(
  apply: (call: ApiCall<Q>, fields: Record<string, unknown>, version: number) => Promise<T>,
): (call: ApiCall<Q>) => Promise<ApiResult> {
  return async (call) => {
    const { fields, version } = splitVersion(call.body ?? {});
    return storedEntity(await apply(call, fields, requireVersion(call, version)));
  };
}
