// npm run rebuild-read-models [-- --check] [--data-dir dir]
//
// Recomputes every project's read-model facts (bot/ports/read-models.ts) from the rows of the
// configured store (STORE=sqlite: rewrites the project_facts table in one transaction; STORE=sharepoint:
// the facts live in each instance's memory, so this recomputes them from the lists and reports). With
// --check it first compares the maintained facts with the facts computed from the rows and reports
// the projects whose facts differed. Exit codes: 0 done, 1 failed, 2 bad arguments.
import { canonicalFacts } from '../bot/domain/read-model.js';
import { collectAll } from '../bot/ports/paging.js';
import { factsFromRows } from '../bot/services/read-model-rows.js';
import { CliUsageError } from '../bot/platform/cli-args.js';
import { loadCliConfig, parseCli, runCli, withStore } from './cli-kit.js';

const USAGE = 'usage: npm run rebuild-read-models [-- --check] [--data-dir <dir>]';

function parseArgs(argv: readonly string[]): { check: boolean; dataDir?: string } {
  const out: { check: boolean; dataDir?: string } = { check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') out.check = true;
    else if (arg === '--data-dir' && argv[i + 1]) out.dataDir = argv[++i];
    else throw new CliUsageError(`unknown argument ${arg ?? ''}`);
  }
  return out;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCli(() => parseArgs(argv), USAGE, '\n');
  if (!args) return 2;
  const config = loadCliConfig(args.dataDir);
  if (!config) return 2;
  return withStore(
    config,
    async (store) => {
      if (args.check) {
        const kept = canonicalFacts(await collectAll((page) => store.readModels.listFacts(page)));
        const rows = canonicalFacts(await factsFromRows(store));
        const keptById = new Map(kept.map((f) => [f.projectId, JSON.stringify(f)]));
        const missing = rows.filter((f) => !keptById.has(f.projectId)).length;
        const differing = rows.filter(
          (f) => keptById.has(f.projectId) && keptById.get(f.projectId) !== JSON.stringify(f),
        ).length;
        const orphans = kept.length - (rows.length - missing);
        process.stdout.write(
          `check: ${rows.length} projects, ${differing} with facts that differed from their rows` +
            `${missing ? `, ${missing} without facts` : ''}` +
            `${orphans > 0 ? `, ${orphans} facts of projects that no longer exist` : ''}\n`,
        );
      }
      const started = performance.now();
      const { projects } = await store.readModels.rebuild();
      process.stdout.write(
        `rebuilt the read models of ${projects} projects from the ${store.kind} store in ${Math.round(performance.now() - started)} ms\n`,
      );
      return 0;
    },
    // A check opens the store as it is: projects without facts stay so until the rebuild.
    { repairReadModels: !args.check },
  );
}

runCli('rebuild-read-models failed', main, (error) =>
  error instanceof Error ? error.message : String(error),
);
