// The plug-in seams: commands the router does not implement go to extension command handlers (with
// the words after the keyword), unknown verbs to extension verb handlers (data validated with their
// schema), through botbuilder's TestAdapter on the real services.
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BotExtensions, BotTurn, CardVerbHandler } from '../../bot/teams/extensions.js';
import { TransformationBot } from '../../bot/teams/transformation-bot.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const calls: Array<{ id: string; args: string; actor: string; locale: string }> = [];
let adapter: TestAdapter;

const from = { id: '29:cto', name: 'Nadia Rahimi', aadObjectId: '00000000-0000-4000-8000-000000000001' };

beforeAll(async () => {
  t = await startTestApp();
  const extensions: BotExtensions = {
    commands: [
      {
        id: 'digest',
        async handle(turn, args) {
          calls.push({ id: 'digest', args, actor: turn.actor.id, locale: turn.locale });
          await turn.context.sendActivity(`digest ${args}`);
        },
      },
    ],
    verbs: [
      {
        verb: 'digest.acknowledge',
        data: z.object({ period: z.string().regex(/^\d{4}-W\d{2}$/) }).strict(),
        handle: async (turn: BotTurn, data: { period: string }) =>
          Promise.resolve({
            kind: 'message' as const,
            text: `${turn.t('bot.risk.saved.title')} ${data.period}`,
          }),
      },
      {
        verb: 'digest.card',
        data: z.object({}),
        handle: async () =>
          Promise.resolve({
            kind: 'card' as const,
            card: { type: 'AdaptiveCard', version: '1.5', body: [] },
          }),
      },
    ].map((v) => v as unknown as CardVerbHandler<never>),
  };
  const { services, stateStore, config, logger, clock } = t.app;
  const bot = new TransformationBot({ services, stateStore, config, logger, clock, extensions });
  adapter = new TestAdapter(async (context) => bot.run(context));
});
afterAll(async () => {
  await t.close();
});

function invoke(verb: string, data: unknown): Partial<Activity> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    from,
    locale: 'en-US',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

async function invokeResponse(activity: Partial<Activity>) {
  adapter.activeQueue.length = 0;
  await adapter.processActivity(activity);
  const response = adapter.activeQueue.find((a) => a.type === 'invokeResponse');
  return response?.value as { status: number; body: { statusCode: number; type: string; value: unknown } };
}

describe('extension commands', () => {
  it('dispatches by command id with the words after the keyword, in any language', async () => {
    await adapter
      .send({ type: 'message', text: 'digest send', from, locale: 'en-US' })
      .assertReply('digest send');
    await adapter.send({ type: 'message', text: 'synthèse', from, locale: 'fr-FR' }).assertReply('digest ');
    expect(calls).toEqual([
      { id: 'digest', args: 'send', actor: 'p-cto', locale: 'en' },
      { id: 'digest', args: '', actor: 'p-cto', locale: 'en' },
    ]);
  });

  it('answers politely for commands no extension handles', async () => {
    await adapter
      .send({ type: 'message', text: 'away 2026-W50', from })
      .assertReply('That command is not available yet.');
  });
});

describe('extension verbs', () => {
  it('validates the data with the verb’s schema and answers with its message', async () => {
    const ok = await invokeResponse(invoke('digest.acknowledge', { period: '2026-W48' }));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Risk raised 2026-W48',
    });
  });

  it('answers with a card that replaces the one acted on', async () => {
    const ok = await invokeResponse(invoke('digest.card', {}));
    expect(ok.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(ok.body.value).toMatchObject({ type: 'AdaptiveCard' });
  });

  it('refuses invalid data with a 400-style answer', async () => {
    const bad = await invokeResponse(invoke('digest.acknowledge', { period: 'last week', extra: 1 }));
    expect(bad.body.statusCode).toBe(400);
    expect(bad.body.type).toBe('application/vnd.microsoft.error');
  });

  it('reaches extension verbs through the Action.Submit fallback too', async () => {
    adapter.activeQueue.length = 0;
    await adapter
      .send({ type: 'message', from, value: { verb: 'digest.acknowledge', period: '2026-W47' } })
      .assertReply('Risk raised 2026-W47');
  });
});
