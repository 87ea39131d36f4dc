// The proactive scheduler: croner jobs in their time zones (the digest at its weekday and time in the
// digest's zone; reminders and second nudges at the reminder time in each owner's zone), plus a
// sweep every few minutes that catches up anything missed (the app was down, a send failed, an
// escalation event was lost) and picks up schedule changes. At start it runs one sweep at once.
//
// Only the instance holding the "proactive-scheduler" lease sends. Every instance with the scheduler
// on tries to take or renew it every third of its length (PROACTIVE_LEASE_SECONDS), so the holder keeps
// it while alive and, when it dies, another instance takes it over as soon as it lapses and runs a
// sweep at once (not at the next sweep). Exactly-once per (kind, period, recipient) does not depend on
// this lease (the run store's claims and each run's own lease do, digest-runs.ts); it keeps a second
// instance from doing the work twice over. A sweep that found a run busy (its lease held by another
// instance, e.g. one that just died) is repeated every third of the lease length until it is not.
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { digestPeriodAt } from '../domain/digest.js';
import { periodOf, periodStart, previousPeriod, type Period } from '../domain/period.js';
import { addDays } from '../domain/primitives.js';
import type { DigestSchedule, ReminderSchedule, Settings } from '../domain/settings.js';
import { zonedTimeToInstant } from '../domain/zoned-time.js';
import type { Logger } from '../platform/logger.js';
import type { Clock } from '../ports/clock.js';
import { collectAll } from '../ports/paging.js';
import type { StateStore } from '../ports/state.js';
import type { RunSummary } from '../services/digest-runs.js';
import type { DigestService } from './digest-job.js';
import type { EscalationService } from './escalation-job.js';
import type { ReminderService } from './reminder-job.js';
import type { Services } from '../services/services.js';

export const SCHEDULER_LEASE = 'proactive-scheduler';
export const DEFAULT_LEASE_TTL_MS = 120_000;
/** Every five minutes: the catch-up sweep (PROACTIVE_SWEEP_SECONDS). */
export const DEFAULT_SWEEP_INTERVAL_MS = 300_000;
/** The longest shutdown waits for a tick or the lease release (a dead state store must not hold it). */
export const STOP_WAIT_MS = 1_500;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A cron pattern from a structured schedule (never from text a person typed). */
export function weeklyPattern(schedule: { weekday: number; time: string }, weekdayOffset = 0): string {
  const [h, m] = schedule.time.split(':').map(Number);
  const weekday = (((schedule.weekday - 1 + weekdayOffset) % 7) + 7) % 7; // 0 = Monday
  return `${m ?? 0} ${h ?? 0} * * ${(weekday + 1) % 7}`; // cron: 0 = Sunday
}

/** The digest period that is due at `now`: the latest scheduled occurrence at or before now. */
export function dueDigestPeriod(
  schedule: Pick<DigestSchedule, 'weekday' | 'time' | 'timeZone'>,
  now: Date,
  orgTimeZone: string,
): Period {
  const week = periodOf(now, schedule.timeZone);
  const thisWeek = zonedTimeToInstant(
    addDays(periodStart(week), schedule.weekday - 1),
    schedule.time,
    schedule.timeZone,
  );
  const occurrence =
    thisWeek <= now
      ? thisWeek
      : zonedTimeToInstant(
          addDays(periodStart(previousPeriod(week)), schedule.weekday - 1),
          schedule.time,
          schedule.timeZone,
        );
  return digestPeriodAt(occurrence, orgTimeZone);
}

export interface SchedulerDeps {
  services: Services;
  state: StateStore;
  clock: Clock;
  logger: Logger;
  digest: DigestService;
  reminders: ReminderService;
  escalations: EscalationService;
  instanceId?: string;
  leaseTtlMs?: number;
  sweepIntervalMs?: number;
}

export interface TickResult {
  ran: boolean;
  /** A run was held by another instance: the scheduler tries again soon. */
  busy?: boolean;
  digest?: RunSummary;
  reminders: RunSummary[];
  escalations: RunSummary[];
}

export class ProactiveScheduler {
  readonly instanceId: string;
  private jobs: Cron[] = [];
  private signature = '';
  private running: Promise<TickResult> | undefined;
  private stopped = true;
  private timers: NodeJS.Timeout[] = [];
  /** This instance held the scheduler lease at the last look. */
  private holding = false;
  /** The last tick found a run busy: try again at the next look. */
  private retry = false;

  constructor(private readonly deps: SchedulerDeps) {
    this.instanceId = deps.instanceId ?? `instance-${randomUUID()}`;
  }

  private get leaseTtl(): number {
    return this.deps.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
  }

  private get sweepInterval(): number {
    return this.deps.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  }

  /** Creates the jobs and catches up at once (the returned promise ends after that first sweep). */
  async start(): Promise<TickResult> {
    this.stopped = false;
    await this.reschedule();
    const every = (ms: number, fn: () => void) => {
      const timer = setInterval(fn, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.sweepInterval, () => void this.tick('sweep'));
    every(Math.max(250, this.leaseTtl / 3), () => void this.watch());
    return this.tick('start');
  }

  /**
   * Takes or renews the scheduler lease. Having just taken it (the holder died or stopped), or after a
   * tick that found a run busy, runs a sweep at once.
   */
  async watch(): Promise<void> {
    if (this.stopped || this.running) return;
    const { state, clock, logger } = this.deps;
    let held: boolean;
    try {
      held = await state.leases.acquire(SCHEDULER_LEASE, this.instanceId, this.leaseTtl, clock.now());
    } catch (err) {
      logger.warn({ err }, 'could not take or renew the scheduler lease');
      return;
    }
    const tookOver = this.noteHolding(held);
    if (held && (tookOver || this.retry)) await this.tick(tookOver ? 'takeover' : 'retry');
  }

  /** Remembers whether this instance holds the lease; true when it has just taken it. */
  private noteHolding(held: boolean): boolean {
    const tookOver = held && !this.holding;
    this.holding = held;
    if (tookOver) this.deps.logger.info({ instance: this.instanceId }, 'scheduler lease acquired');
    return tookOver;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs) job.stop();
    this.jobs = [];
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    // Bounded: with the state store down, neither the tick nor the release may hold the shutdown.
    await within<unknown>(this.running?.catch(() => undefined) ?? Promise.resolve(), STOP_WAIT_MS);
    await within(
      this.deps.state.leases.release(SCHEDULER_LEASE, this.instanceId).catch(() => undefined),
      STOP_WAIT_MS,
    );
  }

  /** Schedules as configured now; rebuilt by the sweep when the settings or the owners' zones change. */
  private async reschedule(): Promise<void> {
    const settings = await this.deps.services.settings.current();
    const zones = await this.reminderZones();
    const signature = JSON.stringify([settings.digest, settings.reminder, zones]);
    if (signature === this.signature) return;
    this.signature = signature;
    for (const job of this.jobs) job.stop();
    this.jobs = [];
    if (settings.digest.enabled)
      this.jobs.push(this.job(weeklyPattern(settings.digest), settings.digest.timeZone, 'digest'));
    if (settings.reminder.enabled) {
      for (const zone of zones) {
        this.jobs.push(this.job(weeklyPattern(settings.reminder), zone, 'reminder'));
        if (settings.reminder.secondNudge) this.jobs.push(...this.secondNudgeJobs(settings.reminder, zone));
      }
    }
  }

  private secondNudgeJobs(reminder: ReminderSchedule, zone: string): Cron[] {
    // The next working day: Friday -> Monday, Saturday/Sunday -> Monday.
    const offset = reminder.weekday >= 5 ? 8 - reminder.weekday : 1;
    return [this.job(weeklyPattern(reminder, offset), zone, 'second-nudge')];
  }

  private job(pattern: string, timezone: string | undefined, name: string): Cron {
    return new Cron(
      pattern,
      { timezone, protect: true, unref: true, name: `${name}-${timezone ?? 'local'}-${randomUUID()}` },
      () => {
        void this.tick(name);
      },
    );
  }

  private async reminderZones(): Promise<string[]> {
    const people = await collectAll((page) =>
      this.deps.services.deps.store.people.list({ active: true, ...page }),
    );
    return [...new Set(people.map((p) => p.timeZone))].sort();
  }

  /** One pass: everything due by now. Concurrent ticks share the running one. */
  tick(reason: string): Promise<TickResult> {
    if (this.stopped) return Promise.resolve({ ran: false, reminders: [], escalations: [] });
    this.running ??= this.runTick(reason).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runTick(reason: string): Promise<TickResult> {
    const { state, clock, logger } = this.deps;
    const holds = () => state.leases.acquire(SCHEDULER_LEASE, this.instanceId, this.leaseTtl, clock.now());
    try {
      if (!this.noteHolding(await holds()) && !this.holding)
        return { ran: false, reminders: [], escalations: [] };
      // Renew the lease while sending (a long fan-out must not let another instance take over).
      const heartbeat = setInterval(
        () => {
          holds().catch((err: unknown) => logger.warn({ err }, 'could not renew the scheduler lease'));
        },
        Math.max(1_000, this.leaseTtl / 3),
      );
      heartbeat.unref();
      try {
        if (reason === 'sweep') await this.reschedule();
        const settings: Settings = await this.deps.services.settings.current();
        const result: TickResult = { ran: true, reminders: [], escalations: [] };
        if (settings.digest.enabled) {
          const period = dueDigestPeriod(settings.digest, clock.now(), this.deps.services.deps.orgTimeZone);
          if (!(await this.deps.digest.isComplete(period)))
            result.digest = await this.deps.digest.send(period);
        }
        result.reminders = await this.deps.reminders.sendDue();
        result.escalations = await this.deps.escalations.sweep();
        result.busy = [result.digest, ...result.reminders, ...result.escalations].some((r) => r?.busy);
        this.retry = result.busy;
        return result;
      } finally {
        clearInterval(heartbeat);
      }
    } catch (err) {
      logger.error({ err, reason }, 'scheduled proactive run failed; the next sweep tries again');
      return { ran: false, reminders: [], escalations: [] };
    }
  }
}
