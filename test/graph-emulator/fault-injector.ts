// Injectable faults for the Graph emulator: scripted one-shot faults for the next matching requests,
// and a random rate (seeded, so a failing run can be replayed). Faults apply to top-level requests and
// to each request inside a $batch (Graph evaluates batch requests individually for throttling; a
// connection-level fault inside a batch becomes a 503 sub-response).
export type Fault =
  /** Answer with this status instead of processing the request (429/503 may carry Retry-After). */
  | { type: 'status'; status: 429 | 502 | 503 | 504; retryAfterSeconds?: number }
  /** Destroy the connection without processing the request. */
  | { type: 'reset' }
  /** Hold the request without ever answering (the client's timeout fires). */
  | { type: 'timeout' }
  /** Process the request, then destroy the connection: the write landed but the client saw an error. */
  | { type: 'reset-after-apply' };

export interface FaultRecord {
  op: string;
  inBatch: boolean;
  fault: Fault;
}

interface Scripted {
  fault: Fault;
  ops?: readonly string[];
  remaining: number;
}

interface RandomRule {
  rate: number;
  faults: readonly Fault[];
  ops?: readonly string[];
  next: () => number;
}

/** mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private scripted: Scripted[] = [];
  private random?: RandomRule;
  readonly injected: FaultRecord[] = [];

  /** The next `times` requests of these operations (any when omitted) get `fault`. */
  inject(fault: Fault, options: { ops?: readonly string[]; times?: number } = {}): void {
    this.scripted.push({ fault, ops: options.ops, remaining: options.times ?? 1 });
  }

  /** A share `rate` (0..1) of the requests of these operations gets one of `faults`, chosen at random. */
  setRandom(options: {
    rate: number;
    faults: readonly Fault[];
    ops?: readonly string[];
    seed?: number;
  }): void {
    this.random = {
      rate: options.rate,
      faults: options.faults,
      ops: options.ops,
      next: seededRandom(options.seed ?? 1),
    };
  }

  clear(): void {
    this.scripted = [];
    this.random = undefined;
  }

  /** The fault for this request, if any (consumes a scripted fault). */
  take(op: string, inBatch: boolean): Fault | undefined {
    const index = this.scripted.findIndex((s) => !s.ops || s.ops.includes(op));
    let fault: Fault | undefined;
    if (index >= 0) {
      const s = this.scripted[index] as Scripted;
      fault = s.fault;
      s.remaining--;
      if (s.remaining <= 0) this.scripted.splice(index, 1);
    } else if (this.random && (!this.random.ops || this.random.ops.includes(op))) {
      if (this.random.next() < this.random.rate) {
        const pick = Math.floor(this.random.next() * this.random.faults.length);
        fault = this.random.faults[pick];
      }
    }
    if (!fault) return undefined;
    if (inBatch && fault.type !== 'status' && fault.type !== 'reset-after-apply')
      fault = { type: 'status', status: 503 };
    this.injected.push({ op, inBatch, fault });
    return fault;
  }
}
