// The repository contract (bot/ports/repositories.ts). Every Store implementation runs this suite:
// the embedded SQLite store in test/storage, the SharePoint store against the Graph emulator later.
//
//   describeStoreContract('sqlite', async () => ({ store, cleanup, openSecondInstance }));
//
// makeStore() must return an empty store; cleanup() closes it and removes its data. When the harness
// can open a second store on the same data (a second app instance), the cross-instance tests run too.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../bot/domain/audit.js';
import { ConflictError, DuplicateError, NotFoundError, ValidationError } from '../../bot/domain/errors.js';
import { shiftPeriod, type Period } from '../../bot/domain/period.js';
import type { Page, PageRequest } from '../../bot/ports/paging.js';
import type {
  AuditQuery,
  KpiQuery,
  MeasurementQuery,
  MilestoneQuery,
  PersonQuery,
  ProjectQuery,
  RiskQuery,
  Store,
  Versioned,
  VersionedRepository,
} from '../../bot/ports/repositories.js';
import {
  buildAuditEvent,
  buildKpi,
  buildMeasurement,
  buildMilestone,
  buildPerson,
  buildProject,
  buildRisk,
  buildSettings,
  buildStatusUpdate,
  fixtureInstant,
} from '../helpers/fixtures.js';
import { describeReadModelContract } from './read-models.contract.js';

export interface StoreHarness {
  store: Store;
  cleanup(): Promise<void>;
  /** Another Store on the same data, as a second app instance opens it. The suite closes it. */
  openSecondInstance?(): Promise<Store>;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

const ids = (items: ReadonlyArray<{ id: string }>): string[] => items.map((i) => i.id);

/** The error a promise rejects with (fails the test when it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** Every page of a listing, checking the page contract on the way. */
async function allPages<T>(fetch: (req: PageRequest) => Promise<Page<T>>, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('paging does not terminate');
  } while (cursor);
  return pages;
}

/** Pages through a listing with a small page size and expects exactly `expected`, in order, each once. */
async function expectPaged<T extends { id: string }>(
  fetch: (req: PageRequest) => Promise<Page<T>>,
  limit: number,
  expected: readonly string[],
): Promise<void> {
  const pages = await allPages(fetch, limit);
  expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(expected.length / limit));
  expect(pages.flat().map((i) => i.id)).toEqual(expected);
}

// ---------------------------------------------------------------------------------------------------
// The behaviour every versioned repository shares

interface VersionedCase<T extends Versioned> {
  name: string;
  repo(store: Store): VersionedRepository<T>;
  /** Creates the parent rows the entities need and returns a builder of new, distinct entities. */
  prepare(store: Store): Promise<() => T>;
  /** A valid edit, different for each n. */
  edit(entity: T, n: number): T;
}

function describeVersionedRepository<T extends Versioned>(
  c: VersionedCase<T>,
  harness: () => StoreHarness,
): void {
  describe(`${c.name}: create, read, update`, () => {
    let store: Store;
    let build: () => T;
    beforeEach(async () => {
      store = harness().store;
      build = await c.prepare(store);
    });

    it('create stores version 1 whatever version it was given, and get returns it', async () => {
      const entity = { ...build(), version: 7 };
      const created = await c.repo(store).create(entity);
      expect(created.version).toBe(1);
      expect(created).toEqual({ ...entity, version: 1 });
      expect(await c.repo(store).get(entity.id)).toEqual(created);
    });

    it('get of an unknown id is undefined', async () => {
      expect(await c.repo(store).get('no-such-id')).toBeUndefined();
    });

    it('getMany returns the existing ones among the ids, ignoring unknown ids', async () => {
      const a = await c.repo(store).create(build());
      const b = await c.repo(store).create(build());
      await c.repo(store).create(build());
      const found = await c.repo(store).getMany([b.id, 'no-such-id', a.id, a.id]);
      expect(ids(found).sort()).toEqual([a.id, b.id].sort());
      expect(found.find((x) => x.id === a.id)).toEqual(a);
      expect(await c.repo(store).getMany([])).toEqual([]);
    });

    it('create with an existing id throws DuplicateError and keeps the stored entity', async () => {
      const first = await c.repo(store).create(build());
      const error = await rejectionOf(c.repo(store).create({ ...c.edit(first, 1), id: first.id }));
      expect(error).toBeInstanceOf(DuplicateError);
      expect(await c.repo(store).get(first.id)).toEqual(first);
    });

    it('update from the current version stores the next version and returns what is stored', async () => {
      const created = await c.repo(store).create(build());
      const second = await c.repo(store).update(c.edit(created, 1), 1);
      expect(second.version).toBe(2);
      expect(second).toEqual({ ...c.edit(created, 1), version: 2 });
      expect(await c.repo(store).get(created.id)).toEqual(second);
      const third = await c.repo(store).update(c.edit(second, 2), 2);
      expect(third.version).toBe(3);
      expect(await c.repo(store).get(created.id)).toEqual(third);
    });

    it('update from a stale version throws ConflictError carrying the current entity, and changes nothing', async () => {
      const created = await c.repo(store).create(build());
      const current = await c.repo(store).update(c.edit(created, 1), 1);
      const error = await rejectionOf(c.repo(store).update(c.edit(created, 2), 1));
      expect(error).toBeInstanceOf(ConflictError);
      const conflict = error as ConflictError<T>;
      expect(conflict.id).toBe(created.id);
      expect(conflict.expectedVersion).toBe(1);
      expect(conflict.current).toEqual(current);
      expect(await c.repo(store).get(created.id)).toEqual(current);
    });

    it('update of a missing entity throws NotFoundError', async () => {
      const error = await rejectionOf(c.repo(store).update(build(), 1));
      expect(error).toBeInstanceOf(NotFoundError);
    });

    it('two concurrent updates from one version: exactly one wins, the other gets the winner as current', async () => {
      const created = await c.repo(store).create(build());
      const results = await Promise.allSettled([
        c.repo(store).update(c.edit(created, 1), 1),
        c.repo(store).update(c.edit(created, 2), 1),
      ]);
      expectOneWinner(results);
      const winner = results.find((r) => r.status === 'fulfilled')!.value;
      const loser = results.find((r) => r.status === 'rejected')!.reason as ConflictError<T>;
      expect(loser.current).toEqual(winner);
      expect(await c.repo(store).get(created.id)).toEqual(winner);
    });

    it('two app instances updating from one version: exactly one wins', async (ctx) => {
      const open = harness().openSecondInstance;
      if (!open) return ctx.skip();
      const other = await open();
      try {
        const created = await c.repo(store).create(build());
        expect(await c.repo(other).get(created.id)).toEqual(created);
        const results = await Promise.allSettled([
          c.repo(store).update(c.edit(created, 1), 1),
          c.repo(other).update(c.edit(created, 2), 1),
        ]);
        expectOneWinner(results);
        const winner = results.find((r) => r.status === 'fulfilled')!.value;
        const loser = results.find((r) => r.status === 'rejected')!.reason as ConflictError<T>;
        expect(loser.current).toEqual(winner);
        expect(await c.repo(store).get(created.id)).toEqual(winner);
        expect(await c.repo(other).get(created.id)).toEqual(winner);
      } finally {
        await other.close();
      }
    });
  });
}

function expectOneWinner(results: ReadonlyArray<PromiseSettledResult<unknown>>): void {
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(rejected).toHaveLength(results.length - 1);
  for (const r of rejected) expect(r.reason).toBeInstanceOf(ConflictError);
}

// ---------------------------------------------------------------------------------------------------
// The suite

export function describeStoreContract(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      h = await makeStore();
      store = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });
    const harness = () => h;

    const withProject = async (s: Store) => (await s.projects.create(buildProject())).id;

    describeVersionedRepository(
      {
        name: 'projects',
        repo: (s) => s.projects,
        prepare: () => Promise.resolve(() => buildProject()),
        edit: (p, n) => ({
          ...p,
          title: `Edited title ${n}`,
          phase: n % 2 ? ('on-hold' as const) : ('closing' as const),
        }),
      },
      harness,
    );
    describeVersionedRepository(
      {
        name: 'status updates',
        repo: (s) => s.statusUpdates,
        prepare: async (s) => {
          const projectId = await withProject(s);
          let n = 0;
          return () => buildStatusUpdate({ projectId, period: shiftPeriod('2026-W01', n++) });
        },
        edit: (u, n) => ({ ...u, percentComplete: (u.percentComplete + n) % 101, summary: `Edited ${n}` }),
      },
      harness,
    );
    describeVersionedRepository(
      {
        name: 'risks',
        repo: (s) => s.risks,
        prepare: async (s) => {
          const projectId = await withProject(s);
          return () => buildRisk({ projectId });
        },
        edit: (r, n) => ({ ...r, mitigation: `Mitigation ${n}`, status: 'mitigating' as const }),
      },
      harness,
    );
    describeVersionedRepository(
      {
        name: 'milestones',
        repo: (s) => s.milestones,
        prepare: async (s) => {
          const projectId = await withProject(s);
          return () => buildMilestone({ projectId });
        },
        edit: (m, n) => ({
          ...m,
          title: `Milestone edit ${n}`,
          dueDate: `2026-07-${String(10 + n).padStart(2, '0')}`,
        }),
      },
      harness,
    );
    describeVersionedRepository(
      {
        name: 'KPIs',
        repo: (s) => s.kpis,
        prepare: () => Promise.resolve(() => buildKpi()),
        edit: (k, n) => ({
          ...k,
          description: `Edited ${n}`,
          pillar: n % 2 ? ('GOV' as const) : ('MAP' as const),
        }),
      },
      harness,
    );
    describeVersionedRepository(
      {
        name: 'measurements',
        repo: (s) => s.measurements,
        prepare: async (s) => {
          const kpiId = (await s.kpis.create(buildKpi())).id;
          return () => buildMeasurement({ kpiId });
        },
        edit: (m, n) => ({ ...m, value: m.value + n, note: `Corrected ${n}` }),
      },
      harness,
    );
    describeVersionedRepository(
      {
        name: 'people',
        repo: (s) => s.people,
        prepare: () => Promise.resolve(() => buildPerson()),
        edit: (p, n) => ({
          ...p,
          name: `Renamed ${n}`,
          role: n % 2 ? ('changemaker' as const) : ('viewer' as const),
        }),
      },
      harness,
    );

    describe('nothing lost under concurrent read-modify-write', () => {
      const N = 20;

      async function addMember(s: Store, projectId: string, memberId: string): Promise<void> {
        for (let attempt = 0; attempt < 10 * N; attempt++) {
          const current = await s.projects.get(projectId);
          if (!current) throw new Error('project vanished');
          try {
            await s.projects.update(
              { ...current, memberIds: [...current.memberIds, memberId] },
              current.version,
            );
            return;
          } catch (e) {
            if (!(e instanceof ConflictError)) throw e;
          }
        }
        throw new Error(`gave up adding ${memberId}`);
      }

      it(`${N} concurrent writers on one instance: every change is kept`, async () => {
        const project = await store.projects.create(buildProject());
        const members = Array.from({ length: N }, (_, i) => `member-${String(i).padStart(2, '0')}`);
        await Promise.all(members.map((m) => addMember(store, project.id, m)));
        const final = await store.projects.get(project.id);
        expect([...final!.memberIds].sort()).toEqual(members);
        expect(final!.version).toBe(1 + N);
      });

      it(`${N} concurrent writers spread over two app instances: every change is kept`, async (ctx) => {
        const open = h.openSecondInstance;
        if (!open) return ctx.skip();
        const other = await open();
        try {
          const project = await store.projects.create(buildProject());
          const members = Array.from({ length: N }, (_, i) => `member-${String(i).padStart(2, '0')}`);
          await Promise.all(members.map((m, i) => addMember(i % 2 ? other : store, project.id, m)));
          const final = await other.projects.get(project.id);
          expect([...final!.memberIds].sort()).toEqual(members);
          expect(final!.version).toBe(1 + N);
        } finally {
          await other.close();
        }
      });

      it(`${N} concurrent increments of a status update's percent complete all count`, async () => {
        const projectId = await withProject(store);
        const update = await store.statusUpdates.create(buildStatusUpdate({ projectId, percentComplete: 0 }));
        const increment = async () => {
          for (;;) {
            const current = (await store.statusUpdates.get(update.id))!;
            try {
              await store.statusUpdates.update(
                { ...current, percentComplete: current.percentComplete + 1 },
                current.version,
              );
              return;
            } catch (e) {
              if (!(e instanceof ConflictError)) throw e;
            }
          }
        };
        await Promise.all(Array.from({ length: N }, increment));
        expect((await store.statusUpdates.get(update.id))!.percentComplete).toBe(N);
      });
    });

    // -------------------------------------------------------------------------------------------------
    describe('projects', () => {
      it('keeps per-language titles through create, update and every read', async () => {
        const titles = { fr: 'Refonte du site web', ar: 'إعادة تصميم الموقع الإلكتروني', zh: '网站改版' };
        const created = await store.projects.create(
          buildProject({ code: 'QA-777', title: 'Website redesign', titles }),
        );
        expect((await store.projects.get(created.id))?.titles).toEqual(titles);
        expect((await store.projects.getByCode('QA-777'))?.titles).toEqual(titles);
        const updated = await store.projects.update(
          { ...created, titles: { ...titles, es: 'Rediseño del sitio web' } },
          1,
        );
        expect((await store.projects.list({})).items.find((p) => p.id === created.id)?.titles).toEqual({
          ...titles,
          es: 'Rediseño del sitio web',
        });
        expect(updated.titles?.es).toBe('Rediseño del sitio web');
        const untitled = await store.projects.create(buildProject({ code: 'QA-778' }));
        expect((await store.projects.get(untitled.id))?.titles).toBeUndefined();
      });

      const world = async () => {
        const p = {
          a: buildProject({
            code: 'QA-300',
            pillar: 'GOV',
            phase: 'executing',
            kind: 'project',
            orgUnit: 'GS-TO',
            ownerId: 'alice',
            leadIds: ['bob'],
          }),
          b: buildProject({
            code: 'QA-100',
            pillar: 'SPT',
            phase: 'planning',
            kind: 'accelerated-initiative',
            orgUnit: 'IS',
            ownerId: 'bob',
            memberIds: ['carol'],
          }),
          c: buildProject({
            code: 'QA-200',
            pillar: 'GOV',
            phase: 'done',
            kind: 'change-case',
            orgUnit: 'AF',
            ownerId: 'carol',
            leadIds: ['alice'],
            memberIds: ['alice', 'bob'],
          }),
          d: buildProject({
            code: 'QA-400',
            pillar: 'PAC',
            phase: 'executing',
            orgUnit: 'GS-TO',
            ownerId: 'dave',
          }),
        };
        for (const project of Object.values(p)) await store.projects.create(project);
        return p;
      };

      const cases: Array<[string, ProjectQuery, Array<'a' | 'b' | 'c' | 'd'>]> = [
        ['no filter, ordered by code', {}, ['b', 'c', 'a', 'd']],
        ['pillar', { pillar: 'GOV' }, ['c', 'a']],
        ['phase', { phase: 'executing' }, ['a', 'd']],
        ['kind', { kind: 'change-case' }, ['c']],
        ['org unit', { orgUnit: 'GS-TO' }, ['a', 'd']],
        ['owner or lead (owner of one, lead of another)', { ownerOrLeadId: 'alice' }, ['c', 'a']],
        ['owner or lead (lead of one, owner of another)', { ownerOrLeadId: 'bob' }, ['b', 'a']],
        ['member', { memberId: 'alice' }, ['c']],
        ['member of an accelerated initiative', { memberId: 'carol' }, ['b']],
        ['pillar and phase together', { pillar: 'GOV', phase: 'executing' }, ['a']],
        ['nobody', { ownerOrLeadId: 'nobody' }, []],
        ['a pillar with no projects', { pillar: 'MAP' }, []],
      ];
      it.each(cases)('list: %s', async (_name, query, expected) => {
        const p = await world();
        const page = await store.projects.list(query);
        expect(ids(page.items)).toEqual(expected.map((k) => p[k].id));
        expect(page.nextCursor).toBeUndefined();
      });

      it('list follows updates of the fields it filters on', async () => {
        const p = await world();
        const moved = await store.projects.update(
          { ...p.a, phase: 'on-hold', leadIds: [], memberIds: ['erin'] },
          1,
        );
        expect(ids((await store.projects.list({ phase: 'executing' })).items)).toEqual([p.d.id]);
        expect(ids((await store.projects.list({ phase: 'on-hold' })).items)).toEqual([moved.id]);
        expect(ids((await store.projects.list({ ownerOrLeadId: 'bob' })).items)).toEqual([p.b.id]);
        expect(ids((await store.projects.list({ memberId: 'erin' })).items)).toEqual([p.a.id]);
      });

      it('getByCode finds a project by its code, in any letter case', async () => {
        const p = await world();
        expect(await store.projects.getByCode('QA-200')).toEqual(p.c);
        expect(await store.projects.getByCode('qa-200')).toEqual(p.c);
        expect(await store.projects.getByCode('QA-999')).toBeUndefined();
      });

      it('a second project with the same code is a DuplicateError', async () => {
        await world();
        const error = await rejectionOf(store.projects.create(buildProject({ code: 'QA-100' })));
        expect(error).toBeInstanceOf(DuplicateError);
        expect(ids((await store.projects.list()).items)).toHaveLength(4);
      });

      it.each([2, 3])('pages of %i return every project once, in code order', async (limit) => {
        const created = [];
        for (let i = 0; i < 7; i++)
          created.push(await store.projects.create(buildProject({ code: `PG-${70 - i * 10}` })));
        const expected = [...created].sort((x, y) => (x.code < y.code ? -1 : 1)).map((x) => x.id);
        await expectPaged((req) => store.projects.list(req), limit, expected);
        await expectPaged((req) => store.projects.list({ ...req, phase: 'executing' }), limit, expected);
      });

      it('items that exist throughout are returned exactly once even when others are added between pages', async () => {
        const original = [];
        for (let i = 1; i <= 5; i++)
          original.push(await store.projects.create(buildProject({ code: `PG-${i}0` })));
        const first = await store.projects.list({ limit: 2 });
        await store.projects.create(buildProject({ code: 'PG-1' }));
        await store.projects.create(buildProject({ code: 'PG-99' }));
        const seen = [...first.items];
        let cursor = first.nextCursor;
        while (cursor) {
          const page = await store.projects.list({ limit: 2, cursor });
          seen.push(...page.items);
          cursor = page.nextCursor;
        }
        for (const p of original) expect(seen.filter((s) => s.id === p.id)).toHaveLength(1);
        expect(new Set(ids(seen)).size).toBe(seen.length);
      });

      it('the page size is clamped to at least one item', async () => {
        await world();
        const page = await store.projects.list({ limit: 0 });
        expect(page.items).toHaveLength(1);
        expect(page.nextCursor).toBeDefined();
      });

      it.each(['not a cursor', '!!!', 'eyJ4IjoxfQ', 'AAAA'])(
        'a forged cursor (%s) is a ValidationError',
        async (cursor) => {
          await world();
          expect(await rejectionOf(store.projects.list({ cursor }))).toBeInstanceOf(ValidationError);
        },
      );
    });

    // -------------------------------------------------------------------------------------------------
    describe('status updates', () => {
      const period = (w: number): Period => `2026-W${String(w).padStart(2, '0')}`;
      const world = async () => {
        const a = await store.projects.create(buildProject({ id: 'project-a' }));
        const b = await store.projects.create(buildProject({ id: 'project-b' }));
        const c = await store.projects.create(buildProject({ id: 'project-c' }));
        await store.projects.create(buildProject({ id: 'project-d' }));
        const updates = new Map<string, string>();
        const add = async (projectId: string, w: number) => {
          const u = await store.statusUpdates.create(
            buildStatusUpdate({ projectId, period: period(w), percentComplete: w }),
          );
          updates.set(`${projectId}/${period(w)}`, u.id);
        };
        // Created out of order on purpose.
        for (const w of [3, 1, 5, 2, 4]) await add(a.id, w);
        for (const w of [4, 2]) await add(b.id, w);
        await add(c.id, 6);
        return (projectId: string, w: number) => updates.get(`${projectId}/${period(w)}`)!;
      };

      it('getForPeriod returns the update of that project and period, or undefined', async () => {
        const idOf = await world();
        expect((await store.statusUpdates.getForPeriod('project-a', period(3)))?.id).toBe(
          idOf('project-a', 3),
        );
        expect(await store.statusUpdates.getForPeriod('project-a', period(6))).toBeUndefined();
        expect(await store.statusUpdates.getForPeriod('project-d', period(3))).toBeUndefined();
      });

      it('a second update for the same project and period is a DuplicateError', async () => {
        await world();
        const error = await rejectionOf(
          store.statusUpdates.create(buildStatusUpdate({ projectId: 'project-b', period: period(4) })),
        );
        expect(error).toBeInstanceOf(DuplicateError);
      });

      it('listByProject: newest period first, paged', async () => {
        const idOf = await world();
        const expected = [5, 4, 3, 2, 1].map((w) => idOf('project-a', w));
        expect(ids((await store.statusUpdates.listByProject('project-a')).items)).toEqual(expected);
        await expectPaged((req) => store.statusUpdates.listByProject('project-a', req), 2, expected);
        expect((await store.statusUpdates.listByProject('project-d')).items).toEqual([]);
      });

      it('listByPeriod: every update of the period, by project id, paged', async () => {
        const idOf = await world();
        const expected = [idOf('project-a', 4), idOf('project-b', 4)];
        expect(ids((await store.statusUpdates.listByPeriod(period(4))).items)).toEqual(expected);
        await expectPaged((req) => store.statusUpdates.listByPeriod(period(4), req), 1, expected);
        expect((await store.statusUpdates.listByPeriod(period(7))).items).toEqual([]);
      });

      const latestCases: Array<[string, Period | undefined, Array<[string, number]>]> = [
        [
          'all periods',
          undefined,
          [
            ['project-a', 5],
            ['project-b', 4],
            ['project-c', 6],
          ],
        ],
        [
          'up to W06',
          period(6),
          [
            ['project-a', 5],
            ['project-b', 4],
            ['project-c', 6],
          ],
        ],
        [
          'up to W04',
          period(4),
          [
            ['project-a', 4],
            ['project-b', 4],
          ],
        ],
        [
          'up to W03',
          period(3),
          [
            ['project-a', 3],
            ['project-b', 2],
          ],
        ],
        ['up to W01', period(1), [['project-a', 1]]],
        ['before any update', '2025-W52', []],
      ];
      it.each(latestCases)('latestPerProject: %s', async (_name, upToPeriod, expected) => {
        const idOf = await world();
        const want = expected.map(([projectId, w]) => idOf(projectId, w));
        const page = await store.statusUpdates.latestPerProject(upToPeriod ? { upToPeriod } : undefined);
        expect(ids(page.items)).toEqual(want);
        await expectPaged((req) => store.statusUpdates.latestPerProject({ ...req, upToPeriod }), 1, want);
        await expectPaged((req) => store.statusUpdates.latestPerProject({ ...req, upToPeriod }), 2, want);
      });

      it('latestPerProject follows an amended update', async () => {
        const idOf = await world();
        const current = (await store.statusUpdates.get(idOf('project-b', 4)))!;
        const amended = await store.statusUpdates.update(
          { ...current, health: 'red', summary: 'Blocked.' },
          1,
        );
        const latest = await store.statusUpdates.latestPerProject();
        expect(latest.items.find((u) => u.projectId === 'project-b')).toEqual(amended);
      });
    });

    // -------------------------------------------------------------------------------------------------
    describe('risks', () => {
      const world = async () => {
        const p1 = await withProject(store);
        const p2 = await withProject(store);
        const r = {
          r1: buildRisk({
            projectId: p1,
            likelihood: 4,
            impact: 5,
            raisedAt: fixtureInstant(10),
            ownerId: 'alice',
          }),
          r2: buildRisk({
            projectId: p1,
            likelihood: 5,
            impact: 4,
            raisedAt: fixtureInstant(20),
            status: 'escalated',
            ownerId: 'bob',
          }),
          r3: buildRisk({
            id: 'risk-tie-b',
            projectId: p2,
            likelihood: 2,
            impact: 3,
            status: 'mitigating',
            ownerId: 'alice',
          }),
          r4: buildRisk({ id: 'risk-tie-a', projectId: p2, likelihood: 3, impact: 2, status: 'proposed' }),
          r5: buildRisk({ likelihood: 5, impact: 5, status: 'closed', ownerId: 'carol' }),
          r6: buildRisk({ likelihood: 1, impact: 1 }),
        };
        for (const risk of Object.values(r)) await store.risks.create(risk);
        return { r, p1, p2 };
      };
      type Key = 'r1' | 'r2' | 'r3' | 'r4' | 'r5' | 'r6';

      const cases: Array<[string, (w: { p1: string; p2: string }) => RiskQuery, Key[]]> = [
        [
          'no filter: score desc, then newest raised, then id',
          () => ({}),
          ['r5', 'r2', 'r1', 'r4', 'r3', 'r6'],
        ],
        ['project', (w) => ({ projectId: w.p1 }), ['r2', 'r1']],
        ['portfolio-wide', () => ({ portfolioWide: true }), ['r5', 'r6']],
        ['statuses', () => ({ status: ['open', 'escalated'] }), ['r2', 'r1', 'r6']],
        ['one status', () => ({ status: ['closed'] }), ['r5']],
        ['owner', () => ({ ownerId: 'alice' }), ['r1', 'r3']],
        ['minimum score (inclusive)', () => ({ minScore: 20 }), ['r5', 'r2', 'r1']],
        ['project and status', (w) => ({ projectId: w.p2, status: ['proposed'] }), ['r4']],
        [
          'minimum score and active statuses',
          () => ({ minScore: 15, status: ['open', 'mitigating', 'escalated'] }),
          ['r2', 'r1'],
        ],
        ['nothing matches', () => ({ ownerId: 'nobody' }), []],
      ];
      it.each(cases)('list: %s', async (_name, query, expected) => {
        const w = await world();
        const page = await store.risks.list(query(w));
        expect(ids(page.items)).toEqual(expected.map((k) => w.r[k].id));
      });

      it('pages of 2 return every risk once, in order', async () => {
        const { r } = await world();
        const expected = (['r5', 'r2', 'r1', 'r4', 'r3', 'r6'] as const).map((k) => r[k].id);
        await expectPaged((req) => store.risks.list(req), 2, expected);
        await expectPaged((req) => store.risks.list({ ...req, status: ['open', 'escalated'] }), 2, [
          r.r2.id,
          r.r1.id,
          r.r6.id,
        ]);
      });

      it('an update that changes the score moves the risk in the order', async () => {
        const { r } = await world();
        await store.risks.update(
          { ...r.r6, likelihood: 5, impact: 5, score: 25, level: 'critical', raisedAt: fixtureInstant(30) },
          1,
        );
        expect(ids((await store.risks.list({ limit: 2 })).items)).toEqual([r.r6.id, r.r5.id]);
      });

      it('keeps the confidential flag through create, update and list (issue 18)', async () => {
        const { r } = await world();
        const secret = await store.risks.create(buildRisk({ projectId: r.r1.projectId, confidential: true }));
        expect((await store.risks.get(secret.id))?.confidential).toBe(true);
        expect((await store.risks.get(r.r1.id))?.confidential).toBe(false);
        await store.risks.update({ ...secret, confidential: false }, 1);
        expect((await store.risks.get(secret.id))?.confidential).toBe(false);
        const listed = (await store.risks.list({ projectId: r.r1.projectId ?? undefined })).items;
        expect(listed.find((x) => x.id === secret.id)?.confidential).toBe(false);
      });
    });

    // -------------------------------------------------------------------------------------------------
    describe('milestones', () => {
      const world = async () => {
        const p1 = await withProject(store);
        const p2 = await withProject(store);
        const m = {
          m1: buildMilestone({ id: 'ms-b', projectId: p1, dueDate: '2026-04-10' }),
          m2: buildMilestone({
            projectId: p1,
            dueDate: '2026-04-01',
            status: 'done',
            completedOn: '2026-03-30',
          }),
          m3: buildMilestone({ id: 'ms-a', projectId: p2, dueDate: '2026-04-10', status: 'missed' }),
          m4: buildMilestone({ projectId: p2, dueDate: '2026-05-15' }),
        };
        for (const milestone of Object.values(m)) await store.milestones.create(milestone);
        return { m, p1, p2 };
      };
      type Key = 'm1' | 'm2' | 'm3' | 'm4';

      const cases: Array<[string, (w: { p1: string; p2: string }) => MilestoneQuery, Key[]]> = [
        ['no filter: by due date, then id', () => ({}), ['m2', 'm3', 'm1', 'm4']],
        ['project', (w) => ({ projectId: w.p1 }), ['m2', 'm1']],
        ['status', () => ({ status: ['planned'] }), ['m1', 'm4']],
        ['statuses', () => ({ status: ['done', 'missed'] }), ['m2', 'm3']],
        ['due from (inclusive)', () => ({ dueFrom: '2026-04-10' }), ['m3', 'm1', 'm4']],
        ['due to (inclusive)', () => ({ dueTo: '2026-04-10' }), ['m2', 'm3', 'm1']],
        ['due window', () => ({ dueFrom: '2026-04-02', dueTo: '2026-05-14' }), ['m3', 'm1']],
        ['project and status', (w) => ({ projectId: w.p2, status: ['planned'] }), ['m4']],
        ['nothing in the window', () => ({ dueFrom: '2027-01-01' }), []],
      ];
      it.each(cases)('list: %s', async (_name, query, expected) => {
        const w = await world();
        expect(ids((await store.milestones.list(query(w))).items)).toEqual(expected.map((k) => w.m[k].id));
      });

      it('pages of 3 return every milestone once, in order', async () => {
        const { m } = await world();
        await expectPaged((req) => store.milestones.list(req), 3, [m.m2.id, m.m3.id, m.m1.id, m.m4.id]);
      });
    });

    // -------------------------------------------------------------------------------------------------
    describe('KPIs and measurements', () => {
      const kpiWorld = async () => {
        const p1 = await withProject(store);
        const k = {
          k1: buildKpi({ title: 'Staff engagement', pillar: 'PAC' }),
          k2: buildKpi({ title: 'Budget execution', pillar: 'RES' }),
          k3: buildKpi({ id: 'kpi-b', title: 'Adoption rate', pillar: null, projectId: p1 }),
          k4: buildKpi({ id: 'kpi-a', title: 'Adoption rate', pillar: 'SPT', projectId: p1 }),
        };
        for (const kpi of Object.values(k)) await store.kpis.create(kpi);
        return { k, p1 };
      };
      type KpiKey = 'k1' | 'k2' | 'k3' | 'k4';

      const kpiCases: Array<[string, (w: { p1: string }) => KpiQuery, KpiKey[]]> = [
        ['no filter: by title, then id', () => ({}), ['k4', 'k3', 'k2', 'k1']],
        ['project', (w) => ({ projectId: w.p1 }), ['k4', 'k3']],
        ['pillar', () => ({ pillar: 'PAC' }), ['k1']],
        ['pillar of a project KPI', () => ({ pillar: 'SPT' }), ['k4']],
        ['a pillar with none', () => ({ pillar: 'GOV' }), []],
      ];
      it.each(kpiCases)('KPI list: %s', async (_name, query, expected) => {
        const w = await kpiWorld();
        expect(ids((await store.kpis.list(query(w))).items)).toEqual(expected.map((k) => w.k[k].id));
      });

      it('KPI pages of 3 return every KPI once, in order', async () => {
        const { k } = await kpiWorld();
        await expectPaged((req) => store.kpis.list(req), 3, [k.k4.id, k.k3.id, k.k2.id, k.k1.id]);
      });

      const measurementWorld = async () => {
        await store.kpis.create(buildKpi({ id: 'kpi-m1' }));
        await store.kpis.create(buildKpi({ id: 'kpi-m2' }));
        const m = {
          s1: buildMeasurement({ kpiId: 'kpi-m2', date: '2026-02-01' }),
          s2: buildMeasurement({ id: 'meas-b', kpiId: 'kpi-m1', date: '2026-03-01' }),
          s3: buildMeasurement({ kpiId: 'kpi-m1', date: '2026-01-01' }),
          s4: buildMeasurement({ id: 'meas-a', kpiId: 'kpi-m1', date: '2026-03-01' }),
        };
        for (const measurement of Object.values(m)) await store.measurements.create(measurement);
        return m;
      };
      type MeasurementKey = 's1' | 's2' | 's3' | 's4';

      const measurementCases: Array<[string, MeasurementQuery, MeasurementKey[]]> = [
        ['no filter: by KPI, then date, then id', {}, ['s3', 's4', 's2', 's1']],
        ['one KPI', { kpiIds: ['kpi-m2'] }, ['s1']],
        ['several KPIs', { kpiIds: ['kpi-m2', 'kpi-m1'] }, ['s3', 's4', 's2', 's1']],
        ['an unknown KPI', { kpiIds: ['kpi-none'] }, []],
        ['no KPIs at all', { kpiIds: [] }, []],
      ];
      it.each(measurementCases)('measurement list: %s', async (_name, query, expected) => {
        const m = await measurementWorld();
        expect(ids((await store.measurements.list(query)).items)).toEqual(expected.map((k) => m[k].id));
      });

      it('measurement pages of 2 return every measurement once, in order', async () => {
        const m = await measurementWorld();
        await expectPaged((req) => store.measurements.list(req), 2, [m.s3.id, m.s4.id, m.s2.id, m.s1.id]);
        await expectPaged((req) => store.measurements.list({ ...req, kpiIds: ['kpi-m1'] }), 2, [
          m.s3.id,
          m.s4.id,
          m.s2.id,
        ]);
      });
    });

    // -------------------------------------------------------------------------------------------------
    describe('people', () => {
      const world = async () => {
        const p = {
          alice: buildPerson({
            name: 'Alice Martin',
            role: 'cto',
            aadObjectId: '6F1A2B3C-0000-4000-8000-000000000001',
          }),
          bruno: buildPerson({ name: 'Bruno Keller', email: 'Bruno.Keller@Staff.Example.org' }),
          chen: buildPerson({ name: 'Chen Wei', role: 'changemaker', active: false }),
          danaB: buildPerson({ id: 'person-dana-b', name: 'Dana Osei' }),
          danaA: buildPerson({ id: 'person-dana-a', name: 'Dana Osei', role: 'viewer' }),
        };
        for (const person of Object.values(p)) await store.people.create(person);
        return p;
      };
      type Key = 'alice' | 'bruno' | 'chen' | 'danaA' | 'danaB';

      const cases: Array<[string, PersonQuery, Key[]]> = [
        ['no filter: by name, then id', {}, ['alice', 'bruno', 'chen', 'danaA', 'danaB']],
        ['role', { role: 'owner' }, ['bruno', 'danaB']],
        ['inactive', { active: false }, ['chen']],
        ['active', { active: true }, ['alice', 'bruno', 'danaA', 'danaB']],
        ['role and active', { role: 'changemaker', active: true }, []],
      ];
      it.each(cases)('list: %s', async (_name, query, expected) => {
        const p = await world();
        expect(ids((await store.people.list(query)).items)).toEqual(expected.map((k) => p[k].id));
      });

      it('pages of 2 return every person once, in order', async () => {
        const p = await world();
        await expectPaged((req) => store.people.list(req), 2, [
          p.alice.id,
          p.bruno.id,
          p.chen.id,
          p.danaA.id,
          p.danaB.id,
        ]);
      });

      it('getByEmail ignores letter case', async () => {
        const p = await world();
        expect(await store.people.getByEmail('bruno.keller@staff.example.org')).toEqual(p.bruno);
        expect(await store.people.getByEmail('BRUNO.KELLER@STAFF.EXAMPLE.ORG')).toEqual(p.bruno);
        expect(await store.people.getByEmail('nobody@staff.example.org')).toBeUndefined();
      });

      it('getByAadObjectId finds the person whatever the letter case of the GUID', async () => {
        const p = await world();
        expect(await store.people.getByAadObjectId('6f1a2b3c-0000-4000-8000-000000000001')).toEqual(p.alice);
        expect(await store.people.getByAadObjectId('6F1A2B3C-0000-4000-8000-000000000001')).toEqual(p.alice);
        expect(await store.people.getByAadObjectId('00000000-0000-4000-8000-000000000009')).toBeUndefined();
      });

      it('a second person with the same e-mail address is a DuplicateError', async () => {
        await world();
        const error = await rejectionOf(
          store.people.create(buildPerson({ email: 'bruno.keller@staff.example.org' })),
        );
        expect(error).toBeInstanceOf(DuplicateError);
      });
    });

    // -------------------------------------------------------------------------------------------------
    describe('audit', () => {
      const world = async () => {
        const e = {
          e1: buildAuditEvent({
            id: 'audit-c',
            at: fixtureInstant(0),
            entityType: 'project',
            entityId: 'p1',
            projectId: 'p1',
            actorId: 'alice',
          }),
          e2: buildAuditEvent({
            id: 'audit-a',
            at: fixtureInstant(5),
            entityType: 'risk',
            entityId: 'r1',
            projectId: 'p1',
            actorId: 'bob',
          }),
          e3: buildAuditEvent({
            id: 'audit-b',
            at: fixtureInstant(5),
            entityType: 'person',
            entityId: 'x',
            actorId: 'alice',
            action: 'forbidden',
            reason: 'role_required_cto',
          }),
          e4: buildAuditEvent({
            id: 'audit-d',
            at: fixtureInstant(10),
            entityType: 'project',
            entityId: 'p2',
            projectId: 'p2',
            actorId: 'bob',
            changes: [{ field: 'phase', before: 'planning', after: 'executing' }],
          }),
        };
        for (const event of [e.e2, e.e4, e.e1, e.e3]) await store.audit.append(event);
        return e;
      };
      type Key = 'e1' | 'e2' | 'e3' | 'e4';

      const cases: Array<[string, AuditQuery, Key[]]> = [
        ['no filter: newest first, then id descending', {}, ['e4', 'e3', 'e2', 'e1']],
        ['entity type', { entityType: 'project' }, ['e4', 'e1']],
        ['entity', { entityType: 'project', entityId: 'p1' }, ['e1']],
        ['project', { projectId: 'p1' }, ['e2', 'e1']],
        ['actor', { actorId: 'alice' }, ['e3', 'e1']],
        ['since (inclusive)', { since: fixtureInstant(5) }, ['e4', 'e3', 'e2']],
        ['since, later', { since: fixtureInstant(6) }, ['e4']],
        ['actor and since', { actorId: 'bob', since: fixtureInstant(1) }, ['e4', 'e2']],
      ];
      it.each(cases)('list: %s', async (_name, query, expected) => {
        const e = await world();
        const page = await store.audit.list(query);
        expect(ids(page.items)).toEqual(expected.map((k) => e[k].id));
        for (const item of page.items)
          expect(item).toEqual(e[(Object.keys(e) as Key[]).find((k) => e[k].id === item.id)!]);
      });

      it('pages of 3 return every event once, newest first', async () => {
        const e = await world();
        await expectPaged((req) => store.audit.list(req), 3, [e.e4.id, e.e3.id, e.e2.id, e.e1.id]);
      });

      it('appending the same event id twice is a DuplicateError and keeps one event', async () => {
        const event: AuditEvent = buildAuditEvent();
        await store.audit.append(event);
        expect(await rejectionOf(store.audit.append({ ...event, reason: 'replayed' }))).toBeInstanceOf(
          DuplicateError,
        );
        expect((await store.audit.list()).items).toEqual([event]);
      });
    });

    // -------------------------------------------------------------------------------------------------
    describe('settings', () => {
      it('is absent at first; save with null creates version 1', async () => {
        expect(await store.settings.get()).toBeUndefined();
        const saved = await store.settings.save(buildSettings({ escalationThreshold: 12 }), null);
        expect(saved.version).toBe(1);
        expect(saved.escalationThreshold).toBe(12);
        expect(await store.settings.get()).toEqual(saved);
      });

      it('creating it twice is a DuplicateError', async () => {
        await store.settings.save(buildSettings(), null);
        expect(await rejectionOf(store.settings.save(buildSettings(), null))).toBeInstanceOf(DuplicateError);
      });

      it('save from the current version stores the next one; from a stale version it is a ConflictError', async () => {
        const first = await store.settings.save(buildSettings(), null);
        const second = await store.settings.save({ ...first, digestSubscribers: ['alice'] }, 1);
        expect(second.version).toBe(2);
        expect(await store.settings.get()).toEqual(second);
        const error = await rejectionOf(store.settings.save({ ...first, escalationThreshold: 5 }, 1));
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).current).toEqual(second);
        expect(await store.settings.get()).toEqual(second);
      });

      it('save with a version when none exists is a NotFoundError', async () => {
        expect(await rejectionOf(store.settings.save(buildSettings(), 1))).toBeInstanceOf(NotFoundError);
      });

      it('two concurrent saves from one version: exactly one wins', async () => {
        const first = await store.settings.save(buildSettings(), null);
        const results = await Promise.allSettled([
          store.settings.save({ ...first, escalationThreshold: 10 }, 1),
          store.settings.save({ ...first, escalationThreshold: 20 }, 1),
        ]);
        expectOneWinner(results);
        const winner = results.find((r) => r.status === 'fulfilled')!.value;
        expect(await store.settings.get()).toEqual(winner);
      });
    });

    // -------------------------------------------------------------------------------------------------
    describeReadModelContract(harness);

    // -------------------------------------------------------------------------------------------------
    describe('store', () => {
      it('is empty until it holds a project or a person', async () => {
        expect(await store.isEmpty()).toBe(true);
        await store.audit.append(buildAuditEvent());
        await store.settings.save(buildSettings(), null);
        await store.risks.create(buildRisk());
        await store.kpis.create(buildKpi());
        expect(await store.isEmpty()).toBe(true);
        await store.people.create(buildPerson());
        expect(await store.isEmpty()).toBe(false);
      });

      it('is not empty once it holds a project', async () => {
        await store.projects.create(buildProject());
        expect(await store.isEmpty()).toBe(false);
      });

      it('answers ping and names its kind', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        expect(store.kind).toEqual(expect.any(String));
      });
    });
  });
}
