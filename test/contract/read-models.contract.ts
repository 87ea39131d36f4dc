// The read-model contract (bot/ports/read-models.ts), run inside every store's contract suite: after
// any sequence of writes, spread over two app instances and run concurrently, each instance's
// maintained facts equal the facts computed from the stored rows (factsFromRows), equal each other,
// and survive a rebuild unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, DuplicateError, NotFoundError, ValidationError } from '../../bot/domain/errors.js';
import type { Health } from '../../bot/domain/health.js';
import type { PillarCode } from '../../bot/domain/pillar.js';
import type { ProjectPhase } from '../../bot/domain/project.js';
import {
  ACTIVE_RISK_STATUSES,
  addRisk,
  canonicalFacts,
  emptyRiskStats,
} from '../../bot/domain/read-model.js';
import { riskLevel, riskScore, type RiskStatus } from '../../bot/domain/risk.js';
import { healthHistory } from '../../bot/domain/health-history.js';
import { recentPeriods } from '../../bot/domain/period.js';
import { cryptoIds } from '../../bot/platform/id-generator.js';
import { FixedClock } from '../../bot/ports/clock.js';
import { collectAll } from '../../bot/ports/paging.js';
import type { Store } from '../../bot/ports/repositories.js';
import { factsFromRows } from '../../bot/services/read-model-rows.js';
import { createServices } from '../../bot/services/services.js';
import {
  buildKpi,
  buildMeasurement,
  buildMilestone,
  buildPerson,
  buildProject,
  buildRisk,
  buildStatusUpdate,
} from '../helpers/fixtures.js';

const PERIODS = ['2026-W07', '2026-W08', '2026-W09', '2026-W10'] as const;
const SLOTS = 3;

type Op =
  | { kind: 'project'; slot: number; pillar: PillarCode; phase: ProjectPhase; start: string | null }
  | { kind: 'update'; slot: number; period: number; health: Health; percent: number }
  | { kind: 'risk'; slot: number | null; n: number; likelihood: number; impact: number; status: RiskStatus }
  | { kind: 'milestone'; slot: number; n: number; day: number; status: 'planned' | 'done' | 'missed' }
  | { kind: 'kpi'; slot: number | null; n: number }
  | { kind: 'measurement'; kpi: number; n: number; value: number };

const slot = fc.integer({ min: 0, max: SLOTS - 1 });
const rating = fc.integer({ min: 1, max: 5 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('project' as const),
    slot,
    pillar: fc.constantFrom<PillarCode>('SPT', 'RES'),
    phase: fc.constantFrom<ProjectPhase>('planning', 'executing', 'on-hold', 'done'),
    start: fc.constantFrom(null, '2026-01-05', '2026-03-02'),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    slot,
    period: fc.integer({ min: 0, max: PERIODS.length - 1 }),
    health: fc.constantFrom<Health>('green', 'amber', 'red'),
    percent: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({
    kind: fc.constant('risk' as const),
    slot: fc.option(slot, { nil: null }),
    n: fc.integer({ min: 0, max: 3 }),
    likelihood: rating,
    impact: rating,
    status: fc.constantFrom<RiskStatus>('proposed', 'open', 'mitigating', 'escalated', 'closed'),
  }),
  fc.record({
    kind: fc.constant('milestone' as const),
    slot,
    n: fc.integer({ min: 0, max: 2 }),
    day: fc.integer({ min: 1, max: 28 }),
    status: fc.constantFrom<'planned' | 'done' | 'missed'>('planned', 'done', 'missed'),
  }),
  fc.record({
    kind: fc.constant('kpi' as const),
    slot: fc.option(slot, { nil: null }),
    n: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({
    kind: fc.constant('measurement' as const),
    kpi: fc.integer({ min: 0, max: 1 }),
    n: fc.integer({ min: 0, max: 2 }),
    value: fc.integer({ min: 0, max: 100 }),
  }),
);

/** Writes that lose a race (another instance got there first) are expected; anything else is not. */
async function tolerant(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (
      error instanceof ConflictError ||
      error instanceof DuplicateError ||
      error instanceof NotFoundError ||
      error instanceof ValidationError
    )
      return;
    throw error;
  }
}

let runs = 0;

function applier(run: number) {
  const pid = (s: number) => `rm${run}-p${s}`;
  async function ensureProject(store: Store, s: number): Promise<string> {
    if (!(await store.projects.get(pid(s)))) {
      await tolerant(() =>
        store.projects.create(buildProject({ id: pid(s), code: `RM-${(run * SLOTS + s) % 10_000}` })),
      );
    }
    return pid(s);
  }
  async function upsert<T extends { id: string; version: number }>(
    repo: {
      get(id: string): Promise<T | undefined>;
      create(e: T): Promise<T>;
      update(e: T, v: number): Promise<T>;
    },
    id: string,
    fresh: () => T,
    edit: (current: T) => T,
  ): Promise<void> {
    const current = await repo.get(id);
    await tolerant(() => (current ? repo.update(edit(current), current.version) : repo.create(fresh())));
  }

  return async (store: Store, op: Op): Promise<void> => {
    switch (op.kind) {
      case 'project': {
        const fields = { pillar: op.pillar, phase: op.phase, startDate: op.start };
        return upsert(
          store.projects,
          pid(op.slot),
          () => buildProject({ id: pid(op.slot), code: `RM-${(run * SLOTS + op.slot) % 10_000}`, ...fields }),
          (p) => ({ ...p, ...fields }),
        );
      }
      case 'update': {
        const projectId = await ensureProject(store, op.slot);
        const period = PERIODS[op.period]!;
        const fields = { health: op.health, percentComplete: op.percent, blockers: `b${op.percent}` };
        return upsert(
          store.statusUpdates,
          `${projectId}-u${op.period}`,
          () => buildStatusUpdate({ id: `${projectId}-u${op.period}`, projectId, period, ...fields }),
          (u) => ({ ...u, ...fields }),
        );
      }
      case 'risk': {
        const projectId = op.slot === null ? null : await ensureProject(store, op.slot);
        const score = riskScore(op.likelihood, op.impact);
        const fields = {
          likelihood: op.likelihood as 1,
          impact: op.impact as 1,
          score,
          level: riskLevel(score),
          status: op.status,
        };
        const id = `rm${run}-r${op.slot ?? 'x'}-${op.n}`;
        return upsert(
          store.risks,
          id,
          () => buildRisk({ id, projectId, ...fields }),
          (r) => ({ ...r, ...fields }),
        );
      }
      case 'milestone': {
        const projectId = await ensureProject(store, op.slot);
        const fields = {
          dueDate: `2026-04-${String(op.day).padStart(2, '0')}`,
          status: op.status,
          completedOn: op.status === 'done' ? '2026-03-01' : null,
        };
        const id = `${projectId}-m${op.n}`;
        return upsert(
          store.milestones,
          id,
          () => buildMilestone({ id, projectId, ...fields }),
          (m) => ({ ...m, ...fields }),
        );
      }
      case 'kpi': {
        const projectId = op.slot === null ? null : await ensureProject(store, op.slot);
        const id = `rm${run}-k${op.n}`;
        return upsert(
          store.kpis,
          id,
          () => buildKpi({ id, projectId }),
          (k) => ({ ...k, projectId }),
        );
      }
      case 'measurement': {
        const kpiId = `rm${run}-k${op.kpi}`;
        if (!(await store.kpis.get(kpiId))) return;
        const id = `${kpiId}-m${op.n}`;
        return upsert(
          store.measurements,
          id,
          () => buildMeasurement({ id, kpiId, value: op.value, date: `2026-0${op.n + 2}-01` }),
          (m) => ({ ...m, value: op.value }),
        );
      }
    }
  };
}

async function maintained(store: Store) {
  return canonicalFacts(await collectAll((page) => store.readModels.listFacts({ ...page, limit: 2 })));
}

async function expectModelsHold(store: Store): Promise<void> {
  const kept = await maintained(store);
  expect(kept).toEqual(canonicalFacts(await factsFromRows(store)));
  expect(canonicalFacts(await store.readModels.projectFacts(kept.map((f) => f.projectId)))).toEqual(kept);
  const wide = emptyRiskStats();
  const risks = await collectAll((page) =>
    store.risks.list({ portfolioWide: true, status: ACTIVE_RISK_STATUSES, ...page }),
  );
  for (const r of risks) addRisk(wide, r);
  expect(await store.readModels.portfolioWideRisks()).toEqual(wide);
}

export interface ReadModelHarness {
  store: Store;
  openSecondInstance?(): Promise<Store>;
}

export function describeReadModelContract(harness: () => ReadModelHarness): void {
  describe('read models', () => {
    it('after any sequence of writes the maintained facts equal the facts rebuilt from the rows', async () => {
      const store = harness().store;
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
          const apply = applier(++runs);
          for (const op of ops) await apply(store, op);
          await expectModelsHold(store);
        }),
        { numRuns: 10 },
      );
      const before = await maintained(store);
      expect((await store.readModels.rebuild()).projects).toBe(before.length);
      expect(await maintained(store)).toEqual(before);
    }, 120_000);

    it('the generation moves when any instance changes some facts, and not on reads', async () => {
      const h = harness();
      const g0 = await h.store.readModels.generation();
      await h.store.readModels.listFacts();
      expect(await h.store.readModels.generation()).toBe(g0);
      const project = await h.store.projects.create(buildProject());
      const g1 = await h.store.readModels.generation();
      expect(g1).not.toBe(g0);
      if (!h.openSecondInstance) return;
      const other = await h.openSecondInstance();
      try {
        await other.statusUpdates.create(buildStatusUpdate({ projectId: project.id }));
        expect(await h.store.readModels.generation()).not.toBe(g1);
      } finally {
        await other.close();
      }
    });

    it('the health history the cockpit reads is kept, yet equals the rows after any instance writes', async () => {
      const h = harness();
      // Wednesday of 2026-W11: the 12 weeks shown cover every period the writes use.
      const clock = new FixedClock('2026-03-11T12:00:00.000Z');
      const servicesOf = (store: Store) =>
        createServices({
          store,
          clock,
          ids: cryptoIds,
          events: { publish: () => undefined },
          orgTimeZone: 'Europe/Zurich',
        });
      const ctx = {
        actor: buildPerson({ role: 'cto' }),
        surface: 'api' as const,
        correlationId: 't',
        locale: 'en' as const,
      };
      const fromRows = async (store: Store) => {
        const periods = recentPeriods('2026-W11', 12);
        const projects = await collectAll((page) => store.projects.list(page));
        const latest = await Promise.all(
          periods.map((upToPeriod) =>
            collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod, ...page })),
          ),
        );
        return healthHistory(
          projects,
          periods.map((period, i) => ({ period, latest: latest[i] ?? [] })),
        );
      };
      const other = h.openSecondInstance ? await h.openSecondInstance() : undefined;
      try {
        const instances = other ? [h.store, other] : [h.store];
        const services = instances.map(servicesOf);
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.tuple(opArb, fc.integer({ min: 0, max: instances.length - 1 })), {
              minLength: 1,
              maxLength: 12,
            }),
            async (ops) => {
              const apply = applier(++runs);
              for (const [op, n] of ops) {
                await apply(instances[n]!, op);
                // Read (and keep) after every write, so a stale kept answer would show.
                for (const [i, s] of services.entries()) {
                  expect(await s.projects.healthHistory(ctx)).toEqual(await fromRows(instances[i]!));
                }
              }
            },
          ),
          { numRuns: 5 },
        );
      } finally {
        await other?.close();
      }
    }, 120_000);

    it('concurrent writers on two app instances: both instances hold the facts of the rows', async (ctx) => {
      const h = harness();
      if (!h.openSecondInstance) return ctx.skip();
      const other = await h.openSecondInstance();
      try {
        const instances = [h.store, other];
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.tuple(opArb, fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 24 }),
            async (ops) => {
              const apply = applier(++runs);
              for (let i = 0; i < ops.length; i += 4) {
                await Promise.all(ops.slice(i, i + 4).map(([op, n]) => apply(instances[n]!, op)));
              }
              await expectModelsHold(h.store);
              await expectModelsHold(other);
              expect(await maintained(other)).toEqual(await maintained(h.store));
            },
          ),
          { numRuns: 6 },
        );
      } finally {
        await other.close();
      }
    }, 120_000);
  });
}
