// Capped retries with jitter (shared/ARCHITECTURE.md habit 4; PLATFORM-FACTS F8, A3):
// - 429 and 503 carry Retry-After in seconds (or an HTTP date); wait that long, plus up to 10% jitter
//   so that several instances do not come back in the same instant.
// - Without Retry-After (and for 502, 504, resets and timeouts) back off exponentially with full
//   jitter: a random delay between half and all of base * 2^attempt, capped.
// - Never more than `maxRetries` retries, and never a single wait longer than `maxDelayMs`: a longer
//   Retry-After is given back to the caller (whose writes then wait in the outbox) instead of holding
//   a user's request for minutes.

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff step when the server gave no Retry-After. */
  baseDelayMs: number;
  /** Longest single wait; a longer Retry-After ends the retries. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 60_000 };

/** Statuses worth retrying: throttling and transient server/gateway failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** Retry-After as seconds: either delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * How long to wait before retry number `attempt` (0 for the first retry), or undefined when the
 * retries are spent or the server asks for a wait longer than the cap.
 */
export function retryDelayMs(
  options: RetryOptions,
  attempt: number,
  retryAfterSeconds: number | undefined,
  random: () => number,
): number | undefined {
  if (attempt >= options.maxRetries) return undefined;
  if (retryAfterSeconds !== undefined) {
    const wait = retryAfterSeconds * 1000;
    if (wait > options.maxDelayMs) return undefined;
    return Math.round(wait * (1 + 0.1 * random()));
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
