// Proactive delivery as the services see it: a card (or text) to a stored conversation, with the
// outcome per recipient. The Teams implementation (bot/teams/proactive-sender.ts) owns rate limits
// and retries; services own exactly-once bookkeeping (RunStore).
import type { ConversationRecord } from './state.js';

export type DeliveryStatus = 'delivered' | 'throttled-then-delivered' | 'unreachable' | 'failed';

/** Why someone is unreachable. */
export type UnreachableReason = 'not-installed' | 'blocked' | 'gone' | 'no-conversation';

export interface Delivery {
  status: DeliveryStatus;
  /** Requests made, retries included. */
  attempts: number;
  activityId: string | null;
  /** The unreachable reason, or the last error for `failed`. */
  detail: string | null;
}

export interface OutgoingMessage {
  card?: Record<string, unknown>;
  text?: string;
  /** Notification preview text. */
  summary?: string;
}

export interface SendHooks {
  /**
   * Called once, when the message's turn has come (rate limits waited for) and just before its first
   * request goes out: the pipeline records the send as `sending` there. When it throws, nothing is
   * sent and the delivery is `failed` (a send that could not be recorded must not go out).
   */
  beforeRequest?(): Promise<void>;
}

export interface Messenger {
  /** Sends to an existing conversation. */
  send(conversation: ConversationRecord, message: OutgoingMessage, hooks?: SendHooks): Promise<Delivery>;
  /** Replaces an activity sent earlier (a card updated in place). */
  update(conversation: ConversationRecord, activityId: string, message: OutgoingMessage): Promise<Delivery>;
  /**
   * Opens a personal chat with someone the bot has no conversation with yet (the app must be
   * installed for them), using a service URL of the same tenant; undefined when it cannot.
   */
  openPersonal?(
    person: { personId: string; aadObjectId: string; tenantId: string | null },
    serviceUrl: string,
  ): Promise<ConversationRecord | Delivery>;
}
