// A person's notices (issue 12 item 10): how a notice names the item it is about, on every kind of
// item, and that each person reads and dismisses only their own, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../bot/domain/notice.js';
import { describeTarget } from '../../bot/services/notices.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const AI02 = { id: 'prj-ai-02', code: 'AI-02' };

describe('describeTarget', () => {
  it('names each kind of item by its title, week or name, with its project', async () => {
    const store = t.app.store;
    const update = (await store.statusUpdates.listByProject(AI02.id, { limit: 1 })).items[0]!;
    const milestone = (await store.milestones.list({ projectId: AI02.id, limit: 1 })).items[0]!;
    const cases = [
      ['project', AI02.id, (await store.projects.get(AI02.id))!.title],
      ['status-update', update.id, update.period],
      ['risk', 'rsk-ai-02-01', (await store.risks.get('rsk-ai-02-01'))!.title],
      ['milestone', milestone.id, milestone.title],
      ['kpi', 'kpi-copilot-trained', (await store.kpis.get('kpi-copilot-trained'))!.title],
    ] as const;
    for (const [entity, id, subject] of cases) {
      const target = await describeTarget(store, entity, id, null);
      expect(target, entity).toEqual({ subject, project: expect.objectContaining(AI02) });
    }
    expect(await describeTarget(store, 'person', 'p-owner', null)).toEqual({
      subject: 'Daniel Mwangi',
      project: null,
    });
    // Gone (a create that never took effect): its id, and the project the audit named.
    expect(await describeTarget(store, 'risk', 'rsk-gone', AI02.id)).toEqual({
      subject: 'rsk-gone',
      project: expect.objectContaining(AI02),
    });
    expect(await describeTarget(store, 'settings', 'settings', null)).toEqual({
      subject: 'settings',
      project: null,
    });
  });
});

describe('GET /api/v1/me/notices and dismissing one', () => {
  const notice = (id: string, personId: string, minute: number): Notice => ({
    id,
    personId,
    kind: 'write-rejected',
    createdAt: new Date(Date.parse('2026-11-25T10:00:00Z') + minute * 60_000).toISOString(),
    dismissedAt: null,
    entity: 'risk',
    entityId: 'rsk-ai-02-01',
    op: 'update',
    subject: 'Vendor delay',
    project: { ...AI02, title: 'Copilot for staff' },
  });

  it("lists the caller's own open notices, newest first; a dismissed one never comes back", async () => {
    await t.app.stateStore.notices.add(notice('n-old', 'p-owner', 0));
    await t.app.stateStore.notices.add(notice('n-new', 'p-owner', 5));
    await t.app.stateStore.notices.add(notice('n-cto', 'p-cto', 1));
    const mine = await t.json<{ items: Notice[] }>('/api/v1/me/notices', { as: 'p-owner' });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((n) => n.id)).toEqual(['n-new', 'n-old']);

    const refused = await t.json<{ code: string; detail: string }>('/api/v1/me/notices/n-cto/dismiss', {
      method: 'POST',
      as: 'p-owner',
      lang: 'fr',
    });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('not_found');
    expect(
      (await t.json<{ items: Notice[] }>('/api/v1/me/notices', { as: 'p-cto' })).body.items,
    ).toHaveLength(1);

    const done = await t.call('/api/v1/me/notices/n-new/dismiss', { method: 'POST', as: 'p-owner' });
    expect(done.status).toBe(204);
    await t.app.stateStore.notices.add(notice('n-new', 'p-owner', 5));
    const after = await t.json<{ items: Notice[] }>('/api/v1/me/notices', { as: 'p-owner' });
    expect(after.body.items.map((n) => n.id)).toEqual(['n-old']);
  });
});
