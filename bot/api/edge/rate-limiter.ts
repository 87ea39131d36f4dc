// Requests per minute per key (a person, a client address), in memory and per instance: a token
// bucket that refills continuously, so a burst up to the limit passes and then one request per
// 60/limit seconds. A limit of 0 is off. Buckets that are full again are forgotten.
import type { Request } from 'restify';
import { RateLimitedError } from '../../domain/errors.js';

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next request would pass (when refused). */
  retryAfterSeconds: number;
}

const PRUNE_ABOVE = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.perMinute > 0;
  }

  /** Takes one request from the key's allowance. */
  take(key: string): RateDecision {
    if (!this.enabled) return { allowed: true, retryAfterSeconds: 0 };
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (this.buckets.size >= PRUNE_ABOVE && !this.buckets.has(key)) this.prune(now, perMs);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  private prune(now: number, perMs: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= this.perMinute) this.buckets.delete(k);
    }
  }
}

/** The limiters the API pipeline consults once it knows who is calling (made by the edge). */
export interface EdgeLimits {
  /** Per person: state-changing API requests. */
  writes: RateLimiter;
  /** Per client address: requests without credentials, or whose credentials were refused. */
  anonymous: RateLimiter;
  addressOf(req: Request): string;
}

/** Takes one request from a limiter; throws RateLimitedError (429 + Retry-After) when it is spent. */
export function takeOrThrow(limiter: RateLimiter, key: string): void {
  const decision = limiter.take(key);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
}
