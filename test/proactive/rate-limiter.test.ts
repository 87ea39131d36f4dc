// The sliding-window limiter on a virtual clock: no window ever holds more than Teams allows, waiting
// callers are served as soon as a slot frees, and a Retry-After pause holds back one key only.
import { describe, expect, it } from 'vitest';
import { RateLimiter, type LimiterClock } from '../../bot/teams/proactive-rate-limiter.js';

function virtualClock(): LimiterClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
      await Promise.resolve();
    },
  };
  return clock;
}

function maxInWindow(times: readonly number[], ms: number): number {
  let max = 0;
  for (const t of times) max = Math.max(max, times.filter((u) => u >= t && u < t + ms).length);
  return max;
}

describe('RateLimiter', () => {
  it('keeps a tenant at 50 per second', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, undefined, 0);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await limiter.acquire(['tenant:t', `conversation:c${i}`]);
      times.push(clock.t);
    }
    expect(maxInWindow(times, 1_000)).toBe(50);
    expect(times.at(-1)).toBeLessThan(4_000 + 10);
  });

  it('keeps one conversation at 7 per second, 8 per 2 s and 60 per 30 s', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, undefined, 0);
    const times: number[] = [];
    for (let i = 0; i < 70; i++) {
      await limiter.acquire(['tenant:t', 'conversation:c']);
      times.push(clock.t);
    }
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(times, 2_000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
  });

  it('widens windows by the margin', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, undefined, 40);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      await limiter.acquire(['tenant:t']);
      times.push(clock.t);
    }
    expect(maxInWindow(times, 1_040)).toBe(50);
  });

  it('a pause holds back only its key', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, undefined, 0);
    limiter.pause('conversation:slow', 5_000);
    await limiter.acquire(['tenant:t', 'conversation:fast']);
    expect(clock.t).toBe(0);
    await limiter.acquire(['tenant:t', 'conversation:slow']);
    expect(clock.t).toBeGreaterThanOrEqual(5_000);
  });
});
