// `npm run seed`: argument rules as a table, then the real CLI as a child process on a temp directory.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAll } from '../../bot/ports/paging.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { MAX_SYNTHETIC_PROJECTS, parseSeedArgs, SeedUsageError } from '../../bot/seed/seed-cli-args.js';
import { DEFAULT_DATABASE_FILE } from '../../bot/storage/sqlite/database.js';
import { createSqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';

describe('parseSeedArgs', () => {
  it.each([
    [[], { help: false, forceAppend: false, yes: false }],
    [['--help'], { help: true, forceAppend: false, yes: false }],
    [['-h'], { help: true, forceAppend: false, yes: false }],
    [['--synthetic', '50'], { help: false, forceAppend: false, yes: false, synthetic: 50 }],
    [['--synthetic=1000'], { help: false, forceAppend: false, yes: false, synthetic: 1000 }],
    [
      ['--synthetic', String(MAX_SYNTHETIC_PROJECTS)],
      { help: false, forceAppend: false, yes: false, synthetic: 100_000 },
    ],
    [
      ['--data-dir', '/tmp/x', '--force-append'],
      { help: false, forceAppend: true, yes: false, dataDir: '/tmp/x' },
    ],
    [['-y'], { help: false, forceAppend: false, yes: true }],
    [['--yes'], { help: false, forceAppend: false, yes: true }],
  ])('accepts %j', (argv, expected) => {
    expect(parseSeedArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--synthetic', 'abc'], /--synthetic/],
    [['--synthetic', '0'], /1 to 100000/],
    [['--synthetic', '-5'], /--synthetic/],
    [['--synthetic', '1.5'], /--synthetic/],
    [['--synthetic', '100001'], /1 to 100000/],
    [['--synthetic', '1e3'], /--synthetic/],
    [['--synthetic'], /argument missing|--synthetic/],
    [['--data-dir', ' '], /--data-dir/],
    [['--bogus'], /bogus/],
    [['extra'], /extra|positional/i],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(SeedUsageError);
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

const CLI_TIMEOUT_MS = 120_000;

/**
 * Runs the CLI as a child process: through `npm run seed --` as a developer types it, or straight
 * through node and tsx (the same script, a second faster) where npm itself is not the point.
 */
function runSeed(args: string[], env: Record<string, string>, via: 'npm' | 'node' = 'node'): Promise<Run> {
  const [command, commandArgs] =
    via === 'npm'
      ? [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'seed', '--', ...args]]
      : [process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args]];
  return new Promise((resolve) => {
    execFile(
      command,
      commandArgs,
      { cwd: repoRoot, env: { ...process.env, ...env }, timeout: CLI_TIMEOUT_MS },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('npm run seed (child process)', { timeout: CLI_TIMEOUT_MS }, () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'seed-cli-'));
    // A developer's .env must not leak in: point ENV_FILE at a file that does not exist, and pin the
    // variables the CLI reads.
    env = {
      ENV_FILE: path.join(dir, 'no.env'),
      STORE: 'sqlite',
      NODE_ENV: 'test',
      DATA_DIR: path.join(dir, 'unused'),
    };
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('--synthetic 50 --data-dir <dir> seeds that directory, prints the summary and exits 0', async () => {
    const dataDir = path.join(dir, 'synthetic');
    const run = await runSeed(['--synthetic', '50', '--data-dir', dataDir], env, 'npm');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/synthetic portfolio of 50 projects/);
    expect(run.stdout).toMatch(/projects\s+50\b/);
    expect(run.stdout).toMatch(/status updates\s+\d+/);
    expect(run.stdout).toMatch(/audit events\s+\d+/);
    expect(run.stdout).toMatch(/elapsed \d+ ms/);
    expect(existsSync(path.join(env.DATA_DIR!, DEFAULT_DATABASE_FILE))).toBe(false);

    const store = createSqliteStore({ dataDir });
    try {
      const projects = await collectAll((r) => store.projects.list(r));
      expect(projects).toHaveLength(50);
      const printed = Number(/status updates\s+(\d+)/.exec(run.stdout)?.[1]);
      let updates = 0;
      for (const p of projects)
        updates += (await collectAll((r) => store.statusUpdates.listByProject(p.id, r))).length;
      expect(updates).toBe(printed);
    } finally {
      await store.close();
    }
  });

  it('re-creates the demo: the old database and its -wal/-shm files are replaced', async () => {
    const dataDir = path.join(dir, 'demo');
    const old = createSqliteStore({ dataDir });
    await applySeed(
      old,
      buildSyntheticPortfolio({ projects: 20, now: new Date(), timeZone: 'Europe/Zurich' }),
    );
    await old.close();
    writeFileSync(path.join(dataDir, `${DEFAULT_DATABASE_FILE}-shm`), 'stale');
    const run = await runSeed(['--data-dir', dataDir], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/the demo portfolio/);
    // Without a terminal to ask, it says what it deletes.
    expect(run.stderr).toContain(
      `deleting the existing embedded database ${path.join(dataDir, DEFAULT_DATABASE_FILE)}`,
    );
    const store = createSqliteStore({ dataDir });
    try {
      const projects = await collectAll((r) => store.projects.list(r));
      expect(projects.map((p) => p.code)).toContain('AI-01');
      expect(projects.some((p) => p.id.startsWith('prj-syn-'))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('--synthetic abc exits 2 with the usage', async () => {
    const run = await runSeed(['--synthetic', 'abc'], env, 'npm');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--synthetic expects a whole number/);
    expect(run.stderr).toMatch(/Usage: npm run seed/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await runSeed(['--help'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--synthetic <projects>/);
  });

  it('refuses a store other than the embedded one without --force-append, exit 1, no stack trace', async () => {
    const run = await runSeed(['--data-dir', path.join(dir, 'sp')], {
      ...env,
      STORE: 'sharepoint',
      SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,1,2',
      ENTRA_TENANT_ID: '11111111-1111-4111-8111-111111111111',
      ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
      ENTRA_CLIENT_SECRET: 'not-a-secret',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--force-append/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'sp'))).toBe(false);
  });
});
