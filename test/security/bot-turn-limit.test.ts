// Item 6 of issue 12, the bot's side: one person cannot keep the bot busy for everyone. Messages and
// invokes are limited per person (the Entra object id, or the channel user id without one), in memory
// per instance, configurable, off in the test helpers by default (on here). Past the limit a message
// gets one localised "too fast, try again in N s" reply per window, not one per dropped message; a card
// action gets a message Teams shows (HTTP 200, the Universal Action model has no 429), the message
// extension a `message` result. Over HTTP against the started app (anonymous bot, loopback connector).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config.js';
import { t as translate } from '../../bot/i18n/translate.js';
import { BotTurnLimit } from '../../bot/teams/turn-limit.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const FLOODER = '00000000-0000-4000-8000-00000000f100';
const OTHER = '00000000-0000-4000-8000-00000000f200';

let app: TestApp;
let connector: FakeConnector;
let n = 0;

const activity = (aadObjectId: string | undefined, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: `m-${(n += 1)}`,
  text: 'help',
  channelId: 'msteams',
  serviceUrl: connector.url,
  locale: 'fr-FR',
  conversation: { id: `personal-${aadObjectId ?? 'no-aad'}`, conversationType: 'personal' },
  from: { id: `29:${aadObjectId ?? 'no-aad'}`, name: 'Someone', ...(aadObjectId ? { aadObjectId } : {}) },
  recipient: { id: '28:bot', name: 'Transformation Hub' },
  ...extra,
});

async function post(body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const r = await app.call('/api/messages', { method: 'POST', json: body });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Replies the connector received for one conversation. */
const repliesTo = (aadObjectId: string | undefined) =>
  connector.sent.filter((s) => s.conversationId === `personal-${aadObjectId ?? 'no-aad'}`);

beforeAll(async () => {
  [app, connector] = await Promise.all([
    startTestApp({ env: { RATE_LIMIT_BOT_TURNS_PER_MINUTE: '3' } }),
    startFakeConnector(),
  ]);
});
afterAll(async () => {
  await Promise.all([app?.close(), connector?.close()]);
});

it('the limit is on by default (60 a minute) and configurable; 0 switches it off', () => {
  expect(parseConfig({}).bot.turnsPerMinute).toBe(60);
  expect(parseConfig({ RATE_LIMIT_BOT_TURNS_PER_MINUTE: '0' }).bot.turnsPerMinute).toBe(0);
  expect(() => parseConfig({ RATE_LIMIT_BOT_TURNS_PER_MINUTE: '-1' })).toThrow(
    /RATE_LIMIT_BOT_TURNS_PER_MINUTE/,
  );
});

describe('bot turns per person', () => {
  it('past the limit, messages get one localised "too fast" reply per window and no handler runs', async () => {
    for (let i = 0; i < 3; i++) expect((await post(activity(FLOODER))).status).toBe(200);
    expect(repliesTo(FLOODER)).toHaveLength(3);
    const helpReplies = repliesTo(FLOODER).map((s) => s.activity.attachments?.length ?? 0);
    expect(helpReplies.every((count) => count > 0)).toBe(true);

    for (let i = 0; i < 5; i++) expect((await post(activity(FLOODER))).status).toBe(200);
    const extra = repliesTo(FLOODER).slice(3);
    expect(extra).toHaveLength(1);
    const seconds = Number(/(\d+)/.exec(extra[0]?.activity.text ?? '')?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(20);
    expect(extra[0]?.activity.text).toBe(translate('fr', 'bot.too_fast', { seconds }));
    expect(extra[0]?.activity.attachments ?? []).toEqual([]);
  });

  it('is per person: someone else, and a person known only by the channel id, still pass', async () => {
    expect((await post(activity(OTHER))).status).toBe(200);
    expect(repliesTo(OTHER)).toHaveLength(1);
    expect(repliesTo(OTHER)[0]?.activity.attachments?.length).toBeGreaterThan(0);
    expect((await post(activity(undefined))).status).toBe(200);
    expect(repliesTo(undefined)[0]?.activity.attachments?.length).toBeGreaterThan(0);
  });

  it('a card action past the limit is answered with a message Teams shows (200, no 429)', async () => {
    const r = await post(
      activity(FLOODER, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'ar',
        value: { action: { type: 'Action.Execute', verb: 'help.show', data: {} }, trigger: 'manual' },
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('أنت ترسل الرسائل بسرعة كبيرة'),
    });
  });

  it('a message-extension query past the limit gets a message result', async () => {
    const r = await post(
      activity(FLOODER, {
        type: 'invoke',
        name: 'composeExtension/query',
        locale: 'en-US',
        value: { commandId: 'searchPortfolio', parameters: [{ name: 'query', value: 'TR-07' }] },
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      composeExtension: {
        type: 'message',
        text: expect.stringMatching(/^You are sending messages too fast/),
      },
    });
  });

  it('once the window has passed, the person is served again', async () => {
    app.clock.advance(60_000);
    connector.reset();
    expect((await post(activity(FLOODER))).status).toBe(200);
    expect(repliesTo(FLOODER)[0]?.activity.attachments?.length).toBeGreaterThan(0);
  });
});

describe('BotTurnLimit', () => {
  const from = { id: '29:a', name: 'A', aadObjectId: FLOODER };
  it('counts messages and invokes only, and tells a person again after a turn of theirs passed', () => {
    let now = 0;
    const limit = new BotTurnLimit(1, () => now);
    expect(limit.decide({ type: 'message', from }).kind).toBe('pass');
    expect(limit.decide({ type: 'conversationUpdate', from }).kind).toBe('pass');
    expect(limit.decide({ type: 'installationUpdate', from }).kind).toBe('pass');
    expect(limit.decide({ type: 'message', from })).toEqual({ kind: 'tell', retryAfterSeconds: 60 });
    expect(limit.decide({ type: 'message', from }).kind).toBe('drop');
    expect(limit.decide({ type: 'invoke', from }).kind).toBe('answer-invoke');
    now = 60_000;
    expect(limit.decide({ type: 'message', from }).kind).toBe('pass');
    expect(limit.decide({ type: 'message', from }).kind).toBe('tell');
  });

  it('is off at 0', () => {
    const limit = new BotTurnLimit(0, () => 0);
    for (let i = 0; i < 5; i++) expect(limit.decide({ type: 'message', from }).kind).toBe('pass');
  });
});
