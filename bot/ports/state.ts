// State that belongs to the running bot rather than to the portfolio: conversation references for
// proactive messages, durable run records for exactly-once jobs, and leases so that only one
// instance runs a job. SQLite in embedded mode, Azure Blob Storage in the Microsoft 365 mode.

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
  'pending' | 'delivered' | 'throttled-then-delivered' | 'unreachable' | 'failed' | 'skipped';

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
}

export interface RunStore {
  /**
   * Claims (kind, period, recipient) for sending: returns true when it was not yet delivered or
   * claimed, false when a delivery is already recorded. Idempotent across restarts and instances.
   */
  claim(key: { kind: string; period: string; recipientId: string }, at: string): Promise<boolean>;
  record(record: RunRecord): Promise<void>;
  get(key: { kind: string; period: string; recipientId: string }): Promise<RunRecord | undefined>;
  list(filter: { kind?: string; period?: string; status?: RunStatus }): Promise<RunRecord[]>;
}

/** A time-limited exclusive lease on a name (e.g. "scheduler"). */
export interface LeaseStore {
  /** Takes or renews the lease for `holder`; false when someone else holds an unexpired lease. */
  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

export interface StateStore {
  readonly conversations: ConversationStore;
  readonly runs: RunStore;
  readonly leases: LeaseStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}
