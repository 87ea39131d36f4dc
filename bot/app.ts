// Composition: config -> stores -> services -> adapters -> server. main.ts calls this with the real
// environment; tests call it with a temporary data directory, a fixed clock or a fake store.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { Config } from './config.js';
import { BearerAuthenticator } from './api/auth/bearer-authenticator.js';
import type { Authenticator } from './api/auth/authenticator.js';
import { DevAuthenticator } from './api/auth/dev-authenticator.js';
import { createEntraTokenValidator } from './api/auth/entra-token-validator.js';
import { canUseOnBehalfOf, createOnBehalfOf, graphScope } from './api/auth/obo.js';
import type { TokenValidator } from './api/auth/token-validator.js';
import { graphProfileRoutes } from './api/routes/graph-profile.js';
import { noticeRoutes } from './api/routes/notices.js';
import { proactiveRoutes } from './api/routes/proactive.js';
import type { RouteSpec } from './api/route.js';
import { InProcessEventBus } from './platform/event-bus.js';
import { trackConnections } from './platform/graceful-close.js';
import { cryptoIds } from './platform/id-generator.js';
import type { Logger } from './platform/logger.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { IdGenerator } from './ports/ids.js';
import type { Store } from './ports/repositories.js';
import type { StateStore } from './ports/state.js';
import { createServer, type ReadinessCheck } from './server.js';
import { NoticeService } from './services/notices.js';
import { reportRejectedWrite } from './services/rejected-writes.js';
import { withChangeFeed } from './services/search/change-feed.js';
import { createServices, type Services } from './services/services.js';
import { createStateStore, createStore } from './storage/create-store.js';
import { readSignedInUser } from './storage/sharepoint/graph-user-profile.js';
import { createBotAdapter, processActivity } from './teams/adapter.js';
import { digestCommands } from './teams/digest-commands.js';
import { digestVerbs } from './teams/digest-verbs.js';
import type { BotExtensions } from './teams/extensions.js';
import { MessageExtension } from './teams/message-extension.js';
import {
  createProactiveFeature,
  type ProactiveFeature,
  type ProactiveOptions,
} from './teams/proactive-feature.js';
import { TransformationBot } from './teams/transformation-bot.js';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export interface AppOverrides {
  clock?: Clock;
  ids?: IdGenerator;
  store?: Store;
  stateStore?: StateStore;
  tokenValidator?: TokenValidator;
  /** Extra CA (PEM) trusted for the token service in-process (local Entra ID stand-ins in tests). */
  trustedCa?: string;
  /** Runs once the store is open, before the server listens (e.g. seeding the demo portfolio). */
  beforeListen?: (app: Pick<App, 'store' | 'services' | 'logger' | 'clock'>) => Promise<void>;
  extraRoutes?: readonly RouteSpec<unknown>[];
  /**
   * Replaces the bot's activity handler on the same adapter and server (the bot-turn benchmark
   * compares the bot with an echo bot this way).
   */
  bot?: Parameters<typeof processActivity>[1];
  /** Proactive messaging: a messenger, retry policy or scheduler identity of its own (tests). */
  proactive?: ProactiveOptions;
}

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  stateStore: StateStore;
  services: Services;
  events: InProcessEventBus;
  server: Server;
  /** Digest, reminders, escalations and their scheduler. */
  proactive: ProactiveFeature;
  /** Starts listening; resolves with the bound port (0 in config picks a free one). */
  listen(): Promise<number>;
  /** Stops accepting requests, lets in-flight ones finish, closes the stores. */
  close(): Promise<void>;
}

export async function createApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const onInvalidRow = (table: string, id: string, issues: unknown) =>
    logger.warn({ table, id, issues }, 'stored item failed validation and was skipped');
  // Writes are noted for the search index, which re-reads only what changed (services/search).
  const store = withChangeFeed(
    overrides.store ??
      (await createStore(config, { onInvalidRow, logger: logger.child({ component: 'store' }) })),
  );
  const stateStore =
    overrides.stateStore ??
    (await createStateStore(config, { onInvalidRow, logger: logger.child({ component: 'state' }) }));
  const events = new InProcessEventBus((err, event) =>
    logger.error({ err, event: event.type }, 'event handler failed'),
  );
  const services = createServices({
    store,
    clock,
    ids: overrides.ids ?? cryptoIds,
    events,
    orgTimeZone: config.orgTimeZone,
  });

  const authenticator: Authenticator =
    config.auth.mode === 'dev'
      ? new DevAuthenticator(config.auth.devDefaultUser)
      : new BearerAuthenticator(overrides.tokenValidator ?? entraTokenValidator(config, clock));
  // Digest, reminders and escalations. Events are always handled (an escalated risk goes to the CTO at
  // once, an arriving update stops its reminders: only the instance that took the write sees them);
  // SCHEDULER_ENABLED only turns this instance's schedules off.
  const proactive = createProactiveFeature({
    config,
    logger,
    clock,
    services,
    stateStore,
    events,
    links: { publicUrl: config.server.publicUrl, teamsAppId: config.bot.teamsAppId },
    listen: true,
    options: overrides.proactive,
  });
  // A queued write SharePoint refused when replayed: audited, and its author is told (the bot).
  const stopRejected = store.queuedWrites?.onRejected?.((write) => {
    void reportRejectedWrite(
      {
        services,
        state: stateStore,
        messenger: proactive.messenger,
        defaultLocale: config.defaultLocale,
        logger,
      },
      write,
    );
  });
  const extraRoutes = [
    ...(overrides.extraRoutes ?? []),
    ...onBehalfOfRoutes(config, overrides.trustedCa),
    ...proactiveRoutes(proactive),
    ...noticeRoutes(new NoticeService({ state: stateStore, clock })),
  ];

  const adapter = createBotAdapter(config, logger);
  // Plug-ins of the bot: the digest and reminders add commands and card verbs, the message
  // extension answers its invokes (bot/teams/extensions.ts).
  const extensions: BotExtensions = {
    commands: [...digestCommands(proactive)],
    verbs: [...digestVerbs(proactive)],
    messageExtension: new MessageExtension({
      services,
      links: { publicUrl: config.server.publicUrl, teamsAppId: config.bot.teamsAppId },
      logger,
    }),
  };
  const bot = new TransformationBot({ services, stateStore, config, logger, clock, extensions });
  const botHandler = (req: Request, res: Response) =>
    processActivity(adapter, overrides.bot ?? bot, req, res);

  const readiness: ReadinessCheck[] = [
    { name: 'store', check: () => store.ping() },
    { name: 'state', check: () => stateStore.ping() },
  ];

  if (overrides.beforeListen) await overrides.beforeListen({ store, services, logger, clock });

  const server = createServer({
    services,
    authenticator,
    logger,
    defaultLocale: config.defaultLocale,
    version: appVersion(),
    publicUrl: config.server.publicUrl,
    readiness,
    botHandler,
    tabDir: path.join(ROOT_DIR, 'tab', 'dist'),
    extraRoutes,
    rateLimits: config.server.rateLimits,
    trustProxy: config.server.trustProxy,
    anonymousBot: !config.bot.appId,
  });

  const connections = trackConnections(server.server);
  let closed = false;
  return {
    config,
    logger,
    clock,
    store,
    stateStore,
    services,
    events,
    server,
    proactive,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.server.port, config.server.host, () => {
          server.removeListener('error', reject);
          // The scheduler starts once the bot can answer; its first sweep catches up missed runs.
          if (config.schedulerEnabled) {
            proactive.scheduler
              .start()
              .catch((err: unknown) => logger.error({ err }, 'scheduler did not start'));
          }
          resolve((server.address() as AddressInfo | null)?.port ?? 0);
        });
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        if (!server.server.listening) return resolve();
        server.close(() => resolve());
        connections.closeIdle();
      });
      stopRejected?.();
      await proactive.close();
      await events.drain();
      await stateStore.close();
      await store.close();
    },
  };
}

/** AUTH_MODE=entra: the tab's SSO tokens validated with jose against the tenant's keys. */
function entraTokenValidator(config: Config, clock: Clock): TokenValidator {
  const { tenantId, clientId, appIdUri, openIdConfigUrl } = config.auth;
  // config.ts requires both in entra mode; this guards the composition against a hand-made Config.
  if (!tenantId || !clientId) throw new Error('AUTH_MODE=entra needs ENTRA_TENANT_ID and ENTRA_CLIENT_ID');
  return createEntraTokenValidator({ tenantId, clientId, appIdUri, openIdConfigUrl, now: () => clock.now() });
}

/** Routes that call Graph as the user (on-behalf-of): only in entra mode with a secret or certificate. */
function onBehalfOfRoutes(config: Config, trustedCa: string | undefined): RouteSpec<unknown>[] {
  const settings = { ...config.auth };
  if (config.auth.mode !== 'entra' || !canUseOnBehalfOf(settings)) return [];
  const obo = createOnBehalfOf(settings, { trustedCa });
  const graphBaseUrl = config.sharepoint.graphBaseUrl;
  return graphProfileRoutes({
    scopes: [graphScope(graphBaseUrl, 'User.Read')],
    acquire: (token, scopes) => obo.acquire(token, scopes),
    read: (token) => readSignedInUser(graphBaseUrl, token),
  });
}
