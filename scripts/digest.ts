// npm run digest -- --preview [--locale xx] [--period 2026-W48] [--out file.json] [--data-dir dir]
//
// Builds the weekly digest card for the current period (the last complete week) from the configured
// store and prints it, or writes it to a file; nothing is sent. Exit codes: 0 done, 1 failed,
// 2 bad arguments.
import { writeFileSync } from 'node:fs';
import { buildDigestCard, titlesById } from '../bot/cards/digest-card.js';
import { cardBytes } from '../bot/cards/digest-card-kit.js';
import { ConfigError, loadConfig } from '../bot/config.js';
import { composeDigest, digestPeriodAt } from '../bot/domain/digest.js';
import { isAppError } from '../bot/domain/errors.js';
import { AWAY_KIND } from '../bot/services/digest-runs.js';
import { DIGEST_USAGE, DigestUsageError, parseDigestArgs } from '../bot/scheduling/digest-cli-args.js';
import { loadDigestInput } from '../bot/scheduling/digest-job.js';
import { loadHealthTrend } from '../bot/services/health-trend.js';
import { createStateStore, createStore } from '../bot/storage/create-store.js';

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseDigestArgs(argv);
  } catch (e) {
    if (e instanceof DigestUsageError) {
      process.stderr.write(`${e.message}\n\n${DIGEST_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${DIGEST_USAGE}\n`);
    return 0;
  }
  let config;
  try {
    config = loadConfig(args.dataDir ? { DATA_DIR: args.dataDir } : {});
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const store = await createStore(config);
  const state = await createStateStore(config);
  try {
    const now = new Date();
    const period = args.period ?? digestPeriodAt(now, config.orgTimeZone);
    const away = new Set(
      (await state.runs.list({ kind: AWAY_KIND, period, status: 'skipped' })).map((r) => r.recipientId),
    );
    const started = performance.now();
    const input = await loadDigestInput(store, period, now, config.orgTimeZone, away);
    const digest = {
      ...composeDigest(input),
      trend: await loadHealthTrend(store, period),
      titles: titlesById(input.projects),
    };
    const locale = args.locale ?? config.defaultLocale;
    const card = buildDigestCard(digest, {
      locale,
      links: { publicUrl: config.server.publicUrl, teamsAppId: config.bot.teamsAppId },
      preview: true,
    });
    const ms = performance.now() - started;
    const json = `${JSON.stringify(card, null, 2)}\n`;
    if (args.out) writeFileSync(args.out, json);
    else process.stdout.write(json);
    process.stderr.write(
      `digest ${period} (${locale}): ${digest.totals.projects} projects, card ${(cardBytes(card) / 1024).toFixed(1)} KB ` +
        `(UTF-16), built in ${ms.toFixed(0)} ms${args.out ? `, written to ${args.out}` : ''}; nothing was sent\n`,
    );
    return 0;
  } finally {
    await state.close();
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`digest preview failed: ${isAppError(error) ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
