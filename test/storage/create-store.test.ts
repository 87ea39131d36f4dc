import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../bot/config.js';
import { blobSettingsOf } from '../../bot/storage/blob/blob-container.js';
import { createStateStore, createStore } from '../../bot/storage/create-store.js';
import { buildPerson } from '../helpers/fixtures.js';

describe('createStore / createStateStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'transformation-hub-config-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('embedded mode: SQLite stores in DATA_DIR that see each other’s data after reopening', async () => {
    const config = parseConfig({ DATA_DIR: dataDir });
    const store = await createStore(config);
    const state = await createStateStore(config);
    expect(store.kind).toBe('sqlite');
    await store.people.create(buildPerson({ id: 'p-1' }));
    await state.leases.acquire('scheduler', 'a', 1000, new Date());
    await store.close();
    await state.close();
    const reopened = await createStore(config);
    expect(await reopened.people.get('p-1')).toBeDefined();
    await reopened.close();
  });

  it('STORE=sharepoint without a site is refused with a ConfigError naming SHAREPOINT_SITE_ID', async () => {
    const config = { ...parseConfig({ DATA_DIR: dataDir }), store: 'sharepoint' as const };
    const error = await createStore(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.objectContaining({ variable: 'SHAREPOINT_SITE_ID' }),
    ]);
  });

  it('STATE_STORE=blob without a storage account is refused with a ConfigError naming the variable', async () => {
    const config = { ...parseConfig({ DATA_DIR: dataDir }), stateStore: 'blob' as const };
    const error = await createStateStore(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.objectContaining({ variable: 'AZURE_STORAGE_CONNECTION_STRING' }),
    ]);
  });

  it('STATE_STORE=blob with an account URL: state and outbox authenticate as the user-assigned identity', () => {
    // As infra/main.bicep configures the web app: a user-assigned identity only, no system identity,
    // so a blob client without the client id would ask for a token the platform cannot give.
    const clientId = '3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8';
    const config = parseConfig({
      DATA_DIR: dataDir,
      STATE_STORE: 'blob',
      AZURE_STORAGE_ACCOUNT_URL: 'https://stthub.blob.core.windows.net/',
      MANAGED_IDENTITY_CLIENT_ID: clientId,
    });
    expect(blobSettingsOf(config)).toEqual({
      connectionString: undefined,
      accountUrl: 'https://stthub.blob.core.windows.net/',
      container: 'transformation-hub',
      managedIdentityClientId: clientId,
    });
  });
});
