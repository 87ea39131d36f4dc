// npm run report -- --out <file.docx> [--period 2026-Q4] [--locale fr] [--data-dir dir]
//
// Drafts the Council progress report from the configured store, through the same report service as
// the API (as the Transformation Office's system identity), and writes the Word document. Exit
// codes: 0 done, 1 failed, 2 bad arguments.
import { writeFileSync } from 'node:fs';
import { digestPeriodAt } from '../bot/domain/digest.js';
import { SYSTEM_ACTOR_ID, type Person } from '../bot/domain/person.js';
import { systemClock } from '../bot/ports/clock.js';
import { InProcessEventBus } from '../bot/platform/event-bus.js';
import { cryptoIds } from '../bot/platform/id-generator.js';
import { renderProgressReportDocx } from '../bot/reports/progress-docx.js';
import { parseReportArgs, REPORT_USAGE } from '../bot/reports/report-cli-args.js';
import { createServices } from '../bot/services/services.js';
import { loadCliConfig, parseCli, runCli, withStore } from './cli-kit.js';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCli(() => parseReportArgs(argv), REPORT_USAGE);
  if (!args) return 2;
  if (args.help || !args.out) {
    process.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const out = args.out;
  const config = loadCliConfig(args.dataDir);
  if (!config) return 2;
  return withStore(config, async (store) => {
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
    writeFileSync(out, bytes);
    const ms = performance.now() - started;
    process.stderr.write(
      `report ${report.period.label} (${locale}): ${report.summary.projects} projects, ${report.kpis.shown.length} KPI charts, ` +
        `${(bytes.length / 1024).toFixed(0)} KB in ${ms.toFixed(0)} ms (peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB), ` +
        `written to ${out}\n`,
    );
    return 0;
  });
}

runCli('report failed', main);
