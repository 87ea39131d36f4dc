import { describe, expect, it } from 'vitest';
import { createTimeOrderedIds, nameBasedId } from '../../bot/platform/id-generator.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids (UUID v7)', () => {
  it('have the v7 layout and carry the millisecond timestamp', () => {
    const id = createTimeOrderedIds(() => Date.UTC(2026, 10, 25, 14))();
    const m = UUID.exec(id);
    expect(m?.[1]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(m?.[2]);
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBe(Date.UTC(2026, 10, 25, 14));
  });

  it('sort in creation order when many share a millisecond, a clock step back, or overflow the counter', () => {
    let now = 1_000;
    const ids = createTimeOrderedIds(() => now);
    const made: string[] = [];
    for (let i = 0; i < 5000; i++) {
      if (i === 2500) now = 900; // the clock goes backwards
      if (i === 4000) now = 5_000;
      made.push(ids());
    }
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });
});

describe('name-based ids', () => {
  it('are stable for the same scope and key and differ otherwise', () => {
    const a = nameBasedId('status-update', 'TR-07|2026-W48');
    expect(nameBasedId('status-update', 'TR-07|2026-W48')).toBe(a);
    expect(nameBasedId('status-update', 'TR-07|2026-W47')).not.toBe(a);
    expect(nameBasedId('risk', 'TR-07|2026-W48')).not.toBe(a);
    // The separator keeps ("ab","c") and ("a","bc") apart.
    expect(nameBasedId('ab', 'c')).not.toBe(nameBasedId('a', 'bc'));
    expect(UUID.exec(a)?.[1]).toBe('5');
  });
});
