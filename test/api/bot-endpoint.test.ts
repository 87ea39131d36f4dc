// POST /api/messages reaches the Bot Framework adapter and the bot answers through the connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let connector: FakeConnector;
beforeAll(async () => {
  [t, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([t.close(), connector.close()]);
});

function message(text: string, aadObjectId = '00000000-0000-4000-8000-000000000002') {
  return {
    type: 'message',
    id: `m-${Math.random().toString(36).slice(2)}`,
    text,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    conversation: { id: 'personal-conversation-1', conversationType: 'personal' },
    from: { id: '29:owner', name: 'Owner', aadObjectId },
    recipient: { id: '28:bot', name: 'Transformation Hub' },
  };
}

describe('/api/messages', () => {
  it('accepts an activity and the bot replies in the same conversation', async () => {
    connector.reset();
    const r = await t.call('/api/messages', { method: 'POST', json: message('hello') });
    expect(r.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply?.conversationId).toBe('personal-conversation-1');
    expect(reply?.activity.type).toBe('message');
    expect(connector.unexpected).toEqual([]);
  });

  it('refuses a request without an activity', async () => {
    const r = await t.call('/api/messages', { method: 'POST', json: {} });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });
});
