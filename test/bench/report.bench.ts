// The Council progress report for a 1,000-project synthetic portfolio on the embedded store (goal:
// under 10 s and 300 MB): the report model for a quarter (read + compose, as of the end of the
// period), the Word document in English and Arabic (with a chart per KPI), and the whole CLI in a
// child process, which reports its own time and peak memory (process.resourceUsage().maxRSS).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { FixedClock } from '../../bot/ports/clock.js';
import { InProcessEventBus } from '../../bot/platform/event-bus.js';
import { cryptoIds } from '../../bot/platform/id-generator.js';
import { renderProgressReportDocx } from '../../bot/reports/progress-docx.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { createServices } from '../../bot/services/services.js';
import { createSqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';

const NOW = new Date('2026-12-03T10:00:00Z');
const TZ = 'Europe/Zurich';
const PERIOD = '2026-Q4';
const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'th-report-bench-'));
const store = createSqliteStore({ dataDir });
const portfolio = buildSyntheticPortfolio({ projects: 1000, now: NOW, timeZone: TZ });
await applySeed(store, portfolio, { bulk: (fn) => store.transaction(fn) });
const services = createServices({
  store,
  clock: new FixedClock(NOW),
  ids: cryptoIds,
  events: new InProcessEventBus(() => undefined),
  orgTimeZone: TZ,
});
const cto = portfolio.people.find((p) => p.role === 'cto' && p.active);
if (!cto) throw new Error('the synthetic roster has a CTO');
const ctx = { actor: cto, surface: 'api' as const, correlationId: 'bench', locale: 'en' as const };
const report = await services.reports.progressReport(ctx, { period: PERIOD });

afterAll(async () => {
  await store.close();
  // The whole CLI, as a user runs it, in its own process: time and peak memory.
  const out = path.join(dataDir, 'report.docx');
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'scripts/report.ts'),
      '--period',
      PERIOD,
      '--out',
      out,
      '--data-dir',
      dataDir,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ENV_FILE: path.join(dataDir, 'none.env'), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    },
  );
  const line = run.stderr;
  console.log(`report CLI, ${portfolio.projects.length} projects: ${String(line).trim()}`);
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`Council report, ${portfolio.projects.length} projects, ${portfolio.statusUpdates.length} updates, ${portfolio.risks.length} risks, ${portfolio.kpis.length} KPIs`, () => {
  bench(
    'report model for a quarter (read + compose as of its end)',
    async () => {
      await services.reports.progressReport(ctx, { period: PERIOD });
    },
    { iterations: 3, time: 0 },
  );

  bench(
    `Word document, English (${report.kpis.shown.length} KPI charts)`,
    async () => {
      await renderProgressReportDocx(report, 'en');
    },
    { iterations: 3, time: 0 },
  );

  bench(
    'Word document, Arabic (right to left)',
    async () => {
      await renderProgressReportDocx(report, 'ar');
    },
    { iterations: 3, time: 0 },
  );
});
