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

/** What createKeyed needs besides the entity: the request's key and given id, and what it sent. */
export interface KeyedCreate<T> {
  entity: string;
  idempotencyKey: string | undefined;
  /** The id the caller gave (imports); undefined when it was derived from the key. */
  givenId: string | undefined;
  /** The fields the caller sent: a replay must ask for the same values of these. */
  fields: object;
  /** Does the stored entity come from the same origin (actor, parent, unique value)? */
  sameOrigin: (existing: T) => boolean;
}

/**
 * Stores a new entity in its repository, idempotently by key (createIdempotent): a replay returns the
 * stored entity, a reused key with other fields is refused.
 */
export function createKeyed<T extends { id: string }>(
  repository: { create(entity: T): Promise<T>; get(id: string): Promise<T | undefined> },
  built: T,
  request: KeyedCreate<T>,
): Promise<Created<T>> {
  return createIdempotent(
    request.idempotencyKey,
    () => repository.create(built),
    () => repository.get(built.id),
    request.sameOrigin,
    {
      entity: request.entity,
      keyDerived: request.givenId === undefined,
      matches: (existing) => sameFields(existing, built, Object.keys(request.fields)),
    },
  );
}

/** The version and timestamps of an entity created now. */
export function firstVersion(now: string): { version: 1; createdAt: string; updatedAt: string } {
  return { version: 1, createdAt: now, updatedAt: now };
}
