// "Pointing GRAPH_BASE_URL and ENTRA_AUTHORITY_HOST at local servers is enough": the provisioning
// command, the app's store factory and the whole app (`bot/main.ts`, as `npm start` runs it, with bot
// state in Azurite) run in child processes configured only by environment variables, trusting the
// emulator's Entra ID stand-in through NODE_EXTRA_CA_CERTS, with each of the three credentials
// (client secret, certificate, managed identity).
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobServiceClient } from '@azure/storage-blob';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';
import { createSelfSignedCertificate } from '../graph-emulator/self-signed-cert.js';
import { startSsoStandIn } from '../auth/sso-stand-in.js';
import { startAzurite } from './blob-azurite.js';

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

  it('puts the first CTO on the roster of the new site once (--cto), and refuses a bad address', async () => {
    const credentials = { ENTRA_CLIENT_CERTIFICATE_PATH: certificate.bundlePath };
    const cto = ['--cto', 'Nadia.Rahimi@itu.example', '--cto-name', 'Nadia Rahimi'];
    const dry = await run(TSX, ['scripts/provision-sharepoint.ts', ...cto, '--dry-run'], {
      env: env(credentials),
    });
    expect(dry.stdout).toContain('+ would add nadia.rahimi@itu.example to "TH Roster" as CTO');
    expect(emulator.itemsOf(siteId, 'TH Roster')).toEqual([]);
    const first = await run(TSX, ['scripts/provision-sharepoint.ts', ...cto], { env: env(credentials) });
    expect(first.stdout).toContain('+ add nadia.rahimi@itu.example to "TH Roster" as CTO (Nadia Rahimi)');
    const second = await run(TSX, ['scripts/provision-sharepoint.ts', ...cto], { env: env(credentials) });
    expect(second.stdout).toContain('= nadia.rahimi@itu.example is on "TH Roster" as CTO');
    expect(emulator.itemsOf(siteId, 'TH Roster').map((i) => [i.EmailKey, i.Role])).toEqual([
      ['nadia.rahimi@itu.example', 'cto'],
    ]);
    const bad = (await run(TSX, ['scripts/provision-sharepoint.ts', '--cto', 'not-an-address'], {
      env: env(credentials),
    }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cto: email: expected an e-mail address');
  }, 60_000);

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

  it('runs the whole app (bot/main.ts) on SharePoint and Azure Blob state: /readyz, the API, the message extension', async () => {
    // Lists provisioned and the project ENV-1 written by the tests above, through the same site.
    const azurite = await startAzurite();
    // Entra sign-in (the development identity is refused with STORE=sharepoint): tokens from a
    // local stand-in whose OpenID metadata the app reads.
    const sso = await startSsoStandIn({ tenantId: emulator.tenantId, clientId });
    const now = Math.floor(Date.now() / 1000);
    const token = await sso.sign({
      iss: sso.v2Issuer,
      aud: clientId,
      iat: now - 60,
      nbf: now - 60,
      exp: now + 3600,
      oid: '99999999-9999-4999-8999-999999999999',
      tid: emulator.tenantId,
      scp: 'access_as_user',
      ver: '2.0',
    });
    const child = spawn(TSX, ['bot/main.ts'], {
      env: {
        ...env({ ENTRA_CLIENT_SECRET: clientSecret }),
        NODE_OPTIONS: '--disable-warning=DEP0111',
        PORT: '0',
        ENTRA_OPENID_CONFIG_URL: sso.openIdConfigUrl,
        SCHEDULER_ENABLED: 'false',
        LOG_LEVEL: 'info',
        STATE_STORE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: 'th-env-state',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a failed assertion kills tsx and the node process under it together.
      detached: true,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
          if (m) {
            clearInterval(timer);
            resolve(Number(m[1]));
          }
        }, 50);
        void exited.then((code) => {
          clearInterval(timer);
          reject(new Error(`bot/main.ts exited ${code}: ${err}`));
        });
      });
      const base = `http://localhost:${port}`;
      expect(out).toMatch(/"store":"sharepoint"/);

      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', state: 'ok' } });

      const projects = await fetch(`${base}/api/v1/projects`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(projects.status).toBe(200);
      const listed = (await projects.json()) as { items: Array<{ project: { code: string } }> };
      expect(listed.items.map((o) => o.project.code)).toContain('ENV-1');

      // The message extension through /api/messages (anonymous bot, as in the Playground): the invoke
      // is answered in the HTTP response, from the SharePoint lists.
      const invoke = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'invoke',
          name: 'composeExtension/query',
          id: 'env-invoke-1',
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:9/',
          locale: 'en-US',
          conversation: { id: 'env-conversation', conversationType: 'personal', tenantId: 'tenant' },
          from: { id: '29:env', name: 'Env', aadObjectId: '99999999-9999-4999-8999-999999999999' },
          recipient: { id: '28:bot', name: 'Transformation Hub' },
          value: { commandId: 'findItems', parameters: [{ name: 'query', value: 'ENV-1' }] },
        }),
      });
      expect(invoke.status).toBe(200);
      const answer = (await invoke.json()) as {
        composeExtension: { attachments: Array<{ preview: { content: { title: string } } }> };
      };
      expect(answer.composeExtension.attachments.map((a) => a.preview.content.title)).toEqual([
        expect.stringContaining('ENV-1'),
      ]);

      // Bot state went to Azurite: the app created its container there.
      const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(
        'th-env-state',
      );
      expect(await container.exists()).toBe(true);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).not.toContain(clientSecret);
      expect(err).not.toContain(clientSecret);
    } finally {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      await Promise.all([azurite.stop(), sso.close()]);
      expect(sso.unexpected).toEqual([]);
    }
  }, 60_000);
});
