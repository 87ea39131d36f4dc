// Row 7 of the table: seeding the demo portfolio into SharePoint (the Graph emulator, through the real
// gateway) while 20 % of Graph calls are throttled with Retry-After: 1 s (real waits), then checking
// that nothing was lost: a second instance reads back every entity and audit event. The same seed
// without faults is the reference.
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, bench, describe } from 'vitest';
import { collectAll } from '../../bot/ports/paging.js';
import type { Store } from '../../bot/ports/repositories.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildDemoPortfolio } from '../../bot/seed/demo-portfolio.js';
import type { SeedData } from '../../bot/seed/seed-data.js';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';
import { provisionedSite } from '../storage/sharepoint-harness.js';
import { recordRow } from './bench-table.js';

const demo = buildDemoPortfolio({ now: new Date('2026-11-25T14:00:00Z'), timeZone: 'Europe/Zurich' });
const emulator = await GraphEmulator.start();
const realSleep = (ms: number) => delay(ms);

async function counts(store: Store) {
  const all = <T>(f: Parameters<typeof collectAll<T>>[0]) => collectAll(f).then((x) => x.length);
  return {
    people: await all((p) => store.people.list(p)),
    projects: await all((p) => store.projects.list(p)),
    risks: await all((p) => store.risks.list(p)),
    milestones: await all((p) => store.milestones.list(p)),
    kpis: await all((p) => store.kpis.list(p)),
    measurements: await all((p) => store.measurements.list(p)),
    audit: await all((p) => store.audit.list(p)),
    statusUpdates: (
      await Promise.all(
        (await collectAll((p) => store.projects.list(p))).map((project) =>
          all((p) => store.statusUpdates.listByProject(project.id, p)),
        ),
      )
    ).reduce((a, b) => a + b, 0),
  };
}

function expected(data: SeedData) {
  return {
    people: data.people.length,
    projects: data.projects.length,
    statusUpdates: data.statusUpdates.length,
    risks: data.risks.length,
    milestones: data.milestones.length,
    kpis: data.kpis.length,
    measurements: data.measurements.length,
  };
}

/** Seeds into a fresh site; seconds until every write landed (queued ones replayed), and what a second instance reads. */
async function seedOnce(throttled: boolean) {
  const site = await provisionedSite(emulator);
  // As in production: real waits, and a list read within 5 s is not synchronised again.
  const store = await site.open({ sleep: realSleep, cacheMaxAgeMs: 5_000 });
  if (throttled)
    emulator.faults.setRandom({
      rate: 0.2,
      faults: [{ type: 'status', status: 429, retryAfterSeconds: 1 }],
      seed: 7,
    });
  const started = performance.now();
  await applySeed(store, demo, { reason: "bench" });
  while (store.pendingWrites() > 0) await store.flushOutbox();
  const seconds = (performance.now() - started) / 1000;
  emulator.faults.clear();
  const reader = await site.open();
  const read = await counts(reader);
  await site.cleanup();
  return { seconds, read };
}

afterAll(async () => {
  const clean = await seedOnce(false);
  const faulty = await seedOnce(true);
  const want = expected(demo);
  const lost = Object.entries(want).filter(([k, n]) => faulty.read[k as keyof typeof want] !== n);
  const entities = Object.values(want).reduce((a, b) => a + b, 0);
  const complete = lost.length === 0 && faulty.read.audit >= entities;
  recordRow({
    order: 7,
    row: `seed the demo portfolio into SharePoint (${entities} entities + audit), 20 % of Graph calls throttled (Retry-After 1 s)`,
    figure: `${faulty.seconds.toFixed(1)} s (${clean.seconds.toFixed(1)} s without faults); ${complete ? 'nothing lost' : `LOST: ${lost.map(([k]) => k).join(', ')}`}`,
    goal: '≤ 15 s, nothing lost',
    met: faulty.seconds <= 15 && complete,
  });
  await emulator.close();
});

describe('seed into SharePoint under throttling', () => {
  bench('placeholder (the seed is timed once, in afterAll)', () => undefined, { iterations: 1, time: 0 });
});
