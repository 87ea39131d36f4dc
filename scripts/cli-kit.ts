// What every CLI under scripts/ does alike: parse its arguments (a usage error exits 2 with the
// usage), load the configuration for --data-dir (a ConfigError exits 2), open the store and close it
// whatever happens, and turn a failure into exit code 1 with one line on stderr.
import { ConfigError, loadConfig, type Config } from '../bot/config.js';
import { isAppError } from '../bot/domain/errors.js';
import { CliUsageError } from '../bot/platform/cli-args.js';
import type { Store } from '../bot/ports/repositories.js';
import { createStore, type StoreDeps } from '../bot/storage/create-store.js';

/** Runs `main` with the process arguments; its result is the exit code, a rejection is exit code 1. */
export function runCli(
  failure: string,
  main: (argv: readonly string[]) => Promise<number>,
  describe: (error: unknown) => string = (error) => (isAppError(error) ? error.message : String(error)),
): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${failure}: ${describe(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** The parsed arguments, or undefined (exit code 2) after printing the usage error and the usage. */
export function parseCli<A>(parse: () => A, usage: string, separator = '\n\n'): A | undefined {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof CliUsageError)) throw e;
    process.stderr.write(`${e.message}${separator}${usage}\n`);
    return undefined;
  }
}

/** The configuration (DATA_DIR overridden by --data-dir), or undefined (exit code 2) after printing why not. */
export function loadCliConfig(dataDir: string | undefined): Config | undefined {
  try {
    return loadConfig(dataDir ? { DATA_DIR: dataDir } : {});
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return undefined;
  }
}

/** Opens the configured store for `use` and closes it afterwards, whether `use` succeeds or not. */
export async function withStore<T>(
  config: Config,
  use: (store: Store) => Promise<T>,
  deps: StoreDeps = {},
): Promise<T> {
  const store = await createStore(config, deps);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
