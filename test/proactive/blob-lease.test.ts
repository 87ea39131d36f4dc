// Microsoft 365 mode: two app instances whose bot state (conversations, run claims, the scheduler
// lease) is in Azure Blob Storage (Azurite): one instance holds the lease and sends, every recipient
// gets one digest, and the claims hold even when both send at once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobStateStore } from '../../bot/storage/blob/blob-state-store.js';
import { startRateLimitedConnector, type RateLimitedConnector } from '../helpers/rate-limited-connector.js';
import { startAzurite, type Azurite } from '../storage/blob-azurite.js';
import { openInstance, registerConversations, seedPortfolio } from './proactive-harness.js';

let azurite: Azurite;
let connector: RateLimitedConnector;
let dataDir: string;

beforeAll(async () => {
  [azurite, connector] = await Promise.all([startAzurite(), startRateLimitedConnector()]);
  dataDir = mkdtempSync(path.join(tmpdir(), 'th-blob-lease-'));
});
afterAll(async () => {
  await Promise.all([azurite.stop(), connector.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('scheduler lease in Azure Blob Storage', () => {
  it('two instances: one sends, each recipient gets one digest', async () => {
    const container = `state-${randomUUID().slice(0, 8)}`;
    const open = () => createBlobStateStore({ connectionString: azurite.connectionString, container });
    const a = await openInstance(dataDir, { instanceId: 'a', stateStore: await open() });
    const b = await openInstance(dataDir, { instanceId: 'b', stateStore: await open() });
    try {
      await seedPortfolio(a, 20);
      const recipients = await a.app.proactive.digest.recipients();
      await registerConversations(a, recipients, connector.url);

      const [ta, tb] = await Promise.all([
        a.app.proactive.scheduler.start(),
        b.app.proactive.scheduler.start(),
      ]);
      expect([ta.ran, tb.ran].sort()).toEqual([false, true]);
      const [sa, sb] = await Promise.all([a.app.proactive.digest.send(), b.app.proactive.digest.send()]);
      expect(sa.delivered + sb.delivered + sa.throttled + sb.throttled).toBe(0);
      const counts = new Map<string, number>();
      for (const d of connector.delivered)
        counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
      for (const p of recipients) expect(counts.get(`conv-${p.id}`)).toBe(1);
    } finally {
      await Promise.all([a.app.close(), b.app.close()]);
    }
  });
});
