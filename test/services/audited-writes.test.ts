// Every edit is stored with its audit record or not at all (AuditService.recordWrite, one SQLite
// transaction): when the record cannot be stored, the edit is undone and the error reaches the caller,
// so the store never holds a change nobody is recorded as having made. Forced here by giving the new
// audit record the id of one already stored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DuplicateError } from '../../bot/domain/errors.js';
import { buildAuditEvent } from '../helpers/fixtures.js';
import { createHarness, ID, PROJECT, type Harness } from './service-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

/** The next audit records get these ids, then the harness's own again. */
async function collideAuditIds(...taken: Array<'taken' | 'fresh'>): Promise<void> {
  await h.store.audit.append(buildAuditEvent({ id: 'audit-taken', entityId: 'elsewhere' }));
  const ids = h.services.deps.ids;
  const spy = vi.spyOn(ids, 'newId');
  for (const t of taken)
    spy.mockReturnValueOnce(t === 'taken' ? 'audit-taken' : `audit-fresh-${Math.random()}`);
}

/** A KPI of TR-07, created by the CTO (with its audit record). */
async function projectKpi() {
  const { value } = await h.services.kpis.create(h.ctx.cto, {
    title: 'Processes migrated',
    unit: 'processes',
    direction: 'higher-is-better',
    baseline: { value: 10, date: '2026-01-01' },
    target: { value: 80, date: '2026-12-31' },
    projectId: PROJECT.erp,
  });
  return value;
}

interface Case {
  name: string;
  /** Creates what the edit changes; answers how to read it back and the edit itself. */
  setup(): Promise<{ read: () => Promise<unknown>; edit: () => Promise<unknown>; entityId: string }>;
  /** How many audit records the edit writes (default 1); the last of them is the one that collides. */
  records?: number;
}

const cases: Case[] = [
  {
    name: 'project',
    setup: () =>
      Promise.resolve({
        entityId: PROJECT.erp,
        read: () => h.store.projects.get(PROJECT.erp),
        edit: () =>
          h.services.projects.update(h.ctx.cto, PROJECT.erp, { title: 'Renamed' }, h.project.erp.version),
      }),
  },
  {
    name: 'milestone',
    setup: async () => {
      const { value } = await h.services.milestones.create(h.ctx.owner, PROJECT.erp, {
        title: 'Go-live',
        dueDate: '2027-01-15',
      });
      return {
        entityId: value.id,
        read: () => h.store.milestones.get(value.id),
        edit: () => h.services.milestones.update(h.ctx.owner, value.id, { dueDate: '2027-02-15' }, 1),
      };
    },
  },
  {
    name: 'KPI',
    setup: async () => {
      const value = await projectKpi();
      return {
        entityId: value.id,
        read: () => h.store.kpis.get(value.id),
        edit: () =>
          h.services.kpis.update(h.ctx.cto, value.id, { target: { value: 90, date: '2026-12-31' } }, 1),
      };
    },
  },
  {
    name: 'measurement',
    setup: async () => {
      const kpi = await projectKpi();
      const { value } = await h.services.kpis.recordMeasurement(h.ctx.cto, kpi.id, {
        date: '2026-11-20',
        value: 42,
      });
      return {
        entityId: value.id,
        read: () => h.store.measurements.get(value.id),
        edit: () => h.services.kpis.updateMeasurement(h.ctx.cto, value.id, { value: 43 }, 1),
      };
    },
  },
  {
    name: 'person',
    setup: () =>
      Promise.resolve({
        entityId: ID.viewer,
        read: () => h.store.people.get(ID.viewer),
        edit: () => h.services.roster.update(h.ctx.cto, ID.viewer, { name: 'Vera Ivanova-Roth' }, 1),
      }),
  },
  {
    name: 'settings',
    setup: () =>
      Promise.resolve({
        entityId: 'settings',
        read: () => h.store.settings.get(),
        edit: () => h.services.settings.update(h.ctx.cto, { escalationThreshold: 12 }, 1),
      }),
  },
  {
    name: 'risk acknowledgement',
    setup: async () => {
      const { value } = await h.services.risks.raise(h.ctx.owner, {
        projectId: PROJECT.erp,
        title: 'Vendor insolvency',
        category: 'delivery',
        likelihood: 5,
        impact: 5,
      });
      return {
        entityId: value.id,
        read: () => h.store.risks.get(value.id),
        edit: () => h.services.risks.acknowledge(h.ctx.cto, value.id, value.version),
      };
    },
  },
  {
    // Two records: the change, then the escalation it causes. The second failing undoes the first too.
    name: 'risk edit that escalates',
    records: 2,
    setup: async () => {
      const { value } = await h.services.risks.raise(h.ctx.owner, {
        projectId: PROJECT.erp,
        title: 'Key vendor may miss the cut-over date',
        category: 'delivery',
        likelihood: 2,
        impact: 3,
      });
      return {
        entityId: value.id,
        read: () => h.store.risks.get(value.id),
        edit: () =>
          h.services.risks.update(h.ctx.owner, value.id, { likelihood: 5, impact: 5 }, value.version),
      };
    },
  },
  {
    name: 'status update amendment',
    setup: async () => {
      const first = await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, {
        health: 'green',
        percentComplete: 40,
        summary: 'On track.',
      });
      return {
        entityId: first.update.id,
        read: () => h.store.statusUpdates.get(first.update.id),
        edit: () =>
          h.services.statusUpdates.submit(
            h.ctx.owner,
            PROJECT.erp,
            { health: 'amber', percentComplete: 45, summary: 'Vendor late.' },
            { expectedVersion: first.update.version },
          ),
      };
    },
  },
];

describe('an edit whose audit record cannot be stored is not stored', () => {
  it.each(cases)('$name', async ({ setup, records = 1 }) => {
    const { read, edit, entityId } = await setup();
    const before = await read();
    const recordsBefore = (await h.store.audit.list({ entityId })).items;
    await collideAuditIds(
      ...Array.from({ length: records }, (_, i) => (i === records - 1 ? 'taken' : 'fresh')),
    );

    await expect(edit()).rejects.toBeInstanceOf(DuplicateError);
    expect(await read()).toEqual(before);
    expect((await h.store.audit.list({ entityId })).items).toEqual(recordsBefore);

    // With ids that fit, the same edit goes through and is recorded.
    vi.restoreAllMocks();
    await edit();
    expect(await read()).not.toEqual(before);
    expect((await h.store.audit.list({ entityId })).items).toHaveLength(recordsBefore.length + records);
  });
});
