// Every text command over HTTP as Teams sends it, in several languages and conversation types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsOf, cardText, executeActions, startBotHarness, type BotHarness } from './bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.close();
});

async function card(text: string, options: Parameters<BotHarness['say']>[1] = {}) {
  const sent = await h.say(text, options);
  expect(sent, text).toHaveLength(1);
  const [c] = cardsOf(sent);
  expect(c, `a card for "${text}"`).toBeDefined();
  return c!;
}

function deepLinks(c: unknown): string[] {
  return (JSON.stringify(c).match(/"url":"[^"]+"/g) ?? []).map((m) => m.slice(7, -1));
}

describe('commands', () => {
  it('help: what the bot does for the role, with buttons and a tab link', async () => {
    const owner = cardText(await card('help'));
    expect(owner).toContain('What I can do for you');
    expect(owner).toContain('**update** [_project_]');
    expect(owner).toContain('**status** _project_');
    expect(owner).not.toContain('**digest**');
    const cto = cardText(await card('help', { as: 'cto' }));
    expect(cto).toContain('**digest**');
    const viewer = await card('ayuda', { as: 'viewer', locale: 'es-ES' });
    expect(cardText(viewer)).toContain('Lo que puedo hacer por usted');
    expect(deepLinks(viewer)[0]).toContain('/#/my-work');
  });

  it('unknown input gets the help card, not silence', async () => {
    const c = await card('what is the weather like');
    expect(cardText(c)).toContain('I did not understand that');
  });

  it('a card shared into the chat (e.g. from the message extension) is not answered with help', async () => {
    const shared = {
      ...h.activity('message'),
      text: '<span class="inline-compose-card"></span>',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'TR-09' }] },
        },
      ],
    };
    const { status, sent } = await h.post(shared);
    expect(status).toBe(200);
    expect(sent).toEqual([]);
    // Words with the card are still read as a command.
    const asked = await h.post({ ...shared, text: 'status TR-09' });
    expect(cardText(cardsOf(asked.sent)[0])).toContain('TR-09');
  });

  it('projects / my projects: health, last update age and buttons', async () => {
    for (const text of ['projects', 'my projects', 'mes projets']) {
      const c = await card(text);
      const body = cardText(c);
      expect(body).toContain('Your projects');
      expect(body).toContain('TR-07');
      expect(body).toContain('New ITU website');
      expect(body).toMatch(/updated (today|\d+ days? ago)/);
      expect(body).toContain('update TR-07');
      expect(body).toContain('risk TR-07');
      expect(deepLinks(c)).toContain('http://localhost:0/#/projects/TR-07');
    }
  });

  it('projects for someone with none says so', async () => {
    const c = await card('projects', { as: 'viewer' });
    expect(cardText(c)).toContain('You do not own, lead or belong to any project yet');
  });

  it('update without a project offers the projects due', async () => {
    const c = await card('update');
    expect(cardText(c)).toContain('Which project do you want to update?');
  });

  it('status <project>: health, trend, percent, latest update, milestones, risks, KPIs', async () => {
    const c = await card('status TR-07');
    const text = cardText(c);
    expect(text).toContain('New ITU website');
    expect(text).toMatch(/% complete/);
    expect(text).toContain('Latest update (2026-W');
    expect(text).toContain('Next milestones');
    expect(text).toContain('Top risks');
    expect(deepLinks(c)).toContain('http://localhost:0/#/projects/TR-07');
  });

  it('status without a project asks which one: my projects as buttons, or an example', async () => {
    const chooser = cardText(await card('status'));
    expect(chooser).toContain('Which project?');
    expect(chooser).toContain('status TR-07');
    const sent = await h.say('status', { as: 'viewer' });
    expect(sent[0]?.activity.text).toBe('Which project? For example: status TR-07');
  });

  it('a bare project code shows the project', async () => {
    expect(cardText(await card('tr 9'))).toContain('ITU AI Hub');
  });

  it('risks: open risks highest score first, for the portfolio or a project', async () => {
    const all = cardText(await card('risks'));
    const scores = [...all.matchAll(/score (\d+)/g)].map((m) => Number(m[1]));
    expect(scores.length).toBeGreaterThan(2);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const one = cardText(await card('risks TR-07'));
    expect(one).toContain('Open risks');
    expect(one).toContain('New ITU website');
  });

  it('portfolio: summary by pillar', async () => {
    const text = cardText(await card('portfolio'));
    for (const pillar of ['Governance', 'Systems, processes and tools', 'People and culture'])
      expect(text).toContain(pillar);
    expect(text).toContain('Whole portfolio');
  });

  it('fuzzy matching: title words, an ambiguous match gets a chooser, none says so and suggests', async () => {
    expect(cardText(await card('status website'))).toContain('New ITU website');
    const chooser = await card('status dashboards');
    expect(cardText(chooser)).toContain('Several projects match “dashboards”');
    expect(cardText(chooser)).toContain('status TR-13');
    const none = await h.say('status TR-77');
    expect(none[0]?.activity.text).toContain('I could not find a project matching “TR-77”.');
    expect(none[0]?.activity.text).toMatch(/Did you mean .*TR-07/);
    const nothing = await h.say('status zzzzqqq');
    expect(nothing[0]?.activity.text).toContain('Type “projects” to see yours');
  });

  it('echoes user words safely (no markdown link survives in a plain reply)', async () => {
    const sent = await h.say('status [x](https://evil.example) <at>CTO</at>');
    const text = sent[0]?.activity.text ?? '';
    expect(sent[0]?.activity.textFormat).toBe('plain');
    expect(text).not.toContain('](');
    expect(text).not.toContain('<at>');
  });

  it('commands owned by plug-ins always get an answer, never the help card', async () => {
    // The digest feature plugs these in (bot/app.ts); without a plug-in the answer is "not
    // available yet" (test/bot/extensions.test.ts).
    for (const text of ['digest', 'subscribe digest', 'se désabonner', 'away', 'unreachable']) {
      const sent = await h.say(text, { as: 'cto' });
      expect(sent.length, text).toBeGreaterThan(0);
      expect(cardText(cardsOf(sent)[0] ?? {}), text).not.toContain('I did not understand that');
    }
  });
});

describe('conversations', () => {
  it('answers in a channel when @mentioned, without the mention', async () => {
    const a = {
      ...h.activity('message', { conversationType: 'channel', conversationId: '19:channel@thread.tacv2' }),
      text: '<at>Transformation Hub</at> status TR-07',
      entities: [
        {
          type: 'mention',
          text: '<at>Transformation Hub</at>',
          mentioned: { id: '28:bot', name: 'Transformation Hub' },
        },
      ],
    };
    const { sent } = await h.post(a);
    expect(sent[0]?.conversationId).toBe('19:channel@thread.tacv2');
    expect(cardText(cardsOf(sent)[0])).toContain('New ITU website');
  });

  it('keeps personal commands to the personal chat: digest, away and subscriptions are not answered in a group', async () => {
    for (const [text, locale, expected] of [
      ['digest', 'en-US', 'Type “digest” in your personal chat with me'],
      ['away', 'en-US', 'Type “away” in your personal chat with me'],
      ['subscribe digest', 'en-US', 'Type “subscribe digest” in your personal chat with me'],
      ['synthèse', 'fr-FR', 'Tapez « synthèse » dans votre conversation personnelle avec moi'],
    ] as const) {
      const sent = await h.say(text, {
        as: 'viewer',
        locale,
        conversationType: 'groupChat',
        conversationId: '19:group@thread.v2',
      });
      expect(cardsOf(sent), text).toEqual([]);
      expect(sent.map((s) => s.activity.text).join(), text).toContain(expected);
    }
    expect(await h.t.app.proactive.reminders.awayPeriods('p-viewer')).toEqual([]);
    // The help card there lists only what works there; in the personal chat, "away" is offered.
    const group = await card('help', {
      as: 'owner',
      conversationType: 'groupChat',
      conversationId: '19:group@thread.v2',
    });
    expect(cardText(group)).not.toMatch(/\*\*away\*\*/);
    expect(cardText(group)).toMatch(/\*\*portfolio\*\*/);
    expect(cardText(await card('help', { as: 'owner' }))).toMatch(/\*\*away\*\*/);
  });

  it('works in a group chat', async () => {
    const c = await card('portfolio', {
      conversationType: 'groupChat',
      conversationId: '19:group@thread.v2',
    });
    expect(cardText(c)).toContain('Portfolio by pillar');
  });
});

describe('languages', () => {
  it('uses the Teams locale for people without a preference, and cards in Arabic are rtl', async () => {
    const c = await card('مساعدة', { as: 'viewer', locale: 'ar-EG' });
    expect(c.rtl).toBe(true);
    expect(cardText(c)).toContain('ما يمكنني فعله لك');
    const zh = await card('项目组合', { as: 'viewer', locale: 'zh-CN' });
    expect(cardText(zh)).toContain('按支柱划分的项目组合');
    const ru = await card('статус TR-07', { as: 'viewer', locale: 'ru-RU' });
    expect(cardText(ru)).toContain('Этап');
  });

  it('language <code> persists the preference (audited) and resolveTurn prefers it', async () => {
    const set = await h.say('language fr', { as: 'changemaker', locale: 'en-US' });
    expect(set[0]?.activity.text).toBe('Désormais, je vous parlerai en français.');
    const after = await card('help', { as: 'changemaker', locale: 'en-US' });
    expect(cardText(after)).toContain('Ce que je peux faire pour vous');
    const me = await h.t.json<{ locale: string | null }>('/api/v1/me', { as: 'p-changemaker' });
    expect(JSON.stringify(me.body)).toContain('"locale":"fr"');
    const audit = await h.t.json<{
      items: Array<{ entityType: string; entityId: string; action: string; surface: string }>;
    }>('/api/v1/audit?entityType=person&entityId=p-changemaker', { as: 'p-cto' });
    expect(audit.body.items.some((e) => e.action === 'update' && e.surface === 'bot')).toBe(true);
    const current = await h.say('langue', { as: 'changemaker' });
    expect(current[0]?.activity.text).toContain('Je vous parle en Français');
    const unknown = await h.say('langue klingon', { as: 'changemaker' });
    expect(unknown[0]?.activity.text).toContain('Je ne connais pas la langue « klingon »');
    const reset = await h.say('langue auto', { as: 'changemaker', locale: 'es-ES' });
    expect(reset[0]?.activity.text).toBe('Volveré a seguir el idioma de su cliente de Teams.');
  });

  it('cannot store a language for someone not on the roster', async () => {
    const sent = await h.say('language ru', { as: 'stranger' });
    expect(sent[0]?.activity.text).toContain(
      'only remember a language for people on the Transformation Hub roster',
    );
  });

  it('formats dates for the locale', async () => {
    const sent = await h.say('update CC-01', { as: 'changemaker', locale: 'de-DE' });
    // German is not an official language: English is the fallback.
    expect(cardText(cardsOf(sent)[0])).toContain('Nov 23, 2026');
    const fr = await h.say('actualiser CC-01', { as: 'viewer', locale: 'fr-FR' });
    expect(fr[0]?.activity.text).toContain('Seuls le responsable');
    const es = await h.say('actualizar CC-02', { as: 'changemaker', locale: 'es-ES' });
    expect(cardText(cardsOf(es)[0])).toContain('23 nov 2026');
    expect(executeActions(cardsOf(es)[0])[0]?.verb).toBe('statusUpdate.submit');
  });
});
