import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../bot/domain/events.js';
import { InProcessEventBus } from '../../bot/platform/event-bus.js';

const raised: DomainEvent = {
  type: 'risk.raised',
  riskId: 'r1',
  projectId: 'p1',
  at: '2026-11-25T14:00:00.000Z',
};

describe('InProcessEventBus', () => {
  it('delivers after publish returns, to every subscriber, and drain waits for slow handlers', async () => {
    const bus = new InProcessEventBus(() => undefined);
    const seen: string[] = [];
    bus.subscribe(async (e) => {
      await new Promise((r) => setTimeout(r, 20));
      seen.push(`slow:${e.type}`);
    });
    bus.subscribe((e) => {
      seen.push(`fast:${e.type}`);
    });
    bus.publish(raised);
    expect(seen).toEqual([]); // nothing runs inside the publisher's write
    await bus.drain();
    expect(seen.sort()).toEqual(['fast:risk.raised', 'slow:risk.raised']);
  });

  it("runs handlers after the publisher's own continuation has finished (an answer is not held up)", async () => {
    const bus = new InProcessEventBus(() => undefined);
    const order: string[] = [];
    bus.subscribe(() => {
      order.push('handler');
    });
    const publisher = async () => {
      bus.publish(raised);
      // What a request does after its write: several awaits, then its answer.
      for (let i = 0; i < 20; i++) await Promise.resolve();
      order.push('answered');
    };
    await publisher();
    await bus.drain();
    expect(order).toEqual(['answered', 'handler']);
  });

  it('reports a failing handler without reaching the publisher or the other handlers', async () => {
    const errors: [unknown, DomainEvent][] = [];
    const bus = new InProcessEventBus((err, event) => errors.push([err, event]));
    let other = 0;
    bus.subscribe(() => {
      throw new Error('boom');
    });
    bus.subscribe(() => {
      other++;
    });
    expect(() => bus.publish(raised)).not.toThrow();
    await bus.drain();
    expect(other).toBe(1);
    expect(errors).toHaveLength(1);
    expect((errors[0]?.[0] as Error).message).toBe('boom');
    expect(errors[0]?.[1]).toBe(raised);
  });

  it('stops delivering to an unsubscribed handler', async () => {
    const bus = new InProcessEventBus(() => undefined);
    let n = 0;
    const off = bus.subscribe(() => {
      n++;
    });
    bus.publish(raised);
    await bus.drain();
    off();
    bus.publish(raised);
    await bus.drain();
    expect(n).toBe(1);
  });
});
