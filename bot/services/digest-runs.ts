// The proactive delivery pipeline shared by the digest, reminders and escalations: for each
// recipient, claim (kind, period, recipient) in the durable run store, find or open their personal
// chat, send through the Messenger (rate limits and retries live there) and record the outcome.
// A claim that is already delivered (or final) is skipped, so a restart, a second instance, a
// manual send and the scheduled run together deliver once; a `failed` one is retried by the next run.
//
// Crashes: a run holds the lease `run:<kind>:<period>` while it goes on (renewed every third of its
// length), and its claims carry this instance's id. When an instance dies, its run lease lapses after
// at most PROACTIVE_LEASE_SECONDS and whoever acquires it next takes the claims over at once: a claim
// still `pending` never went out and is simply sent; a claim marked `sending` (its request had left
// when the instance died) is uncertain, and the kind's policy decides (UncertainPolicy: send again,
// or leave it recorded `uncertain`). Each uncertain send is recorded in the run record and audited.
// At most `concurrency` requests are in flight at once, so a crash leaves at most that many uncertain.
import type { Locale } from '../domain/locale.js';
import type { Person } from '../domain/person.js';
import type { Logger } from '../platform/logger.js';
import type { Clock } from '../ports/clock.js';
import type { Delivery, Messenger, OutgoingMessage } from '../ports/messenger.js';
import type { ConversationRecord, RunRecord, StateStore, UncertainSend } from '../ports/state.js';

/** What to do with a send found uncertain at a takeover: send it again, or leave it (recorded). */
export type UncertainPolicy = 'resend' | 'leave';

/**
 * The policy per kind (README "Multiple instances and crashes"). Uncertain sends are at most the
 * in-flight ones of a crashed instance, and most of them did arrive (their request had left).
 * - escalation: sent again. A critical risk the CTO never saw is worse than seeing it twice.
 * - digest: sent again. It is the Transformation Office's one weekly view, with the acknowledgement
 *   and "nudge late owners" buttons; a reader seeing a second copy loses a glance, one missing it
 *   loses the week. The bounded in-flight window keeps it to a few duplicates per crash.
 * - reminders (first, second nudge, nudge by the CTO): left. A duplicate nags someone who did nothing
 *   wrong, while a missing one is covered by the second nudge, the digest's list of late owners and
 *   the CTO's nudge button.
 * Any other kind: left.
 */
export const UNCERTAIN_POLICIES: Readonly<Record<string, UncertainPolicy>> = {
  escalation: 'resend',
  digest: 'resend',
  reminder: 'leave',
  'reminder-2': 'leave',
  'reminder-nudge': 'leave',
};

export function uncertainPolicy(kind: string): UncertainPolicy {
  return UNCERTAIN_POLICIES[kind] ?? 'leave';
}

/** In-flight sends of one fan-out at most: also the most a crash can leave uncertain. */
export const DEFAULT_IN_FLIGHT = 8;
export const DEFAULT_RUN_LEASE_MS = 120_000;

/** The lease a run holds while it goes on. */
export function runLeaseName(kind: string, period: string): string {
  return `run:${kind}:${period}`.slice(0, 200);
}

/** Run-store kind of a declared absence (status `skipped` while it counts). */
export const AWAY_KIND = 'away';

export type Recipient = Pick<Person, 'id' | 'name' | 'aadObjectId' | 'locale' | 'timeZone' | 'role'>;

export interface RunSummary {
  kind: string;
  period: string;
  recipients: number;
  delivered: number;
  throttled: number;
  /** Already delivered (or final) before this run. */
  already: number;
  unreachable: number;
  failed: number;
  /** Left alone: the message was no longer needed when its turn came (e.g. the update arrived). */
  skipped: number;
  /** Sends found uncertain (in flight when another instance died) and left alone by the policy. */
  uncertain: number;
  /** Sends found uncertain and sent again by the policy (also counted as delivered or throttled). */
  resent: number;
  /** Another instance holds this run's lease (it is running it): nothing was done here. */
  busy?: true;
}

export interface DeliveryItem {
  recipient: Recipient;
  /** The run period key (a reporting period, or a period plus a project for reminders). */
  period: string;
  /** Builds the message at sending time; undefined means it is no longer needed (recorded skipped). */
  message(): Promise<OutgoingMessage | undefined> | OutgoingMessage | undefined;
}

export interface DeliveryDeps {
  state: StateStore;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
  /** Default locale for people without a preference. */
  defaultLocale: Locale;
  /** Parallel sends (in-flight requests at most); the rate limiter decides the pace. */
  concurrency?: number;
  /** This app instance: the holder of its run leases and claims. */
  instanceId?: string;
  /** Length of a run lease (renewed every third of it while the run goes on). */
  leaseTtlMs?: number;
  /** Told about each uncertain send and what was done (the audit). Failures are logged, not thrown. */
  onUncertain?(record: RunRecord & { uncertain: UncertainSend }): Promise<void>;
}

export interface RunOptions {
  /** The policy for uncertain sends (default: the kind's, UNCERTAIN_POLICIES). */
  uncertain?: UncertainPolicy;
}

type Outcome = keyof Omit<RunSummary, 'kind' | 'period' | 'recipients' | 'busy' | 'resent'>;

export class DeliveryPipeline {
  readonly instanceId: string;
  /** Runs going on in this process, by lease name: a second one waits for the first. */
  private readonly active = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: DeliveryDeps) {
    this.instanceId = deps.instanceId ?? `instance-${Math.random().toString(36).slice(2, 10)}`;
  }

  private get leaseTtl(): number {
    return this.deps.leaseTtlMs ?? DEFAULT_RUN_LEASE_MS;
  }

  /** The personal chat of a person: stored, or opened now in a tenant the bot already talks to. */
  async conversationFor(recipient: Recipient): Promise<ConversationRecord | Delivery> {
    const stored = await this.deps.state.conversations.getPersonal(recipient.id);
    if (stored) return stored;
    // Not final: a later run delivers once the person has talked to the bot (or installed the app).
    const none: Delivery = { status: 'failed', attempts: 0, activityId: null, detail: 'no-conversation' };
    if (!recipient.aadObjectId || !this.deps.messenger.openPersonal) return none;
    const any = (await this.deps.state.conversations.list()).find((c) => c.serviceUrl);
    if (!any) return none;
    const opened = await this.deps.messenger.openPersonal(
      { personId: recipient.id, aadObjectId: recipient.aadObjectId, tenantId: any.tenantId },
      any.serviceUrl,
    );
    if ('conversationId' in opened) {
      await this.deps.state.conversations.upsert(opened);
      return opened;
    }
    return opened;
  }

  async run(
    kind: string,
    summaryPeriod: string,
    items: readonly DeliveryItem[],
    options: RunOptions = {},
  ): Promise<RunSummary> {
    const lease = runLeaseName(kind, summaryPeriod);
    for (let previous = this.active.get(lease); previous; previous = this.active.get(lease)) {
      await previous.catch(() => undefined);
    }
    const running = this.runHoldingLease(lease, kind, summaryPeriod, items, options);
    this.active.set(lease, running);
    try {
      return await running;
    } finally {
      if (this.active.get(lease) === running) this.active.delete(lease);
    }
  }

  private async runHoldingLease(
    lease: string,
    kind: string,
    summaryPeriod: string,
    all: readonly DeliveryItem[],
    options: RunOptions,
  ): Promise<RunSummary> {
    // One item per key: two workers must never hold one claim.
    const items = [...new Map(all.map((i) => [`${i.period}\u0000${i.recipient.id}`, i])).values()];
    const summary: RunSummary = {
      kind,
      period: summaryPeriod,
      recipients: items.length,
      delivered: 0,
      throttled: 0,
      already: 0,
      unreachable: 0,
      failed: 0,
      skipped: 0,
      uncertain: 0,
      resent: 0,
    };
    if (!items.length) return summary;
    const { state, clock, logger } = this.deps;
    const hold = () => state.leases.acquire(lease, this.instanceId, this.leaseTtl, clock.now());
    if (!(await hold())) return { ...summary, busy: true };
    let lost = false;
    const heartbeat = setInterval(
      () => {
        hold().then(
          (held) => {
            if (!held && !lost) {
              lost = true;
              logger.warn({ lease }, 'run lease lost to another instance; this instance stops the run');
            }
          },
          (err: unknown) => logger.warn({ err, lease }, 'could not renew the run lease'),
        );
      },
      Math.max(250, this.leaseTtl / 3),
    );
    heartbeat.unref();
    let next = 0;
    const worker = async () => {
      while (next < items.length && !lost) {
        const item = items[next++]!;
        try {
          const outcome = await this.deliver(kind, item, options.uncertain ?? uncertainPolicy(kind), summary);
          summary[outcome] += 1;
        } catch (error) {
          // A store failure for one recipient must not stop the others; the claim stays with this
          // instance until the run ends, and the next run (or a takeover) deals with it.
          logger.error(
            { err: error, kind, period: item.period, recipient: item.recipient.id },
            'proactive delivery failed',
          );
          summary.failed += 1;
        }
      }
    };
    try {
      const concurrency = Math.max(1, Math.min(this.deps.concurrency ?? DEFAULT_IN_FLIGHT, items.length));
      await Promise.all(Array.from({ length: concurrency }, worker));
    } finally {
      clearInterval(heartbeat);
      if (!lost) await state.leases.release(lease, this.instanceId).catch(() => undefined);
    }
    if (
      summary.delivered + summary.throttled + summary.unreachable + summary.failed + summary.uncertain >
      0
    ) {
      logger.info({ ...summary, instance: this.instanceId }, 'proactive run finished');
    }
    return summary;
  }

  private async deliver(
    kind: string,
    item: DeliveryItem,
    policy: UncertainPolicy,
    summary: RunSummary,
  ): Promise<Outcome> {
    const key = { kind, period: item.period, recipientId: item.recipient.id };
    const runs = this.deps.state.runs;
    const now = () => this.deps.clock.now().toISOString();
    const claim = await runs.claimFor(key, { at: now(), holder: this.instanceId });
    if (!claim.claimed) return 'already';
    const uncertain = claim.uncertain
      ? { ...claim.uncertain, action: policy === 'resend' ? ('resent' as const) : ('not-resent' as const) }
      : null;
    const record = async (status: RunRecord['status'], d: Partial<Delivery> = {}) => {
      const active = status === 'pending' || status === 'sending';
      const written: RunRecord = {
        ...key,
        status,
        attempts: d.attempts ?? 0,
        detail: d.detail ?? null,
        activityId: d.activityId ?? null,
        updatedAt: now(),
        ...(active ? { holder: this.instanceId } : {}),
        ...(uncertain ? { uncertain: active ? claim.uncertain : uncertain } : {}),
      };
      await runs.record(written);
      if (uncertain && !active) await this.reportUncertain({ ...written, uncertain });
    };
    if (uncertain?.action === 'not-resent') {
      await record('uncertain', {
        detail: `in flight at ${uncertain.holder}'s stop; not sent again (policy)`,
      });
      return 'uncertain';
    }
    if (uncertain) summary.resent += 1;
    const message = await item.message();
    if (!message) {
      await record('skipped', { detail: 'no longer needed' });
      return 'skipped';
    }
    const conversation = await this.conversationFor(item.recipient);
    if (!('conversationId' in conversation)) {
      await record(conversation.status, conversation);
      return conversation.status === 'unreachable' || conversation.detail === 'no-conversation'
        ? 'unreachable'
        : 'failed';
    }
    const delivery = await this.deps.messenger.send(conversation, message, {
      // From here the outcome is unknown until the answer: a crash leaves this send uncertain.
      beforeRequest: () => record('sending'),
    });
    if (delivery.status === 'unreachable' && delivery.detail === 'gone') {
      await this.deps.state.conversations.remove(conversation.conversationId);
    }
    await record(delivery.status, delivery);
    switch (delivery.status) {
      case 'delivered':
        return 'delivered';
      case 'throttled-then-delivered':
        return 'throttled';
      case 'unreachable':
        return 'unreachable';
      default:
        return 'failed';
    }
  }

  private async reportUncertain(record: RunRecord & { uncertain: UncertainSend }): Promise<void> {
    this.deps.logger.warn(
      {
        kind: record.kind,
        period: record.period,
        recipient: record.recipientId,
        uncertain: record.uncertain,
      },
      'a send was in flight when its instance stopped (uncertain)',
    );
    try {
      await this.deps.onUncertain?.(record);
    } catch (err) {
      this.deps.logger.warn({ err }, 'could not audit an uncertain send');
    }
  }
}
