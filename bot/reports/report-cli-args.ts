// The arguments of `npm run report`, parsed and validated. Pure, so the rules are tested without
// spawning the CLI; scripts/report.ts does the I/O.
import { parseArgs } from 'node:util';
import { isLocale, type Locale } from '../domain/locale.js';
import { ReportPeriodText } from '../domain/report-period.js';

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

export class ReportUsageError extends Error {
  override name = 'ReportUsageError';
}

function path(values: Record<string, unknown>, key: string): string | undefined {
  const v = values[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !v.trim()) throw new ReportUsageError(`--${key}: expected a path`);
  return v;
}

export function parseReportArgs(argv: readonly string[]): ReportCliArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        out: { type: 'string' },
        period: { type: 'string' },
        locale: { type: 'string' },
        'data-dir': { type: 'string' },
      },
    }));
  } catch (e) {
    throw new ReportUsageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help === true) return { help: true };
  const out = path(values, 'out');
  if (!out) throw new ReportUsageError('--out is required: the report is a Word document (.docx)');
  const args: ReportCliArgs = { help: false, out };
  if (values.locale !== undefined) {
    const locale = String(values.locale).trim().toLowerCase();
    if (!isLocale(locale))
      throw new ReportUsageError(
        `--locale: expected one of ar, en, es, fr, ru, zh (got "${String(values.locale)}")`,
      );
    args.locale = locale;
  }
  if (values.period !== undefined) {
    const parsed = ReportPeriodText.safeParse(String(values.period));
    if (!parsed.success)
      throw new ReportUsageError(
        `--period: ${parsed.error.issues[0]?.message ?? 'invalid'} (got "${String(values.period)}")`,
      );
    args.period = parsed.data.label;
  }
  const dataDir = path(values, 'data-dir');
  if (dataDir) args.dataDir = dataDir;
  return args;
}
