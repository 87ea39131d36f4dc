// Keyset paging over entities held in the local cache. Graph cannot sort list items by the orders the
// ports promise (nor filter on several columns at once), so listings are answered from the cache that
// delta keeps current. As in the embedded store, the cursor is the sort key of the last item returned
// (base64url of {"s": scope, "k": [values]}): the next page starts strictly after it, whatever was
// added meanwhile, and a cursor that does not decode to this listing's key is a ValidationError.
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { clampLimit, type Page, type PageRequest } from '../../ports/paging.js';

export type SortValue = string | number;

export interface SortKey<T> {
  value: (entity: T) => SortValue;
  direction: 'asc' | 'desc';
}

const MAX_CURSOR_LENGTH = 4096;
const CursorJson = z
  .object({ s: z.string(), k: z.array(z.union([z.string().max(1000), z.number()])) })
  .strict();

function invalidCursor(): ValidationError {
  return new ValidationError([
    { path: 'cursor', code: 'invalid_format', message: 'invalid page cursor', params: { format: 'cursor' } },
  ]);
}

function encodeCursor(scope: string, key: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify({ s: scope, k: key }), 'utf8').toString('base64url');
}

function decodeCursor<T>(
  scope: string,
  order: ReadonlyArray<SortKey<T>>,
  cursor: string,
  sample: T | undefined,
): SortValue[] {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw invalidCursor();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = CursorJson.safeParse(json);
  if (!parsed.success || parsed.data.s !== scope || parsed.data.k.length !== order.length)
    throw invalidCursor();
  if (sample !== undefined) {
    order.forEach((key, i) => {
      if (typeof key.value(sample) !== typeof parsed.data.k[i]) throw invalidCursor();
    });
  }
  return parsed.data.k;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareKeys<T>(
  order: ReadonlyArray<SortKey<T>>,
  a: readonly SortValue[],
  b: readonly SortValue[],
): number {
  for (let i = 0; i < order.length; i++) {
    const c = compareValues(a[i] as SortValue, b[i] as SortValue);
    if (c !== 0) return (order[i] as SortKey<T>).direction === 'asc' ? c : -c;
  }
  return 0;
}

/** Sorts `items` by `order` and returns the page `req` asks for. */
export function pageOf<T>(
  items: readonly T[],
  scope: string,
  order: ReadonlyArray<SortKey<T>>,
  req?: PageRequest,
): Page<T> {
  const limit = clampLimit(req?.limit);
  const keyed = items.map((entity) => ({ entity, key: order.map((k) => k.value(entity)) }));
  keyed.sort((a, b) => compareKeys(order, a.key, b.key));
  let start = 0;
  if (req?.cursor !== undefined) {
    const after = decodeCursor(scope, order, req.cursor, keyed[0]?.entity);
    start = keyed.findIndex((k) => compareKeys(order, k.key, after) > 0);
    if (start < 0) start = keyed.length;
  }
  const slice = keyed.slice(start, start + limit);
  const more = start + limit < keyed.length;
  const last = slice[slice.length - 1];
  return {
    items: slice.map((k) => k.entity),
    nextCursor: more && last ? encodeCursor(scope, last.key) : undefined,
  };
}
