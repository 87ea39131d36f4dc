// An app instance on a given data directory (so that several instances, or a child process, share one
// SQLite store), with a fixed clock, a fast retry policy, no HTTP listener and no background
// scheduler; plus helpers to give recipients a conversation on a fake connector.
import { createApp, type App } from '../../bot/app.js';
import { parseConfig } from '../../bot/config.js';
import type { Person } from '../../bot/domain/person.js';
import { createLogger } from '../../bot/platform/logger.js';
import { FixedClock } from '../../bot/ports/clock.js';
import { collectAll } from '../../bot/ports/paging.js';
import type { ConversationRecord, StateStore } from '../../bot/ports/state.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';

/** Monday 2026-11-30 09:00 in Geneva: the W48 digest is due. */
export const MONDAY = '2026-11-30T08:00:00.000Z';
export const TZ = 'Europe/Zurich';
export const FAST_RETRY = { baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 1_500 };

export interface Instance {
  app: App;
  clock: FixedClock;
}

export async function openInstance(
  dataDir: string,
  options: { now?: string; instanceId?: string; stateStore?: StateStore } = {},
): Promise<Instance> {
  const config = parseConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    SEED_DEMO_DATA: 'false',
  });
  const clock = new FixedClock(options.now ?? MONDAY);
  const app = await createApp(config, createLogger(config), {
    clock,
    stateStore: options.stateStore,
    proactive: { retry: FAST_RETRY, instanceId: options.instanceId },
  });
  return { app, clock };
}

/** Seeds a synthetic portfolio and subscribes every active person to the digest. */
export async function seedPortfolio(instance: Instance, projects = 60): Promise<Person[]> {
  const { app, clock } = instance;
  const seed = buildSyntheticPortfolio({
    projects,
    now: new Date(clock.now().getTime() - 7 * 86_400_000),
    timeZone: TZ,
  });
  await applySeed(app.store, seed);
  const people = await collectAll((page) => app.store.people.list({ active: true, ...page }));
  const settings = await app.services.settings.current();
  await app.store.settings.save(
    {
      ...settings,
      digestSubscribers: people
        .filter((p) => p.role !== 'cto')
        .map((p) => p.id)
        .slice(0, 500),
    },
    settings.version,
  );
  return people;
}

export function conversationOf(person: Pick<Person, 'id'>, serviceUrl: string): ConversationRecord {
  const id = `conv-${person.id}`;
  return {
    personId: person.id,
    userKey: `29:${person.id}`,
    conversationId: id,
    conversationType: 'personal',
    tenantId: 'tenant-1',
    serviceUrl,
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id, conversationType: 'personal', tenantId: 'tenant-1' },
      user: { id: `29:${person.id}` },
      bot: { id: '28:bot' },
    },
    updatedAt: MONDAY,
  };
}

export async function registerConversations(
  instance: Instance,
  people: readonly Person[],
  serviceUrl: string,
): Promise<void> {
  for (const p of people) await instance.app.stateStore.conversations.upsert(conversationOf(p, serviceUrl));
}
