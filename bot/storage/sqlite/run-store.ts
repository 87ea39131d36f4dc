// Durable run records: one row per (kind, period, recipient), so that a proactive message goes out once
// per recipient and period across restarts and app instances.
//
// claim() is one atomic UPSERT. It succeeds (returns true) when
// - no record exists yet: a `pending` record is inserted with claimed_at = at;
// - the record is `failed`: the earlier attempt gave up, so a later run may try again;
// - the record is `pending` but its claim is stale (claimed at least `claimTimeoutMs` before `at`):
//   the instance that claimed it is presumed to have crashed before recording an outcome.
// It fails (returns false) while the record shows a delivery or a final outcome (`delivered`,
// `throttled-then-delivered`, `unreachable`, `skipped`) or a fresh `pending` claim. Recording a
// `pending` record (e.g. a throttled message re-queued) renews the claim, like a lease heartbeat.
// A sender that crashes after sending but before recording can cause one duplicate after the timeout;
// that is the price of never dropping a message.
import type { RunRecord, RunStore } from '../../ports/state.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { instantMs, parseRunRecord, RunKeySchema, RunRecordSchema } from './state-records.js';
import { ValidationError } from '../../domain/errors.js';
import { toFieldIssues } from '../../domain/validation.js';

export const DEFAULT_CLAIM_TIMEOUT_MS = 15 * 60_000;

const TABLE = 'runs';
const SELECT =
  'SELECT kind, period, recipient_id AS recipientId, status, attempts, detail, updated_at AS updatedAt, ' +
  `activity_id AS activityId FROM ${TABLE}`;

type RunKey = { kind: string; period: string; recipientId: string };

function checkKey(key: RunKey): RunKey {
  const result = RunKeySchema.safeParse(key);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}

export function createRunStore(ctx: SqliteContext, options: { claimTimeoutMs?: number } = {}): RunStore {
  const claimTimeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;

  const parse = (row: RunRecord | undefined): RunRecord | undefined => {
    if (!row) return undefined;
    const result = RunRecordSchema.safeParse(row);
    if (result.success) return result.data;
    ctx.onInvalidRow(TABLE, `${row.kind}/${row.period}/${row.recipientId}`, toFieldIssues(result.error));
    return undefined;
  };

  return {
    claim: (key, at) =>
      ctx.run(() => {
        const { kind, period, recipientId } = checkKey(key);
        const atMs = instantMs(at, 'at');
        const { changes } = ctx
          .statement(
            `INSERT INTO ${TABLE} (kind, period, recipient_id, status, attempts, detail, updated_at, activity_id, claimed_at_ms) ` +
              "VALUES (?, ?, ?, 'pending', 0, NULL, ?, NULL, ?) " +
              "ON CONFLICT (kind, period, recipient_id) DO UPDATE SET status = 'pending', " +
              'updated_at = excluded.updated_at, claimed_at_ms = excluded.claimed_at_ms ' +
              `WHERE ${TABLE}.status = 'failed' OR (${TABLE}.status = 'pending' AND ` +
              `(${TABLE}.claimed_at_ms IS NULL OR ${TABLE}.claimed_at_ms <= excluded.claimed_at_ms - ?))`,
          )
          .run(kind, period, recipientId, new Date(atMs).toISOString(), atMs, claimTimeoutMs);
        return changes === 1;
      }),

    record: (input) =>
      ctx.run(() => {
        const r = parseRunRecord(input);
        const heartbeat = r.status === 'pending' ? instantMs(r.updatedAt, 'updatedAt') : null;
        ctx
          .statement(
            `INSERT INTO ${TABLE} (kind, period, recipient_id, status, attempts, detail, updated_at, activity_id, claimed_at_ms) ` +
              'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, period, recipient_id) DO UPDATE SET ' +
              'status = excluded.status, attempts = excluded.attempts, detail = excluded.detail, ' +
              'updated_at = excluded.updated_at, activity_id = excluded.activity_id, ' +
              `claimed_at_ms = COALESCE(excluded.claimed_at_ms, ${TABLE}.claimed_at_ms)`,
          )
          .run(
            r.kind,
            r.period,
            r.recipientId,
            r.status,
            r.attempts,
            r.detail,
            r.updatedAt,
            r.activityId,
            heartbeat,
          );
      }),

    get: (key) =>
      ctx.run(() => {
        const { kind, period, recipientId } = checkKey(key);
        return parse(
          ctx
            .statement<RunRecord>(`${SELECT} WHERE kind = ? AND period = ? AND recipient_id = ?`)
            .get(kind, period, recipientId),
        );
      }),

    list: (filter) =>
      ctx.run(() => {
        const where: string[] = [];
        const params: SqlValue[] = [];
        for (const [column, value] of [
          ['kind', filter.kind],
          ['period', filter.period],
          ['status', filter.status],
        ] as const) {
          if (value === undefined) continue;
          where.push(`${column} = ?`);
          params.push(value);
        }
        const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY kind, period, recipient_id`;
        return ctx
          .statement<RunRecord>(sql)
          .all(...params)
          .map(parse)
          .filter((r): r is RunRecord => r !== undefined);
      }),
  };
}
