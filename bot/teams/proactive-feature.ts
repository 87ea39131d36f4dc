// Everything proactive, composed once: the sender, the delivery pipeline, the digest, reminder,
// escalation and subscription services, the scheduler, and the event subscriptions (an escalated
// risk goes to the CTO at once; an arriving update stops its reminders). app.ts creates it, adds
// its commands, verbs and routes to the bot and the API, and starts the scheduler when enabled
// (SCHEDULER_ENABLED); the events are handled whether or not this instance runs the schedules.
import { randomUUID } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import type { LinkTarget } from '../cards/links.js';
import type { Config } from '../config.js';
import type { Logger } from '../platform/logger.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/events.js';
import type { Messenger } from '../ports/messenger.js';
import type { StateStore } from '../ports/state.js';
import { ProactiveScheduler } from '../scheduling/scheduler.js';
import { DeliveryPipeline } from '../services/digest-runs.js';
import { DigestService, type ProactiveDeps } from '../scheduling/digest-job.js';
import { EscalationService } from '../scheduling/escalation-job.js';
import { ReminderService } from '../scheduling/reminder-job.js';
import type { Services } from '../services/services.js';
import { SubscriptionService } from '../services/subscription-service.js';
import { createProactiveAdapter } from './proactive-adapter.js';
import { ProactiveSender, type RetryPolicy } from './proactive-sender.js';

export interface ProactiveOptions {
  /** Replaces the Teams sender (tests). */
  messenger?: Messenger;
  adapter?: CloudAdapter;
  retry?: Partial<RetryPolicy>;
  concurrency?: number;
  instanceId?: string;
  leaseTtlMs?: number;
  sweepIntervalMs?: number;
}

export interface ProactiveFeature {
  readonly messenger: Messenger;
  readonly deps: ProactiveDeps;
  readonly digest: DigestService;
  readonly reminders: ReminderService;
  readonly escalations: EscalationService;
  readonly subscriptions: SubscriptionService;
  readonly scheduler: ProactiveScheduler;
  /** Stops listening to events and stops the scheduler. */
  close(): Promise<void>;
}

export function createProactiveFeature(input: {
  config: Config;
  logger: Logger;
  clock: Clock;
  services: Services;
  stateStore: StateStore;
  events: EventBus;
  links: LinkTarget;
  /** React to escalations and arriving updates (the app always does; false only for isolated tests). */
  listen: boolean;
  options?: ProactiveOptions;
}): ProactiveFeature {
  const { config, logger, clock, services, stateStore, events, links, options = {} } = input;
  const messenger =
    options.messenger ??
    new ProactiveSender({
      adapter: options.adapter ?? createProactiveAdapter(config),
      appId: config.bot.appId ?? '',
      logger,
      retry: options.retry,
    });
  const instanceId = options.instanceId ?? config.proactive.instanceId ?? `instance-${randomUUID()}`;
  const leaseTtlMs = options.leaseTtlMs ?? config.proactive.leaseMs;
  const pipeline = new DeliveryPipeline({
    state: stateStore,
    messenger,
    clock,
    logger,
    defaultLocale: config.defaultLocale,
    concurrency: options.concurrency ?? config.proactive.inFlight,
    instanceId,
    leaseTtlMs,
    // Each uncertain send is audited (Admin -> Run history shows the run records).
    onUncertain: (r) =>
      services.audit.recordSystem(
        { entityType: 'settings', entityId: r.kind },
        'uncertain-send',
        `${r.kind} ${r.period} to ${r.recipientId}: in flight at ${r.uncertain.holder}'s stop, ${r.uncertain.action ?? 'undecided'}`,
      ),
  });
  const deps: ProactiveDeps = {
    services,
    state: stateStore,
    pipeline,
    messenger,
    links,
    defaultLocale: config.defaultLocale,
  };
  const digest = new DigestService(deps);
  const reminders = new ReminderService(deps);
  const escalations = new EscalationService(deps);
  const subscriptions = new SubscriptionService(services);
  const scheduler = new ProactiveScheduler({
    services,
    state: stateStore,
    clock,
    logger,
    digest,
    reminders,
    escalations,
    instanceId,
    leaseTtlMs,
    sweepIntervalMs: options.sweepIntervalMs ?? config.proactive.sweepIntervalMs,
  });
  const unsubscribe = input.listen ? listenTo(events, escalations, reminders) : () => undefined;
  return {
    messenger,
    deps,
    digest,
    reminders,
    escalations,
    subscriptions,
    scheduler,
    async close() {
      unsubscribe();
      await scheduler.stop();
    },
  };
}

/** An escalated risk goes to the CTO at once; an arriving update stops its reminders. */
export function listenTo(
  events: EventBus,
  escalations: EscalationService,
  reminders: ReminderService,
): () => void {
  return events.subscribe(async (event) => {
    if (event.type === 'risk.escalated') await escalations.notify(event.riskId);
    if (event.type === 'status-update.submitted')
      await reminders.onUpdateSubmitted(event.projectId, event.period);
  });
}
