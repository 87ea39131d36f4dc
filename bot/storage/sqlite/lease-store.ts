// Time-limited exclusive leases (e.g. "scheduler": only one app instance runs the jobs). acquire() is
// one atomic UPSERT: it takes a free or expired lease, or renews one the holder already has, and
// extends it to now + ttl. Because it is a single write statement, two processes on one file are
// serialised by SQLite's write lock and cannot both hold a lease. Expiry is judged by the caller's
// clock (`now`), so instances should run with synchronised clocks and a ttl well above the skew.
import { ValidationError } from '../../domain/errors.js';
import type { LeaseStore } from '../../ports/state.js';
import type { SqliteContext } from './sqlite-context.js';

const TABLE = 'leases';

function checkName(value: string, path: string): void {
  if (value.length === 0 || value.length > 200) {
    throw new ValidationError([{ path, code: 'invalid_value', message: 'expected 1 to 200 characters' }]);
  }
}

export function createLeaseStore(ctx: SqliteContext): LeaseStore {
  return {
    acquire: (name, holder, ttlMs, now) =>
      ctx.run(() => {
        checkName(name, 'name');
        checkName(holder, 'holder');
        if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
          throw new ValidationError([
            { path: 'ttlMs', code: 'too_small', message: 'expected a positive duration' },
          ]);
        }
        const nowMs = now.getTime();
        if (!Number.isFinite(nowMs)) {
          throw new ValidationError([
            { path: 'now', code: 'invalid_type', message: 'expected a valid date' },
          ]);
        }
        const { changes } = ctx
          .statement(
            `INSERT INTO ${TABLE} (name, holder, expires_at_ms) VALUES (?, ?, ?) ` +
              'ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at_ms = excluded.expires_at_ms ' +
              `WHERE ${TABLE}.holder = excluded.holder OR ${TABLE}.expires_at_ms <= ?`,
          )
          .run(name, holder, Math.floor(nowMs + ttlMs), nowMs);
        return changes === 1;
      }),

    /** Releases the lease if `holder` holds it; releasing someone else's lease does nothing. */
    release: (name, holder) =>
      ctx.run(() => {
        ctx.statement(`DELETE FROM ${TABLE} WHERE name = ? AND holder = ?`).run(name, holder);
      }),
  };
}
