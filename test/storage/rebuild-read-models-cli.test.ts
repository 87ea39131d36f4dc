// `npm run rebuild-read-models`: the real CLI as a child process on a temporary embedded database
// whose read models were damaged behind the store's back (facts rows made wrong, or deleted), as a
// restore from an old backup or a hand edit would leave them. The app's store rebuilds a missing row
// when it opens; the check opens the database as it is, so it reports the missing row first.
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalFacts } from '../../bot/domain/read-model.js';
import { collectAll } from '../../bot/ports/paging.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { factsFromRows } from '../../bot/services/read-model-rows.js';
import { DEFAULT_DATABASE_FILE } from '../../bot/storage/sqlite/database.js';
import { createSqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const CLI_TIMEOUT_MS = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>, via: 'npm' | 'node' = 'node'): Promise<Run> {
  const [command, commandArgs] =
    via === 'npm'
      ? [
          process.platform === 'win32' ? 'npm.cmd' : 'npm',
          ['run', '--silent', 'rebuild-read-models', '--', ...args],
        ]
      : [process.execPath, ['--import', 'tsx', 'scripts/rebuild-read-models.ts', ...args]];
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

async function keptAndFromRows(dataDir: string) {
  const store = createSqliteStore({ dataDir });
  try {
    return {
      kept: canonicalFacts(await collectAll((page) => store.readModels.listFacts(page))),
      rows: canonicalFacts(await factsFromRows(store)),
    };
  } finally {
    await store.close();
  }
}

describe('npm run rebuild-read-models (child process)', { timeout: CLI_TIMEOUT_MS }, () => {
  let dir: string;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rebuild-cli-'));
    dataDir = path.join(dir, 'data');
    // A developer's .env must not leak in; the data directory comes from the argument.
    env = {
      ENV_FILE: path.join(dir, 'no.env'),
      STORE: 'sqlite',
      NODE_ENV: 'test',
      DATA_DIR: path.join(dir, 'unused'),
    };
    const store = createSqliteStore({ dataDir });
    await applySeed(
      store,
      buildSyntheticPortfolio({
        projects: 20,
        now: new Date('2026-11-25T14:00:00Z'),
        timeZone: 'Europe/Zurich',
      }),
    );
    await store.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('--check reports the damaged facts, then the rebuild makes them equal the rows again', async () => {
    const before = await keptAndFromRows(dataDir);
    expect(before.kept).toEqual(before.rows);
    const [first, second] = before.rows;
    const db = new Database(path.join(dataDir, DEFAULT_DATABASE_FILE));
    try {
      const spoil = db.prepare('UPDATE project_facts SET data = ? WHERE project_id = ?');
      spoil.run(JSON.stringify({ ...first!, updates: [] }), first!.projectId);
      spoil.run(JSON.stringify({ ...second!, risks: { ...second!.risks, open: 99 } }), second!.projectId);
    } finally {
      db.close();
    }
    const damaged = await keptAndFromRows(dataDir);
    expect(damaged.kept).not.toEqual(damaged.rows);

    const run = await runCli(['--check', '--data-dir', dataDir], env, 'npm');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/check: 20 projects, 2 with facts that differed from their rows/);
    expect(run.stdout).toMatch(/rebuilt the read models of 20 projects from the sqlite store in \d+ ms/);

    const after = await keptAndFromRows(dataDir);
    expect(after.kept).toEqual(after.rows);
    expect(after.kept).toEqual(before.rows);
  });

  it('--check reports a project without facts (the store does not repair it first), the rebuild restores it', async () => {
    const before = await keptAndFromRows(dataDir);
    const gone = before.rows[3]!.projectId;
    const db = new Database(path.join(dataDir, DEFAULT_DATABASE_FILE));
    try {
      expect(db.prepare('DELETE FROM project_facts WHERE project_id = ?').run(gone).changes).toBe(1);
    } finally {
      db.close();
    }
    const run = await runCli(['--check', '--data-dir', dataDir], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /check: 20 projects, 0 with facts that differed from their rows, 1 without facts\n/,
    );
    const after = await keptAndFromRows(dataDir);
    expect(after.kept).toEqual(before.rows);
  });

  it('--check on facts that are up to date finds nothing and changes nothing', async () => {
    const before = await keptAndFromRows(dataDir);
    const run = await runCli(['--check', '--data-dir', dataDir], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/check: 20 projects, 0 with facts that differed/);
    expect((await keptAndFromRows(dataDir)).kept).toEqual(before.kept);
  });

  it('an unknown argument exits 2 with the usage and no stack trace', async () => {
    const run = await runCli(['--bogus'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown argument --bogus/);
    expect(run.stderr).toMatch(/usage: npm run rebuild-read-models/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
