// "Pointing GRAPH_BASE_URL and ENTRA_AUTHORITY_HOST at local servers is enough": the provisioning
// command and the app's store factory run in child processes configured only by environment
// variables, trusting the emulator's Entra ID stand-in through NODE_EXTRA_CA_CERTS, with each of the
// three credentials (client secret, certificate, managed identity).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';
import { createSelfSignedCertificate } from '../graph-emulator/self-signed-cert.js';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

describe('the SharePoint mode configured by environment variables only', () => {
  let emulator: GraphEmulator;
  let dataDir: string;
  const siteId = `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`;
  const clientId = randomUUID();
  const clientSecret = `secret-${randomUUID()}`;
  const certificate = createSelfSignedCertificate('transformation-hub-graph');

  beforeAll(async () => {
    emulator = await GraphEmulator.start({ siteId });
    emulator.registerApp({ clientId, clientSecret, certificatePem: certificate.certPem });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'th-env-'));
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(certificate.dir, { recursive: true, force: true });
    expect(emulator.unexpected).toEqual([]);
  });

  const env = (credentials: Record<string, string>) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ENV_FILE: path.join(dataDir, 'no-such.env'),
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    STORE: 'sharepoint',
    SHAREPOINT_SITE_ID: siteId,
    GRAPH_BASE_URL: emulator.graphBaseUrl,
    ENTRA_AUTHORITY_HOST: emulator.authorityHost,
    ENTRA_TENANT_ID: emulator.tenantId,
    ENTRA_CLIENT_ID: clientId,
    DATA_DIR: dataDir,
    ...credentials,
  });

  it('provisions with a certificate: the first run creates the lists, the second changes nothing', async () => {
    const credentials = { ENTRA_CLIENT_CERTIFICATE_PATH: certificate.bundlePath };
    const first = await run(TSX, ['scripts/provision-sharepoint.ts', '--site', siteId], {
      env: env(credentials),
    });
    expect(first.stdout).toContain('+ create list "TH Projects"');
    expect(first.stdout.match(/^\+ create list/gm)).toHaveLength(9);
    const second = await run(TSX, ['scripts/provision-sharepoint.ts', '--site', siteId], {
      env: env(credentials),
    });
    expect(second.stdout).toContain('No changes: every list, column and index is in place.');
    expect([...emulator.entra.issued.values()].some((t) => t.method === 'certificate')).toBe(true);
  });

  it('opens the store through createStore with a client secret, writes and reads back', async () => {
    const { stdout } = await run(TSX, ['test/graph-emulator/store-from-env.ts'], {
      env: env({ ENTRA_CLIENT_SECRET: clientSecret }),
    });
    expect(JSON.parse(stdout.trim())).toEqual({
      kind: 'sharepoint',
      created: 'from-env',
      read: 'from-env',
      empty: false,
    });
    expect(emulator.itemsOf(siteId, 'TH Projects').map((i) => i.EntityId)).toEqual(['from-env']);
  });

  it('gets its token from a managed identity (App Service endpoint) and dry-runs provisioning', async () => {
    const { stdout } = await run(TSX, ['scripts/provision-sharepoint.ts', '--dry-run'], {
      env: {
        ...env({ MANAGED_IDENTITY_CLIENT_ID: clientId }),
        IDENTITY_ENDPOINT: emulator.managedIdentityEndpoint,
        IDENTITY_HEADER: emulator.entra.identityHeader,
      },
    });
    expect(stdout).toContain('(dry run: nothing is changed)');
    expect(stdout).toContain('No changes');
    expect([...emulator.entra.issued.values()].some((t) => t.method === 'managed-identity')).toBe(true);
  });

  it('fails with a message, not a stack trace, when the secret is wrong', async () => {
    const error = (await run(TSX, ['scripts/provision-sharepoint.ts'], {
      env: env({ ENTRA_CLIENT_SECRET: 'wrong' }),
    }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/^provisioning failed: could not get a Graph token \(invalid_client\)/);
    expect(error.stderr).not.toContain('wrong');
    expect(error.stderr).not.toMatch(/\n\s+at /);
  });
});
