// Reminders at 10:00 Thursday in each owner's own time zone, the second nudge the next working day,
// absences honoured, reminders stopped (and the delivered card replaced) the moment the update
// arrives; risk escalations to every CTO at once, exactly once, with the other copies updated in
// place after one CTO acts. The instance runs with SCHEDULER_ENABLED=false: escalations and stopping
// reminders are driven by the app's own events, not by the schedules.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../bot/domain/person.js';
import { collectAll } from '../../bot/ports/paging.js';
import { reminderKey } from '../../bot/scheduling/reminder-job.js';
import type { RequestContext } from '../../bot/services/context.js';
import { startRateLimitedConnector, type RateLimitedConnector } from '../helpers/rate-limited-connector.js';
import { openInstance, registerConversations, seedPortfolio, type Instance } from './proactive-harness.js';

let dataDir: string;
let connector: RateLimitedConnector;
let i: Instance;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'th-reminders-'));
  connector = await startRateLimitedConnector();
  // Wednesday of week 48; owners have reported up to week 47.
  i = await openInstance(dataDir, { now: '2026-11-25T12:00:00.000Z' });
  await seedPortfolio(i, 40);
  const people = await collectAll((page) => i.app.store.people.list({ active: true, ...page }));
  await registerConversations(i, people, connector.url);
});
afterEach(async () => {
  await i.app.close();
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ctxOf = (actor: Person): RequestContext => ({
  actor,
  surface: 'bot',
  correlationId: 'test',
  locale: 'en',
});
const postsTo = (personId: string) =>
  connector.delivered.filter((d) => d.conversationId === `conv-${personId}` && d.method === 'POST');

async function setZone(person: Person, timeZone: string): Promise<Person> {
  return i.app.store.people.update({ ...person, timeZone }, person.version);
}

describe('reminders', () => {
  it('go out at 10:00 Thursday in each owner’s zone, skip the away, stop when the update arrives', async () => {
    const { reminders } = i.app.proactive;
    // Four late projects, each given its own owner (the synthetic portfolio shares owners widely).
    const people = await collectAll((page) => i.app.store.people.list({ active: true, ...page }));
    const late0 = await reminders.lateProjects('2026-W48');
    const lateOwnerIds = new Set(late0.map((l) => l.owner.id));
    const spare = people.filter((p) => !lateOwnerIds.has(p.id) && p.role !== 'cto').slice(0, 4);
    expect(spare).toHaveLength(4);
    for (const [n, person] of spare.entries()) {
      const project = late0[n]!.project;
      await i.app.store.projects.update({ ...project, ownerId: person.id }, project.version);
    }
    const tokyo = await setZone(spare[0]!, 'Asia/Tokyo');
    const newYork = await setZone(spare[1]!, 'America/New_York');
    const away = spare[2]!;
    const zurich = await setZone(spare[3]!, 'Europe/Zurich');
    // The Zurich owner also gets a second late project.
    const extra = late0.find(
      (l) =>
        !spare.some((p) => p.id === l.project.ownerId) &&
        l !== late0[0] &&
        l !== late0[1] &&
        l !== late0[2] &&
        l !== late0[3],
    )!;
    await i.app.store.projects.update({ ...extra.project, ownerId: zurich.id }, extra.project.version);
    await reminders.setAway(ctxOf(away), '2026-W48');
    const late = await reminders.lateProjects('2026-W48');
    const projectsOf = (id: string) => late.filter((l) => l.owner.id === id).map((l) => l.project);
    expect(projectsOf(zurich.id)).toHaveLength(2);

    // Thursday 02:00 UTC: 11:00 in Tokyo, 03:00 in Zurich, 21:00 Wednesday in New York.
    i.clock.set('2026-11-26T02:00:00.000Z');
    await reminders.sendDue();
    expect(postsTo(tokyo.id)).toHaveLength(projectsOf(tokyo.id).length);
    expect(postsTo(zurich.id)).toHaveLength(0);
    expect(postsTo(newYork.id)).toHaveLength(0);

    // Thursday 09:30 UTC: 10:30 in Zurich; the away owner gets nothing; Tokyo nothing more.
    i.clock.set('2026-11-26T09:30:00.000Z');
    await reminders.sendDue();
    expect(postsTo(zurich.id)).toHaveLength(projectsOf(zurich.id).length);
    expect(postsTo(away.id)).toHaveLength(0);
    expect(postsTo(tokyo.id)).toHaveLength(projectsOf(tokyo.id).length);
    expect(postsTo(newYork.id)).toHaveLength(0);
    const card = postsTo(zurich.id)[0]!.activity.attachments![0]!.content;
    expect(JSON.stringify(card)).toContain('statusUpdate.submit');
    expect(JSON.stringify(card)).toContain('reminder.away');

    // Zurich's owner posts one update: the delivered reminder becomes a thank-you in place.
    const done = projectsOf(zurich.id)[0]!;
    const sentFor = postsTo(zurich.id).find((d) => JSON.stringify(d.activity).includes(done.code))!;
    await i.app.services.statusUpdates.submit(ctxOf(zurich), done.id, {
      health: 'green',
      percentComplete: 50,
      summary: 'On track',
    });
    await i.app.events.drain();
    const put = connector.delivered.find((d) => d.method === 'PUT' && d.activityId === sentFor.activityId);
    expect(JSON.stringify(put?.activity)).toContain(`update for ${done.code} is in`);

    // Friday 09:30 UTC: the second nudge, for what is still missing only.
    i.clock.set('2026-11-27T09:30:00.000Z');
    const before = postsTo(zurich.id).length;
    await reminders.sendDue();
    const second = postsTo(zurich.id).slice(before);
    expect(second).toHaveLength(projectsOf(zurich.id).length - 1);
    expect(second.map((d) => JSON.stringify(d.activity)).join()).not.toContain(`"projectId":"${done.id}"`);
    expect(JSON.stringify(second[0]?.activity ?? {})).toContain('Second reminder');

    // Run again: nothing is sent twice.
    const total = connector.delivered.length;
    await reminders.sendDue();
    expect(connector.delivered.length).toBe(total);
  });
});

describe('an update that arrives before its reminders', () => {
  it('cancels them once; amendments of that week leave the settled records alone', async () => {
    const { reminders } = i.app.proactive;
    const [late] = await reminders.lateProjects('2026-W48');
    const { project, owner } = late!;
    const runs = i.app.stateStore.runs;
    const keys = ['reminder', 'reminder-2', 'reminder-nudge'].map((kind) => ({
      kind,
      period: reminderKey('2026-W48', project.id),
      recipientId: owner.id,
    }));
    const submit = async (percentComplete: number) => {
      await i.app.services.statusUpdates.submit(ctxOf(owner), project.id, {
        health: 'green',
        percentComplete,
        summary: 'On track',
      });
      await i.app.events.drain();
    };

    await submit(50);
    const first = await Promise.all(keys.map((k) => runs.get(k)));
    expect(first.map((r) => r?.status)).toEqual(['skipped', 'skipped', 'skipped']);

    // Amended twice: no claim is tried and no record is written again.
    const claim = vi.spyOn(runs, 'claim');
    const record = vi.spyOn(runs, 'record');
    await submit(55);
    await submit(60);
    expect(claim).not.toHaveBeenCalled();
    expect(record).not.toHaveBeenCalled();
    expect(await Promise.all(keys.map((k) => runs.get(k)))).toEqual(first);

    // And the reminders stay cancelled when they fall due.
    i.clock.set('2026-11-26T09:30:00.000Z');
    await reminders.sendDue();
    i.clock.set('2026-11-27T09:30:00.000Z');
    await reminders.sendDue();
    expect(postsTo(owner.id).filter((d) => JSON.stringify(d.activity).includes(project.code))).toEqual([]);
  });
});

describe('updates that arrive together', () => {
  const kinds = ['reminder', 'reminder-2', 'reminder-nudge'];

  it('are settled in one run-store transaction, each project once', async () => {
    const { reminders } = i.app.proactive;
    const late = (await reminders.lateProjects('2026-W48')).slice(0, 6);
    expect(late).toHaveLength(6);
    const runs = i.app.stateStore.runs;
    const skip = vi.spyOn(runs, 'skipUnclaimed');
    // Arrivals in the same moment (the same project twice among them) share one batch.
    await Promise.all([
      ...late.map((l) => reminders.onUpdateSubmitted(l.project.id, '2026-W48')),
      reminders.onUpdateSubmitted(late[0]!.project.id, '2026-W48'),
    ]);
    expect(skip).toHaveBeenCalledTimes(1);
    expect(skip.mock.calls[0]![0]).toHaveLength(late.length * kinds.length);
    for (const { project, owner } of late) {
      const records = await Promise.all(
        kinds.map((kind) =>
          runs.get({ kind, period: reminderKey('2026-W48', project.id), recipientId: owner.id }),
        ),
      );
      expect(records.map((r) => r?.status)).toEqual(['skipped', 'skipped', 'skipped']);
    }
  });

  it('get their thank-you cards even when one of them cannot be put in place', async () => {
    const { reminders, messenger } = i.app.proactive;
    const cto = (
      await collectAll((page) => i.app.store.people.list({ role: 'cto', active: true, ...page }))
    )[0]!;
    await reminders.nudge(ctxOf(cto), '2026-W48');
    const late = await reminders.lateProjects('2026-W48');
    const first = late[0]!;
    const second = late.find((l) => l.owner.id !== first.owner.id)!;
    expect(postsTo(first.owner.id).length).toBeGreaterThan(0);
    expect(postsTo(second.owner.id).length).toBeGreaterThan(0);
    const update = messenger.update.bind(messenger);
    vi.spyOn(messenger, 'update').mockImplementation((conversation, activityId, message) => {
      if (conversation.personId === first.owner.id)
        return Promise.reject(new Error('card store unavailable'));
      return update(conversation, activityId, message);
    });
    const outcomes = await Promise.allSettled([
      reminders.onUpdateSubmitted(first.project.id, '2026-W48'),
      reminders.onUpdateSubmitted(second.project.id, '2026-W48'),
    ]);
    // The failure is the first arrival's own; the second still gets its card replaced.
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toContain('card store unavailable');
    const reminderOf = (l: typeof first) =>
      postsTo(l.owner.id).find((d) => JSON.stringify(d.activity).includes(`"projectId":"${l.project.id}"`))!;
    const replaced = (l: typeof first) =>
      connector.delivered.filter((d) => d.method === 'PUT' && d.activityId === reminderOf(l).activityId);
    expect(replaced(first)).toEqual([]);
    expect(replaced(second)).toHaveLength(1);
    // The thank-you card, in the owner's own language, names the project and the week.
    expect(JSON.stringify(replaced(second)[0]!.activity)).toContain(second.project.code);
    expect(JSON.stringify(replaced(second)[0]!.activity)).toContain('2026-W48');
  });
});

describe('risk escalations', () => {
  it('go to every CTO at once, exactly once, and the other copies show the outcome', async () => {
    // At once means from the write's own event, even in an instance that runs no schedules.
    expect(i.app.config.schedulerEnabled).toBe(false);
    const ctos = await collectAll((page) => i.app.store.people.list({ role: 'cto', active: true, ...page }));
    expect(ctos.length).toBeGreaterThanOrEqual(1);
    const projects = await collectAll((page) => i.app.store.projects.list(page));
    const project = projects.find((p) => p.phase === 'executing')!;
    const owner = (await i.app.store.people.get(project.ownerId))!;
    const { value: risk } = await i.app.services.risks.raise(ctxOf(owner), {
      projectId: project.id,
      title: 'Vendor insolvency',
      likelihood: 5,
      impact: 5,
    });
    await i.app.events.drain();
    for (const cto of ctos) expect(postsTo(cto.id)).toHaveLength(1);
    const card = JSON.stringify(postsTo(ctos[0]!.id)[0]!.activity.attachments![0]!.content);
    expect(card).toContain('Risk escalated: Vendor insolvency');
    expect(card).toContain('escalation.acknowledge');

    // The event again, and the sweep: no duplicates.
    await i.app.proactive.escalations.notify(risk.id);
    await i.app.proactive.escalations.sweep();
    for (const cto of ctos) expect(postsTo(cto.id)).toHaveLength(1);

    // One CTO acknowledges: audited, their card replaced by the answer, the others updated in place.
    const answer = await i.app.proactive.escalations.act(ctxOf(ctos[0]!), 'acknowledge', risk.id);
    expect(JSON.stringify(answer)).toContain('Acknowledged by');
    const audit = await i.app.store.audit.list({ entityType: 'risk', entityId: risk.id });
    expect(audit.items.some((e) => e.action === 'acknowledge' && e.actorId === ctos[0]!.id)).toBe(true);
    const puts = connector.delivered.filter((d) => d.method === 'PUT');
    expect(puts).toHaveLength(ctos.length - 1);
  });

  it('acted on from the tab: the same services and versions, every copy updated, a stale version refused', async () => {
    const ctos = await collectAll((page) => i.app.store.people.list({ role: 'cto', active: true, ...page }));
    const projects = await collectAll((page) => i.app.store.projects.list(page));
    const project = projects.find((p) => p.phase === 'executing')!;
    const owner = (await i.app.store.people.get(project.ownerId))!;
    const { value: risk } = await i.app.services.risks.raise(ctxOf(owner), {
      projectId: project.id,
      title: 'Data centre lease ends',
      likelihood: 5,
      impact: 4,
    });
    await i.app.events.drain();
    for (const cto of ctos) expect(postsTo(cto.id)).toHaveLength(1);
    const tab = { ...ctxOf(ctos[0]!), surface: 'tab' as const };
    // A version the tab read before a change is a conflict carrying the risk as it stands.
    await expect(
      i.app.proactive.escalations.actFromTab(tab, 'accept', risk.id, risk.version + 1),
    ).rejects.toMatchObject({ code: 'version_conflict', current: { id: risk.id, version: risk.version } });
    const newOwner = ctos[ctos.length - 1]!;
    const after = await i.app.proactive.escalations.actFromTab(
      tab,
      'reassign',
      risk.id,
      risk.version,
      newOwner.id,
    );
    expect(after).toMatchObject({ ownerId: newOwner.id, escalation: { acknowledgedById: ctos[0]!.id } });
    expect(after.version).toBeGreaterThan(risk.version);
    // Every CTO's card (the actor's too: they acted outside it) now shows the outcome.
    const puts = connector.delivered.filter((d) => d.method === 'PUT');
    expect(puts).toHaveLength(ctos.length);
    expect(JSON.stringify(puts[0]!.activity)).toContain(newOwner.name);
    // The card's button, built from the old version, now changes nothing and shows the risk as it stands.
    const stale = await i.app.proactive.escalations.act(
      ctxOf(ctos[0]!),
      'acknowledge',
      risk.id,
      undefined,
      risk.version,
    );
    expect((await i.app.store.risks.get(risk.id))!.version).toBe(after.version);
    expect(JSON.stringify(stale)).toContain(newOwner.name);
  });
});

describe('nudge from Needs attention', () => {
  it("reminds one late project's owner once per week; a non-lead is refused", async () => {
    const period = i.app.proactive.reminders.currentPeriod();
    const late = await i.app.proactive.reminders.lateProjects(period);
    expect(late.length).toBeGreaterThan(0);
    const { project, owner } = late[0]!;
    const ctos = await collectAll((page) => i.app.store.people.list({ role: 'cto', active: true, ...page }));
    const before = postsTo(owner.id).length;
    const first = await i.app.proactive.reminders.nudgeProject(ctxOf(ctos[0]!), project.code);
    expect(first).toMatchObject({ recipients: 1, delivered: 1 });
    expect(postsTo(owner.id)).toHaveLength(before + 1);
    expect(JSON.stringify(postsTo(owner.id).at(-1)!.activity)).toContain(project.code);
    const again = await i.app.proactive.reminders.nudgeProject(ctxOf(ctos[0]!), project.id);
    expect(again).toMatchObject({ delivered: 0, already: 1 });
    const settings = await i.app.services.settings.current();
    const leads = new Set(Object.values(settings.pillarLeads).flat());
    const outsider = (
      await collectAll((page) => i.app.store.people.list({ active: true, role: 'changemaker', ...page }))
    ).find((p) => !leads.has(p.id))!;
    await expect(i.app.proactive.reminders.nudgeProject(ctxOf(outsider), project.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const audit = await i.app.store.audit.list({ entityType: 'project', entityId: project.id });
    expect(audit.items.filter((e) => e.action === 'nudge')).toHaveLength(2);
  });
});
