// `npm run report`: argument rules as a table, then the real CLI as a child process on a temporary
// data directory holding the demo portfolio, its Word document read back.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../bot/i18n/translate.js';
import { parseReportArgs, ReportUsageError } from '../../bot/reports/report-cli-args.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildDemoPortfolio } from '../../bot/seed/demo-portfolio.js';
import { createSqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';
import { readDocx } from './docx-reader.js';

describe('parseReportArgs', () => {
  it.each([
    [['--help'], { help: true }],
    [['--out', 'r.docx'], { help: false, out: 'r.docx' }],
    [
      ['--out', 'r.docx', '--period', '2026-q4', '--locale', 'AR', '--data-dir', '/tmp/d'],
      { help: false, out: 'r.docx', period: '2026-Q4', locale: 'ar', dataDir: '/tmp/d' },
    ],
    [
      ['--out', 'r.docx', '--period', '2026-W40..2026-W48'],
      { help: false, out: 'r.docx', period: '2026-W40..2026-W48' },
    ],
  ])('accepts %j', (argv, expected) => {
    expect(parseReportArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], /--out is required/],
    [['--out', ' '], /--out/],
    [['--out', 'r.docx', '--locale', 'de'], /--locale/],
    [['--out', 'r.docx', '--period', '2026-Q5'], /--period/],
    [['--out', 'r.docx', 'extra'], /extra|positional/i],
  ])('refuses %j', (argv, message) => {
    expect(() => parseReportArgs(argv)).toThrow(ReportUsageError);
    expect(() => parseReportArgs(argv)).toThrow(message);
  });
});

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/report.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ENV_FILE: path.join(dataDir, 'none.env'), LOG_LEVEL: 'silent' },
        timeout: 90_000,
      },
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'th-report-cli-'));
  const store = createSqliteStore({ dataDir });
  await applySeed(store, buildDemoPortfolio({ now: new Date(), timeZone: 'Europe/Zurich' }));
  await store.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run report', () => {
  it('writes the Word report of the configured store in the language asked for', async () => {
    const out = path.join(dataDir, 'report-ru.docx');
    const run = await cli(['--out', out, '--locale', 'ru', '--data-dir', dataDir]);
    expect(run.stderr).toMatch(
      /report \d{4}-W\d{2} \(ru\): 34 projects, \d+ KPI charts, \d+ KB in \d+ ms \(peak memory \d+ MB\), written to/,
    );
    expect(run.code).toBe(0);
    const doc = await readDocx(readFileSync(out));
    expect(doc.h1[0]).toBe(`1. ${t('ru', 'report.h.summary')}`);
  }, 90_000);

  it('exits 2 with the usage on bad arguments', async () => {
    const run = await cli(['--out', 'x.docx', '--period', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run report');
  }, 90_000);
});
