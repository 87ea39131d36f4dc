// A bot turn through POST /api/messages on a 1,000-project portfolio (embedded store), against an
// echo bot on the same adapter and server code in the same run: a status-update submit (the card's
// Action.Execute invoke: validation, permission, store write, audit, confirmation card), `status`
// and `projects` turns. The echo turn is the floor: HTTP, activity parsing, the adapter and one
// reply through the connector (messages), or an answer in the HTTP response (invokes). Percentiles and ratios are printed after the run.
// For context, a "durable echo" receives the submit's own activity, stores its data with one audit
// record (one transaction) and answers with a confirmation card of the same size, built before: the
// least any design that keeps a submitted update, says who did it and confirms it has to do.
import { ActivityHandler, type TurnContext, type InvokeResponse } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, bench, describe } from 'vitest';
import type { Store } from '../../bot/ports/repositories.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { startTestApp, TEST_NOW } from '../helpers/test-app.js';
import { recordRow } from './bench-table.js';

/**
 * The Bot Connector as the bot meets it: a reply is read and acknowledged with an id, and nothing
 * else is done with it. (The tests' fake connector parses and keeps every activity; in this process
 * that would charge the bot for the stand-in's own work, in proportion to the size of its reply.)
 * Any other request is answered 501 and counted, and the run fails if there was one.
 */
async function startBenchConnector() {
  let nextId = 1;
  const unexpected: string[] = [];
  const server = createServer((req, res) => {
    const ok =
      req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?$/.test(req.url ?? '');
    req.resume();
    req.on('end', () => {
      if (!ok) unexpected.push(`${req.method} ${req.url}`);
      res.writeHead(ok ? 200 : 501, { 'content-type': 'application/json' });
      res.end(ok ? `{"id":"activity-${nextId++}"}` : '{"error":{"code":"NotImplemented"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    unexpected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const connector = await startBenchConnector();
const portfolio = buildSyntheticPortfolio({
  projects: 1000,
  now: new Date(TEST_NOW),
  timeZone: 'Europe/Zurich',
});
const real = await startTestApp({
  demo: false,
  beforeListen: async ({ store }) => {
    await applySeed(store, portfolio);
  },
});

class EchoBot extends ActivityHandler {
  /** The echo app's store: the durable echo writes one audit record to it. */
  store?: Store;
  /** The answer the durable echo gives: a submit's confirmation, as the real bot answered it. */
  confirmation?: unknown;

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  // The invoke floor: answered in the HTTP response, as the bot answers a card action.
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const verb = (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb;
    if (verb === 'echo.durable') {
      if (!this.store || !this.confirmation) throw new Error('the durable echo has no store or answer');
      const data = (context.activity.value as { action: { data: Record<string, unknown> } }).action.data;
      await this.store.audit.append({
        id: randomUUID(),
        at: new Date().toISOString(),
        actorId: 'p-bench',
        surface: 'bot',
        entityType: 'status-update',
        entityId: `su-bench-${randomUUID()}`,
        projectId: 'p-bench',
        action: 'amend',
        changes: Object.entries(data).map(([field, after]) => ({ field, before: null, after })),
        reason: null,
        correlationId: 'bench',
      });
      return { status: 200, body: this.confirmation };
    }
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'echo' },
    };
  }
}
const echoBot = new EchoBot();
const echo = await startTestApp({ demo: false, bot: echoBot });
echoBot.store = echo.app.store;

const cto = portfolio.people.find((p) => p.aadObjectId === '00000000-0000-4000-8000-000000000001');
if (!cto) throw new Error('the synthetic portfolio has no CTO persona');
const from = { id: '29:cto', name: cto.name, aadObjectId: cto.aadObjectId };
const projects = portfolio.projects.filter((p) => ['planning', 'executing', 'closing'].includes(p.phase));

function activity(type: string, extra: Record<string, unknown>) {
  return {
    type,
    id: `a-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    locale: 'en-US',
    conversation: { id: 'personal-bench', conversationType: 'personal', tenantId: 't' },
    from,
    recipient: { id: '28:bot', name: 'Transformation Hub' },
    ...extra,
  };
}

async function post(app: typeof real, body: unknown): Promise<string> {
  const r = await app.call('/api/messages', { method: 'POST', json: body });
  if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
  return r.text();
}

/** A card action (Action.Execute) with this verb, sent to the echo bot. */
const echoInvoke = (verb: string) =>
  post(
    echo,
    activity('invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: {} } },
    }),
  );

/** The card's Action.Execute with a filled-in status update, as the bot's form sends it. */
const submitActivity = (verb: string, projectId: string, expectedVersion: number) =>
  activity('invoke', {
    name: 'adaptiveCard/action',
    value: {
      action: {
        type: 'Action.Execute',
        verb,
        data: {
          projectId,
          period: '2026-W48',
          expectedVersion,
          submissionKey: `bench-${randomUUID()}`,
          health: 'amber',
          percentComplete: '55',
          summary: 'Weekly progress as planned; vendor onboarding done.',
          achievements: 'Onboarding',
          nextSteps: 'Pilot',
          blockers: '',
        },
      },
    },
  });

// The version each project's current-period update has (0: none yet), so every submit amends
// the latest version, as a card built just before would.
const versions = new Map<string, number>();
for (const p of projects) {
  const u = await real.app.store.statusUpdates.getForPeriod(p.id, '2026-W48');
  versions.set(p.id, u?.version ?? 0);
}
let next = 0;

const ctx = {
  actor: (await real.app.services.roster.findById(cto.id))!,
  surface: 'bot' as const,
  correlationId: 'bench',
  locale: 'en' as const,
};

const samples = new Map<string, number[]>();
async function timed(name: string, fn: () => Promise<unknown>) {
  const t0 = performance.now();
  await fn();
  const list = samples.get(name) ?? [];
  list.push(performance.now() - t0);
  samples.set(name, list);
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

afterAll(async () => {
  // Card actions are compared with the echo invoke, messages with the echo message.
  const floorOf = (name: string) =>
    samples.get(name.includes('submit') || name.includes('invoke') ? 'echo invoke' : 'echo message');
  const lines = [...samples].map(([name, v]) => {
    const floor = floorOf(name);
    const ratio =
      floor && !name.startsWith('echo')
        ? ` · p50 ${(pct(v, 50) / pct(floor, 50)).toFixed(2)}x, p99 ${(pct(v, 99) / pct(floor, 99)).toFixed(2)}x the echo`
        : '';
    return `${name.padEnd(22)} n=${v.length} p50 ${pct(v, 50).toFixed(2)} ms · p99 ${pct(v, 99).toFixed(2)} ms${ratio}`;
  });
  console.log(`bot turns (${portfolio.projects.length} projects)\n${lines.join('\n')}`);
  const row = (order: number, label: string, name: string, floorName: string, what: string) => {
    const v = samples.get(name) ?? [];
    const floor = samples.get(floorName) ?? [];
    const [r50, r99] = [50, 99].map((p) => pct(v, p) / pct(floor, p)) as [number, number];
    recordRow({
      order,
      row: label,
      figure: `p50 ${r50.toFixed(2)}×, p99 ${r99.toFixed(2)}× the ${what} (p50 ${pct(v, 50).toFixed(2)} vs ${pct(floor, 50).toFixed(2)} ms)`,
      goal: `≤ 1.5× the ${what} (p50 and p99)`,
      met: r50 <= 1.5 && r99 <= 1.5,
    });
  };
  row(
    4,
    `bot \`projects\` message, ${portfolio.projects.length} projects`,
    'projects',
    'echo message',
    'echo bot',
  );
  row(5, 'bot status-update submit (Action.Execute)', 'status-update submit', 'echo invoke', 'echo invoke');
  const durable = samples.get('durable echo invoke') ?? [];
  const submit = samples.get('status-update submit') ?? [];
  recordRow({
    order: 5,
    row: 'bot status-update submit against a durable echo (the same activity stored with an audit record, the same card answered)',
    figure: `p50 ${(pct(submit, 50) / pct(durable, 50)).toFixed(2)}×, p99 ${(pct(submit, 99) / pct(durable, 99)).toFixed(2)}× (durable echo p50 ${pct(durable, 50).toFixed(2)} ms)`,
    goal: 'context for the row above',
  });
  await Promise.all([real.close(), echo.close(), connector.close()]);
  if (connector.unexpected.length)
    throw new Error(`unexpected connector requests: ${connector.unexpected.join(', ')}`);
});

/** Each turn the rows measure, once. */
const turns = {
  echoMessage: () => post(echo, activity('message', { text: 'hello' })),
  echoInvoke: () => echoInvoke('echo'),
  async submit() {
    const project = projects[next++ % projects.length]!;
    const expectedVersion = versions.get(project.id) ?? 0;
    const answer = await post(real, submitActivity('statusUpdate.submit', project.id, expectedVersion));
    // Every submit must be a stored update answered with the confirmation card.
    if (!answer.includes('"statusCode":200') || !answer.includes('Status update saved')) {
      throw new Error(`submit not stored: ${answer.slice(0, 300)}`);
    }
    versions.set(project.id, expectedVersion + 1);
    echoBot.confirmation ??= JSON.parse(answer);
  },
  // The same submission straight to the service (no HTTP, adapter or card): the store write,
  // audit record and event the turn cannot avoid.
  async serviceSubmit() {
    const project = projects[next++ % projects.length]!;
    await real.app.services.statusUpdates.submit(
      ctx,
      project.id,
      { period: '2026-W48', health: 'green', percentComplete: 56, summary: 'Service-level submit.' },
      { submissionKey: `bench-${randomUUID()}` },
    );
    versions.set(project.id, (versions.get(project.id) ?? 0) + 1);
  },
  status: () =>
    post(real, activity('message', { text: `status ${projects[next++ % projects.length]!.code}` })),
  projects: () => post(real, activity('message', { text: 'projects' })),
  async durableEcho() {
    const project = projects[next++ % projects.length]!;
    const answer = await post(echo, submitActivity('echo.durable', project.id, 1));
    if (answer.length !== JSON.stringify(echoBot.confirmation).length) throw new Error('not the same answer');
  },
};

// Every turn runs for a while before any is measured, so that the floors (measured first) meet the
// process as warm as the rows after them do. Without this the first rows ran on colder code: the
// durable echo, which does strictly more than the echo invoke, measured 0.77x it when it ran last.
const warmUntil = performance.now() + 3_000;
while (performance.now() < warmUntil) {
  for (const turn of Object.values(turns)) await turn();
}

describe(`bot turn through /api/messages, ${portfolio.projects.length}-project portfolio`, () => {
  const options = { time: 2_000 };

  bench('echo bot, message (floor)', () => timed('echo message', turns.echoMessage), options);
  bench('echo bot, invoke (floor)', () => timed('echo invoke', turns.echoInvoke), options);
  bench('status-update submit (Action.Execute)', () => timed('status-update submit', turns.submit), options);
  bench(
    'services.statusUpdates.submit only',
    () => timed('service submit only', turns.serviceSubmit),
    options,
  );
  bench('status <project> message', () => timed('status', turns.status), options);
  bench('projects message', () => timed('projects', turns.projects), options);
  bench(
    'durable echo invoke (the submit activity stored, its card answered; context)',
    () => timed('durable echo invoke', turns.durableEcho),
    options,
  );
});
