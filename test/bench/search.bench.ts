// Search at 1,000 projects (about 5,000 risks, 10,000 status updates) on the embedded store: the
// questions of the message extension and the Copilot functions, answered from the search index that
// is kept up to date on write (bot/services/search). The first query builds the index; the figures
// are for the queries after it, with and without a write in between. Target: p50 ≤ 50 ms.
import { afterAll, bench, describe } from 'vitest';
import { Person } from '../../bot/domain/person.js';
import { InProcessEventBus } from '../../bot/platform/event-bus.js';
import { cryptoIds } from '../../bot/platform/id-generator.js';
import { FixedClock } from '../../bot/ports/clock.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import type { RequestContext } from '../../bot/services/context.js';
import { withChangeFeed } from '../../bot/services/search/change-feed.js';
import { createServices } from '../../bot/services/services.js';
import { createTemporarySqliteStore } from '../../bot/storage/sqlite/temporary-store.js';

const NOW = new Date('2026-11-25T14:00:00Z');
const TZ = 'Europe/Zurich';
const temp = createTemporarySqliteStore();
const portfolio = buildSyntheticPortfolio({ projects: 1000, now: NOW, timeZone: TZ });
await applySeed(temp.store, portfolio, { bulk: (fn) => temp.store.transaction(fn) });
const store = withChangeFeed(temp.store);
const services = createServices({
  store,
  clock: new FixedClock(NOW),
  ids: cryptoIds,
  events: new InProcessEventBus(() => undefined),
  orgTimeZone: TZ,
});
const cto = Person.parse(portfolio.people.find((p) => p.role === 'cto'));
const ctx: RequestContext = { actor: cto, surface: 'api', correlationId: 'bench', locale: 'en' };
const sample = portfolio.projects[17];
const QUERIES = [
  sample?.code ?? 'TR-07',
  'tr 7',
  'red or amber',
  'open risks',
  'top risks Governance',
  'late change cases',
  sample?.title.split(' ').slice(0, 2).join(' ') ?? 'website',
  'proyectos rojos de Gobernanza',
];
let i = 0;
await services.search.search(ctx, { text: 'warm up', count: 10 });

afterAll(() => temp.cleanup());

describe(`search, ${portfolio.projects.length} projects, ${portfolio.risks.length} risks`, () => {
  bench(
    'message extension / searchPortfolio (8 questions in turn)',
    async () => {
      await services.search.search(ctx, { text: QUERIES[i++ % QUERIES.length] ?? '', count: 25 });
    },
    { iterations: 80 },
  );

  bench(
    'findRisks (pillar GOV, active, highest first)',
    async () => {
      await services.search.find(ctx, 'risks', { pillars: new Set(['GOV']), count: 10 });
    },
    { iterations: 80 },
  );

  bench(
    'search after a risk update (the index re-reads one risk)',
    async () => {
      const risk = await store.risks.get(portfolio.risks[3]?.id ?? '');
      if (risk)
        await store.risks.update({ ...risk, title: `${risk.title.replace(/ \d+$/, '')} ${i}` }, risk.version);
      await services.search.search(ctx, { text: QUERIES[i++ % QUERIES.length] ?? '', count: 25 });
    },
    { iterations: 40 },
  );
});
