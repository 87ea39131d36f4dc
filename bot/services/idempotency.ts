// Creates are idempotent by key: the entity id is derived from (scope, actor, key), so a replayed
// submission collides with the first one in the store instead of creating a duplicate.
import { DuplicateError } from '../domain/errors.js';
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

/**
 * Runs `create`; when the id already exists because of the same idempotency key, returns the stored
 * entity marked as a replay (provided `sameOrigin` confirms it came from the same actor).
 */
export async function createIdempotent<T>(
  key: string | undefined,
  create: () => Promise<T>,
  loadExisting: () => Promise<T | undefined>,
  sameOrigin: (existing: T) => boolean,
): Promise<Created<T>> {
  try {
    return { value: await create(), replayed: false };
  } catch (e) {
    if (!(e instanceof DuplicateError) || !key) throw e;
    const existing = await loadExisting();
    if (existing && sameOrigin(existing)) return { value: existing, replayed: true };
    throw e;
  }
}
