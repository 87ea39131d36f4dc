// zod schemas for the bot-state records of bot/ports/state.ts, checked when they are written and when
// they are read back.
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { Notice } from '../../domain/notice.js';
import { IsoDateTime } from '../../domain/primitives.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { Claim, ConversationRecord, RunRecord, RunStatus } from '../../ports/state.js';

const Key = z.string().min(1).max(512);

export const ConversationRecordSchema = z.object({
  personId: Key.nullable(),
  userKey: Key,
  conversationId: Key,
  conversationType: z.enum(['personal', 'groupChat', 'channel']),
  tenantId: Key.nullable(),
  serviceUrl: z.string().min(1).max(2048),
  reference: z.unknown(),
  updatedAt: IsoDateTime,
});

export const RUN_STATUSES = [
  'pending',
  'sending',
  'delivered',
  'throttled-then-delivered',
  'unreachable',
  'failed',
  'skipped',
  'uncertain',
] as const satisfies readonly RunStatus[];

export const UncertainSendSchema = z.object({
  at: IsoDateTime,
  holder: Key,
  action: z.enum(['resent', 'not-resent']).nullable(),
});

export const RunKeySchema = z.object({ kind: Key, period: Key, recipientId: Key });

export const RunRecordSchema = RunKeySchema.extend({
  status: z.enum(RUN_STATUSES),
  attempts: z.number().int().min(0),
  detail: z.string().max(4000).nullable(),
  updatedAt: IsoDateTime,
  activityId: Key.nullable(),
  holder: Key.nullable().optional(),
  uncertain: UncertainSendSchema.nullable().optional(),
});

export function parseConversationRecord(input: unknown): ConversationRecord {
  const result = ConversationRecordSchema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return { ...result.data, reference: result.data.reference };
}

export function parseNotice(input: unknown): Notice {
  const result = Notice.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}

export function parseRunRecord(input: unknown): RunRecord {
  const result = RunRecordSchema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return withoutEmpty(result.data);
}

/** A run record without its absent optional fields (null holder, no uncertainty), as stores return it. */
export function withoutEmpty(record: RunRecord): RunRecord {
  const { holder, uncertain, ...rest } = record;
  return {
    ...rest,
    ...(holder ? { holder } : {}),
    ...(uncertain ? { uncertain } : {}),
  };
}

/** A stored run record with the time of its claim (or of its last `pending` heartbeat). */
export type ClaimableRun = RunRecord & { claimedAtMs: number | null };

/**
 * The claim rules both state stores apply (RunStore.claim and claimFor): the record to write, with the
 * Claim to report, or undefined when the key is not claimable. `holder` undefined is the plain claim():
 * only a claim older than `claimTimeoutMs` counts as abandoned.
 */
export function decideClaim(
  key: { kind: string; period: string; recipientId: string },
  current: ClaimableRun | undefined,
  claim: { atMs: number; holder?: string; claimTimeoutMs: number },
): { next: ClaimableRun; result: Claim } | undefined {
  const { atMs, holder } = claim;
  const updatedAt = new Date(atMs).toISOString();
  const fresh: ClaimableRun = {
    ...key,
    status: 'pending',
    attempts: 0,
    detail: null,
    activityId: null,
    updatedAt,
    claimedAtMs: atMs,
    ...(holder ? { holder } : {}),
  };
  if (!current) return { next: fresh, result: { claimed: true, uncertain: null } };
  const take = (uncertain: RunRecord['uncertain']) => ({
    next: withClaim(current, { updatedAt, claimedAtMs: atMs, holder, uncertain }),
    result: { claimed: true, uncertain: uncertain ?? null } as Claim,
  });
  if (current.status === 'failed') return take(null);
  if (current.status !== 'pending' && current.status !== 'sending') return undefined;
  const stale = current.claimedAtMs === null || current.claimedAtMs <= atMs - claim.claimTimeoutMs;
  // With claimFor the caller holds the run's lease and runs the run once at a time, so a claim made
  // under a lease (it names its holder) is left over: its instance died, or recorded no outcome.
  const leftOver = holder !== undefined && !!current.holder;
  if (!leftOver && !stale) return undefined;
  if (current.status === 'sending') {
    return take({ at: updatedAt, holder: current.holder ?? 'unknown', action: null });
  }
  // A pending claim never went out; an earlier takeover's undecided uncertainty stays to be decided.
  return take(current.uncertain?.action === null ? current.uncertain : null);
}

function withClaim(
  current: ClaimableRun,
  claim: { updatedAt: string; claimedAtMs: number; holder?: string; uncertain: RunRecord['uncertain'] },
): ClaimableRun {
  const { holder: _holder, uncertain: _uncertain, ...rest } = current;
  return {
    ...rest,
    status: 'pending',
    updatedAt: claim.updatedAt,
    claimedAtMs: claim.claimedAtMs,
    ...(claim.holder ? { holder: claim.holder } : {}),
    ...(claim.uncertain ? { uncertain: claim.uncertain } : {}),
  };
}

/** An ISO instant as epoch milliseconds; ValidationError naming `path` otherwise. */
export function instantMs(value: string, path: string): number {
  const result = IsoDateTime.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error).map((i) => ({ ...i, path })));
  return Date.parse(result.data);
}
