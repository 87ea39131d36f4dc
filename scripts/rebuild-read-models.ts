// npm run rebuild-read-models [-- --check] [--data-dir dir]
//
// Recomputes every project's read-model facts (bot/ports/read-models.ts) from the rows of the
// configured store (STORE=sqlite: rewrites the project_facts table in one transaction; STORE=sharepoint:
// the facts live in each instance's memory, so this recomputes them from the lists and reports). With
// --check it first compares the maintained facts with the facts computed from the rows and reports
// the projects whose facts differed. Exit codes: 0 done, 1 failed, 2 bad arguments.
import { ConfigError, loadConfig } from '../bot/config.js';
import { canonicalFacts } from '../bot/domain/read-model.js';
import { collectAll } from '../bot/ports/paging.js';
import { factsFromRows } from '../bot/services/read-model-rows.js';
import { createStore } from '../bot/storage/create-store.js';

const USAGE = 'usage: npm run rebuild-read-models [-- --check] [--data-dir <dir>]';

function parseArgs(argv: readonly string[]): { check: boolean; dataDir?: string } {
  const out: { check: boolean; dataDir?: string } = { check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') out.check = true;
    else if (arg === '--data-dir' && argv[i + 1]) out.dataDir = argv[++i];
    else throw new Error(`unknown argument ${arg ?? ''}`);
  }
  return out;
}

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
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
    if (args.check) {
      const kept = canonicalFacts(await collectAll((page) => store.readModels.listFacts(page)));
      const rows = canonicalFacts(await factsFromRows(store));
      const keptById = new Map(kept.map((f) => [f.projectId, JSON.stringify(f)]));
      const differing = rows.filter((f) => keptById.get(f.projectId) !== JSON.stringify(f)).length;
      const extra = kept.length - rows.length + differing;
      process.stdout.write(
        `check: ${rows.length} projects, ${differing} with facts that differed from their rows` +
          `${extra > differing ? `, ${extra - differing} facts of projects that no longer exist` : ''}\n`,
      );
    }
    const started = performance.now();
    const { projects } = await store.readModels.rebuild();
    process.stdout.write(
      `rebuilt the read models of ${projects} projects from the ${store.kind} store in ${Math.round(performance.now() - started)} ms\n`,
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
    process.stderr.write(
      `rebuild-read-models failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
