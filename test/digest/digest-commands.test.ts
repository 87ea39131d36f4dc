// The proactive commands and card verbs through POST /api/messages, as Teams sends them: digest
// preview and send (cto only), subscribe / unsubscribe (pillar leads), away, unreachable (cto), the
// digest's acknowledge and nudge, the reminder's "away", the escalation's acknowledge / accept /
// reassign (audited, card replaced), and the /api/v1 routes for absences and unreachable people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAll } from '../../bot/ports/paging.js';
import { runLeaseName } from '../../bot/services/digest-runs.js';
import { DIGEST_KIND } from '../../bot/scheduling/digest-job.js';
import { cardsOf, cardText, executeActions, startBotHarness, type BotHarness } from '../bot/bot-harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
  // Every persona has talked to the bot once (their conversation is known).
  for (const as of ['cto', 'owner', 'viewer'] as const) {
    await h.post({ ...h.activity('installationUpdate', { as }), action: 'add' });
  }
});
afterAll(() => h.close());

/** The replies' text (proactive cards sent during the same turn carry none). */
const textOf = (sent: Awaited<ReturnType<BotHarness['say']>>) =>
  sent
    .map((s) => s.activity.text ?? '')
    .filter(Boolean)
    .join('\n');

async function escalatedRisk() {
  const risks = await collectAll((page) => h.t.app.store.risks.list({ status: ['escalated'], ...page }));
  const risk = risks.find((r) => r.escalation && !r.escalation.acknowledgedAt);
  if (!risk) throw new Error('the demo has no unacknowledged escalated risk');
  return risk;
}

describe('digest commands', () => {
  it('digest: a preview card of the last complete week, to the person who asked', async () => {
    const cards = cardsOf(await h.say('digest', { as: 'cto' }));
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('Weekly portfolio digest');
    expect(text).toContain('Week 2026-W47');
    expect(text).toContain('Preview: only you see this card.');
  });

  it('digest in French for a French-speaking client', async () => {
    const cards = cardsOf(await h.say('digest', { as: 'viewer', locale: 'fr-FR' }));
    expect(cardText(cards[0])).toContain('Synthèse hebdomadaire du portefeuille');
    expect(cardText(cards[0])).toContain('Aperçu : vous seul voyez cette carte.');
  });

  it('digest send: refused (and audited) for everyone but the Transformation Office', async () => {
    expect(textOf(await h.say('digest send', { as: 'owner' }))).toContain('Only the Transformation Office');
    const audit = await h.t.app.store.audit.list({ entityType: 'settings', entityId: 'digest' });
    expect(audit.items.some((e) => e.action === 'forbidden')).toBe(true);
  });

  it('digest send (cto): sends once; a second send finds it already sent', async () => {
    const first = textOf(await h.say('digest send', { as: 'cto' }));
    expect(first).toMatch(
      /^Digest for 2026-W47: \d+ delivered, 0 already sent, \d+ unreachable, 0 failed\.$/,
    );
    const delivered = Number(/: (\d+) delivered/.exec(first)![1]);
    expect(delivered).toBeGreaterThanOrEqual(1);
    const second = textOf(await h.say('digest send', { as: 'cto' }));
    expect(second).toMatch(new RegExp(`0 delivered, ${delivered} already sent`));
  });

  it('digest send while another instance holds the run: says so instead of printing zero counts', async () => {
    const period = h.t.app.proactive.digest.currentPeriod();
    const lease = runLeaseName(DIGEST_KIND, period);
    const now = h.t.clock.now();
    expect(await h.t.app.stateStore.leases.acquire(lease, 'another-instance', 60_000, now)).toBe(true);
    try {
      const answer = textOf(await h.say('digest send', { as: 'cto' }));
      expect(answer).toBe(
        `Digest for ${period} is being sent by another instance of the app right now. Try again in a few minutes to see the counts.`,
      );
    } finally {
      await h.t.app.stateStore.leases.release(lease, 'another-instance');
    }
  });

  it('digest send in the other languages: the word the help card shows ("synthèse [envoyer]")', async () => {
    // The CTO reads English; what counts is that each phrase reaches the send (already sent by now).
    for (const phrase of [
      'synthèse envoyer',
      'resumen enviar',
      'сводка отправить',
      '摘要 发送',
      'الملخص إرسال',
    ]) {
      expect(textOf(await h.say(phrase, { as: 'cto' })), phrase).toMatch(
        /^Digest for 2026-W47: 0 delivered, \d+ already sent/,
      );
    }
    // Anything else after the keyword gets the usage, in the person's language with its own words.
    expect(textOf(await h.say('synthèse maintenant', { as: 'viewer', locale: 'fr-FR' }))).toBe(
      'Tapez « synthèse » pour un aperçu, ou « synthèse envoyer » pour l’envoyer maintenant à tous les destinataires.',
    );
  });

  it('subscribe / unsubscribe digest: for pillar leads; others are told why', async () => {
    expect(textOf(await h.say('subscribe digest', { as: 'viewer' }))).toContain('pillar leads');
    expect(textOf(await h.say('subscribe digest', { as: 'owner' }))).toContain(
      'you will receive the weekly digest',
    );
    expect(textOf(await h.say('subscribe digest', { as: 'owner' }))).toContain('already receive');
    expect((await h.t.app.services.settings.current()).digestSubscribers).toContain('p-owner');
    expect(textOf(await h.say('unsubscribe digest', { as: 'owner' }))).toContain('no longer receive');
    expect(textOf(await h.say('unsubscribe digest', { as: 'owner' }))).toContain('were not subscribed');
    expect((await h.t.app.services.settings.current()).digestSubscribers).not.toContain('p-owner');
  });

  it('away: this week, a later week, and a refused past week', async () => {
    expect(textOf(await h.say('away', { as: 'owner' }))).toContain('away for week 2026-W48');
    expect(textOf(await h.say('away 2026-w50', { as: 'owner' }))).toContain('away for week 2026-W50');
    expect(textOf(await h.say('away 2020-W01', { as: 'owner' }))).toContain('Give a week such as 2026-W48');
    expect(await h.t.app.proactive.reminders.awayPeriods('p-owner')).toEqual(['2026-W48', '2026-W50']);
  });

  it('unreachable: the CTO gets the list; others are refused', async () => {
    expect(textOf(await h.say('unreachable', { as: 'cto' }))).toMatch(/reachable|Unreachable people/);
    expect(textOf(await h.say('unreachable', { as: 'viewer' }))).not.toMatch(/Unreachable people/);
  });
});

describe('proactive card verbs', () => {
  it('digest.acknowledge: the card shows who acknowledged, and the audit log has it', async () => {
    const answer = await h.invoke('digest.acknowledge', { period: '2026-W47' }, { as: 'cto' });
    expect(answer.body.statusCode).toBe(200);
    expect(cardText(answer.body.value)).toContain('Acknowledged by Nadia Rahimi');
    const audit = await h.t.app.store.audit.list({ entityType: 'person', entityId: 'p-cto' });
    expect(audit.items.some((e) => e.action === 'acknowledge' && e.reason === 'digest 2026-W47')).toBe(true);
  });

  it('digest.nudge: the CTO nudges late owners; a viewer is refused', async () => {
    const refused = await h.invoke('digest.nudge', { period: '2026-W48' }, { as: 'viewer' });
    expect(JSON.stringify(refused.body)).not.toContain('Nudged');
    const answer = await h.invoke('digest.nudge', { period: '2026-W48' }, { as: 'cto' });
    expect(answer.body.statusCode).toBe(200);
    expect(cardText(answer.body.value)).toMatch(/Nudged \d+ owners?\.|No owner to nudge\./);
    // The nudge is audited (who, when, which week); the viewer's refusal too.
    const audit = await h.t.app.store.audit.list({ entityType: 'settings', entityId: 'digest' });
    expect(audit.items.filter((e) => e.action === 'nudge')).toEqual([
      expect.objectContaining({
        actorId: 'p-cto',
        reason: expect.stringMatching(/^digest 2026-W48: \d+ late$/),
      }),
    ]);
    expect(audit.items.some((e) => e.action === 'forbidden' && e.actorId === 'p-viewer')).toBe(true);
  });

  it('rejects invalid verb data with a 400, not a crash', async () => {
    const answer = await h.invoke('digest.acknowledge', { period: 'next week' }, { as: 'cto' });
    expect(answer.body.statusCode).toBe(400);
  });

  it('reminder.away: the reminder becomes the confirmation', async () => {
    const answer = await h.invoke('reminder.away', { period: '2026-W49' }, { as: 'owner' });
    expect(cardText(answer.body.value)).toContain('away for week 2026-W49');
  });

  it('escalation verbs: acknowledge, then reassign; audited; refused for a viewer', async () => {
    const risk = await escalatedRisk();
    const refused = await h.invoke('escalation.acknowledge', { riskId: risk.id }, { as: 'viewer' });
    expect(JSON.stringify(refused.body.value)).not.toContain('Acknowledged by');
    const ack = await h.invoke('escalation.acknowledge', { riskId: risk.id }, { as: 'cto' });
    expect(cardText(ack.body.value)).toContain('Acknowledged by Nadia Rahimi');
    expect((await h.t.app.store.risks.get(risk.id))?.escalation?.acknowledgedAt).toBeTruthy();
    const reassigned = await h.invoke(
      'escalation.reassign',
      { riskId: risk.id, ownerId: 'p-owner' },
      { as: 'cto' },
    );
    expect(cardText(reassigned.body.value)).toContain('Reassigned to Daniel Mwangi');
    expect((await h.t.app.store.risks.get(risk.id))?.ownerId).toBe('p-owner');
    const audit = await h.t.app.store.audit.list({ entityType: 'risk', entityId: risk.id });
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['acknowledge', 'update', 'forbidden']),
    );
  });

  it('escalation.accept: the CTO accepts the risk', async () => {
    const risks = await collectAll((page) => h.t.app.store.risks.list({ status: ['escalated'], ...page }));
    const risk = risks.find((r) => r.escalation);
    expect(risk, 'an escalated risk in the demo').toBeDefined();
    if (!risk) return;
    const answer = await h.invoke('escalation.accept', { riskId: risk.id }, { as: 'cto' });
    expect(cardText(answer.body.value)).toContain('Risk accepted by Nadia Rahimi');
    expect((await h.t.app.store.risks.get(risk.id))?.strategy).toBe('accept');
  });
});

describe('escalation card sent at once, then acted on late', () => {
  it('answers a card older than the risk with the risk as it stands, and a closed risk offers no actions', async () => {
    const raised = await h.t.json<{ id: string; version: number; status: string }>('/api/v1/risks', {
      method: 'POST',
      as: 'p-owner',
      json: { projectId: 'TR-07', title: 'Cloud contract lapses', likelihood: 5, impact: 5 },
    });
    expect(raised.body.status).toBe('escalated');
    await h.t.app.events.drain();
    // Every CTO received it at once (the test app runs no schedules), with the risk version in its actions.
    const ctos = await collectAll((page) =>
      h.t.app.store.people.list({ role: 'cto', active: true, ...page }),
    );
    const all = h.connector.sent.filter((s) => cardText(cardsOf([s])[0]).includes('Cloud contract lapses'));
    expect(all).toHaveLength(ctos.length);
    const sent = all.filter((s) => s.conversationId === 'personal-29:cto');
    expect(sent).toHaveLength(1);
    const accept = executeActions(cardsOf(sent)[0]).find((a) => a.verb === 'escalation.accept')!;
    expect(accept.data).toEqual({ riskId: raised.body.id, version: raised.body.version });

    // The owner changes the risk; the CTO then presses "Accept" on the card sent before.
    const patched = await h.t.json<{ version: number }>(`/api/v1/risks/${raised.body.id}`, {
      method: 'PATCH',
      as: 'p-owner',
      headers: { 'if-match': `"${raised.body.version}"` },
      json: { mitigation: 'Second supplier signed.' },
    });
    expect(patched.status).toBe(200);
    const stale = await h.invoke('escalation.accept', accept.data, { as: 'cto' });
    expect(cardText(stale.body.value)).toContain('This risk changed after this card was sent');
    expect(cardText(stale.body.value)).toContain('Second supplier signed.');
    expect(cardText(stale.body.value)).not.toContain('Risk accepted by');
    const unchanged = await h.t.app.store.risks.get(raised.body.id);
    expect(unchanged).toMatchObject({ status: 'escalated', version: patched.body.version });
    expect(unchanged?.strategy).not.toBe('accept');

    // From the current card, the same button works.
    const fresh = executeActions(stale.body.value).find((a) => a.verb === 'escalation.accept')!;
    const accepted = await h.invoke('escalation.accept', fresh.data, { as: 'cto' });
    expect(cardText(accepted.body.value)).toContain('Risk accepted by Nadia Rahimi');
    expect((await h.t.app.store.risks.get(raised.body.id))?.strategy).toBe('accept');

    // Closed meanwhile: even a current card changes nothing and offers no action but the link.
    const open = (await h.t.app.store.risks.get(raised.body.id))!;
    const closed = await h.t.json<{ version: number }>(`/api/v1/risks/${raised.body.id}`, {
      method: 'PATCH',
      as: 'p-owner',
      headers: { 'if-match': `"${open.version}"` },
      json: { status: 'closed' },
    });
    expect(closed.status).toBe(200);
    const late = await h.invoke(
      'escalation.reassign',
      { riskId: raised.body.id, version: closed.body.version, ownerId: 'p-cto' },
      { as: 'cto' },
    );
    expect(cardText(late.body.value)).toContain('This risk changed after this card was sent');
    expect(executeActions(late.body.value)).toEqual([]);
    expect((await h.t.app.store.risks.get(raised.body.id))?.ownerId).not.toBe('p-cto');
  });
});

describe('explicit escalation', () => {
  it('a low risk escalated by hand goes to the CTO at once, saying who escalated it', async () => {
    const raised = await h.t.json<{ id: string; version: number; status: string }>('/api/v1/risks', {
      method: 'POST',
      as: 'p-owner',
      json: { projectId: 'TR-07', title: 'Translator shortage', likelihood: 2, impact: 2 },
    });
    expect(raised.body.status).toBe('open');
    await h.t.app.events.drain();
    const toCto = () =>
      h.connector.sent.filter(
        (s) =>
          s.conversationId === 'personal-29:cto' && cardText(cardsOf([s])[0]).includes('Translator shortage'),
      );
    expect(toCto()).toEqual([]);
    const escalated = await h.t.json<{ status: string }>(`/api/v1/risks/${raised.body.id}`, {
      method: 'PATCH',
      as: 'p-owner',
      headers: { 'if-match': `"${raised.body.version}"` },
      json: { escalate: true },
    });
    expect(escalated.body.status).toBe('escalated');
    await h.t.app.events.drain();
    expect(toCto()).toHaveLength(1);
    expect(cardText(cardsOf(toCto())[0])).toContain('Escalated by Daniel Mwangi.');
  });
});

describe('proactive API', () => {
  it('POST/GET/DELETE /api/v1/me/away', async () => {
    const posted = await h.t.json('/api/v1/me/away', {
      method: 'POST',
      as: 'p-viewer',
      json: { period: '2026-W51' },
    });
    expect(posted).toMatchObject({ status: 200, body: { period: '2026-W51' } });
    const bad = await h.t.json('/api/v1/me/away', {
      method: 'POST',
      as: 'p-viewer',
      json: { period: '2019-W01' },
    });
    expect(bad.status).toBe(400);
    expect((await h.t.json('/api/v1/me/away', { as: 'p-viewer' })).body).toEqual({ items: ['2026-W51'] });
    expect(
      // No body and no Content-Type, as browsers and curl send a DELETE.
      (await h.t.call('/api/v1/me/away/2026-W51', { method: 'DELETE', as: 'p-viewer' })).status,
    ).toBe(204);
    expect((await h.t.json('/api/v1/me/away', { as: 'p-viewer' })).body).toEqual({ items: [] });
  });

  it('someone who blocked the bot is listed for the CTO, with the reason (command and API)', async () => {
    const analyst = await h.t.app.stateStore.conversations.getPersonal('p-analyst');
    expect(analyst, 'the escalations above opened a chat with every CTO').toBeDefined();
    // An hour later than the deliveries above (the latest record per person counts).
    h.t.clock.set('2026-11-25T15:00:00.000Z');
    h.connector.intercept = (req) =>
      req.method === 'POST' && decodeURIComponent(req.url ?? '').includes(analyst!.conversationId)
        ? {
            status: 403,
            body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the bot' } },
          }
        : undefined;
    try {
      const raised = await h.t.json<{ status: string }>('/api/v1/risks', {
        method: 'POST',
        as: 'p-owner',
        json: { projectId: 'TR-09', title: 'Key supplier exits', likelihood: 4, impact: 5 },
      });
      expect(raised.body.status).toBe('escalated');
      await h.t.app.events.drain();
    } finally {
      h.connector.intercept = undefined;
    }
    const api = await h.t.json<{ items: Array<{ personId: string; reason: string; kind: string }> }>(
      '/api/v1/proactive/unreachable',
      { as: 'p-cto' },
    );
    expect(api.status).toBe(200);
    expect(api.body.items).toEqual([
      expect.objectContaining({
        personId: 'p-analyst',
        reason: 'blocked',
        kind: 'escalation',
        period: '2026-W48',
      }),
    ]);
    expect(textOf(await h.say('unreachable', { as: 'cto' }))).toMatch(
      /^Unreachable people \(1\)\nTomás Herrera: they blocked the bot \(escalation, 2026-W48\)$/,
    );
    expect(textOf(await h.say('injoignables', { as: 'viewer', locale: 'fr-FR' }))).not.toContain('Tomás');
  });

  it('GET /api/v1/proactive/unreachable: cto only', async () => {
    expect((await h.t.json('/api/v1/proactive/unreachable', { as: 'p-viewer' })).status).toBe(403);
    const ok = await h.t.json<{ items: unknown[] }>('/api/v1/proactive/unreachable', { as: 'p-cto' });
    expect(ok.status).toBe(200);
    expect(Array.isArray(ok.body.items)).toBe(true);
  });
});
