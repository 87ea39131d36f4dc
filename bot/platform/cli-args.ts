// What the command-line tools (npm run report, npm run digest, ...) parse alike: strict node:util
// options, a language and paths. Pure, so each tool's rules are tested without spawning it; a bad
// argument is the tool's own usage error (exit code 2 in scripts/cli-kit.ts).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isLocale, type Locale } from '../domain/locale.js';

/** A bad command-line argument: the message is printed with the tool's usage. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export type CliValues = Record<string, string | boolean | undefined>;

/** The options' values (strict: an unknown option or a positional is a usage error). */
export function parseCliOptions(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  usageError: new (message: string) => CliUsageError,
): CliValues {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values as CliValues;
  } catch (e) {
    throw new usageError(e instanceof Error ? e.message : String(e));
  }
}

/** --locale, one of the six languages (any case); undefined when not given. */
export function localeOption(
  values: CliValues,
  usageError: new (message: string) => CliUsageError,
): Locale | undefined {
  if (values.locale === undefined) return undefined;
  const locale = String(values.locale).trim().toLowerCase();
  if (!isLocale(locale))
    throw new usageError(`--locale: expected one of ar, en, es, fr, ru, zh (got "${String(values.locale)}")`);
  return locale;
}

/** A path option (--out, --data-dir): a non-blank string; undefined when not given. */
export function pathOption(
  values: CliValues,
  key: string,
  usageError: new (message: string) => CliUsageError,
): string | undefined {
  const v = values[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !v.trim()) throw new usageError(`--${key}: expected a path`);
  return v;
}
