// The digest's 12-week health trend: the pure counting, and the same counts read through the store
// ports (bot/services/health-trend.ts) from a SQLite store holding a synthetic portfolio.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { weeklyHealth } from '../../bot/domain/health-trend.js';
import { digestPeriodAt } from '../../bot/domain/digest.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { loadHealthTrend } from '../../bot/services/health-trend.js';
import { createSqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';
import { trendFromSeed } from '../digest/seed-digest.js';

describe('weeklyHealth', () => {
  it('counts each project with its latest update up to each week, only the projects asked for', () => {
    const weeks = weeklyHealth(
      ['2026-W10', '2026-W11', '2026-W12'],
      [
        { projectId: 'a', health: 'green' },
        { projectId: 'gone', health: 'red' },
      ],
      new Map([
        ['2026-W10', [{ projectId: 'b', health: 'amber' as const }]],
        [
          '2026-W12',
          [
            { projectId: 'a', health: 'red' as const },
            { projectId: 'c', health: 'green' as const },
          ],
        ],
      ]),
      new Set(['a', 'b', 'c']),
    );
    expect(weeks).toEqual([
      { period: '2026-W10', green: 1, amber: 1, red: 0 },
      // No update in W11: the week stands as W10 left it.
      { period: '2026-W11', green: 1, amber: 1, red: 0 },
      { period: '2026-W12', green: 1, amber: 1, red: 1 },
    ]);
  });
});

describe('loadHealthTrend', () => {
  it('reads the 12 weeks up to the period through the store, as the seed says', async () => {
    const now = new Date('2026-11-30T07:00:00Z');
    const seed = buildSyntheticPortfolio({ projects: 120, now, timeZone: 'Europe/Zurich' });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trend-'));
    const store = createSqliteStore({ dataDir });
    try {
      await applySeed(store, seed);
      const period = digestPeriodAt(now, 'Europe/Zurich');
      const trend = await loadHealthTrend(store, period);
      expect(trend.map((w) => w.period)).toHaveLength(12);
      expect(trend.at(-1)?.period).toBe(period);
      expect(trend).toEqual(trendFromSeed(seed, period));
      expect(trend.at(-1)!.green + trend.at(-1)!.amber + trend.at(-1)!.red).toBeGreaterThan(0);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
