// `npm run digest -- --preview`: argument rules as a table, then the real CLI as a child process on a
// temporary data directory holding the demo portfolio.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestUsageError, parseDigestArgs } from '../../bot/scheduling/digest-cli-args.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildDemoPortfolio } from '../../bot/seed/demo-portfolio.js';
import { createSqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';

describe('parseDigestArgs', () => {
  it.each([
    [['--preview'], { help: false, preview: true }],
    [['--help'], { help: true, preview: false }],
    [['--preview', '--locale', 'AR'], { help: false, preview: true, locale: 'ar' }],
    [
      ['--preview', '--period', '2026-w48', '--out', 'x.json'],
      { help: false, preview: true, period: '2026-W48', out: 'x.json' },
    ],
    [['--preview', '--data-dir', '/tmp/d'], { help: false, preview: true, dataDir: '/tmp/d' }],
  ])('accepts %j', (argv, expected) => {
    expect(parseDigestArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], /--preview is required/],
    [['--send'], /send/],
    [['--preview', '--locale', 'de'], /--locale/],
    [['--preview', '--period', '2026-W54'], /--period/],
    [['--preview', '--out', ' '], /--out/],
    [['--preview', 'extra'], /extra|positional/i],
  ])('refuses %j', (argv, message) => {
    expect(() => parseDigestArgs(argv)).toThrow(DigestUsageError);
    expect(() => parseDigestArgs(argv)).toThrow(message);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/digest.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ENV_FILE: path.join(dataDir, 'none.env'), LOG_LEVEL: 'silent' },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'th-digest-cli-'));
  const store = createSqliteStore({ dataDir });
  await applySeed(store, buildDemoPortfolio({ now: new Date(), timeZone: 'Europe/Zurich' }));
  await store.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run digest -- --preview', () => {
  it('prints the card for the last complete week, sending nothing', async () => {
    const run = await cli(['--preview', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    const card = JSON.parse(run.stdout) as { type: string; version: string; body: Array<{ text?: string }> };
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.body[0]?.text).toBe('Weekly portfolio digest');
    expect(run.stderr).toMatch(/digest \d{4}-W\d{2} \(en\): \d+ projects, card [\d.]+ KB .*nothing was sent/);
  });

  it('writes an Arabic card, right to left, to a file', async () => {
    const out = path.join(dataDir, 'ar.json');
    const run = await cli(['--preview', '--locale', 'ar', '--out', out, '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const card = JSON.parse(readFileSync(out, 'utf8')) as { rtl?: boolean; body: Array<{ text?: string }> };
    expect(card.rtl).toBe(true);
    expect(card.body[0]?.text).toBe('الملخص الأسبوعي لحافظة المشاريع');
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const run = await cli(['--preview', '--locale', 'xx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run digest');
  });
});
