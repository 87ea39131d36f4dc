// `npm run seed` into SharePoint must not report success while writes wait in the outbox (Graph
// throttled or was unavailable): it replays the outbox until it is empty or a deadline passes, and
// says how many writes remain, how many SharePoint refused for good, and how to finish.

/** What the SharePoint store offers (SharePointStore); the embedded store has no outbox. */
export interface OutboxHolder {
  pendingWrites(): number;
  flushOutbox(): Promise<unknown>;
  deadLetters(): Promise<readonly unknown[]>;
}

export function holdsOutbox(store: object): store is OutboxHolder {
  const s = store as Partial<OutboxHolder>;
  return typeof s.pendingWrites === 'function' && typeof s.flushOutbox === 'function';
}

export interface QueuedWritesResult {
  /** Writes still in the outbox at the deadline. */
  remaining: number;
  /** Writes SharePoint refused for good (dead letters). */
  rejected: number;
}

export interface AwaitOptions {
  timeoutMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told how many writes wait, before each replay round. */
  progress?: (waiting: number) => void;
}

export async function awaitQueuedWrites(
  store: OutboxHolder,
  options: AwaitOptions,
): Promise<QueuedWritesResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + options.timeoutMs;
  let pause = 250;
  while (store.pendingWrites() > 0 && now() < deadline) {
    options.progress?.(store.pendingWrites());
    await store.flushOutbox();
    if (store.pendingWrites() === 0) break;
    await sleep(Math.min(pause, Math.max(0, deadline - now())));
    pause = Math.min(pause * 2, 5_000);
  }
  return { remaining: store.pendingWrites(), rejected: (await store.deadLetters()).length };
}

/** The lines `npm run seed` prints when it cannot report success; empty when everything landed. */
export function queuedWritesProblem(result: QueuedWritesResult, where: string): string[] {
  const lines: string[] = [];
  if (result.remaining > 0) {
    lines.push(
      `${result.remaining} write(s) are still queued for SharePoint (Graph is throttling or unavailable); ` +
        `they wait in the outbox (${where}).`,
      'To finish: start the app with the same configuration (npm start replays the outbox at start and ' +
        'keeps retrying), or run npm run seed -- --force-append again later; nothing is written twice.',
    );
  }
  if (result.rejected > 0) {
    lines.push(
      `${result.rejected} write(s) were refused by SharePoint for good (the item changed meanwhile) and are ` +
        'kept as dead letters in the outbox: check those items in the lists.',
    );
  }
  return lines;
}
