// Answers kept between reads until the data may have changed: the KeptAnswers cache itself, the
// portfolio summary and the project list pages the project service keeps (bot/services/kept-answers.ts).
// Each kept answer must be served again while nothing changed, and never once something did: a
// write through this store, a write by another instance on the same database, the period turning,
// the clock moving the days since an update.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeptAnswers } from '../../bot/services/kept-answers.js';
import { buildStatusUpdate } from '../helpers/fixtures.js';
import { createHarness, CURRENT_PERIOD, PROJECT, type Harness } from './service-harness.js';

describe('KeptAnswers', () => {
  it('computes an answer once per key and generation, and again when the generation moves', async () => {
    const kept = new KeptAnswers<number>();
    let computed = 0;
    const compute = () => Promise.resolve(++computed);
    expect(await kept.get('g1', 'a', compute)).toBe(1);
    expect(await kept.get('g1', 'a', compute)).toBe(1);
    expect(await kept.get('g1', 'b', compute)).toBe(2);
    expect(await kept.get('g2', 'a', compute)).toBe(3);
    // The older generation's answers are gone, not merely shadowed.
    expect(kept.size).toBe(1);
    expect(await kept.get('g2', 'b', compute)).toBe(4);
  });

  it('keeps at most `max` answers, dropping the least recently used', async () => {
    const kept = new KeptAnswers<string>(2);
    const answer = (k: string) => () => Promise.resolve(`${k}-${Math.random()}`);
    const a = await kept.get('g', 'a', answer('a'));
    await kept.get('g', 'b', answer('b'));
    expect(await kept.get('g', 'a', answer('a'))).toBe(a); // a is now the most recent
    await kept.get('g', 'c', answer('c')); // b goes
    expect(kept.size).toBe(2);
    expect(await kept.get('g', 'a', answer('a'))).toBe(a);
    const b = await kept.get('g', 'b', answer('b'));
    expect(b).toMatch(/^b-/);
  });

  it('does not keep an answer computed while a newer generation was seen', async () => {
    const kept = new KeptAnswers<number>();
    let release: () => void = () => undefined;
    const slow = kept.get('g1', 'a', () => new Promise<number>((r) => (release = () => r(1))));
    expect(await kept.get('g2', 'a', () => Promise.resolve(2))).toBe(2);
    release();
    expect(await slow).toBe(1);
    expect(await kept.get('g2', 'a', () => Promise.resolve(3))).toBe(2);
  });
});

describe('kept portfolio answers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  const submit = (projectId: string, health: 'green' | 'amber' | 'red') =>
    h.services.statusUpdates.submit(h.ctx.cto, projectId, {
      period: CURRENT_PERIOD,
      health,
      percentComplete: 40,
      summary: 'Weekly update.',
    });
  const totals = async () => (await h.services.projects.summary(h.ctx.viewer)).totals;

  it('the summary is read from the facts once, and again after a write', async () => {
    const listFacts = vi.spyOn(h.store.readModels, 'listFacts');
    const first = await totals();
    await totals();
    expect(listFacts).toHaveBeenCalledTimes(1);

    await submit(PROJECT.erp, 'red');
    const after = await totals();
    expect(listFacts).toHaveBeenCalledTimes(2);
    expect(after).not.toEqual(first);
    expect(after.health.red).toBe(first.health.red + 1);
  });

  it('the summary sees a write by another instance on the same database', async () => {
    const first = await totals();
    const other = h.openOtherInstance();
    await other.statusUpdates.create(
      buildStatusUpdate({ id: 'su-other', projectId: PROJECT.web, period: CURRENT_PERIOD, health: 'red' }),
    );
    expect((await totals()).health.red).toBe(first.health.red + 1);
  });

  it('the summary is worked out again when the period turns, and a caller cannot change it', async () => {
    const mine = await h.services.projects.summary(h.ctx.viewer);
    expect(mine.period).toBe(CURRENT_PERIOD);
    mine.totals.projects = -1;
    mine.pillars.length = 0;
    const again = await h.services.projects.summary(h.ctx.viewer);
    expect(again.totals.projects).toBe(3);
    expect(again.pillars.length).toBeGreaterThan(0);

    h.clock.set('2026-12-02T14:00:00.000Z');
    expect((await h.services.projects.summary(h.ctx.viewer)).period).toBe('2026-W49');
  });

  it('a page of the project list is kept until a project changes, by anyone', async () => {
    const list = vi.spyOn(h.store.projects, 'list');
    const page = await h.services.projects.overview(h.ctx.viewer, {});
    expect(await h.services.projects.overview(h.ctx.viewer, {})).toBe(page);
    expect(list).toHaveBeenCalledTimes(1);
    // Kept pages are shared: frozen, so no caller changes another's.
    expect(Object.isFrozen(page) && Object.isFrozen(page.items) && Object.isFrozen(page.items[0])).toBe(true);

    // A title changed through this store...
    await h.services.projects.update(h.ctx.cto, PROJECT.erp, { title: 'ERP renewed' }, h.project.erp.version);
    const renamed = await h.services.projects.overview(h.ctx.viewer, {});
    expect(renamed.items.find((o) => o.project.id === PROJECT.erp)?.project.title).toBe('ERP renewed');

    // ...and an update filed by another instance.
    const other = h.openOtherInstance();
    await other.statusUpdates.create(
      buildStatusUpdate({ id: 'su-other', projectId: PROJECT.web, period: CURRENT_PERIOD, health: 'red' }),
    );
    const web = (await h.services.projects.overview(h.ctx.viewer, {})).items.find(
      (o) => o.project.id === PROJECT.web,
    );
    expect(web?.health).toBe('red');
    expect(web?.lastReportedPeriod).toBe(CURRENT_PERIOD);
  });

  it('the days since the last update move with the clock, without a write', async () => {
    await h.store.statusUpdates.create(
      buildStatusUpdate({
        id: 'su-erp',
        projectId: PROJECT.erp,
        period: CURRENT_PERIOD,
        health: 'green',
        submittedAt: '2026-11-24T10:00:00.000Z',
      }),
    );
    const days = async () =>
      (await h.services.projects.overview(h.ctx.viewer, {})).items.find((o) => o.project.id === PROJECT.erp)
        ?.daysSinceUpdate;
    expect(await days()).toBe(1); // NOW is 2026-11-25T14:00Z
    h.clock.set('2026-11-26T09:59:00.000Z');
    expect(await days()).toBe(1);
    h.clock.set('2026-11-26T10:00:00.000Z');
    expect(await days()).toBe(2);
    h.clock.set('2026-11-28T11:00:00.000Z');
    expect(await days()).toBe(4);
  });

  it("the bot's project list of a person is their projects' overviews, with how they relate", async () => {
    const mine = await h.services.myWork.myProjects(h.ctx.owner);
    expect(mine.map((o) => [o.project.id, o.relation])).toEqual([
      [PROJECT.changeCase, 'owner'],
      [PROJECT.erp, 'owner'],
    ]);
    expect(await h.services.myWork.myProjects(h.ctx.lead)).toEqual([
      expect.objectContaining({ relation: 'lead', project: expect.objectContaining({ id: PROJECT.erp }) }),
    ]);
    expect((await h.services.myWork.myProjects(h.ctx.changemaker)).map((o) => o.relation)).toEqual([
      'member',
    ]);
  });
});
