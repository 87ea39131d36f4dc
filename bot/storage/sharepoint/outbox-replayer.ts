// Replays the outbox in order. One entry at a time, oldest first:
// - landed (or found already landed: a replay never creates a duplicate, see
//   SharePointListTable.replay) -> removed from the queue, `synced` is reported;
// - Graph still throttles or is down -> the attempt is recorded and the queue waits (Retry-After or a
//   capped backoff) before trying again; nothing behind it overtakes it;
// - refused for good (the item changed meanwhile, a unique value is now taken) -> moved to the dead
//   letters and `rejected` is reported, so it is never silently lost.
// While anything waits in the queue, new writes join the queue behind it (the store asks mustQueue()),
// so that writes to SharePoint happen in the order they were accepted.
import type { StorageLogger } from './graph-logger.js';
import type { GraphRequestError } from './graph-error.js';
import type { ListKey } from './list-schema.js';
import type { NewOutboxEntry, Outbox, OutboxEntry } from '../outbox/outbox.js';
import { retryDelayMs, type RetryOptions } from './retry-policy.js';
import type { QueuedWrite, WriteNotices } from './write-notices.js';

export type ReplayOutcome =
  | { status: 'synced' }
  | { status: 'retry'; error: GraphRequestError }
  | { status: 'rejected'; reason: string };

export interface DrainResult {
  synced: number;
  rejected: number;
  remaining: number;
}

export interface OutboxReplayerOptions {
  outbox: Outbox;
  replay: (entry: OutboxEntry) => Promise<ReplayOutcome>;
  entityName: (list: string) => string;
  notices: WriteNotices;
  logger: StorageLogger;
  now: () => number;
  random: () => number;
  /** Backoff between replay rounds while Graph keeps failing. */
  retry: RetryOptions;
  /** Replay by itself on a timer (off in tests that drain explicitly). */
  auto: boolean;
}

export class OutboxReplayer {
  private waiting = 0;
  private draining?: Promise<DrainResult>;
  private timer?: NodeJS.Timeout;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: OutboxReplayerOptions) {}

  /** Reads how many writes wait from a previous run and schedules their replay. */
  async start(): Promise<void> {
    this.waiting = await this.options.outbox.size();
    if (this.waiting > 0) this.schedule(0);
  }

  /** True while writes wait: a new write must queue behind them to keep the order. */
  mustQueue(): boolean {
    return this.waiting > 0;
  }

  pending(): number {
    return this.waiting;
  }

  async enqueue(entry: NewOutboxEntry): Promise<void> {
    const { created } = await this.options.outbox.append(entry);
    if (created) this.waiting++;
    this.schedule(0);
  }

  private writeOf(entry: OutboxEntry, reason: QueuedWrite['reason'] = 'unavailable'): QueuedWrite {
    return {
      list: entry.list as ListKey,
      entity: this.options.entityName(entry.list),
      entityId: entry.entityId,
      op: entry.op,
      key: entry.key,
      reason,
    };
  }

  private schedule(delayMs: number): void {
    if (!this.options.auto || this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delayMs);
    this.timer.unref();
  }

  /** Replays until the queue is empty or Graph fails again; concurrent calls share one run. */
  drain(): Promise<DrainResult> {
    this.draining ??= this.run().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async run(): Promise<DrainResult> {
    const result: DrainResult = { synced: 0, rejected: 0, remaining: 0 };
    const { outbox, notices, logger } = this.options;
    try {
      for (;;) {
        const batch = await outbox.peek(20);
        if (batch.length === 0) {
          this.waiting = 0;
          break;
        }
        for (const entry of batch) {
          let outcome: ReplayOutcome;
          try {
            outcome = await this.options.replay(entry);
          } catch (error) {
            // An unexpected failure: keep the entry, try again later.
            logger.error({ outbox: { key: entry.key }, err: error }, 'outbox replay failed unexpectedly');
            await outbox.recordFailure(entry.seq, error instanceof Error ? error.message : String(error));
            this.retryLater(undefined);
            result.remaining = await outbox.size();
            return result;
          }
          if (outcome.status === 'retry') {
            await outbox.recordFailure(entry.seq, outcome.error.message);
            this.retryLater(outcome.error.retryAfterSeconds);
            result.remaining = await outbox.size();
            this.waiting = result.remaining;
            return result;
          }
          this.failures = 0;
          if (outcome.status === 'synced') {
            await outbox.remove(entry.seq);
            result.synced++;
            notices.emit({ type: 'synced', write: this.writeOf(entry) });
          } else {
            await outbox.deadLetter(entry, outcome.reason, new Date(this.options.now()).toISOString());
            result.rejected++;
            logger.warn(
              { outbox: { key: entry.key, reason: outcome.reason } },
              'queued write rejected by SharePoint',
            );
            notices.emit({ type: 'rejected', write: this.writeOf(entry), reason: outcome.reason });
          }
          this.waiting = Math.max(0, this.waiting - 1);
        }
      }
    } finally {
      if (result.remaining === 0) result.remaining = this.waiting;
    }
    return result;
  }

  private retryLater(retryAfterSeconds: number | undefined): void {
    const { retry, random } = this.options;
    // The outbox keeps trying for as long as it takes: the cap is on each wait, not on the attempts.
    const attempt = Math.min(this.failures++, 16);
    const unbounded = { ...retry, maxRetries: Number.POSITIVE_INFINITY };
    const delay = retryDelayMs(unbounded, attempt, retryAfterSeconds, random) ?? retry.maxDelayMs;
    this.schedule(delay);
  }

  /** Resolves when no replay is running. */
  idle(): Promise<void> {
    return this.draining
      ? this.draining.then(
          () => undefined,
          () => undefined,
        )
      : Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
