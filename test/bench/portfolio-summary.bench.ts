// The portfolio summary for a 1,000-project synthetic portfolio on the embedded store, against the
// floor it cannot beat: reading the same rows (projects, latest updates for two periods, active
// risks) without computing anything. The ratio shows what the service adds on top of I/O.
import { afterAll, bench, describe } from 'vitest';
import { Person } from '../../bot/domain/person.js';
import { previousPeriod, periodOf } from '../../bot/domain/period.js';
import { InProcessEventBus } from '../../bot/platform/event-bus.js';
import { cryptoIds } from '../../bot/platform/id-generator.js';
import { FixedClock } from '../../bot/ports/clock.js';
import { collectAll } from '../../bot/ports/paging.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import type { RequestContext } from '../../bot/services/context.js';
import { createServices } from '../../bot/services/services.js';
import { createTemporarySqliteStore } from '../../bot/storage/sqlite/temporary-store.js';

const NOW = new Date('2026-11-25T14:00:00Z');
const TZ = 'Europe/Zurich';
const temp = createTemporarySqliteStore();
const store = temp.store;
const portfolio = buildSyntheticPortfolio({ projects: 1000, now: NOW, timeZone: TZ });
await applySeed(store, portfolio, { bulk: (fn) => store.transaction(fn) });
const services = createServices({
  store,
  clock: new FixedClock(NOW),
  ids: cryptoIds,
  events: new InProcessEventBus(() => undefined),
  orgTimeZone: TZ,
});
const cto = Person.parse(portfolio.people.find((p) => p.role === 'cto'));
const ctx: RequestContext = { actor: cto, surface: 'tab', correlationId: 'bench', locale: 'en' };
const current = periodOf(NOW, TZ);

afterAll(() => temp.cleanup());

describe(`portfolio summary, ${portfolio.projects.length} projects, ${portfolio.statusUpdates.length} updates, ${portfolio.risks.length} risks`, () => {
  bench('raw reads of the same rows (floor)', async () => {
    await Promise.all([
      collectAll((page) => store.projects.list(page)),
      collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod: current, ...page })),
      collectAll((page) =>
        store.statusUpdates.latestPerProject({ upToPeriod: previousPeriod(current), ...page }),
      ),
      collectAll((page) => store.risks.list({ status: ['open', 'mitigating', 'escalated'], ...page })),
      collectAll((page) => store.risks.list({ status: ['open', 'mitigating', 'escalated'], ...page })),
    ]);
  });

  bench('services.projects.summary (GET /api/v1/portfolio/summary)', async () => {
    await services.projects.summary(ctx);
  });
});
