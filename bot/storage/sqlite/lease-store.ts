// Time-limited exclusive leases (e.g. "scheduler": only one app instance runs the jobs). acquire() is
// one atomic UPSERT: it takes a free or expired lease, or renews one the holder already has, and
// extends it to now + ttl. Because it is a single write statement, two processes on one file are
// serialised by SQLite's write lock and cannot both hold a lease. Expiry is judged by the caller's
// clock (`now`), so instances should run with synchronised clocks and a ttl well above the skew.
import type { LeaseStore } from '../../ports/state.js';
import { checkLeaseRequest } from '../lease-request.js';
import type { SqliteContext } from './sqlite-context.js';

const TABLE = 'leases';

export function createLeaseStore(ctx: SqliteContext): LeaseStore {
  return {
    acquire: (name, holder, ttlMs, now) =>
      ctx.run(() => {
        const nowMs = checkLeaseRequest(name, holder, ttlMs, now);
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
