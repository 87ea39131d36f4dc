// Row 1 of the table: the portfolio summary of a 1,000-project synthetic portfolio (embedded store),
// against GET /healthz p50 on the same app in the same run (the floor any design meets: HTTP and
// nothing else). The summary reads each project's read-model facts, not every update and risk.
import { afterAll, bench, describe } from 'vitest';
import { Person } from '../../bot/domain/person.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import type { RequestContext } from '../../bot/services/context.js';
import type { SqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';
import { startTestApp, TEST_NOW } from '../helpers/test-app.js';
import { ms, percentile, recordRow, sample, times } from './bench-table.js';

const portfolio = buildSyntheticPortfolio({
  projects: 1000,
  now: new Date(TEST_NOW),
  timeZone: 'Europe/Zurich',
});
const app = await startTestApp({
  demo: false,
  beforeListen: async ({ store }) => {
    await applySeed(store, portfolio, { bulk: (fn) => (store as SqliteStore).transaction(fn) });
  },
});
const services = app.app.services;
const cto = Person.parse(portfolio.people.find((p) => p.role === 'cto'));
const ctx: RequestContext = { actor: cto, surface: 'tab', correlationId: 'bench', locale: 'en' };
const what = `${portfolio.projects.length} projects / ${portfolio.statusUpdates.length} updates / ${portfolio.risks.length} risks`;

afterAll(async () => {
  const healthz = percentile(await sample(400, () => app.call('/healthz').then((r) => r.text())), 50);
  const summary = percentile(await sample(200, () => services.projects.summary(ctx)), 50);
  recordRow({
    order: 1,
    row: `services.projects.summary, ${what}`,
    figure: `p50 ${ms(summary)} = ${times(summary / healthz)} GET /healthz p50 (${ms(healthz)})`,
    goal: '≤ 5× GET /healthz p50',
    met: summary <= 5 * healthz,
  });
  await app.close();
});

describe(`portfolio summary, ${what}`, () => {
  bench('GET /healthz (floor)', async () => {
    await (await app.call('/healthz')).text();
  });
  bench('services.projects.summary (GET /api/v1/portfolio/summary)', async () => {
    await services.projects.summary(ctx);
  });
});
