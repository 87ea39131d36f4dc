// Rows 2 and 3 of the table, on the demo portfolio (embedded store), in one process:
//   - GET /api/v1/projects under 50 concurrent connections against GET /healthz under the same load
//     (the floor: HTTP and nothing else), requests per second;
//   - GET /api/v1/projects p50 with nothing else running, before and after one project is given
//     12,528 extra risks (its open-risk count and top score come from the read models, so the list
//     should not notice).
import { afterAll, bench, describe } from 'vitest';
import { riskLevel, riskScore, Risk } from '../../bot/domain/risk.js';
import type { SqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';
import { startTestApp } from '../helpers/test-app.js';
import { load, ms, percentile, recordRow, sample, times } from './bench-table.js';

const SECONDS = 10;
const CONNECTIONS = 50;
const FLOOD = 12_528;
const app = await startTestApp();
const get = (p: string) => async () => {
  const r = await app.call(p);
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status}`);
};
const projects = get('/api/v1/projects');

async function flood(): Promise<void> {
  const store = app.app.store as SqliteStore;
  const [target] = (await store.projects.list({ limit: 1 })).items;
  if (!target) throw new Error('no project to flood');
  const base = (await store.risks.list({ limit: 1 })).items[0];
  if (!base) throw new Error('no risk to copy');
  const pending = store.transaction(() =>
    Array.from({ length: FLOOD }, (_, i) => {
      const likelihood = ((i % 5) + 1) as 1;
      const impact = (((i >> 3) % 5) + 1) as 1;
      const score = riskScore(likelihood, impact);
      return store.risks.create(
        Risk.parse({
          ...base,
          id: `flood-${i}`,
          projectId: target.id,
          likelihood,
          impact,
          score,
          level: riskLevel(score),
          history: [],
        }),
      );
    }),
  );
  await Promise.all(pending);
}

afterAll(async () => {
  const healthz = await load(CONNECTIONS, SECONDS, get('/healthz'));
  const list = await load(CONNECTIONS, SECONDS, projects);
  recordRow({
    order: 2,
    row: `GET /api/v1/projects, demo data, ${CONNECTIONS} connections, ${SECONDS} s`,
    figure: `${list.perSecond.toFixed(0)} req/s (p50 ${ms(percentile(list.latencies, 50))}) = ${((100 * list.perSecond) / healthz.perSecond).toFixed(0)} % of GET /healthz (${healthz.perSecond.toFixed(0)} req/s)`,
    goal: '≥ 50 % of the req/s of GET /healthz',
    met: list.perSecond >= 0.5 * healthz.perSecond,
  });
  const before = percentile(await sample(300, projects), 50);
  await flood();
  const after = percentile(await sample(300, projects), 50);
  const loaded = await load(CONNECTIONS, Math.min(5, SECONDS), projects);
  recordRow({
    order: 3,
    row: `GET /api/v1/projects after one project is given ${FLOOD.toLocaleString('en')} extra risks`,
    figure: `p50 ${ms(after)} idle = ${times(after / before)} before the flood (${ms(before)}); ${loaded.perSecond.toFixed(0)} req/s under load`,
    goal: 'p50 ≤ 1.5× before the flood',
    met: after <= 1.5 * before,
  });
  await app.close();
});

describe('GET /api/v1/projects, demo portfolio', () => {
  bench('GET /healthz (floor)', get('/healthz'));
  bench('GET /api/v1/projects', projects);
});
