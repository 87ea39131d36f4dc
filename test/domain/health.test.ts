import { describe, expect, it } from 'vitest';
import { Health, healthChange, worseHealth, type Health as H } from '../../bot/domain/health.js';

describe('health', () => {
  it.each<[H, H, H]>([
    ['green', 'green', 'green'],
    ['green', 'amber', 'amber'],
    ['amber', 'green', 'amber'],
    ['amber', 'red', 'red'],
    ['red', 'green', 'red'],
  ])('worseHealth(%s, %s) = %s', (a, b, expected) => {
    expect(worseHealth(a, b)).toBe(expected);
  });

  it.each<[H | undefined, H | undefined, -1 | 0 | 1 | undefined]>([
    ['amber', 'green', -1],
    ['red', 'amber', -1],
    ['green', 'green', 0],
    ['green', 'amber', 1],
    ['amber', 'red', 1],
    ['green', 'red', 1],
    [undefined, 'red', undefined],
    ['red', undefined, undefined],
  ])('healthChange(%s -> %s) = %s', (before, after, expected) => {
    expect(healthChange(before, after)).toBe(expected);
  });

  it.each(['GREEN', 'yellow', '', null])('Health refuses %j', (value) => {
    expect(Health.safeParse(value).success).toBe(false);
  });
});
