// The arguments of `npm run digest`, parsed and validated. Pure, so the rules are tested without
// spawning the CLI; scripts/digest.ts does the I/O.
import type { Locale } from '../domain/locale.js';
import { Period } from '../domain/period.js';
import { CliUsageError, localeOption, parseCliOptions, pathOption } from '../platform/cli-args.js';

export const DIGEST_USAGE = `Usage: npm run digest -- --preview [options]

Prints the weekly digest card (Adaptive Card JSON) for the current period - the last complete
week - without sending it to anyone.

Options:
  --preview          required: build the card and print it (nothing is sent)
  --locale <code>    the language of the card: ar, en, es, fr, ru or zh (default DEFAULT_LOCALE)
  --period <week>    another period, such as 2026-W48 (default: the last complete week)
  --out <file>       write the card to this file instead of printing it
  --data-dir <dir>   the data directory (overrides DATA_DIR, default ./data)
  --help             show this help`;

export interface DigestCliArgs {
  help: boolean;
  preview: boolean;
  locale?: Locale;
  period?: string;
  out?: string;
  dataDir?: string;
}

export class DigestUsageError extends CliUsageError {
  override name = 'DigestUsageError';
}

export function parseDigestArgs(argv: readonly string[]): DigestCliArgs {
  const values = parseCliOptions(
    argv,
    {
      help: { type: 'boolean', short: 'h' },
      preview: { type: 'boolean' },
      locale: { type: 'string' },
      period: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    DigestUsageError,
  );
  const help = values.help === true;
  if (help) return { help, preview: false };
  if (values.preview !== true)
    throw new DigestUsageError(
      '--preview is required: the CLI only previews (use the bot\'s "digest send" to send)',
    );
  const args: DigestCliArgs = { help, preview: true };
  const locale = localeOption(values, DigestUsageError);
  if (locale) args.locale = locale;
  if (values.period !== undefined) {
    const parsed = Period.safeParse(String(values.period).trim().toUpperCase());
    if (!parsed.success)
      throw new DigestUsageError(
        `--period: expected an ISO week such as 2026-W48 (got "${String(values.period)}")`,
      );
    args.period = parsed.data;
  }
  const out = pathOption(values, 'out', DigestUsageError);
  if (out) args.out = out;
  const dataDir = pathOption(values, 'data-dir', DigestUsageError);
  if (dataDir) args.dataDir = dataDir;
  return args;
}
