// Per-person limit on bot turns (issue 12 item 6): messages and invokes, per person (the Entra object
// id, or the channel user id when absent), in memory per instance, as the API's write limit. Decided
// after the adapter has authenticated the activity (so nobody can spend someone else's allowance with a
// forged one) and before any handler runs. Past the limit, a message gets one "you are sending too
// fast" reply per window (the later ones are dropped silently until a turn passes again); an invoke
// gets an answer Teams shows: a message for a card action, a message result for the message extension.
import type { Activity, InvokeResponse } from 'botbuilder';
import { RateLimiter } from '../api/edge/rate-limiter.js';

export type TurnDecision =
  | { kind: 'pass' }
  /** A message past the limit, already told in this window: nothing is sent. */
  | { kind: 'drop' }
  /** A message past the limit, the first of this window: tell the person once. */
  | { kind: 'tell'; retryAfterSeconds: number }
  /** An invoke past the limit: it must still be answered. */
  | { kind: 'answer-invoke'; retryAfterSeconds: number };

const COUNTED = new Set(['message', 'invoke']);
const FORGET_ABOVE = 10_000;

export class BotTurnLimit {
  private readonly limiter: RateLimiter;
  /** People told in the current window (forgotten when a turn of theirs passes again). */
  private readonly told = new Set<string>();

  constructor(perMinute: number, now: () => number) {
    this.limiter = new RateLimiter(perMinute, now);
  }

  decide(activity: Pick<Activity, 'type' | 'from'>): TurnDecision {
    if (!this.limiter.enabled || !COUNTED.has(activity.type)) return { kind: 'pass' };
    const key = activity.from?.aadObjectId || activity.from?.id || 'unknown';
    const decision = this.limiter.take(key);
    if (decision.allowed) {
      this.told.delete(key);
      return { kind: 'pass' };
    }
    const { retryAfterSeconds } = decision;
    if (activity.type === 'invoke') return { kind: 'answer-invoke', retryAfterSeconds };
    if (this.told.has(key)) return { kind: 'drop' };
    if (this.told.size >= FORGET_ABOVE) this.told.clear();
    this.told.add(key);
    return { kind: 'tell', retryAfterSeconds };
  }
}

/**
 * The answer to an invoke past the limit. The Universal Action model has no 429: HTTP 200 with a
 * message Teams shows (PLATFORM-FACTS B4); a message extension query gets a `message` result.
 */
export function throttledInvoke(name: string | undefined, text: string): InvokeResponse {
  if (name?.startsWith('composeExtension/')) {
    return { status: 200, body: { composeExtension: { type: 'message', text } } };
  }
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
  };
}
