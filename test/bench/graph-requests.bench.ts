// Graph requests per operation against the emulator, COUNTED (PRODUCT.md section 9: "Graph is called
// the minimum number of times"). The counts are measured once when the file loads, printed as a
// table, and written into the benchmark names; the benchmarks then time the same operations.
//
//   full load      a new app instance synchronises every list of a 1,000-project synthetic portfolio
//   no-change sync the next synchronisation when nothing changed (goal: one request per list)
//   100 updates    100 status updates written together (goal: ceil(100/20) = 5 $batch requests)
//
// The emulator honours $top up to 999 (the client asks for 999); a second emulator clamps pages to 200
// to show how the count grows when SharePoint gives smaller pages than asked for.
import { afterAll, bench, describe } from 'vitest';
import { AuditEvent } from '../../bot/domain/audit.js';
import { Kpi, Measurement } from '../../bot/domain/kpi.js';
import { Milestone } from '../../bot/domain/milestone.js';
import { shiftPeriod } from '../../bot/domain/period.js';
import { Person, SYSTEM_ACTOR_ID } from '../../bot/domain/person.js';
import { Project } from '../../bot/domain/project.js';
import { Risk } from '../../bot/domain/risk.js';
import { Settings } from '../../bot/domain/settings.js';
import { StatusUpdate } from '../../bot/domain/status-update.js';
import { seedAuditId } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { encodeFields, type EntityCodec } from '../../bot/storage/sharepoint/list-item-codec.js';
import {
  AUDIT,
  KPIS,
  listDisplayName,
  MEASUREMENTS,
  MILESTONES,
  PEOPLE,
  PROJECTS,
  RISKS,
  SETTINGS,
  STATUS_UPDATES,
  type ListSpec,
} from '../../bot/storage/sharepoint/list-schema.js';
import type { SharePointStore } from '../../bot/storage/sharepoint/sharepoint-store.js';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';
import { provisionedSite, type SharePointSite } from '../storage/sharepoint-harness.js';

const PROJECTS_COUNT = 1000;
const portfolio = buildSyntheticPortfolio({
  projects: PROJECTS_COUNT,
  now: new Date('2026-03-02T09:00:00Z'),
  timeZone: 'Europe/Zurich',
});

function codec<T extends { id: string; version: number }>(
  spec: ListSpec<T>,
  schema: EntityCodec<T>['schema'],
): EntityCodec<T> {
  return { spec, entity: spec.key, schema, idOf: (e) => e.id, versionOf: (e) => e.version };
}

const auditEvents: AuditEvent[] = [
  ...portfolio.people.map((p) => ['person', p.id, p.createdAt, null] as const),
  ...portfolio.projects.map((p) => ['project', p.id, p.createdAt, p.id] as const),
  ...portfolio.statusUpdates.map((u) => ['status-update', u.id, u.createdAt, u.projectId] as const),
  ...portfolio.risks.map((r) => ['risk', r.id, r.createdAt, r.projectId] as const),
  ...portfolio.milestones.map((m) => ['milestone', m.id, m.createdAt, m.projectId] as const),
].map(([entityType, entityId, at, projectId]) =>
  AuditEvent.parse({
    id: seedAuditId(entityType, entityId),
    at,
    actorId: SYSTEM_ACTOR_ID,
    surface: 'seed',
    entityType,
    entityId,
    projectId,
    action: 'seed',
    reason: 'synthetic portfolio',
  }),
);

/** Writes the portfolio straight into the emulator's lists (the bench measures reading, not seeding). */
function load(site: SharePointSite): number {
  let items = 0;
  const put = <T>(spec: ListSpec<T>, c: EntityCodec<T>, entities: readonly T[]) => {
    const list = site.emulator.model.list(
      site.siteId,
      listDisplayName(site.config.sharepoint.listPrefix, spec),
    );
    for (const e of entities) site.emulator.model.createItem(list, encodeFields(c, e, 'seed'));
    items += entities.length;
  };
  put(PEOPLE, codec(PEOPLE, Person), portfolio.people);
  put(PROJECTS, codec(PROJECTS, Project), portfolio.projects);
  put(STATUS_UPDATES, codec(STATUS_UPDATES, StatusUpdate), portfolio.statusUpdates);
  put(RISKS, codec(RISKS, Risk), portfolio.risks);
  put(MILESTONES, codec(MILESTONES, Milestone), portfolio.milestones);
  put(KPIS, codec(KPIS, Kpi), portfolio.kpis);
  put(MEASUREMENTS, codec(MEASUREMENTS, Measurement), portfolio.measurements);
  put(
    AUDIT,
    { spec: AUDIT, entity: 'audit-event', schema: AuditEvent, idOf: (e) => e.id, versionOf: () => 1 },
    auditEvents,
  );
  const settings = { ...portfolio.settings, id: 'settings' };
  put(
    SETTINGS,
    {
      spec: SETTINGS,
      entity: 'settings',
      schema: Settings.loose(),
      idOf: () => 'settings',
      versionOf: (s) => s.version,
    },
    [settings],
  );
  return items;
}

function describeCounts(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `${total} (${Object.entries(counts)
    .map(([op, n]) => `${op} ${n}`)
    .join(', ')})`;
}

interface Measured {
  pageCap: number;
  items: number;
  fullLoad: Record<string, number>;
  noChange: Record<string, number>;
  writes: Record<string, number>;
  writesInBatch: number;
}

const sites: SharePointSite[] = [];
const stores: SharePointStore[] = [];

async function measure(pageCap: number): Promise<{ measured: Measured; site: SharePointSite }> {
  const emulator = await GraphEmulator.start({
    maxPageSize: pageCap,
    defaultPageSize: Math.min(200, pageCap),
  });
  const site = await provisionedSite(emulator);
  sites.push(site);
  const items = load(site);
  const project = portfolio.projects[0] as Project;

  emulator.resetCounts();
  const store = await site.open({ cacheMaxAgeMs: 5_000 });
  stores.push(store);
  await store.sync();
  const fullLoad = emulator.countsByOperation();

  emulator.resetCounts();
  await store.sync();
  const noChange = emulator.countsByOperation();

  emulator.resetCounts();
  const latest =
    [...portfolio.statusUpdates].sort((a, b) => (a.period < b.period ? 1 : -1))[0]?.period ?? '2026-W10';
  await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      store.statusUpdates.create(
        StatusUpdate.parse({
          ...portfolio.statusUpdates[0],
          id: `bench-update-${pageCap}-${i}`,
          projectId: (portfolio.projects[i] ?? project).id,
          period: shiftPeriod(latest, 1),
          history: [],
        }),
      ),
    ),
  );
  const writes = emulator.countsByOperation();
  const writesInBatch = emulator.count('items.create', { inBatch: true });
  if (emulator.unexpected.length > 0)
    throw new Error(`the emulator did not understand: ${emulator.unexpected.join('; ')}`);
  return { measured: { pageCap, items, fullLoad, noChange, writes, writesInBatch }, site };
}

const big = await measure(999);
const small = await measure(200);

const rows = [big.measured, small.measured].map((m) => ({
  'page cap': m.pageCap,
  'list items': m.items,
  'full load (requests)': describeCounts(m.fullLoad),
  'no-change sync': describeCounts(m.noChange),
  '100 status updates': `${describeCounts(m.writes)}; ${m.writesInBatch} creates inside them`,
}));
console.log(
  `\nGraph requests per operation, ${PROJECTS_COUNT}-project synthetic portfolio (token requests not counted)`,
);
console.table(rows);

let round = 0;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

afterAll(async () => {
  for (const site of sites) {
    await site.cleanup();
    await site.emulator.close();
  }
});

describe(`Graph requests, ${PROJECTS_COUNT}-project portfolio (${big.measured.items} list items)`, () => {
  bench(
    `full load: ${total(big.measured.fullLoad)} requests (${total(small.measured.fullLoad)} with 200-item pages)`,
    async () => {
      const store = await big.site.open({ cacheMaxAgeMs: 60_000 });
      await store.sync();
      await store.close();
    },
    { iterations: 3, time: 0 },
  );
  bench(
    `no-change sync: ${total(big.measured.noChange)} requests (one delta request per list)`,
    async () => {
      await (stores[0] as SharePointStore).sync();
    },
    { iterations: 20, time: 0 },
  );
  bench(
    `100 status updates written together: ${total(big.measured.writes)} $batch requests`,
    async () => {
      const store = stores[0] as SharePointStore;
      const period = shiftPeriod('2030-W01', round++);
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          store.statusUpdates.create(
            StatusUpdate.parse({
              ...portfolio.statusUpdates[0],
              id: `bench-${period}-${i}`,
              projectId: (portfolio.projects[i] as Project).id,
              period,
              history: [],
            }),
          ),
        ),
      );
    },
    { iterations: 3, time: 0 },
  );
});
