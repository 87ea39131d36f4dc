// npm run package -- --env <name>
// Fills manifest/template from env/.env.<name>, validates it offline and writes
// manifest/build/appPackage.<name>.zip. Exit code 0 on success, 1 when a check fails, 2 on bad usage.
import { parseArgs } from 'node:util';
import { BOT_COMMANDS } from '../../bot/teams/command-catalog.js';
import { COMMAND_KEYWORDS } from '../../bot/teams/command-keywords.js';
import { buildAppPackage } from '../lib/app-package.js';
import { handledFromRouter } from '../lib/command-checks.js';
import { formatProblems } from '../lib/problems.js';

const usage =
  'usage: npm run package -- --env <name> [--env-dir env] [--template-dir manifest/template] [--out-dir manifest/build]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        env: { type: 'string' },
        'env-dir': { type: 'string', default: 'env' },
        'template-dir': { type: 'string', default: 'manifest/template' },
        'out-dir': { type: 'string', default: 'manifest/build' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (!values.env) {
    console.error(`--env is required\n${usage}`);
    return 2;
  }
  // The check follows the bot's router table: the keywords it really accepts, in every language.
  const result = await buildAppPackage({
    envName: values.env,
    envDir: values['env-dir'] ?? 'env',
    templateDir: values['template-dir'] ?? 'manifest/template',
    outDir: values['out-dir'] ?? 'manifest/build',
    handledCommands: handledFromRouter(BOT_COMMANDS, COMMAND_KEYWORDS),
  });
  if (!result.ok) {
    console.error(
      `App package for "${values.env}" not written: ${result.problems.length} problem(s)\n${formatProblems(result.problems)}`,
    );
    return 1;
  }
  console.log(
    `Wrote ${result.zipPath ?? ''} (${result.files.join(', ')})\nValidated offline against: ${result.validatedWith.join('; ')}`,
  );
  return 0;
}

process.exitCode = await main();
