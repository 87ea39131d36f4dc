// npm run digest -- --preview [--locale xx] [--period 2026-W48] [--out file.json] [--data-dir dir]
//
// Builds the weekly digest card for the current period (the last complete week) from the configured
// store and prints it, or writes it to a file; nothing is sent. Exit codes: 0 done, 1 failed,
// 2 bad arguments.
import { writeFileSync } from 'node:fs';
import { buildDigestCard, titlesById } from '../bot/cards/digest-card.js';
import { cardBytes } from '../bot/cards/digest-card-kit.js';
import { composeDigest, digestPeriodAt } from '../bot/domain/digest.js';
import { AWAY_KIND } from '../bot/services/digest-runs.js';
import { DIGEST_USAGE, parseDigestArgs } from '../bot/scheduling/digest-cli-args.js';
import { loadDigestInput } from '../bot/scheduling/digest-job.js';
import { loadHealthTrend } from '../bot/services/health-trend.js';
import { createStateStore } from '../bot/storage/create-store.js';
import { loadCliConfig, parseCli, runCli, withStore } from './cli-kit.js';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCli(() => parseDigestArgs(argv), DIGEST_USAGE);
  if (!args) return 2;
  if (args.help) {
    process.stdout.write(`${DIGEST_USAGE}\n`);
    return 0;
  }
  const config = loadCliConfig(args.dataDir);
  if (!config) return 2;
  return withStore(config, async (store) => {
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
    }
  });
}

runCli('digest preview failed', main);
