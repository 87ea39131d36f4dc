// Card actions over HTTP: the status-update and risk verbs as Action.Execute invokes and as
// Action.Submit fallbacks, with permissions, replays, stale cards and invalid data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardsOf,
  cardText,
  executeActions,
  inputValues,
  PERSONAS,
  startBotHarness,
  type BotHarness,
} from './bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.close();
});

/** Sends `update <code>` and returns the form's submit action data. */
async function openForm(code: string, as: 'owner' | 'changemaker' | 'cto' = 'owner', locale = 'en-US') {
  const sent = await h.say(`update ${code}`, { as, locale });
  const [card] = cardsOf(sent);
  expect(card, `form for ${code}`).toBeDefined();
  const [submit] = executeActions(card);
  expect(submit?.verb).toBe('statusUpdate.submit');
  return { card: card!, data: submit!.data };
}

const inputs = {
  health: 'amber',
  percentComplete: '42',
  summary: 'Design RFP evaluated; **not bold** [link](https://evil.example) <at>CTO</at>',
  achievements: 'Vendor shortlist',
  nextSteps: 'Award the contract',
  blockers: '',
  schedule: 'amber',
  budget: '',
  scope: 'green',
};

describe('status update card', () => {
  it('is pre-filled, shows the period, and turns into a read-only confirmation after submit', async () => {
    const { card, data } = await openForm('TR-09');
    const text = cardText(card);
    expect(text).toContain('2026-W48');
    expect(text).toMatch(/Nov 23, 2026.*Nov 29, 2026/);
    expect(data).toMatchObject({ period: '2026-W48', expectedVersion: 0 });

    const answer = await h.invoke('statusUpdate.submit', { ...data, ...inputs });
    expect(answer.httpStatus).toBe(200);
    expect(answer.body.statusCode).toBe(200);
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const confirmation = answer.body.value as Record<string, unknown>;
    expect(cardText(confirmation)).toContain('Your update for 2026-W48 is saved.');
    // Read-only: no inputs, no submit; the user's text is shown literally in a text run.
    expect(JSON.stringify(confirmation)).not.toContain('Input.');
    expect(executeActions(confirmation).map((a) => a.verb)).toEqual(['statusUpdate.refresh']);
    expect(JSON.stringify(confirmation)).toContain(
      '"type":"TextRun","text":"Design RFP evaluated; **not bold**',
    );
    expect(confirmation.refresh).toMatchObject({ userIds: ['29:owner'] });

    const stored = await h.t.json<{
      items: Array<{ period: string; health: string; percentComplete: number; source: string }>;
    }>('/api/v1/projects/TR-09/status-updates', { as: 'p-owner' });
    expect(stored.body.items[0]).toMatchObject({
      period: '2026-W48',
      health: 'amber',
      percentComplete: 42,
      source: 'bot',
    });
  });

  it('stores a replayed submission once', async () => {
    const { data } = await openForm('AI-02');
    const read = async () => {
      const r = await h.t.json<{ items: Array<{ period: string; history: unknown[]; version: number }> }>(
        '/api/v1/projects/AI-02/status-updates',
        { as: 'p-owner' },
      );
      return r.body.items.filter((u) => u.period === '2026-W48');
    };
    const first = await h.invoke('statusUpdate.submit', { ...data, ...inputs });
    expect(cardText(first.body.value)).toMatch(/is saved|was amended/);
    const afterFirst = await read();
    const again = await h.invoke('statusUpdate.submit', { ...data, ...inputs });
    expect(cardText(again.body.value)).toContain('already saved');
    const afterReplay = await read();
    expect(afterReplay).toHaveLength(1);
    expect(afterReplay[0]!.version).toBe(afterFirst[0]!.version);
    expect(afterReplay[0]!.history).toHaveLength(afterFirst[0]!.history.length);
  });

  it('answers a stale card with the current update instead of overwriting it', async () => {
    const stale = await openForm('TR-23');
    const fresh = await openForm('TR-23');
    const first = await h.invoke('statusUpdate.submit', { ...fresh.data, ...inputs, summary: 'First' });
    expect(cardText(first.body.value)).toContain('is saved');
    const second = await h.invoke('statusUpdate.submit', { ...stale.data, ...inputs, summary: 'Second' });
    expect(second.body.statusCode).toBe(200);
    const text = cardText(second.body.value);
    expect(text).toContain('nothing was overwritten');
    expect(text).toContain('First');
    expect(text).not.toContain('Second');
    // An amending card (built after the first submit) amends it.
    const amend = await openForm('TR-23');
    expect(amend.data.expectedVersion).toBe(1);
    expect(cardText(amend.card)).toContain('exists already');
    const amended = await h.invoke('statusUpdate.submit', { ...amend.data, ...inputs, summary: 'Third' });
    expect(cardText(amended.body.value)).toContain('was amended');
  });

  it('shows the form again with localised problems when the content is invalid', async () => {
    // The ChangeMaker has no language on the roster, so the Teams locale applies.
    const { data } = await openForm('CC-05', 'changemaker', 'fr-FR');
    const answer = await h.invoke(
      'statusUpdate.submit',
      { ...data, ...inputs, summary: '', percentComplete: '140' },
      { as: 'changemaker', locale: 'fr-FR' },
    );
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = cardText(answer.body.value);
    expect(text).toContain('Veuillez vérifier le formulaire');
    expect(text).toContain('Résumé');
    expect(executeActions(answer.body.value)[0]?.verb).toBe('statusUpdate.submit');
  });

  it('keeps a late update on its week when the form comes back with problems', async () => {
    const { data } = await openForm('TR-11', 'cto');
    const answer = await h.invoke(
      'statusUpdate.submit',
      { ...data, ...inputs, period: '2026-W46', summary: '' },
      { as: 'cto' },
    );
    const [again] = executeActions(answer.body.value);
    expect(again?.verb).toBe('statusUpdate.submit');
    expect(again?.data).toMatchObject({ period: '2026-W46' });
  });

  it('puts a refused week back to the current one', async () => {
    const { data } = await openForm('TR-12', 'cto');
    const answer = await h.invoke(
      'statusUpdate.submit',
      { ...data, ...inputs, period: '2025-W02' },
      { as: 'cto' },
    );
    const [again] = executeActions(answer.body.value);
    expect(again?.data).toMatchObject({ period: '2026-W48' });
  });

  it('explains politely that a ChangeMaker cannot post for someone else’s project', async () => {
    const sent = await h.say('update TR-07', { as: 'changemaker' });
    expect(cardsOf(sent)).toHaveLength(0);
    expect(sent[0]?.activity.text).toContain('Only the owner and leads of TR-07');
    expect(sent[0]?.activity.text).toContain('risk TR-07');
    // Even with a forged card, the server refuses and nothing is stored.
    const forged = await h.invoke(
      'statusUpdate.submit',
      { projectId: 'TR-07', period: '2026-W48', expectedVersion: 0, submissionKey: 'forged-1', ...inputs },
      { as: 'changemaker', locale: 'es-ES' },
    );
    expect(forged.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(forged.body.value).toContain('Solo el responsable');
  });

  it('lets a ChangeMaker post for a change case they are a member of', async () => {
    const { data } = await openForm('CC-01', 'changemaker');
    const answer = await h.invoke('statusUpdate.submit', { ...data, ...inputs }, { as: 'changemaker' });
    expect(cardText(answer.body.value)).toMatch(/is saved|was amended/);
  });

  it('handles the Action.Submit fallback: same verb, card updated in place', async () => {
    const { data } = await openForm('TR-10', 'cto');
    h.connector.reset();
    const sent = await h.say('', {
      as: 'cto',
      value: { verb: 'statusUpdate.submit', ...data, ...inputs },
      replyToId: 'activity-card-1',
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('PUT');
    expect(sent[0]!.activityId).toBe('activity-card-1');
    expect(cardText(cardsOf(sent)[0])).toMatch(/is saved|was amended/);
  });

  it('in a group chat, turns the card read-only for everyone, not only for the person who acted', async () => {
    const where = {
      as: 'owner' as const,
      conversationType: 'groupChat' as const,
      conversationId: '19:group@thread.v2',
    };
    const sent = await h.say('update AI-02', where);
    const [submit] = executeActions(cardsOf(sent)[0]);
    h.connector.reset();
    const answer = await h.invoke(
      'statusUpdate.submit',
      { ...submit!.data, ...inputs, summary: 'Shared with the group' },
      { ...where, replyToId: 'card-in-group' },
    );
    expect(cardText(answer.body.value)).toContain('Shared with the group');
    const put = h.connector.sent.find((s) => s.method === 'PUT');
    expect(put?.conversationId).toBe('19:group@thread.v2');
    expect(put?.activityId).toBe('card-in-group');
    const shared = cardsOf([put!])[0]!;
    expect(cardText(shared)).toContain('Shared with the group');
    expect(shared.refresh).toBeUndefined();
    expect(JSON.stringify(shared)).not.toContain('Input.');
  });

  it('refreshes a confirmation to the current update', async () => {
    const answer = await h.invoke('statusUpdate.refresh', { projectId: 'TR-09', period: '2026-W48' });
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.body.value)).toContain('Design RFP evaluated');
  });
});

describe('risk card', () => {
  async function openRiskForm(args: string, as: 'owner' | 'changemaker' | 'viewer' | 'cto' = 'changemaker') {
    const sent = await h.say(`risk ${args}`.trim(), { as });
    // Only the answer in this chat: an escalation may reach the CTO's chat meanwhile (every chat
    // that wrote to the bot is reachable).
    const [card] = cardsOf(sent.filter((s) => s.conversationId === `personal-${PERSONAS[as].id}`));
    const [submit] = executeActions(card);
    expect(submit?.verb).toBe('risk.submit');
    return { card: card!, data: submit!.data };
  }

  it('raises a low risk on any project (ChangeMaker) and shows the computed score and level', async () => {
    const { card, data } = await openRiskForm('TR-07');
    expect(cardText(card)).toContain('A score of 15 or more');
    const answer = await h.invoke(
      'risk.submit',
      {
        ...data,
        title: 'Vendor capacity',
        likelihood: '2',
        impact: '3',
        category: 'delivery',
        strategy: 'reduce',
      },
      { as: 'changemaker' },
    );
    const text = cardText(answer.body.value);
    expect(text).toContain('Risk raised');
    expect(text).toContain('Score 6 of 25 · Medium');
  });

  it('raises a confidential risk from the toggle; others do not see it in the register', async () => {
    const { card, data } = await openRiskForm('TR-07', 'owner');
    const toggle = JSON.stringify(card);
    expect(toggle).toContain('"type":"Input.Toggle"');
    expect(toggle).toContain('"id":"confidential"');
    await h.invoke(
      'risk.submit',
      { ...data, title: 'Supplier under investigation', likelihood: '2', impact: '3', confidential: 'true' },
      { as: 'owner' },
    );
    const titles = async (as: string) =>
      (
        await h.t.json<{ items: Array<{ title: string; confidential: boolean }> }>(
          '/api/v1/risks?projectId=TR-07',
          { as },
        )
      ).body.items
        .filter((r) => r.title === 'Supplier under investigation')
        .map((r) => r.confidential);
    expect(await titles('p-owner')).toEqual([true]);
    expect(await titles('p-viewer')).toEqual([]);
  });

  it('warns before a risk escalates to the CTO, then raises it once', async () => {
    const { data } = await openRiskForm('website', 'owner');
    const values = { ...data, title: 'Hosting contract lapses', likelihood: '4', impact: '5' };
    const review = await h.invoke('risk.submit', values);
    expect(cardText(review.body.value)).toContain('will be escalated to the Chief Transformation Officer');
    expect(cardText(review.body.value)).toContain('Score 20 of 25 · Critical');
    const [confirm] = executeActions(review.body.value);
    expect(confirm?.verb).toBe('risk.confirm');
    // The client sends the card's inputs (title, description, mitigation) with the action's data.
    const confirmData = { ...inputValues(review.body.value), ...confirm!.data };
    expect(confirmData.title).toBe('Hosting contract lapses');
    const saved = await h.invoke('risk.confirm', confirmData);
    expect(cardText(saved.body.value)).toContain('The Chief Transformation Officer has been notified.');
    const replay = await h.invoke('risk.confirm', confirmData);
    expect(cardText(replay.body.value)).toContain('already raised');
    const risks = await h.t.json<{ items: Array<{ title: string; status: string }> }>(
      '/api/v1/risks?limit=200',
      { as: 'p-cto' },
    );
    expect(risks.body.items.filter((r) => r.title === 'Hosting contract lapses')).toEqual([
      expect.objectContaining({ status: 'escalated' }),
    ]);
  });

  it('lands a viewer’s risk as proposed for the owner', async () => {
    const { card, data } = await openRiskForm('TR-08', 'viewer');
    expect(cardText(card)).toContain('project owner, who will triage it');
    const answer = await h.invoke(
      'risk.submit',
      { ...data, title: 'Data migration risk', likelihood: '5', impact: '5' },
      { as: 'viewer' },
    );
    expect(cardText(answer.body.value)).toContain('sent to the project owner for triage');
    expect(cardText(answer.body.value)).toContain('proposed');
  });

  it('offers my projects and portfolio-wide when no project is named', async () => {
    const { card, data } = await openRiskForm('', 'owner');
    const text = cardText(card);
    expect(text).toContain('Portfolio-wide (no project)');
    expect(text).toContain('TR-07 · New ITU website');
    const answer = await h.invoke('risk.submit', {
      ...data,
      projectId: 'none',
      title: 'Portfolio funding gap',
      likelihood: '1',
      impact: '2',
    });
    expect(cardText(answer.body.value)).toContain('Score 2 of 25 · Low');
  });

  it('shows the form again when the title is missing', async () => {
    const { data } = await openRiskForm('TR-07');
    const answer = await h.invoke(
      'risk.submit',
      { ...data, title: ' ', likelihood: '9' },
      { as: 'changemaker', locale: 'ar-SA' },
    );
    const card = answer.body.value as { rtl?: boolean };
    expect(card.rtl).toBe(true);
    expect(cardText(card)).toContain('يرجى مراجعة النموذج');
  });

  it('goes back to the form with the values on "Change"', async () => {
    const { data } = await openRiskForm('TR-07', 'owner');
    const answer = await h.invoke('risk.edit', {
      ...data,
      title: 'Keep my words',
      likelihood: '5',
      impact: '5',
    });
    const card = answer.body.value;
    expect(JSON.stringify(card)).toContain('"value":"Keep my words"');
  });
});

describe('invalid card actions', () => {
  it('answers an unknown verb with a localised 400', async () => {
    const answer = await h.invoke('nope.verb', {}, { as: 'viewer', locale: 'ru-RU' });
    expect(answer.httpStatus).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect((answer.body.value as { message: string }).message).toContain('кнопка');
  });

  it('answers data of the wrong shape with a localised 400', async () => {
    const answer = await h.invoke(
      'statusUpdate.submit',
      { projectId: 5, period: 'yesterday' },
      { as: 'viewer', locale: 'zh-CN' },
    );
    expect(answer.body.statusCode).toBe(400);
    expect((answer.body.value as { message: string }).message).toContain('无法处理此卡片');
  });

  it('answers an invoke without an action with a 400, not a crash', async () => {
    const answer = await h.invoke(undefined, undefined, { rawValue: { nothing: true } });
    expect(answer.body.statusCode).toBe(400);
  });

  it('answers a fallback submit with an unknown verb in a message', async () => {
    const sent = await h.say('', { value: { verb: 'made.up' } });
    expect(sent[0]?.activity.text).toContain('not supported');
  });
});

describe('people who may not act', () => {
  it('someone not on the roster cannot post an update, and is told why', async () => {
    const sent = await h.say('update TR-07', { as: 'stranger' });
    expect(sent[0]?.activity.text).toContain('Only the owner and leads of TR-07');
  });

  it('a person made inactive is told their access is not active, in words and on cards', async () => {
    // The analyst (Transformation Office) leads TR-11 and may update it while active.
    const before = await h.say('update TR-11', { as: 'analyst' });
    const [submit] = executeActions(cardsOf(before)[0]);
    expect(submit?.verb).toBe('statusUpdate.submit');
    const cto = (await h.t.app.services.roster.findById('p-cto'))!;
    const analyst = (await h.t.app.services.roster.findById('p-analyst'))!;
    await h.t.app.services.roster.update(
      { actor: cto, surface: 'api', correlationId: 'test', locale: 'en' },
      'p-analyst',
      { active: false },
      analyst.version,
    );
    const after = await h.say('update TR-11', { as: 'analyst' });
    expect(after[0]?.activity.text).toContain('Your access to Transformation Hub is not active');
    const answer = await h.invoke('statusUpdate.submit', { ...submit!.data, ...inputs }, { as: 'analyst' });
    expect(answer.body.value).toContain('Your access to Transformation Hub is not active');
    const risk = await h.invoke(
      'risk.submit',
      { submissionKey: 'inactive-1', projectId: 'TR-11', title: 'Any risk', likelihood: '1', impact: '1' },
      { as: 'analyst' },
    );
    expect(risk.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(risk.body.value).toContain('Your access to Transformation Hub is not active');
  });
});
