import { createHash, randomUUID } from 'node:crypto';
import type { IdGenerator } from '../ports/ids.js';

/** Random UUIDs; deterministic ids for idempotency keys are name-based (SHA-256, UUID v5 layout). */
export const cryptoIds: IdGenerator = {
  newId: () => randomUUID(),
  idFor(scope: string, key: string): string {
    const h = createHash('sha256').update(scope).update('\u0000').update(key).digest();
    h[6] = (h[6]! & 0x0f) | 0x50;
    h[8] = (h[8]! & 0x3f) | 0x80;
    const hex = h.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  },
};
