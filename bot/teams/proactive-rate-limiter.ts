// Sliding-window rate limits for proactive sends, kept below the Teams limits: per conversation
// 7 messages per second, 8 per 2 s and 60 per 30 s; per app per tenant 50 requests per second.
// acquire() waits until every window of the key has room and then takes a slot. In-process: each
// app instance holds its own windows, and the scheduler lease makes one instance the sender.

export interface RateWindow {
  ms: number;
  max: number;
}

/** Teams "send to conversation" per bot per thread (rate-limit.md). */
export const CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
];

/** Teams global limit per app per tenant (50 RPS in the current page). */
export const TENANT_WINDOWS: readonly RateWindow[] = [{ ms: 1_000, max: 50 }];

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realLimiterClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Each window is widened by this much: Teams counts arrivals, and requests sent in one order can
 * arrive a few milliseconds apart in another, so a window measured at the sender's edge would let
 * an occasional request through too early and earn a 429.
 */
export const WINDOW_MARGIN_MS = 40;

class Windowed {
  /** Send times, oldest first, trimmed to the longest window. */
  private readonly times: number[] = [];
  private readonly windows: readonly RateWindow[];
  private readonly longest: number;

  constructor(windows: readonly RateWindow[], marginMs: number) {
    this.windows = windows.map((w) => ({ ms: w.ms + marginMs, max: w.max }));
    this.longest = Math.max(...this.windows.map((w) => w.ms));
  }

  /** How long until one more send fits every window (0 = now). */
  waitFor(now: number): number {
    while (this.times.length && this.times[0]! <= now - this.longest) this.times.shift();
    let wait = 0;
    for (const w of this.windows) {
      // Sends inside this window, counted from the newest.
      let inside = 0;
      for (let i = this.times.length - 1; i >= 0 && this.times[i]! > now - w.ms; i--) inside++;
      if (inside >= w.max) {
        // The send that must leave the window before one more fits.
        const oldest = this.times[this.times.length - w.max]!;
        wait = Math.max(wait, oldest + w.ms - now);
      }
    }
    return wait;
  }

  take(now: number): void {
    this.times.push(now);
  }

  idle(now: number): boolean {
    return !this.times.length || this.times[this.times.length - 1]! <= now - this.longest;
  }
}

export class RateLimiter {
  private readonly keys = new Map<string, Windowed>();
  /** A key paused by the service (Retry-After) until this time. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly clock: LimiterClock = realLimiterClock,
    private readonly windowsFor: (key: string) => readonly RateWindow[] = (key) =>
      key.startsWith('tenant:') ? TENANT_WINDOWS : CONVERSATION_WINDOWS,
    private readonly marginMs = WINDOW_MARGIN_MS,
  ) {}

  private windowed(key: string): Windowed {
    let w = this.keys.get(key);
    if (!w) this.keys.set(key, (w = new Windowed(this.windowsFor(key), this.marginMs)));
    return w;
  }

  /** Waits for a slot on every key at once (e.g. the conversation and its tenant), then takes it. */
  async acquire(keys: readonly string[]): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      let wait = 0;
      for (const key of keys) {
        wait = Math.max(wait, this.windowed(key).waitFor(now), (this.pausedUntil.get(key) ?? 0) - now);
      }
      if (wait <= 0) {
        for (const key of keys) this.windowed(key).take(now);
        this.sweep(now);
        return;
      }
      // A little past the edge, so that the next look finds the slot free.
      await this.clock.sleep(Math.ceil(wait) + 1);
    }
  }

  /** The service said to wait (429 Retry-After): nothing more goes to this key before then. */
  pause(key: string, ms: number): void {
    const until = this.clock.now() + ms;
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  private sweep(now: number): void {
    if (this.keys.size < 10_000) return;
    for (const [key, w] of this.keys) if (w.idle(now)) this.keys.delete(key);
  }
}
