// npm run provision:sharepoint -- --site <site id> [--dry-run] [--prefix "TH "]
//                                  [--cto <e-mail> [--cto-name "<name>"] [--cto-org-unit <code>]]
//
// Creates or updates the Transformation Hub lists, columns and indexes on a SharePoint site through
// Graph, idempotently, and prints what it changed ("No changes" on a second run). Credentials and the
// Graph/Entra endpoints come from the same variables as the app (infra/sharepoint.md).
//
// --cto puts the first Chief Transformation Officer on the roster of a new site (once; a second run
// finds them): in Microsoft 365 mode everyone signs in with Entra ID and people who are not on the
// roster are viewers, so somebody has to be CTO before anyone can manage the roster from the tab.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../bot/config.js';
import { Person } from '../bot/domain/person.js';
import { createGraphGateway } from '../bot/storage/sharepoint/create-graph-gateway.js';
import { isGraphRequestError } from '../bot/storage/sharepoint/graph-error.js';
import { PEOPLE, listDisplayName } from '../bot/storage/sharepoint/list-schema.js';
import {
  describeProvisioning,
  provisionLists,
  type ProvisionResult,
} from '../bot/storage/sharepoint/provision-lists.js';
import { createSharePointStore } from '../bot/storage/sharepoint/sharepoint-store.js';

const USAGE =
  'usage: npm run provision:sharepoint -- --site <site id> [--dry-run] [--prefix "<list name prefix>"] [--cto <e-mail> [--cto-name "<name>"] [--cto-org-unit <code>]]';

class UsageError extends Error {
  override name = 'UsageError';
}

interface CtoRequest {
  email: string;
  name?: string;
  orgUnit?: string;
}

/** The CTO to put on the roster, validated like any roster person (before anything is changed). */
function ctoPerson(request: CtoRequest, config: Config): Person {
  const email = request.email.trim().toLowerCase();
  const now = new Date().toISOString();
  const parsed = Person.safeParse({
    id: `cto-${email.replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 64),
    name: request.name ?? email.split('@')[0],
    email,
    role: 'cto',
    orgUnit: request.orgUnit ?? 'GS-TO',
    timeZone: config.orgTimeZone,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`);
    throw new UsageError(`--cto: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** Adds the CTO to the roster unless someone with that e-mail is on it; one line saying what it did. */
async function ensureCto(
  cto: Person,
  config: Config,
  siteId: string,
  prefix: string,
  provisioned: ProvisionResult,
): Promise<{ line: string; problem: boolean }> {
  const roster = listDisplayName(prefix, PEOPLE);
  const verb = provisioned.dryRun ? 'would add' : 'add';
  const rosterIsNew = provisioned.changes.some((c) => c.action === 'create-list' && c.list === roster);
  if (provisioned.dryRun && rosterIsNew) {
    return { line: `+ ${verb} ${cto.email} to "${roster}" as CTO`, problem: false };
  }
  const store = await createSharePointStore(
    { ...config, store: 'sharepoint', sharepoint: { ...config.sharepoint, siteId, listPrefix: prefix } },
    { autoReplay: false },
  );
  try {
    const existing = await store.people.getByEmail(cto.email);
    if (existing) {
      if (existing.role === 'cto') {
        return { line: `= ${cto.email} is on "${roster}" as CTO`, problem: false };
      }
      return {
        line: `! ${cto.email} is on "${roster}" as ${existing.role}, not CTO: a CTO can change their role in the tab (Admin)`,
        problem: true,
      };
    }
    if (provisioned.dryRun) return { line: `+ ${verb} ${cto.email} to "${roster}" as CTO`, problem: false };
    await store.people.create(cto);
    // A write Graph did not take at once waits in the outbox: this command ends here, so send it now.
    if (store.pendingWrites() > 0) await store.flushOutbox();
    if (store.pendingWrites() > 0) {
      throw new Error(`SharePoint did not take the roster entry of ${cto.email}; run the command again`);
    }
    return { line: `+ ${verb} ${cto.email} to "${roster}" as CTO (${cto.name})`, problem: false };
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        site: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        prefix: { type: 'string' },
        cto: { type: 'string' },
        'cto-name': { type: 'string' },
        'cto-org-unit': { type: 'string' },
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
  if (
    args.values.cto === undefined &&
    (args.values['cto-name'] ?? args.values['cto-org-unit']) !== undefined
  ) {
    console.error('--cto-name and --cto-org-unit go with --cto <e-mail>');
    console.error(USAGE);
    return 2;
  }
  let cto: Person | undefined;
  try {
    cto =
      args.values.cto === undefined
        ? undefined
        : ctoPerson(
            { email: args.values.cto, name: args.values['cto-name'], orgUnit: args.values['cto-org-unit'] },
            config,
          );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(USAGE);
    return 2;
  }
  const prefix = args.values.prefix ?? config.sharepoint.listPrefix;
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
  const result = await provisionLists(gateway, { siteId, prefix, dryRun: args.values['dry-run'] });
  for (const line of describeProvisioning(result)) console.log(line);
  if (result.problems.length > 0) return 1;
  if (cto) {
    const outcome = await ensureCto(cto, config, siteId, prefix, result);
    console.log(outcome.line);
    if (outcome.problem) return 1;
  }
  return 0;
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
