// Issue 12 item 10: a queued write refused when replayed is audited as `sync-rejected` (naming its
// author), and the author hears about it from the bot in their language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAll } from '../../bot/ports/paging.js';
import { reportRejectedWrite } from '../../bot/services/rejected-writes.js';
import { startBotHarness, type BotHarness } from '../bot/bot-harness.js';
import { buildAuditEvent } from '../helpers/fixtures.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.connector.close();
  await h.t.close();
});

describe('a queued write SharePoint refused', () => {
  it('is audited as sync-rejected with its author, who is told in their language', async () => {
    const app = h.t.app;
    await h.post({ ...h.activity('installationUpdate', { as: 'owner' }), action: 'add' });
    const project = (await app.store.projects.list({ limit: 50 })).items.find(
      (p) => p.ownerId === 'p-owner',
    )!;
    const risk = await h.t.json<{ id: string }>('/api/v1/risks', {
      method: 'POST',
      as: 'p-owner',
      json: { projectId: project.id, title: 'Vendor delay', likelihood: 2, impact: 2 },
    });
    expect(risk.status).toBe(201);
    await app.store.people.update(
      { ...(await app.store.people.get('p-owner'))!, locale: 'fr' },
      (await app.store.people.get('p-owner'))!.version,
    );
    h.connector.reset();

    const deps = {
      services: app.services,
      state: app.stateStore,
      messenger: app.proactive.messenger,
      defaultLocale: 'en' as const,
      logger: app.logger,
    };
    await reportRejectedWrite(deps, {
      entity: 'risk',
      entityId: risk.body.id,
      op: 'update',
      reason: 'version conflict',
    });

    const events = await collectAll((page) =>
      app.store.audit.list({ entityType: 'risk', entityId: risk.body.id, ...page }),
    );
    const rejected = events.find((e) => e.action === 'sync-rejected');
    expect(rejected).toMatchObject({ actorId: 'system', surface: 'job', projectId: project.id });
    expect(rejected?.changes).toEqual([{ field: 'author', before: null, after: 'p-owner' }]);
    expect(rejected?.reason).toContain('version conflict');
    const sent = await h.connector.waitFor(1);
    expect(sent[0]?.conversationId).toBe('personal-29:owner');
    expect(sent[0]?.activity.text).toContain("n'a pas pu être appliquée");
    // It names the item as the tab's notice does: its title and its project's code.
    expect(sent[0]?.activity.text).toContain(`risque “Vendor delay” · ${project.code}`);
    // The tab's notice names the item and its project, for the author only.
    expect(await app.stateStore.notices.listOpen('p-owner')).toEqual([
      expect.objectContaining({
        kind: 'write-rejected',
        entity: 'risk',
        entityId: risk.body.id,
        op: 'update',
        subject: 'Vendor delay',
        // With its titles in the other languages, for each reader's own.
        project: { id: project.id, code: project.code, title: project.title, titles: project.titles },
      }),
    ]);
    expect(await app.stateStore.notices.listOpen('p-cto')).toEqual([]);

    // A refused change to the project itself is named by the project's title in the author's language.
    h.connector.reset();
    expect(project.titles?.fr).toBeTruthy();
    // The owner's own (queued) change to the project, as its history holds it.
    await app.store.audit.append(
      buildAuditEvent({
        entityType: 'project',
        entityId: project.id,
        projectId: project.id,
        actorId: 'p-owner',
      }),
    );
    await reportRejectedWrite(deps, {
      entity: 'project',
      entityId: project.id,
      op: 'update',
      reason: 'version conflict',
    });
    const [told] = await h.connector.waitFor(1);
    expect(told?.activity.text).toContain(`${project.code} “${project.titles!.fr!}”`);
    expect(told?.activity.text).not.toContain(project.title);
  });

  it('names the item by its id when it is gone, and tells nobody when no author is known', async () => {
    const app = h.t.app;
    const deps = {
      services: app.services,
      state: app.stateStore,
      messenger: app.proactive.messenger,
      defaultLocale: 'en' as const,
      logger: app.logger,
    };
    await reportRejectedWrite(deps, { entity: 'milestone', entityId: 'mst-gone', op: 'create', reason: 'x' });
    await reportRejectedWrite(deps, { entity: 'not-an-entity', entityId: 'x', op: 'create', reason: 'x' });
    expect(
      (await app.stateStore.notices.listOpen('p-owner')).filter((n) => n.entityId === 'mst-gone'),
    ).toEqual([]);
  });
});
