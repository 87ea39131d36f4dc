// A SharePoint store on a fresh, provisioned site of a shared Graph emulator, through the real gateway
// (msal-node client secret against the emulator's Entra ID stand-in), with its own outbox directory.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from '../../bot/config.js';
import { createGraphGateway } from '../../bot/storage/sharepoint/create-graph-gateway.js';
import { provisionLists } from '../../bot/storage/sharepoint/provision-lists.js';
import {
  createSharePointStore,
  type SharePointStore,
  type SharePointStoreDeps,
} from '../../bot/storage/sharepoint/sharepoint-store.js';
import { GraphEmulator, type GraphEmulatorOptions } from '../graph-emulator/graph-emulator.js';

export interface SharePointSite {
  emulator: GraphEmulator;
  siteId: string;
  config: Config;
  /** Opens a store (another app instance) on the site, with its own outbox directory unless given. */
  open(deps?: SharePointStoreDeps, options?: { dataDir?: string }): Promise<SharePointStore>;
  tempDir(): string;
  cleanup(): Promise<void>;
}

export const instantSleep = (): Promise<void> => Promise.resolve();

export async function provisionedSite(
  emulator: GraphEmulator,
  options: { prefix?: string } = {},
): Promise<SharePointSite> {
  const siteId = `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`;
  emulator.model.addSite(siteId);
  const clientId = randomUUID();
  const clientSecret = `s-${randomUUID()}`;
  emulator.registerApp({ clientId, clientSecret });
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'th-sharepoint-'));
    dirs.push(dir);
    return dir;
  };
  const config = parseConfig({
    STORE: 'sharepoint',
    SHAREPOINT_SITE_ID: siteId,
    SHAREPOINT_LIST_PREFIX: options.prefix ?? 'TH ',
    GRAPH_BASE_URL: emulator.graphBaseUrl,
    ENTRA_AUTHORITY_HOST: emulator.authorityHost,
    ENTRA_TENANT_ID: emulator.tenantId,
    ENTRA_CLIENT_ID: clientId,
    ENTRA_CLIENT_SECRET: clientSecret,
    DATA_DIR: tempDir(),
  });
  const gateway = createGraphGateway(
    {
      graphBaseUrl: config.sharepoint.graphBaseUrl,
      credentials: {
        authorityHost: config.auth.authorityHost,
        tenantId: emulator.tenantId,
        clientId,
        clientSecret,
      },
    },
    { trustedCa: emulator.caCertPem },
  );
  await provisionLists(gateway, { siteId, prefix: config.sharepoint.listPrefix, dryRun: false });
  const stores: SharePointStore[] = [];
  return {
    emulator,
    siteId,
    config,
    tempDir,
    open: async (deps = {}, options = {}) => {
      const store = await createSharePointStore(
        { ...config, dataDir: options.dataDir ?? tempDir() },
        { trustedCa: emulator.caCertPem, cacheMaxAgeMs: 0, autoReplay: false, sleep: instantSleep, ...deps },
      );
      stores.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of stores) await store.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<GraphEmulator> | undefined;

/** One emulator per test file (close it with closeSharedEmulator in afterAll). */
export function sharedEmulator(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
  shared ??= GraphEmulator.start(options);
  return shared;
}

export async function closeSharedEmulator(): Promise<GraphEmulator | undefined> {
  if (!shared) return undefined;
  const emulator = await shared;
  shared = undefined;
  await emulator.close();
  return emulator;
}
