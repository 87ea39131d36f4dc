// npm run seed [-- --synthetic <projects>] [--data-dir <dir>] [--force-append] [--help]
//
// (Re)creates the demo portfolio - or a synthetic one of a given size - in the configured store and
// prints what it wrote. For the embedded SQLite store the database file (with -wal/-shm) is deleted
// and created again; other stores are only appended to with --force-append. Exit codes: 0 done,
// 1 failed, 2 bad arguments.
import { existsSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { ConfigError, loadConfig, type Config } from '../bot/config.js';
import { isAppError } from '../bot/domain/errors.js';
import { applySeed, type ApplySeedOptions } from '../bot/seed/apply-seed.js';
import { buildDemoPortfolio } from '../bot/seed/demo-portfolio.js';
import { parseSeedArgs, SEED_USAGE, SeedUsageError, type SeedCliArgs } from '../bot/seed/seed-cli-args.js';
import { countSeed, type SeedData } from '../bot/seed/seed-data.js';
import { buildSyntheticPortfolio } from '../bot/seed/synthetic-portfolio.js';
import { createStore } from '../bot/storage/create-store.js';
import { databasePath, SchemaVersionError } from '../bot/storage/sqlite/database.js';
import { createSqliteStore } from '../bot/storage/sqlite/sqlite-store.js';
import type { Store } from '../bot/ports/repositories.js';

/** The store is not the embedded one and --force-append was not given. */
class SeedRefused extends Error {
  override name = 'SeedRefused';
}

const SQLITE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

interface Target {
  store: Store;
  where: string;
  options: Pick<ApplySeedOptions, 'bulk'>;
}

/** Nothing was deleted: the person answered no when asked about an existing database. */
class SeedCancelled extends Error {
  override name = 'SeedCancelled';
}

/**
 * An existing database is about to be deleted: say so, and from a terminal ask first (unless --yes).
 * Scripts and tests (no terminal) are told on stderr and go on, as before.
 */
async function confirmDeletion(file: string, args: SeedCliArgs): Promise<void> {
  if (!existsSync(file)) return;
  const { size, mtime } = statSync(file);
  const what = `${file} (${Math.round(size / 1024)} KB, last written ${mtime.toISOString()})`;
  if (args.yes || !process.stdin.isTTY) {
    console.error(`npm run seed: deleting the existing embedded database ${what}`);
    return;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `Delete the existing embedded database ${what} and everything in it? [y/N] `,
    );
    if (!/^(y|yes)$/i.test(answer.trim())) throw new SeedCancelled('nothing was deleted.');
  } finally {
    rl.close();
  }
}

/** Deletes the embedded database and opens a fresh one; any other store only with --force-append. */
async function openTarget(config: Config, args: SeedCliArgs): Promise<Target> {
  if (config.store === 'sqlite') {
    const file = databasePath({ dataDir: config.dataDir });
    await confirmDeletion(file, args);
    for (const suffix of SQLITE_COMPANIONS) rmSync(`${file}${suffix}`, { force: true });
    const store = createSqliteStore({ dataDir: config.dataDir });
    return { store, where: file, options: { bulk: <T>(fn: () => T): T => store.transaction(fn) } };
  }
  if (!args.forceAppend) {
    throw new SeedRefused(
      `STORE=${config.store}: npm run seed only re-creates the embedded SQLite store. To add the seed to the ` +
        `existing ${config.store} data anyway (nothing is deleted; existing ids make it fail), run it again ` +
        'with --force-append.',
    );
  }
  return { store: await createStore(config), where: `the ${config.store} store`, options: {} };
}

function build(args: SeedCliArgs, config: Config): { data: SeedData; what: string } {
  const now = new Date();
  if (args.synthetic !== undefined) {
    return {
      data: buildSyntheticPortfolio({ projects: args.synthetic, now, timeZone: config.orgTimeZone }),
      what: `a synthetic portfolio of ${args.synthetic} projects`,
    };
  }
  return { data: buildDemoPortfolio({ now, timeZone: config.orgTimeZone }), what: 'the demo portfolio' };
}

function summary(data: SeedData, auditEvents: number): string[] {
  const c = countSeed(data);
  const rows: Array<[string, number]> = [
    ['people', c.people],
    ['projects', c.projects],
    ['status updates', c.statusUpdates],
    ['risks', c.risks],
    ['milestones', c.milestones],
    ['KPIs', c.kpis],
    ['measurements', c.measurements],
    ['settings', 1],
    ['audit events', auditEvents],
  ];
  const width = Math.max(...rows.map(([, n]) => String(n).length));
  return rows.map(([label, n]) => `  ${label.padEnd(15)}${String(n).padStart(width)}`);
}

async function main(argv: string[]): Promise<number> {
  let args: SeedCliArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (error) {
    if (!(error instanceof SeedUsageError)) throw error;
    console.error(`npm run seed: ${error.message}\n`);
    console.error(SEED_USAGE);
    return 2;
  }
  if (args.help) {
    console.log(SEED_USAGE);
    return 0;
  }

  const config = loadConfig(args.dataDir === undefined ? {} : { DATA_DIR: args.dataDir });
  const started = performance.now();
  const { data, what } = build(args, config);
  const built = performance.now();
  const target = await openTarget(config, args);
  try {
    console.log(`Seeding ${what} into ${target.where}`);
    const reason =
      args.synthetic === undefined ? 'demo portfolio' : `synthetic portfolio (${args.synthetic} projects)`;
    const result = await applySeed(target.store, data, { ...target.options, reason });
    const written = performance.now();
    for (const line of summary(data, result.auditEvents)) console.log(line);
    console.log(
      `Built in ${Math.round(built - started)} ms, written in ${Math.round(written - built)} ms ` +
        `(elapsed ${Math.round(written - started)} ms).`,
    );
    return 0;
  } finally {
    await target.store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected failures (configuration, store errors, a refused store) get their message, no stack.
    const expected =
      error instanceof ConfigError ||
      error instanceof SeedRefused ||
      error instanceof SeedCancelled ||
      error instanceof SchemaVersionError ||
      isAppError(error);
    const message = error instanceof Error ? error.message : String(error);
    console.error(expected ? `npm run seed: ${message}` : `npm run seed failed: ${message}`);
    process.exitCode = 1;
  },
);
