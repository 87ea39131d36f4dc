// Creates are idempotent by key: the entity id is derived from (scope, actor, key), so a replayed
// submission collides with the first one in the store instead of creating a duplicate.
import { DuplicateError, IdempotencyKeyReusedError } from '../domain/errors.js';
import type { IdGenerator } from '../ports/ids.js';
import type { Created } from './context.js';

export function idForCreate(
  ids: IdGenerator,
  scope: string,
  actorId: string,
  key: string | undefined,
): string {
  return key ? ids.idFor(`${scope}:${actorId}`, key) : ids.newId();
}

/** What a keyed create was asked to store, to tell a replay from a reused key. */
export interface IdempotentRequest<T> {
  /** Entity name for the message (risk, project ...). */
  entity: string;
  /** The id came from the key (not given by the caller): an existing entity means the same key. */
  keyDerived: boolean;
  /** Does the stored entity hold what this request asks for? */
  matches: (existing: T) => boolean;
}

/**
 * Runs `create`; when the id already exists because of the same idempotency key, returns the stored
 * entity marked as a replay (provided `sameOrigin` confirms it came from the same actor and the
 * request asks for what is stored). The same key with a different request is refused
 * (IdempotencyKeyReusedError, 422), as the IETF idempotency-key draft recommends.
 */
export async function createIdempotent<T>(
  key: string | undefined,
  create: () => Promise<T>,
  loadExisting: () => Promise<T | undefined>,
  sameOrigin: (existing: T) => boolean,
  request?: IdempotentRequest<T>,
): Promise<Created<T>> {
  try {
    return { value: await create(), replayed: false };
  } catch (e) {
    if (!(e instanceof DuplicateError) || !key) throw e;
    const existing = await loadExisting();
    if (!existing) throw e;
    const matches = request ? request.matches(existing) : true;
    if (matches && sameOrigin(existing)) return { value: existing, replayed: true };
    if (request?.keyDerived && !matches) throw new IdempotencyKeyReusedError(request.entity);
    throw e;
  }
}

/** Do the fields the caller sent hold the same values in the stored entity as in the one built now? */
export function sameFields<T extends object>(existing: T, built: T, keys: readonly string[]): boolean {
  const a = existing as Record<string, unknown>;
  const b = built as Record<string, unknown>;
  return keys.every((k) => !(k in b) || canonical(a[k]) === canonical(b[k]));
}

function canonical(v: unknown): string {
  return (
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(
            Object.entries(x as Record<string, unknown>).sort(([p], [q]) => p.localeCompare(q)),
          )
        : x,
    ) ?? 'undefined'
  );
}
