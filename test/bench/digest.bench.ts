// The weekly digest for a 1,000-project synthetic portfolio on the embedded store, against the floor
// it cannot beat: reading the same rows once (goal: within 2x). Then the card per language (time and
// size), and the fan-out of 1,000 reminders through the proactive sender to a fake Bot Connector that
// enforces 50 requests per second (goal: at least 90 % of the allowed rate, no message lost).
import { afterAll, bench, describe } from 'vitest';
import { buildDigestCard } from '../../bot/cards/digest-card.js';
import { cardBytes } from '../../bot/cards/digest-card-kit.js';
import {
  composeDigest,
  digestPeriodAt,
  digestToday,
  MILESTONE_HORIZON_DAYS,
} from '../../bot/domain/digest.js';
import { periodCutoff } from '../../bot/domain/as-of.js';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { previousPeriod } from '../../bot/domain/period.js';
import { addDays } from '../../bot/domain/primitives.js';
import { parseConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/platform/logger.js';
import { FixedClock } from '../../bot/ports/clock.js';
import { collectAll } from '../../bot/ports/paging.js';
import { loadDigestInput } from '../../bot/scheduling/digest-job.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { DEFAULT_IN_FLIGHT, DeliveryPipeline } from '../../bot/services/digest-runs.js';
import { createTemporarySqliteStore } from '../../bot/storage/sqlite/temporary-store.js';
import { createProactiveAdapter } from '../../bot/teams/proactive-adapter.js';
import { ProactiveSender } from '../../bot/teams/proactive-sender.js';
import { startRateLimitedConnector } from '../helpers/rate-limited-connector.js';
import { conversationOf } from '../proactive/proactive-harness.js';

const NOW = new Date('2026-11-30T07:00:00Z');
const TZ = 'Europe/Zurich';
const temp = createTemporarySqliteStore();
const store = temp.store;
const portfolio = buildSyntheticPortfolio({ projects: 1000, now: NOW, timeZone: TZ });
await applySeed(store, portfolio, { bulk: (fn) => store.transaction(fn) });
const period = digestPeriodAt(NOW, TZ);
const today = digestToday(NOW, TZ);
const links = { publicUrl: 'https://hub.example.org', teamsAppId: '00000000-0000-0000-0000-000000000001' };
const digest = composeDigest(await loadDigestInput(store, period, NOW, TZ));

afterAll(async () => {
  const sizes = SUPPORTED_LOCALES.map(
    (l) =>
      `${l} ${(cardBytes(buildDigestCard(digest, { locale: l, links, canNudge: true })) / 1024).toFixed(1)} KB`,
  );
  console.log(`digest card for ${digest.totals.projects} projects (UTF-16): ${sizes.join(', ')}`);
  await temp.cleanup();
});

describe(`digest, ${portfolio.projects.length} projects, ${portfolio.statusUpdates.length} updates, ${portfolio.risks.length} risks, ${portfolio.measurements.length} measurements`, () => {
  bench('raw read of the same rows (floor)', async () => {
    await Promise.all([
      collectAll((page) => store.projects.list(page)),
      collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod: period, ...page })),
      collectAll((page) =>
        store.statusUpdates.latestPerProject({ upToPeriod: previousPeriod(period), ...page }),
      ),
      // Every risk and milestone, since a closed or completed one may have been open at the week's end.
      collectAll((page) => store.risks.list(page)),
      collectAll((page) => store.milestones.list({ dueTo: addDays(today, MILESTONE_HORIZON_DAYS), ...page })),
      collectAll((page) => store.kpis.list(page)),
      collectAll((page) => store.measurements.list(page)),
      collectAll((page) => store.people.list(page)),
      collectAll((page) => store.audit.list({ since: periodCutoff(period, TZ).at, ...page })),
    ]);
  });

  bench('digest content (read + compose)', async () => {
    composeDigest(await loadDigestInput(store, period, NOW, TZ));
  });

  bench('digest cards, six languages (from composed content)', () => {
    for (const locale of SUPPORTED_LOCALES) buildDigestCard(digest, { locale, links, canNudge: true });
  });
});

// The pipeline keeps at most DEFAULT_IN_FLIGHT (8) requests in flight, so that a crash leaves at most
// 8 sends uncertain; with a connector answering in 100 ms, 8 in flight still allow 80 requests/s.
describe.each([
  { latencyMs: 0, inFlight: DEFAULT_IN_FLIGHT, name: 'instant answers' },
  { latencyMs: 0, inFlight: 16, name: 'instant answers, 16 in flight (the former default)' },
  { latencyMs: 100, inFlight: DEFAULT_IN_FLIGHT, name: 'answers after 100 ms' },
])('fan-out of 1,000 reminders to a connector enforcing 50 requests/s, $name', ({ latencyMs, inFlight }) => {
  bench(
    `proactive sender + delivery pipeline, ${inFlight} in flight`,
    async () => {
      const connector = await startRateLimitedConnector();
      connector.answerDelayMs = latencyMs;
      const state = temp.openStateStore();
      const config = parseConfig({ LOG_LEVEL: 'silent' });
      const logger = createLogger(config);
      const messenger = new ProactiveSender({ adapter: createProactiveAdapter(config), appId: '', logger });
      const pipeline = new DeliveryPipeline({
        state,
        messenger,
        clock: new FixedClock(NOW),
        logger,
        defaultLocale: 'en',
        concurrency: inFlight,
      });
      const people = Array.from({ length: 1000 }, (_, n) => ({
        id: `bench-${n}-${Date.now()}`,
        name: `Owner ${n}`,
        aadObjectId: null,
        locale: null,
        timeZone: TZ,
        role: 'owner' as const,
      }));
      for (const p of people) await state.conversations.upsert(conversationOf(p, connector.url));
      const card = {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'Status update due' }],
      };
      const started = performance.now();
      const summary = await pipeline.run(
        'reminder',
        '2026-W48',
        people.map((p) => ({ recipient: p, period: '2026-W48', message: () => ({ card }) })),
      );
      const seconds = (performance.now() - started) / 1000;
      const delivered = new Set(connector.delivered.map((d) => d.conversationId)).size;
      const rate = connector.delivered.length / seconds;
      console.log(
        `fan-out (${latencyMs} ms answers, ${inFlight} in flight): ${delivered}/1000 recipients got exactly ${connector.delivered.length === delivered ? 'one' : 'MORE THAN ONE'} message, ` +
          `${summary.throttled} throttled then delivered, ${connector.limitViolations} 429s from the limiter, ` +
          `${seconds.toFixed(1)} s, ${rate.toFixed(1)} sends/s = ${((rate / 50) * 100).toFixed(0)} % of 50/s`,
      );
      await connector.close();
    },
    { iterations: 1, warmupIterations: 0, warmupTime: 0, time: 0 },
  );
});
