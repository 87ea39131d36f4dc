// Durable run records: one row per (kind, period, recipient), so that a proactive message goes out once
// per recipient and period across restarts and app instances.
//
// claim() reads and writes in one IMMEDIATE transaction. It succeeds (returns true) when
// - no record exists yet: a `pending` record is inserted with claimed_at = at;
// - the record is `failed`: the earlier attempt gave up, so a later run may try again;
// - the record is `pending` but its claim is stale (claimed at least `claimTimeoutMs` before `at`):
//   the instance that claimed it is presumed to have crashed before recording an outcome.
// It fails (returns false) while the record shows a delivery or a final outcome (`delivered`,
// `throttled-then-delivered`, `unreachable`, `skipped`) or a fresh `pending` claim. Recording a
// `pending` record (e.g. a throttled message re-queued) renews the claim, like a lease heartbeat.
// claimFor() is the delivery pipeline's claim: it also records which instance holds the claim, and
// treats other holders' claims as void (the caller holds the run's lease), reporting a `sending` one
// as uncertain (decideClaim in state-records.ts, shared with the Blob store). Two processes on one
// file are serialised by the transaction's write lock.
import { skippedRecord, type Claim, type RunRecord, type RunStore } from '../../ports/state.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import {
  decideClaim,
  instantMs,
  parseRunRecord,
  RunKeySchema,
  RunRecordSchema,
  UncertainSendSchema,
  withoutEmpty,
  type ClaimableRun,
} from './state-records.js';
import { ValidationError } from '../../domain/errors.js';
import { toFieldIssues } from '../../domain/validation.js';

export const DEFAULT_CLAIM_TIMEOUT_MS = 15 * 60_000;

const TABLE = 'runs';
const SELECT =
  'SELECT kind, period, recipient_id AS recipientId, status, attempts, detail, updated_at AS updatedAt, ' +
  `activity_id AS activityId, holder, uncertain FROM ${TABLE}`;

type RunKey = { kind: string; period: string; recipientId: string };
type Row = Omit<RunRecord, 'uncertain'> & { uncertain: string | null; claimedAtMs?: number | null };

function checkKey(key: RunKey): RunKey {
  const result = RunKeySchema.safeParse(key);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}

function uncertainOf(text: string | null): unknown {
  if (text === null) return null;
  try {
    const parsed = UncertainSendSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : text;
  } catch {
    return text;
  }
}

export function createRunStore(ctx: SqliteContext, options: { claimTimeoutMs?: number } = {}): RunStore {
  const claimTimeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;

  const parse = (row: Row | undefined): RunRecord | undefined => {
    if (!row) return undefined;
    const { claimedAtMs: _claimed, ...rest } = row;
    const result = RunRecordSchema.safeParse({ ...rest, uncertain: uncertainOf(row.uncertain) });
    if (result.success) return withoutEmpty(result.data);
    ctx.onInvalidRow(TABLE, `${row.kind}/${row.period}/${row.recipientId}`, toFieldIssues(result.error));
    return undefined;
  };

  const write = (r: RunRecord, claimedAtMs: number | null) =>
    ctx
      .statement(
        `INSERT INTO ${TABLE} (kind, period, recipient_id, status, attempts, detail, updated_at, activity_id, claimed_at_ms, holder, uncertain) ` +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, period, recipient_id) DO UPDATE SET ' +
          'status = excluded.status, attempts = excluded.attempts, detail = excluded.detail, ' +
          'updated_at = excluded.updated_at, activity_id = excluded.activity_id, ' +
          `claimed_at_ms = COALESCE(excluded.claimed_at_ms, ${TABLE}.claimed_at_ms), ` +
          'holder = excluded.holder, uncertain = excluded.uncertain',
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
        claimedAtMs,
        r.holder ?? null,
        r.uncertain ? JSON.stringify(r.uncertain) : null,
      );

  /** Reads the key, applies the claim rules and writes the claim, in one IMMEDIATE transaction. */
  const claimOnce = (key: RunKey, at: string, holder: string | undefined): Claim =>
    ctx.transaction(() => {
      const k = checkKey(key);
      const atMs = instantMs(at, 'at');
      const row = ctx
        .statement<Row>(
          `${SELECT.replace(' FROM', ', claimed_at_ms AS claimedAtMs FROM')} WHERE kind = ? AND period = ? AND recipient_id = ?`,
        )
        .get(k.kind, k.period, k.recipientId);
      let current: ClaimableRun | undefined;
      if (row) {
        const parsed = parse(row);
        // An unreadable record is left alone (as the Blob store does): never sent twice by accident.
        if (!parsed) return { claimed: false };
        current = { ...parsed, claimedAtMs: row.claimedAtMs ?? null };
      }
      const decision = decideClaim(k, current, { atMs, holder, claimTimeoutMs });
      if (!decision) return { claimed: false };
      const { claimedAtMs, ...next } = decision.next;
      write(next, claimedAtMs);
      return decision.result;
    });

  const getSync = (key: RunKey): RunRecord | undefined => {
    const { kind, period, recipientId } = checkKey(key);
    return parse(
      ctx
        .statement<Row>(`${SELECT} WHERE kind = ? AND period = ? AND recipient_id = ?`)
        .get(kind, period, recipientId),
    );
  };

  return {
    claim: (key, at) => ctx.run(() => claimOnce(key, at, undefined).claimed),

    // Each key's claim and its `skipped` record (what claim() then record() write), in one transaction.
    skipUnclaimed: (keys, at, detail) =>
      ctx.run(() =>
        ctx.transaction(() =>
          keys.map((key) => {
            if (!claimOnce(key, at, undefined).claimed) return { skipped: false, record: getSync(key) };
            write(parseRunRecord(skippedRecord(key, at, detail)), null);
            return { skipped: true };
          }),
        ),
      ),

    claimFor: (key, claim) => ctx.run(() => claimOnce(key, claim.at, claim.holder)),

    record: (input) =>
      ctx.run(() => {
        const r = parseRunRecord(input);
        const active = r.status === 'pending' || r.status === 'sending';
        write(r, active ? instantMs(r.updatedAt, 'updatedAt') : null);
      }),

    get: (key) => ctx.run(() => getSync(key)),

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
          .statement<Row>(sql)
          .all(...params)
          .map(parse)
          .filter((r): r is RunRecord => r !== undefined);
      }),
  };
}
