// Gathers the writes issued in the same turn of the event loop into JSON batches: 100 status updates
// submitted together cost ceil(100/20) = 5 requests instead of 100. A write waits at most until the
// event loop's next check phase (setImmediate), so a lone write is not delayed.
import type { BatchOutcome, BatchRequest, GraphGateway } from './graph-gateway.js';

interface Waiting {
  request: BatchRequest;
  resolve: (outcome: BatchOutcome) => void;
  reject: (error: unknown) => void;
}

export class WriteCoalescer {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly gateway: GraphGateway) {}

  submit(request: BatchRequest): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          void this.flush();
        });
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    try {
      // Each write is answered as soon as its own outcome is final: one throttled write does not
      // hold up the others of its batch while it waits for its Retry-After.
      const outcomes = await this.gateway.batch(
        batch.map((w) => w.request),
        (i, outcome) => batch[i]?.resolve(outcome),
      );
      batch.forEach((w, i) => w.resolve(outcomes[i] as BatchOutcome));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
