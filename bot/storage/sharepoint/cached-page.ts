// Keyset paging over entities held in the local cache. Graph cannot sort list items by the orders the
// ports promise (nor filter on several columns at once), so listings are answered from the cache that
// delta keeps current. As in the embedded store, the cursor is the sort key of the last item returned
// (base64url of {"s": scope, "k": [values]}): the next page starts strictly after it, whatever was
// added meanwhile, and a cursor that does not decode to this listing's key is a ValidationError.
import { clampLimit, type Page, type PageRequest } from '../../ports/paging.js';
import { decodeCursorValues, encodeCursor, invalidCursor, type CursorValue } from '../page-cursor.js';

export type SortValue = CursorValue;

export interface SortKey<T> {
  value: (entity: T) => SortValue;
  direction: 'asc' | 'desc';
}

function decodeCursor<T>(
  scope: string,
  order: ReadonlyArray<SortKey<T>>,
  cursor: string,
  sample: T | undefined,
): SortValue[] {
  const values = decodeCursorValues(scope, order.length, cursor);
  if (sample !== undefined) {
    order.forEach((key, i) => {
      if (typeof key.value(sample) !== typeof values[i]) throw invalidCursor();
    });
  }
  return values;
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
