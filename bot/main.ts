// Entry point: read the configuration, build the app, seed the demo portfolio on an empty embedded
// store, listen, and shut down cleanly on SIGTERM/SIGINT. Everything else lives in app.ts.
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApp } from './app.js';
import { createLogger } from './platform/logger.js';
import { seedDemoIfEmpty } from './seed/seed-if-empty.js';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config);
  const app = await createApp(config, logger, {
    beforeListen: async ({ store, clock }) => {
      if (config.store !== 'sqlite' || !config.seedDemoData) return;
      const started = Date.now();
      if (await seedDemoIfEmpty(store, { now: clock.now(), timeZone: config.orgTimeZone })) {
        logger.info({ ms: Date.now() - started }, 'empty store: seeded the demo portfolio');
      }
    },
  });
  const port = await app.listen();
  logger.info(
    {
      port,
      store: config.store,
      auth: config.auth.mode,
      bot: config.bot.appId ? 'authenticated' : 'anonymous',
    },
    `Transformation Hub listening on http://localhost:${port} (bot endpoint /api/messages, API /api/v1)`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Transformation Hub could not start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
