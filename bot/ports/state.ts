// State that belongs to the running bot rather than to the portfolio: conversation references for
// proactive messages, durable run records for exactly-once jobs, and leases so that only one
// instance runs a job. SQLite in embedded mode, Azure Blob Storage in the Microsoft 365 mode.
import type { Notice } from '../domain/notice.js';

/** A conversation reference, kept as the JSON botbuilder produces (opaque outside bot/teams). */
export interface ConversationRecord {
  /** Roster person id when the conversation is a personal chat with a known person. */
  personId: string | null;
  /** Teams user id (29:...) or Entra object id; the key for personal chats. */
  userKey: string;
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  tenantId: string | null;
  serviceUrl: string;
  reference: unknown;
  updatedAt: string;
}

export interface ConversationStore {
  upsert(record: ConversationRecord): Promise<void>;
  remove(conversationId: string): Promise<void>;
  getPersonal(personId: string): Promise<ConversationRecord | undefined>;
  get(conversationId: string): Promise<ConversationRecord | undefined>;
  list(): Promise<ConversationRecord[]>;
}

export type RunStatus =
  | 'pending'
  | 'sending'
  | 'delivered'
  | 'throttled-then-delivered'
  | 'unreachable'
  | 'failed'
  | 'skipped'
  | 'uncertain';

/**
 * A send whose outcome nobody knows: its request had gone out (`sending`) when the instance making it
 * stopped (its run lease lapsed). The Bot Connector has no idempotency key, so it may or may not have
 * been delivered; the per-kind policy (bot/services/uncertain-policy.ts) decides whether to send it
 * again.
 */
export interface UncertainSend {
  /** When the instance that took the run over found it. */
  at: string;
  /** The instance that was sending it. */
  holder: string;
  /** What was done: sent again, or left alone (the record stays `uncertain`); null until decided. */
  action: 'resent' | 'not-resent' | null;
}

/** One delivery of one kind of proactive message, for one period, to one recipient. */
export interface RunRecord {
  kind: string;
  period: string;
  recipientId: string;
  status: RunStatus;
  attempts: number;
  detail: string | null;
  updatedAt: string;
  /** Delivered activity id, for updating the card later. */
  activityId: string | null;
  /** The app instance whose claim this is (while `pending` or `sending`); absent when none. */
  holder?: string | null;
  /** Set when the send was found uncertain at a takeover (see UncertainSend). */
  uncertain?: UncertainSend | null;
}

/** The outcome of RunStore.claimFor. */
export type Claim = { claimed: false } | { claimed: true; uncertain: UncertainSend | null };

export interface RunStore {
  /**
   * Claims (kind, period, recipient) for sending: returns true when it was not yet delivered or
   * claimed, false when a delivery is already recorded. Idempotent across restarts and instances.
   */
  claim(key: { kind: string; period: string; recipientId: string }, at: string): Promise<boolean>;
  /**
   * Claims a key for `holder`, which holds the run's lease and runs the run once at a time
   * (DeliveryPipeline): like claim(), and moreover any claim made under a lease is left over (its
   * instance died and its lease lapsed, or it could not record an outcome): a `pending` one is taken
   * over, a `sending` one too but reported uncertain, for the caller's policy.
   */
  claimFor(
    key: { kind: string; period: string; recipientId: string },
    claim: { at: string; holder: string },
  ): Promise<Claim>;
  record(record: RunRecord): Promise<void>;
  get(key: { kind: string; period: string; recipientId: string }): Promise<RunRecord | undefined>;
  list(filter: { kind?: string; period?: string; status?: RunStatus }): Promise<RunRecord[]>;
  /**
   * Optional, where it saves writes (the embedded store: one write transaction instead of two per
   * key): for each key, the same as claim(key, at) followed, when claimed, by record() of a
   * `skipped` record with `detail`, or else by get(key). Callers without it do those calls (see
   * skipUnclaimed below).
   */
  skipUnclaimed?(keys: readonly RunKey[], at: string, detail: string): Promise<SkipOutcome[]>;
}

export type RunKey = { kind: string; period: string; recipientId: string };

/** Per key of RunStore.skipUnclaimed: skipped now, or the record that stood (none when unreadable). */
export type SkipOutcome = { skipped: true } | { skipped: false; record: RunRecord | undefined };

/** The `skipped` record that cancels a claimed key. */
export function skippedRecord(key: RunKey, at: string, detail: string): RunRecord {
  return { ...key, status: 'skipped', attempts: 0, detail, activityId: null, updatedAt: at };
}

/**
 * Cancels the keys not claimed yet (recorded `skipped` with `detail`), in the store's own single
 * transaction when it has one, otherwise one claim and record (or get) per key.
 */
export async function skipUnclaimed(
  runs: RunStore,
  keys: readonly RunKey[],
  at: string,
  detail: string,
): Promise<SkipOutcome[]> {
  if (runs.skipUnclaimed) return runs.skipUnclaimed(keys, at, detail);
  const outcomes: SkipOutcome[] = [];
  for (const key of keys) {
    if (await runs.claim(key, at)) {
      await runs.record(skippedRecord(key, at, detail));
      outcomes.push({ skipped: true });
    } else {
      outcomes.push({ skipped: false, record: await runs.get(key) });
    }
  }
  return outcomes;
}

/** A time-limited exclusive lease on a name (e.g. "scheduler"). */
export interface LeaseStore {
  /** Takes or renews the lease for `holder`; false when someone else holds an unexpired lease. */
  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/**
 * Notices kept for one person until they dismiss them (bot/domain/notice.ts). Each person reads and
 * dismisses only their own; a dismissed notice is kept (dismissed) so that it never comes back.
 */
export interface NoticeStore {
  /** Stores a notice; one with the same id that is already stored is left as it is. */
  add(notice: Notice): Promise<void>;
  /** The person's notices not dismissed, newest first, at most `limit` (default 20). */
  listOpen(personId: string, limit?: number): Promise<Notice[]>;
  /** Marks the person's notice dismissed at `at`; false when they have no notice with this id. */
  dismiss(personId: string, id: string, at: string): Promise<boolean>;
}

export interface StateStore {
  readonly conversations: ConversationStore;
  readonly runs: RunStore;
  readonly leases: LeaseStore;
  readonly notices: NoticeStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}
