// Install and uninstall: the welcome card for the person's role, and the conversation reference
// stored durably (through the state store) and forgotten on uninstall.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

  it('stores the conversation of someone whose install was missed once they write, and keeps it current', async () => {
    const conversations = h.t.app.stateStore.conversations;
    await conversations.remove('personal-29:analyst');
    const upsert = vi.spyOn(conversations, 'upsert');
    try {
      await h.say('help', { as: 'analyst' });
      expect(await conversations.getPersonal('p-analyst')).toMatchObject({
        personId: 'p-analyst',
        conversationId: 'personal-29:analyst',
        serviceUrl: h.connector.url,
      });
      expect(upsert).toHaveBeenCalledTimes(1);
      // Nothing changed: nothing written, nothing read again.
      await h.say('help', { as: 'analyst' });
      await h.invoke('no.such.verb', {}, { as: 'analyst' });
      expect(upsert).toHaveBeenCalledTimes(1);
      // Teams moved the conversation to another service URL: the stored reference follows.
      const moved = h.connector.url.replace('127.0.0.1', 'localhost');
      await h.post({ ...h.activity('message', { as: 'analyst' }), text: 'help', serviceUrl: moved });
      expect(upsert).toHaveBeenCalledTimes(2);
      expect((await conversations.getPersonal('p-analyst'))?.serviceUrl).toBe(moved);
    } finally {
      upsert.mockRestore();
    }
  });

  it('does not store channel threads it was never installed in, and does not resurrect an uninstall', async () => {
    await h.say('help', {
      as: 'owner',
      conversationType: 'channel',
      conversationId: '19:other@thread.tacv2',
    });
    expect(await h.t.app.stateStore.conversations.get('19:other@thread.tacv2')).toBeUndefined();
    await h.post({ ...h.activity('installationUpdate', { as: 'changemaker' }), action: 'add' });
    await h.post({ ...h.activity('installationUpdate', { as: 'changemaker' }), action: 'remove' });
    expect(await h.t.app.stateStore.conversations.getPersonal('p-changemaker')).toBeUndefined();
  });

  it('greets someone not on the roster by their Teams name and says who can add them', async () => {
    const { sent } = await h.post({
      ...h.activity('conversationUpdate', { as: 'stranger', locale: 'fr-FR' }),
      membersAdded: [{ id: '28:bot' }],
    });
    const welcome = cardText(cardsOf(sent)[0]);
    expect(welcome).toContain('Bienvenue dans Transformation Hub, Guest Person');
    expect(welcome).toContain('Vous ne figurez pas encore dans la liste du Bureau de la transformation');
    expect(welcome).toContain('page Administration');
    expect(welcome).toContain('signaler une préoccupation');
  });

  it('asks Teams for the name when the install event carries only ids', async () => {
    const asked: string[] = [];
    h.connector.intercept = (req) => {
      if (req.method !== 'GET' || !/\/members\//.test(req.url ?? '')) return undefined;
      asked.push(req.url ?? '');
      return { status: 200, body: { id: '29:stranger', name: 'Ana Pereira', aadObjectId: 'x' } };
    };
    try {
      const base = h.activity('conversationUpdate', { as: 'stranger' });
      const { sent } = await h.post({
        ...base,
        from: { id: '29:stranger', aadObjectId: '00000000-0000-4000-8000-0000000000ff' },
        membersAdded: [{ id: '28:bot' }],
      });
      const welcome = cardText(cardsOf(sent)[0]);
      expect(welcome).toContain('Welcome to Transformation Hub, Ana Pereira');
      expect(welcome).not.toContain('Guest');
      expect(welcome).toContain('You are not on the Transformation Office’s roster yet');
      expect(asked).toHaveLength(1);
    } finally {
      h.connector.intercept = undefined;
    }
    // Without a name from Teams either, the greeting has no name rather than a made-up one.
    const { sent } = await h.post({
      ...h.activity('conversationUpdate', { as: 'stranger' }),
      from: { id: '29:stranger', aadObjectId: '00000000-0000-4000-8000-0000000000ff' },
      membersAdded: [{ id: '28:bot' }],
    });
    expect(cardText(cardsOf(sent)[0])).toMatch(/^Welcome to Transformation Hub\n/);
    h.connector.unexpected.length = 0;
  });
});
