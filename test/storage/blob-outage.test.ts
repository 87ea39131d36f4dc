// Issue 19: Azure Blob Storage (Azurite) stopped under a running app and restarted. Endpoints that need
// the state store answer 503 `unavailable`; a conversation reference that arrives meanwhile is kept
// in the local spool (the bot does not tell the person "something went wrong") and written once the
// storage is back; the app shuts down while the storage is down.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobStateStore } from '../../bot/storage/blob/blob-state-store.js';
import { startBotHarness, type BotHarness } from '../bot/bot-harness.js';
import { freePort, startAzurite, type Azurite } from './blob-azurite.js';

let azurite: Azurite | undefined;
let h: BotHarness;
let location: string;
let port: number;
const container = 'outage';

beforeAll(async () => {
  location = mkdtempSync(path.join(tmpdir(), 'th-azurite-outage-'));
  port = await freePort();
  azurite = await startAzurite({ location, port });
  h = await startBotHarness({
    env: {
      STATE_STORE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: container,
    },
  });
});
afterAll(async () => {
  await h.connector.close();
  await azurite?.stop();
  rmSync(location, { recursive: true, force: true });
});

describe('Azure Blob Storage outage', () => {
  it('503 unavailable, references spooled and written on recovery, shutdown while down', async () => {
    const connectionString = azurite!.connectionString;
    expect((await h.t.json('/api/v1/proactive/unreachable')).status).toBe(200);
    await azurite!.stop();

    // The state store is down: 503 `unavailable` (bounded retries), in the caller's language.
    const down = await h.t.json<{ code: string; title: string }>('/api/v1/proactive/unreachable', {
      lang: 'fr',
    });
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('unavailable');
    expect((await h.t.call('/readyz')).status).toBe(503);

    // The app is installed meanwhile: nothing is said to the person, the reference waits locally.
    const install = { ...h.activity('installationUpdate', { as: 'owner' }), action: 'add' };
    const { status, sent } = await h.post(install);
    expect(status).toBe(200);
    expect(sent).toEqual([]);
    const conversations = h.t.app.stateStore.conversations as unknown as {
      waiting(): number;
      flush(): Promise<number>;
    };
    expect(conversations.waiting()).toBe(1);
    // This instance still knows it.
    expect(await h.t.app.stateStore.conversations.getPersonal('p-owner')).toMatchObject({
      personId: 'p-owner',
    });

    // Storage back (same account, same data): the spool is written and emptied.
    azurite = await startAzurite({ location, port });
    expect(await conversations.flush()).toBe(0);
    const fresh = await createBlobStateStore({ connectionString, container });
    expect(await fresh.conversations.getPersonal('p-owner')).toMatchObject({
      personId: 'p-owner',
      serviceUrl: h.connector.url,
    });
    expect((await h.t.json('/api/v1/proactive/unreachable')).status).toBe(200);

    // Down again: the app still closes (the scheduler's lease release does not wait on it).
    await azurite.stop();
    azurite = undefined;
    await h.t.close();
    expect(h.connector.sent).toEqual([]);
  });
});
