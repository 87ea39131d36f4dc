// The cursor of a keyset page, alike in every store: base64url of {"s": scope, "k": [sort-key values]}.
// The scope names the listing (a cursor from one listing is refused by another); anything that does
// not decode to that shape is a ValidationError on `cursor`, never a crash.
import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';

export type CursorValue = string | number;

const MAX_CURSOR_LENGTH = 4096;
const CursorJson = z
  .object({ s: z.string(), k: z.array(z.union([z.string().max(1000), z.number()])) })
  .strict();

export function invalidCursor(): ValidationError {
  return new ValidationError([
    { path: 'cursor', code: 'invalid_format', message: 'invalid page cursor', params: { format: 'cursor' } },
  ]);
}

export function encodeCursor(scope: string, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ s: scope, k: values }), 'utf8').toString('base64url');
}

/** The `keys` sort-key values a cursor of this scope carries; ValidationError otherwise. */
export function decodeCursorValues(scope: string, keys: number, cursor: string): CursorValue[] {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw invalidCursor();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = CursorJson.safeParse(json);
  if (!parsed.success || parsed.data.s !== scope || parsed.data.k.length !== keys) throw invalidCursor();
  return parsed.data.k;
}
