// AuditService over SQLite: a project's history is open to every active person (transparency), the
// whole log to the CTO; every write through any service leaves one event with who, how and what.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../bot/domain/audit.js';
import { type ForbiddenReason } from '../../bot/domain/errors.js';
import type { AuditQuery } from '../../bot/ports/repositories.js';
import { createHarness, expectRefused, ID, NOW, PROJECT, type Harness, type Who } from './service-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

type Expected = 'allow' | ForbiddenReason;

/** A few writes on TR-07 and elsewhere, through two surfaces, one second apart. */
async function someHistory(): Promise<void> {
  const s = h.services;
  const tick = () => h.clock.advance(1_000);
  await s.projects.update(h.ctx.owner, PROJECT.erp, { phase: 'closing' }, 1);
  tick();
  await s.statusUpdates.submit(h.contextOf(h.person.lead, 'bot'), 'TR-07', {
    health: 'green',
    percentComplete: 90,
    summary: 'Wrapping up.',
  });
  tick();
  await s.risks.raise(h.ctx.changemaker, {
    projectId: PROJECT.erp,
    title: 'Support contract ends',
    likelihood: 2,
    impact: 2,
  });
  tick();
  await s.milestones.create(h.ctx.lead, PROJECT.erp, { title: 'Handover', dueDate: '2026-12-10' });
  tick();
  await s.projects.update(h.ctx.pillarLead, PROJECT.web, { phase: 'executing' }, 1);
  tick();
  await s.roster.update(h.ctx.viewer, ID.viewer, { locale: 'fr' }, 1);
  tick();
  await s.projects
    .update(h.ctx.viewer, PROJECT.erp, { title: 'Not mine to change' }, 2)
    .catch(() => undefined);
}

const summary = (events: AuditEvent[]) =>
  events.map((e) => [e.actorId, e.surface, e.entityType, e.action, e.projectId] as const);

describe('audit.list', () => {
  const projectScoped: Array<[Who, Expected]> = [
    ['cto', 'allow'],
    ['owner', 'allow'],
    ['changemaker', 'allow'],
    ['changemaker2', 'allow'],
    ['viewer', 'allow'],
    ['inactive', 'inactive_person'],
  ];

  it.each(projectScoped)("a project's history, read by %s: %s", async (who, expected) => {
    await someHistory();
    const run = () => h.services.audit.list(h.ctx[who], { projectId: PROJECT.erp });
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, { entityType: 'project', entityId: PROJECT.erp });
      return;
    }
    const page = await run();
    expect(summary(page.items)).toEqual([
      [ID.viewer, 'tab', 'project', 'forbidden', PROJECT.erp],
      [ID.lead, 'tab', 'milestone', 'create', PROJECT.erp],
      [ID.changemaker, 'tab', 'risk', 'create', PROJECT.erp],
      [ID.lead, 'bot', 'status-update', 'create', PROJECT.erp],
      [ID.owner, 'tab', 'project', 'update', PROJECT.erp],
    ]);
    expect(page.items[4]).toMatchObject({
      at: NOW,
      entityId: PROJECT.erp,
      changes: [{ field: 'phase', before: 'executing', after: 'closing' }],
      correlationId: `corr-${ID.owner}`,
      reason: null,
    });
    expect(page.items[0]).toMatchObject({ reason: 'update: not_project_owner', changes: [] });
  });

  const global: Array<[string, Who, AuditQuery, Expected]> = [
    ['the whole log', 'cto', {}, 'allow'],
    ['the whole log', 'owner', {}, 'role_required_cto'],
    ['the whole log', 'viewer', {}, 'role_required_cto'],
    ['the whole log', 'inactive', {}, 'inactive_person'],
    ["the roster's history", 'cto', { entityType: 'person' }, 'allow'],
    ["the roster's history", 'pillarLead', { entityType: 'person' }, 'role_required_cto'],
    ["one person's actions", 'changemaker', { actorId: ID.viewer }, 'role_required_cto'],
  ];

  it.each(global)('%s, read by %s: %s', async (_n, who, query, expected) => {
    await someHistory();
    const run = () => h.services.audit.list(h.ctx[who], query);
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: query.entityType ?? 'project',
        entityId: 'audit',
        projectId: null,
      });
      return;
    }
    const page = await run();
    const all = await h.auditLog();
    const expectedItems = all.filter((e) => !query.entityType || e.entityType === query.entityType).reverse();
    expect(page.items).toEqual(expectedItems);
    expect(page.items.length).toBe(query.entityType === 'person' ? 1 : 7);
  });
});
