// The arguments of `npm run seed`, parsed and validated. Pure, so the rules are tested without
// spawning the CLI; scripts/seed.ts does the I/O.
import { parseArgs } from 'node:util';

export const MAX_SYNTHETIC_PROJECTS = 100_000;

export const SEED_USAGE = `Usage: npm run seed [-- options]

(Re)creates the demo portfolio in the embedded SQLite store: the database file in DATA_DIR
(and its -wal/-shm files) is deleted and created again: everything stored in it is lost. Stop the
app first. Run from a terminal, it asks before deleting an existing database (--yes does not ask).

Options:
  --synthetic <projects>  a synthetic portfolio of that many projects (1 to ${MAX_SYNTHETIC_PROJECTS}) instead of
                          the demo, for benchmarks: about 10 status updates, 5 risks and 4 milestones each
  --data-dir <dir>        the data directory (overrides DATA_DIR, default ./data)
  --yes, -y               delete an existing embedded database without asking
  --force-append          with a store other than the embedded one (STORE=sharepoint), add the seed to
                          what is there instead of refusing
  --help                  show this help`;

export interface SeedCliArgs {
  help: boolean;
  /** Number of projects of a synthetic portfolio; undefined for the demo portfolio. */
  synthetic?: number;
  dataDir?: string;
  forceAppend: boolean;
  /** Delete an existing embedded database without asking. */
  yes: boolean;
}

export class SeedUsageError extends Error {
  override name = 'SeedUsageError';
}

export function parseSeedArgs(argv: readonly string[]): SeedCliArgs {
  let values: {
    synthetic?: string;
    'data-dir'?: string;
    'force-append'?: boolean;
    yes?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        synthetic: { type: 'string' },
        'data-dir': { type: 'string' },
        'force-append': { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SeedUsageError(error instanceof Error ? error.message : String(error));
  }
  const args: SeedCliArgs = {
    help: values.help === true,
    forceAppend: values['force-append'] === true,
    yes: values.yes === true,
  };
  if (values.synthetic !== undefined) {
    const raw = values.synthetic.trim();
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_SYNTHETIC_PROJECTS) {
      throw new SeedUsageError(
        `--synthetic expects a whole number of projects from 1 to ${MAX_SYNTHETIC_PROJECTS} (got "${values.synthetic}")`,
      );
    }
    args.synthetic = n;
  }
  if (values['data-dir'] !== undefined) {
    if (values['data-dir'].trim() === '') throw new SeedUsageError('--data-dir expects a directory');
    args.dataDir = values['data-dir'];
  }
  return args;
}
