// Issue 19: two app instances as separate processes (`bot/main.ts`), sharing the embedded portfolio
// file and bot state in Azure Blob Storage (Azurite), send the digest, reminders and escalations to a
// Bot Connector stand-in that answers slowly. The sending instance is killed with SIGKILL in the
// middle of the fan-out (real clock, no fakes in the processes). The survivor takes the run over as
// soon as the lease lapses: every recipient gets the message at least once, second copies only where
// a send was in flight at the kill and the kind's policy sends it again (escalations and digests;
// never reminders), the run is complete within the lease + 30 s, and the run records and the audit
// say which sends were uncertain and what was done with them.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../bot/domain/person.js';
import { collectAll } from '../../bot/ports/paging.js';
import type { RunRecord, StateStore } from '../../bot/ports/state.js';
import { applySeed } from '../../bot/seed/apply-seed.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { InProcessEventBus } from '../../bot/platform/event-bus.js';
import { cryptoIds } from '../../bot/platform/id-generator.js';
import { systemClock } from '../../bot/ports/clock.js';
import { ReminderService } from '../../bot/scheduling/reminder-job.js';
import { createServices } from '../../bot/services/services.js';
import { createBlobStateStore } from '../../bot/storage/blob/blob-state-store.js';
import { createSqliteStore, type SqliteStore } from '../../bot/storage/sqlite/sqlite-store.js';
import { startRateLimitedConnector, type RateLimitedConnector } from '../helpers/rate-limited-connector.js';
import { conversationOf } from '../proactive/proactive-harness.js';
import { startAzurite, type Azurite } from '../storage/blob-azurite.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LEASE_SECONDS = 6;
const IN_FLIGHT = 4;
const FINAL = new Set(['delivered', 'throttled-then-delivered', 'unreachable', 'skipped', 'uncertain']);

let azurite: Azurite;
let connector: RateLimitedConnector;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  [azurite, connector] = await Promise.all([startAzurite(), startRateLimitedConnector()]);
});
afterAll(async () => {
  await Promise.all([azurite.stop(), connector.close()]);
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  connector.delivered.length = 0;
  connector.requests.length = 0;
  connector.answerDelayMs = 0;
  connector.release();
});

interface Instance {
  child: ChildProcess;
  out(): string;
  exited: Promise<number | null>;
}

function startInstance(id: string, env: Record<string, string>): Instance {
  // node itself (not the tsx wrapper), so that SIGKILL kills the app and not a parent process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_OPTIONS: '--disable-warning=DEP0111',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED_DEMO_DATA: 'false',
      SCHEDULER_ENABLED: 'true',
      INSTANCE_ID: id,
      PROACTIVE_LEASE_SECONDS: String(LEASE_SECONDS),
      // Far away: the takeover must come from the lease, not from the next sweep.
      PROACTIVE_SWEEP_SECONDS: '3600',
      PROACTIVE_IN_FLIGHT: String(IN_FLIGHT),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return { child, out: () => out, exited };
}

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Scenario {
  dataDir: string;
  env: Record<string, string>;
  state: StateStore;
  store: SqliteStore;
}

type Kind = 'digest' | 'reminder' | 'escalation';

/** A synthetic portfolio where only `kind` is due now (real clock), with conversations on the stand-in. */
async function prepare(kind: Kind): Promise<Scenario & { recipients: Person[] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'th-crash-'));
  const container = `crash-${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const seed = buildSyntheticPortfolio({
    projects: 40,
    now: new Date(now - 7 * 86_400_000),
    timeZone: 'Europe/Zurich',
  });
  if (kind === 'escalation') {
    // Several Transformation Office members, and eight risks escalated an hour ago.
    seed.people.forEach((p, i) => {
      if (i % 6 === 1 && p.active) p.role = 'cto';
    });
    const at = new Date(now - 3_600_000).toISOString();
    for (const r of seed.risks.filter((r) => r.projectId).slice(0, 8)) {
      r.status = 'escalated';
      r.escalation = {
        reason: 'manual',
        at,
        byId: r.raisedById,
        acknowledgedAt: null,
        acknowledgedById: null,
      };
    }
  }
  const store = createSqliteStore({ dataDir });
  await applySeed(store, seed);
  const people = await collectAll((page) => store.people.list({ active: true, ...page }));
  const settings = await store.settings.get();
  await store.settings.save(
    {
      ...settings!,
      digest: { ...settings!.digest, enabled: kind === 'digest' },
      reminder: {
        ...settings!.reminder,
        enabled: kind === 'reminder',
        weekday: 1,
        time: '00:00',
        secondNudge: false,
      },
      digestSubscribers: kind === 'digest' ? people.filter((p) => p.role !== 'cto').map((p) => p.id) : [],
    },
    settings!.version,
  );
  const state = await createBlobStateStore({ connectionString: azurite.connectionString, container });
  for (const p of people) await state.conversations.upsert(conversationOf(p, connector.url));
  cleanups.push(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir,
    state,
    store,
    recipients: people,
    env: {
      DATA_DIR: dataDir,
      STATE_STORE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: container,
    },
  };
}

function deliveries(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of connector.delivered)
    if (d.method === 'POST') counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
  return counts;
}

/**
 * Starts the sender, then the survivor, kills the sender while requests are in flight and waits for
 * the run to complete; returns the run records of `kinds` and the seconds from the kill to completion.
 */
async function crashMidFanOut(
  s: Scenario,
  kinds: readonly string[],
  expected: number,
): Promise<{ records: RunRecord[]; seconds: number; inFlightAtKill: number }> {
  // Slow answers; after a few deliveries the stand-in stops answering (it still delivers what
  // arrives), so that the fan-out is still going, with requests in flight, when the survivor is ready.
  connector.answerDelayMs = 300;
  const a = startInstance('a', s.env);
  await until('instance a to hold the scheduler lease', () => a.out().includes('scheduler lease acquired'));
  await until('instance a to send', () => connector.delivered.length >= 3);
  connector.holding = true;
  const b = startInstance('b', s.env);
  await until('instance b to listen', () => b.out().includes('listening on'));
  expect(b.out()).not.toContain('scheduler lease acquired');
  await until('sends in flight', () => connector.inFlight >= 1, 30_000);
  const inFlightAtKill = connector.inFlight;
  a.child.kill('SIGKILL');
  await a.exited;
  const killedAt = Date.now();
  connector.answerDelayMs = 50;
  connector.release();
  const all = () => Promise.all(kinds.map((kind) => s.state.runs.list({ kind })));
  await until(
    'the run to complete',
    async () => {
      const records = (await all()).flat();
      return records.length >= expected && records.every((r) => FINAL.has(r.status));
    },
    (LEASE_SECONDS + 60) * 1000,
  );
  const seconds = (Date.now() - killedAt) / 1000;
  await until('b to log its takeover', () => b.out().includes('scheduler lease acquired'), 5_000).catch(
    () => {
      throw new Error(`b did not log its takeover:\n${b.out()}`);
    },
  );
  return { records: (await all()).flat(), seconds, inFlightAtKill };
}

/** How many reminders are due now: the reminder service's own answer, on the scenario's data. */
async function lateProjects(s: Scenario): Promise<number> {
  const services = createServices({
    store: s.store,
    clock: systemClock,
    ids: cryptoIds,
    events: new InProcessEventBus(() => undefined),
    orgTimeZone: 'Europe/Zurich',
  });
  const reminders = new ReminderService({
    services,
    state: s.state,
    pipeline: undefined as never,
    messenger: undefined as never,
    links: { publicUrl: 'http://localhost' },
    defaultLocale: 'en',
  });
  return (await reminders.lateProjects(reminders.currentPeriod())).length;
}

async function uncertainAudit(store: SqliteStore): Promise<string[]> {
  const events = await collectAll((page) => store.audit.list({ actorId: 'system', ...page }));
  return events.filter((e) => e.action === 'uncertain-send').map((e) => e.reason ?? '');
}

describe('a crash in the middle of a proactive fan-out (two processes, Azurite, slow connector)', () => {
  it('digest: everyone gets it, uncertain sends are sent again, done within the lease + 30 s', async () => {
    const s = await prepare('digest');
    const settings = await s.store.settings.get();
    const recipients = s.recipients.filter(
      (p) => p.role === 'cto' || settings!.digestSubscribers.includes(p.id),
    );
    const { records, seconds } = await crashMidFanOut(s, ['digest'], recipients.length);

    const counts = deliveries();
    const uncertain = records.filter((r) => r.uncertain);
    for (const p of recipients) expect(counts.get(`conv-${p.id}`) ?? 0, p.id).toBeGreaterThanOrEqual(1);
    const twice = recipients.filter((p) => (counts.get(`conv-${p.id}`) ?? 0) > 1).map((p) => p.id);
    expect(twice.every((id) => uncertain.some((r) => r.recipientId === id))).toBe(true);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    // At most the in-flight sends of the dead instance, each recorded with what was done.
    expect(uncertain.length).toBeGreaterThan(0);
    expect(uncertain.length).toBeLessThanOrEqual(IN_FLIGHT);
    for (const r of uncertain) expect(r.uncertain).toMatchObject({ holder: 'a', action: 'resent' });
    expect(records.every((r) => r.status !== 'uncertain')).toBe(true);
    expect(seconds).toBeLessThanOrEqual(LEASE_SECONDS + 30);
    expect((await uncertainAudit(s.store)).length).toBe(uncertain.length);
  });

  it('reminders: everyone reminded once, uncertain ones are not sent again and are recorded so', async () => {
    const s = await prepare('reminder');
    const late = await lateProjects(s);
    expect(late).toBeGreaterThanOrEqual(10);
    const { records, seconds } = await crashMidFanOut(s, ['reminder'], late);
    expect(records).toHaveLength(late);
    const counts = deliveries();
    const owners = [...new Set(records.map((r) => r.recipientId))];
    const perOwner = new Map(owners.map((o) => [o, records.filter((r) => r.recipientId === o).length]));
    const uncertain = records.filter((r) => r.uncertain);
    // One message per (project, owner): never a second copy.
    for (const o of owners) expect(counts.get(`conv-${o}`) ?? 0, o).toBe(perOwner.get(o));
    expect(uncertain.length).toBeGreaterThan(0);
    expect(uncertain.length).toBeLessThanOrEqual(IN_FLIGHT);
    for (const r of uncertain) {
      expect(r.status).toBe('uncertain');
      expect(r.uncertain).toMatchObject({ holder: 'a', action: 'not-resent' });
    }
    expect(seconds).toBeLessThanOrEqual(LEASE_SECONDS + 30);
    expect((await uncertainAudit(s.store)).length).toBe(uncertain.length);
  });

  it('escalations: every CTO gets every escalation, uncertain ones are sent again', async () => {
    const s = await prepare('escalation');
    const ctos = s.recipients.filter((p) => p.role === 'cto');
    expect(ctos.length).toBeGreaterThanOrEqual(3);
    const { records, seconds } = await crashMidFanOut(s, ['escalation'], ctos.length * 8);
    const runs = new Set(records.map((r) => r.period));
    expect(runs.size).toBe(8);
    const uncertain = records.filter((r) => r.uncertain);
    // Each CTO: one card per escalation, plus one per uncertain send to them at most.
    const counts = deliveries();
    for (const cto of ctos) {
      const extra = uncertain.filter((r) => r.recipientId === cto.id).length;
      expect(counts.get(`conv-${cto.id}`) ?? 0, cto.id).toBeGreaterThanOrEqual(8);
      expect(counts.get(`conv-${cto.id}`) ?? 0, cto.id).toBeLessThanOrEqual(8 + extra);
    }
    expect(
      records.filter((r) => r.status === 'delivered' || r.status === 'throttled-then-delivered'),
    ).toHaveLength(ctos.length * 8);
    expect(uncertain.length).toBeGreaterThan(0);
    expect(uncertain.length).toBeLessThanOrEqual(IN_FLIGHT);
    for (const r of uncertain) expect(r.uncertain).toMatchObject({ holder: 'a', action: 'resent' });
    expect(seconds).toBeLessThanOrEqual(LEASE_SECONDS + 30);
  });
});
