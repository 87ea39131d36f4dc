import { createHash, randomBytes } from 'node:crypto';
import type { IdGenerator } from '../ports/ids.js';

function formatUuid(bytes: Buffer): string {
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * UUID v7 (RFC 9562): 48-bit millisecond timestamp, then a 12-bit counter that keeps ids created
 * in the same millisecond in creation order, then random bits. Ids sort by creation time, so
 * "newest first" lists (the audit log) stay in order when several writes share a millisecond.
 */
export function createTimeOrderedIds(now: () => number = Date.now): () => string {
  let lastMs = 0;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      counter += 1;
      if (counter > 0xfff) {
        lastMs += 1; // borrow the next millisecond rather than lose the order
        counter = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const b = randomBytes(16);
    b.writeUIntBE(ms, 0, 6);
    b[6] = 0x70 | ((counter >> 8) & 0x0f);
    b[7] = counter & 0xff;
    b[8] = (b[8]! & 0x3f) | 0x80;
    return formatUuid(b);
  };
}

/** Name-based ids for idempotency keys: SHA-256 of (scope, key) in the UUID v5 layout. */
export function nameBasedId(scope: string, key: string): string {
  const h = createHash('sha256').update(scope).update('\u0000').update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  return formatUuid(h);
}

export const cryptoIds: IdGenerator = {
  newId: createTimeOrderedIds(),
  idFor: nameBasedId,
};
