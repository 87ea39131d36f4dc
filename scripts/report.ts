// npm run report -- --out <file.docx> [--period 2026-Q4] [--locale fr] [--data-dir dir]
//
// Drafts the Council progress report from the configured store, through the same report service as
// the API (as the Transformation Office's system identity), and writes the Word document. Exit
// codes: 0 done, 1 failed, 2 bad arguments.
import { writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../bot/config.js';
import { digestPeriodAt } from '../bot/domain/digest.js';
import { isAppError } from '../bot/domain/errors.js';
import { SYSTEM_ACTOR_ID, type Person } from '../bot/domain/person.js';
import { systemClock } from '../bot/ports/clock.js';
import { InProcessEventBus } from '../bot/platform/event-bus.js';
import { cryptoIds } from '../bot/platform/id-generator.js';
import { renderProgressReportDocx } from '../bot/reports/progress-docx.js';
import { parseReportArgs, REPORT_USAGE, ReportUsageError } from '../bot/reports/report-cli-args.js';
import { createServices } from '../bot/services/services.js';
import { createStore } from '../bot/storage/create-store.js';

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseReportArgs(argv);
  } catch (e) {
    if (e instanceof ReportUsageError) {
      process.stderr.write(`${e.message}\n\n${REPORT_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help || !args.out) {
    process.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  let config;
  try {
    config = loadConfig(args.dataDir ? { DATA_DIR: args.dataDir } : {});
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const store = await createStore(config);
  try {
    const now = systemClock.now();
    const services = createServices({
      store,
      clock: systemClock,
      ids: cryptoIds,
      events: new InProcessEventBus(() => undefined),
      orgTimeZone: config.orgTimeZone,
    });
    const at = now.toISOString();
    const operator: Person = {
      id: SYSTEM_ACTOR_ID,
      aadObjectId: null,
      name: 'Transformation Hub',
      email: 'system@invalid.example',
      role: 'cto',
      orgUnit: 'GS',
      locale: null,
      timeZone: config.orgTimeZone,
      active: true,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const locale = args.locale ?? config.defaultLocale;
    const started = performance.now();
    const report = await services.reports.progressReport(
      { actor: operator, surface: 'system', correlationId: `cli-report-${now.getTime()}`, locale },
      { period: args.period ?? digestPeriodAt(now, config.orgTimeZone) },
    );
    const bytes = await renderProgressReportDocx(report, locale);
    writeFileSync(args.out, bytes);
    const ms = performance.now() - started;
    process.stderr.write(
      `report ${report.period.label} (${locale}): ${report.summary.projects} projects, ${report.kpis.shown.length} KPI charts, ` +
        `${(bytes.length / 1024).toFixed(0)} KB in ${ms.toFixed(0)} ms (peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB), ` +
        `written to ${args.out}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`report failed: ${isAppError(error) ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
