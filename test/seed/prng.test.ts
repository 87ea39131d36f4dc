import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bot/seed/prng.js';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range and reaches both ends', () => {
    const r = mulberry32(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const f = r.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = r.int(1, 5);
      expect(Number.isInteger(n)).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('weighted picks follow the weights; zero weight is never picked', () => {
    const r = mulberry32(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) {
      counts[
        r.weighted([
          ['a', 3],
          ['b', 1],
          ['c', 0],
        ] as const)
      ] += 1;
    }
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.4);
    expect(counts.a / counts.b).toBeLessThan(3.6);
  });

  it('samples distinct elements', () => {
    const r = mulberry32(9);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const s = r.sample(items, 3);
    expect(new Set(s).size).toBe(3);
    expect(r.sample(items, 10)).toHaveLength(5);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});
