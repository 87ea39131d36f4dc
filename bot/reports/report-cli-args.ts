// The arguments of `npm run report`, parsed and validated. Pure, so the rules are tested without
// spawning the CLI; scripts/report.ts does the I/O.
import type { Locale } from '../domain/locale.js';
import { ReportPeriodText } from '../domain/report-period.js';
import { CliUsageError, localeOption, parseCliOptions, pathOption } from '../platform/cli-args.js';

export const REPORT_USAGE = `Usage: npm run report -- --out <file.docx> [options]

Drafts the Council progress report (an editable Word document) from the configured store, with the
facts as they stood at the end of the period.

Options:
  --out <file>       required: where to write the .docx file
  --period <period>  an ISO week (2026-W48), a quarter (2026-Q4) or a range of weeks
                     (2026-W40..2026-W48); default: the last complete week
  --locale <code>    the language: ar, en, es, fr, ru or zh (default DEFAULT_LOCALE)
  --data-dir <dir>   the data directory (overrides DATA_DIR, default ./data)
  --help             show this help`;

export interface ReportCliArgs {
  help: boolean;
  out?: string;
  period?: string;
  locale?: Locale;
  dataDir?: string;
}

export class ReportUsageError extends CliUsageError {
  override name = 'ReportUsageError';
}

export function parseReportArgs(argv: readonly string[]): ReportCliArgs {
  const values = parseCliOptions(
    argv,
    {
      help: { type: 'boolean', short: 'h' },
      out: { type: 'string' },
      period: { type: 'string' },
      locale: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    ReportUsageError,
  );
  if (values.help === true) return { help: true };
  const out = pathOption(values, 'out', ReportUsageError);
  if (!out) throw new ReportUsageError('--out is required: the report is a Word document (.docx)');
  const args: ReportCliArgs = { help: false, out };
  const locale = localeOption(values, ReportUsageError);
  if (locale) args.locale = locale;
  if (values.period !== undefined) {
    const parsed = ReportPeriodText.safeParse(String(values.period));
    if (!parsed.success)
      throw new ReportUsageError(
        `--period: ${parsed.error.issues[0]?.message ?? 'invalid'} (got "${String(values.period)}")`,
      );
    args.period = parsed.data.label;
  }
  const dataDir = pathOption(values, 'data-dir', ReportUsageError);
  if (dataDir) args.dataDir = dataDir;
  return args;
}
