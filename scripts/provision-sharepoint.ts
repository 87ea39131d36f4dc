// npm run provision:sharepoint -- --site <site id> [--dry-run] [--prefix "TH "]
//
// Creates or updates the Transformation Hub lists, columns and indexes on a SharePoint site through
// Graph, idempotently, and prints what it changed ("No changes" on a second run). Credentials and the
// Graph/Entra endpoints come from the same variables as the app (infra/sharepoint.md).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../bot/config.js';
import { createGraphGateway } from '../bot/storage/sharepoint/create-graph-gateway.js';
import { isGraphRequestError } from '../bot/storage/sharepoint/graph-error.js';
import { describeProvisioning, provisionLists } from '../bot/storage/sharepoint/provision-lists.js';

const USAGE =
  'usage: npm run provision:sharepoint -- --site <site id> [--dry-run] [--prefix "<list name prefix>"]';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        site: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        prefix: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const siteId = args.values.site ?? config.sharepoint.siteId;
  if (!siteId) {
    console.error('no site: pass --site <site id> or set SHAREPOINT_SITE_ID');
    console.error(USAGE);
    return 2;
  }
  const gateway = createGraphGateway({
    graphBaseUrl: config.sharepoint.graphBaseUrl,
    credentials: {
      authorityHost: config.auth.authorityHost,
      tenantId: config.auth.tenantId,
      clientId: config.auth.clientId,
      clientSecret: config.auth.clientSecret,
      clientCertificatePath: config.auth.clientCertificatePath,
      managedIdentityClientId: config.auth.managedIdentityClientId,
    },
  });
  const result = await provisionLists(gateway, {
    siteId,
    prefix: args.values.prefix ?? config.sharepoint.listPrefix,
    dryRun: args.values['dry-run'],
  });
  for (const line of describeProvisioning(result)) console.log(line);
  return result.problems.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (isGraphRequestError(error))
      console.error(`provisioning failed: ${error.message} (${error.operation})`);
    else console.error(`provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
