// The Azure Blob state store runs the bot-state contract against Azurite (started on a free port),
// then the outbox on blobs.
import { randomUUID } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobOutbox } from '../../bot/storage/blob/blob-outbox.js';
import { createBlobStateStore } from '../../bot/storage/blob/blob-state-store.js';
import { describeStateStoreContract } from '../contract/state-store.contract.js';
import { startAzurite, type Azurite } from './blob-azurite.js';

const CLAIM_TIMEOUT_MS = 10 * 60_000;
let azurite: Azurite | undefined;
const ready = (async () => {
  azurite = await startAzurite();
  return azurite;
})();

afterAll(async () => {
  await azurite?.stop();
});

describeStateStoreContract('azure blob (Azurite)', async () => {
  const { connectionString } = await ready;
  const container = `state-${randomUUID().slice(0, 8)}`;
  const open = () =>
    createBlobStateStore({ connectionString, container }, { claimTimeoutMs: CLAIM_TIMEOUT_MS });
  const stateStore = await open();
  return {
    stateStore,
    claimTimeoutMs: CLAIM_TIMEOUT_MS,
    cleanup: async () => {
      await stateStore.close();
      await BlobServiceClient.fromConnectionString(connectionString)
        .getContainerClient(container)
        .deleteIfExists();
    },
    openSecondInstance: open,
  };
});

describe('the SharePoint outbox on Azure Blob Storage', () => {
  let connectionString: string;
  beforeAll(async () => {
    connectionString = (await ready).connectionString;
  });

  const entry = (n: number) => ({
    key: `projects:update:p-${n}:v2`,
    list: 'projects',
    op: 'update' as const,
    entityId: `p-${n}`,
    writeId: `w-${n}`,
    entity: { id: `p-${n}`, version: 2 },
    expectedVersion: 1,
    enqueuedAt: new Date().toISOString(),
  });

  it('keeps entries in order, once per idempotency key, across instances, until removed', async () => {
    const container = `outbox-${randomUUID().slice(0, 8)}`;
    let t = 1_000;
    const a = createBlobOutbox({ connectionString, container }, { now: () => t++ });
    const b = createBlobOutbox({ connectionString, container }, { now: () => t++ });
    for (let n = 0; n < 5; n++) expect((await a.append(entry(n))).created).toBe(true);
    expect((await b.append(entry(2))).created).toBe(false);
    expect(await b.size()).toBe(5);
    const peeked = await b.peek(3);
    expect(peeked.map((e) => e.entityId)).toEqual(['p-0', 'p-1', 'p-2']);
    await b.recordFailure(peeked[0]!.seq, 'Graph 429');
    expect((await b.peek(1))[0]).toMatchObject({ entityId: 'p-0', attempts: 1, lastError: 'Graph 429' });
    await b.remove(peeked[0]!.seq);
    await b.deadLetter(peeked[1]!, 'changed meanwhile', new Date().toISOString());
    expect((await a.peek(10)).map((e) => e.entityId)).toEqual(['p-2', 'p-3', 'p-4']);
    expect((await a.deadLetters()).map((d) => [d.entityId, d.reason])).toEqual([
      ['p-1', 'changed meanwhile'],
    ]);
    // The key of a removed entry is free again.
    expect((await a.append(entry(0))).created).toBe(true);
  });
});
