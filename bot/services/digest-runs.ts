// The proactive delivery pipeline shared by the digest, reminders and escalations: for each
// recipient, claim (kind, period, recipient) in the durable run store, find or open their personal
// chat, send through the Messenger (rate limits and retries live there) and record the outcome.
// A claim that is already delivered (or final) is skipped, so a restart, a second instance, a
// manual send and the scheduled run together deliver once. A claim left `pending` by a crash is
// taken over once it is stale (RunStore claim timeout); a `failed` one is retried by the next run.
import type { Locale } from '../domain/locale.js';
import type { Person } from '../domain/person.js';
import type { Logger } from '../platform/logger.js';
import type { Clock } from '../ports/clock.js';
import type { Delivery, Messenger, OutgoingMessage } from '../ports/messenger.js';
import type { ConversationRecord, RunRecord, StateStore } from '../ports/state.js';

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
  /** Parallel sends; the rate limiter decides the pace. */
  concurrency?: number;
}

export class DeliveryPipeline {
  constructor(private readonly deps: DeliveryDeps) {}

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

  async run(kind: string, summaryPeriod: string, items: readonly DeliveryItem[]): Promise<RunSummary> {
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
    };
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++]!;
        try {
          const outcome = await this.deliver(kind, item);
          summary[outcome] += 1;
        } catch (error) {
          // A store failure for one recipient must not stop the others; the claim stays pending and
          // is taken over by a later run once stale.
          this.deps.logger.error(
            { err: error, kind, period: item.period, recipient: item.recipient.id },
            'proactive delivery failed',
          );
          summary.failed += 1;
        }
      }
    };
    const concurrency = Math.max(1, Math.min(this.deps.concurrency ?? 16, items.length));
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (summary.delivered + summary.throttled + summary.unreachable + summary.failed > 0) {
      this.deps.logger.info({ ...summary }, 'proactive run finished');
    }
    return summary;
  }

  private async deliver(
    kind: string,
    item: DeliveryItem,
  ): Promise<keyof Omit<RunSummary, 'kind' | 'period' | 'recipients'>> {
    const key = { kind, period: item.period, recipientId: item.recipient.id };
    const runs = this.deps.state.runs;
    if (!(await runs.claim(key, this.deps.clock.now().toISOString()))) return 'already';
    const record = (status: RunRecord['status'], d: Partial<Delivery> = {}) =>
      runs.record({
        ...key,
        status,
        attempts: d.attempts ?? 0,
        detail: d.detail ?? null,
        activityId: d.activityId ?? null,
        updatedAt: this.deps.clock.now().toISOString(),
      });
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
    const delivery = await this.deps.messenger.send(conversation, message);
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
}
