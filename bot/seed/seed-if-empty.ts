// First start of the embedded store: an empty store gets the demo portfolio, so `npm start` shows a
// living portfolio with no set-up. The app's main calls this when SEED_DEMO_DATA is on.
import { DuplicateError } from '../domain/errors.js';
import type { Store } from '../ports/repositories.js';
import { applySeed, type BulkRunner } from './apply-seed.js';
import { buildDemoPortfolio } from './demo-portfolio.js';

export interface SeedDemoIfEmptyOptions {
  now: Date;
  timeZone: string;
  /** The store's synchronous transaction helper, when it has one (SqliteStore.transaction). */
  bulk?: BulkRunner;
}

/**
 * Seeds the demo portfolio when the store holds no projects and no people. Returns whether it
 * seeded. When another app instance seeds the same store at the same moment, the loser of the race
 * meets the winner's rows (DuplicateError) and returns false.
 */
export async function seedDemoIfEmpty(store: Store, options: SeedDemoIfEmptyOptions): Promise<boolean> {
  if (!(await store.isEmpty())) return false;
  try {
    await applySeed(store, buildDemoPortfolio({ now: options.now, timeZone: options.timeZone }), {
      bulk: options.bulk,
      reason: 'demo portfolio',
    });
    return true;
  } catch (error) {
    if (error instanceof DuplicateError && !(await store.isEmpty())) return false;
    throw error;
  }
}
