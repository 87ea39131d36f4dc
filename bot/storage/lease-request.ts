// The arguments of LeaseStore.acquire, checked alike by every store before it touches its lease.
import { ValidationError } from '../domain/errors.js';

function checkName(value: string, path: string): void {
  if (value.length === 0 || value.length > 200) {
    throw new ValidationError([{ path, code: 'invalid_value', message: 'expected 1 to 200 characters' }]);
  }
}

/** Validates an acquire request; returns `now` in epoch milliseconds. */
export function checkLeaseRequest(name: string, holder: string, ttlMs: number, now: Date): number {
  checkName(name, 'name');
  checkName(holder, 'holder');
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new ValidationError([
      { path: 'ttlMs', code: 'too_small', message: 'expected a positive duration' },
    ]);
  }
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) {
    throw new ValidationError([{ path: 'now', code: 'invalid_type', message: 'expected a valid date' }]);
  }
  return nowMs;
}
