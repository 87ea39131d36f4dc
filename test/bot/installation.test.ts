// Install and uninstall: the welcome card for the person's role, and the conversation reference
// stored durably (through the state store) and forgotten on uninstall.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsOf, cardText, startBotHarness, type BotHarness } from './bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.close();
});

describe('installation', () => {
  it('greets a person with the welcome card for their role and stores the reference', async () => {
    const install = { ...h.activity('installationUpdate', { as: 'owner' }), action: 'add' };
    expect((await h.post(install)).status).toBe(200);
    const added = {
      ...h.activity('conversationUpdate', { as: 'owner' }),
      membersAdded: [{ id: '28:bot' }],
    };
    const { sent } = await h.post(added);
    const welcome = cardText(cardsOf(sent)[0]);
    expect(welcome).toContain('Welcome to Transformation Hub, Daniel Mwangi');
    expect(welcome).toContain('Post the weekly status update of your projects');
    const stored = await h.t.app.stateStore.conversations.getPersonal('p-owner');
    expect(stored).toMatchObject({
      personId: 'p-owner',
      conversationId: 'personal-29:owner',
      conversationType: 'personal',
      serviceUrl: h.connector.url,
    });
    expect(stored?.reference).toMatchObject({
      conversation: { id: 'personal-29:owner' },
      user: { id: '29:owner' },
    });
  });

  it('welcomes each role in its language', async () => {
    const cases = [
      { as: 'cto', locale: 'en-US', expected: 'receive the weekly digest and risk escalations' },
      { as: 'changemaker', locale: 'zh-CN', expected: '对任何项目提出风险' },
      { as: 'viewer', locale: 'ar-SA', expected: 'أبلغ عن أي مصدر قلق' },
    ] as const;
    for (const c of cases) {
      const { sent } = await h.post({
        ...h.activity('conversationUpdate', { as: c.as, locale: c.locale }),
        membersAdded: [{ id: '28:bot' }],
      });
      expect(cardText(cardsOf(sent)[0])).toContain(c.expected);
    }
  });

  it('does not greet when someone else joins a group chat', async () => {
    const { sent } = await h.post({
      ...h.activity('conversationUpdate', {
        conversationType: 'groupChat',
        conversationId: '19:g@thread.v2',
      }),
      membersAdded: [{ id: '29:someone-else' }],
    });
    expect(sent).toHaveLength(0);
  });

  it('stores team and group conversations without a person, and forgets them on uninstall', async () => {
    const { sent } = await h.post({
      ...h.activity('conversationUpdate', {
        conversationType: 'channel',
        conversationId: '19:team@thread.tacv2',
      }),
      membersAdded: [{ id: '28:bot' }],
    });
    expect(sent).toHaveLength(1);
    expect(await h.t.app.stateStore.conversations.get('19:team@thread.tacv2')).toMatchObject({
      personId: null,
      conversationType: 'channel',
    });
    await h.post({
      ...h.activity('conversationUpdate', {
        conversationType: 'channel',
        conversationId: '19:team@thread.tacv2',
      }),
      membersRemoved: [{ id: '28:bot' }],
    });
    expect(await h.t.app.stateStore.conversations.get('19:team@thread.tacv2')).toBeUndefined();
  });

  it('forgets a personal conversation on uninstall', async () => {
    await h.post({ ...h.activity('installationUpdate', { as: 'viewer' }), action: 'add' });
    expect(await h.t.app.stateStore.conversations.getPersonal('p-viewer')).toBeDefined();
    await h.post({ ...h.activity('installationUpdate', { as: 'viewer' }), action: 'remove' });
    expect(await h.t.app.stateStore.conversations.getPersonal('p-viewer')).toBeUndefined();
  });

  it('stores a stranger without a person id', async () => {
    await h.post({ ...h.activity('installationUpdate', { as: 'stranger' }), action: 'add' });
    expect(await h.t.app.stateStore.conversations.get('personal-29:stranger')).toMatchObject({
      personId: null,
    });
  });
});
