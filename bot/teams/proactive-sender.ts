// Proactive messages through the Bot Connector: continueConversationAsync on a stored conversation
// reference (createConversationAsync to open a personal chat), under the Teams rate limits, with
// capped retries of 429/412/502/503/504 and transient network errors (Retry-After honoured, else
// exponential backoff with jitter), and one outcome per recipient: delivered, throttled then
// delivered, unreachable (403 app not installed or bot blocked, 404 conversation gone) or failed.
import {
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { Logger } from '../platform/logger.js';
import type {
  Delivery,
  Messenger,
  OutgoingMessage,
  SendHooks,
  UnreachableReason,
} from '../ports/messenger.js';
import type { ConversationRecord } from '../ports/state.js';
import { RateLimiter, realLimiterClock, type LimiterClock } from './proactive-rate-limiter.js';

export interface RetryPolicy {
  /** Requests per message, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it (a hostile or broken value must not stall a run). */
  maxRetryAfterMs: number;
  /** ± share of the delay. */
  jitter: number;
}

/** Close to the Teams guidance: a bounded number of retries, 2-20 s backoff, ±20 % jitter. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
  jitter: 0.2,
};

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const TRANSIENT_NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

export interface SendFailure {
  status: number | undefined;
  code: string | undefined;
  retryAfterMs: number | undefined;
  message: string;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (n: string) => string | null | undefined } & Record<string, unknown>;
  if (typeof h.get === 'function') return h.get(name) ?? undefined;
  const found = Object.entries(h).find(([k]) => k.toLowerCase() === name);
  return typeof found?.[1] === 'string' ? found[1] : undefined;
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/** Reads what botbuilder's connector (core-http RestError) or a network failure tells us. */
export function describeFailure(error: unknown): SendFailure {
  const e = (error ?? {}) as {
    statusCode?: unknown;
    status?: unknown;
    code?: unknown;
    message?: unknown;
    response?: { status?: unknown; headers?: unknown; bodyAsText?: unknown; parsedBody?: unknown };
    body?: unknown;
    cause?: { code?: unknown };
  };
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.response?.status === 'number'
        ? e.response.status
        : typeof e.status === 'number'
          ? e.status
          : undefined;
  const body = e.response?.parsedBody ?? e.body ?? e.response?.bodyAsText;
  const bodyCode =
    body && typeof body === 'object'
      ? (body as { error?: { code?: unknown } }).error?.code
      : typeof body === 'string'
        ? (/"code"\s*:\s*"([^"]+)"/.exec(body)?.[1] ?? undefined)
        : undefined;
  const code =
    typeof bodyCode === 'string'
      ? bodyCode
      : typeof e.code === 'string'
        ? e.code
        : typeof e.cause?.code === 'string'
          ? e.cause.code
          : undefined;
  return {
    status,
    code,
    retryAfterMs: parseRetryAfter(header(e.response?.headers, 'retry-after')),
    message: typeof e.message === 'string' ? e.message.slice(0, 300) : 'send failed',
  };
}

export function unreachableReason(failure: SendFailure): UnreachableReason | undefined {
  if (failure.status === 404) return 'gone';
  if (failure.status === 403) {
    return /block/i.test(`${failure.code ?? ''} ${failure.message}`) ? 'blocked' : 'not-installed';
  }
  return undefined;
}

function isRetryable(failure: SendFailure): boolean {
  if (failure.status !== undefined) return RETRYABLE.has(failure.status);
  return failure.code !== undefined && TRANSIENT_NETWORK.has(failure.code);
}

export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(base * (1 - policy.jitter + 2 * policy.jitter * random()));
}

export interface ProactiveSenderOptions {
  adapter: CloudAdapter;
  /** The bot's app id ('' when authentication is off). */
  appId: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  limiter?: RateLimiter;
  clock?: LimiterClock;
  random?: () => number;
}

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  return {
    type: 'message',
    ...(message.text ? { text: message.text } : {}),
    ...(message.summary ? { summary: message.summary } : {}),
    ...(message.card
      ? { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }] }
      : {}),
  };
}

export class ProactiveSender implements Messenger {
  readonly limiter: RateLimiter;
  private readonly retry: RetryPolicy;
  private readonly clock: LimiterClock;
  private readonly random: () => number;

  constructor(private readonly options: ProactiveSenderOptions) {
    this.clock = options.clock ?? realLimiterClock;
    this.limiter = options.limiter ?? new RateLimiter(this.clock);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
  }

  send(conversation: ConversationRecord, message: OutgoingMessage, hooks: SendHooks = {}): Promise<Delivery> {
    return this.withRetries(
      conversation,
      async (context) => {
        const response = await context.sendActivity(toActivity(message));
        return response?.id ?? null;
      },
      hooks,
    );
  }

  update(conversation: ConversationRecord, activityId: string, message: OutgoingMessage): Promise<Delivery> {
    return this.withRetries(conversation, async (context) => {
      await context.updateActivity({ ...toActivity(message), id: activityId });
      return activityId;
    });
  }

  async openPersonal(
    person: { personId: string; aadObjectId: string; tenantId: string | null },
    serviceUrl: string,
  ): Promise<ConversationRecord | Delivery> {
    const keys = [`tenant:${person.tenantId ?? 'default'}`, `create:${person.aadObjectId}`];
    const parameters = {
      isGroup: false,
      bot: { id: this.options.appId, name: 'Transformation Hub' },
      members: [{ id: person.aadObjectId, name: '' }],
      tenantId: person.tenantId ?? undefined,
      channelData: person.tenantId ? { tenant: { id: person.tenantId } } : undefined,
    } as unknown as ConversationParameters;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      await this.limiter.acquire(keys);
      try {
        let reference: Partial<ConversationReference> | undefined;
        await this.options.adapter.createConversationAsync(
          this.options.appId,
          'msteams',
          serviceUrl,
          '',
          parameters,
          (context: TurnContext) => {
            reference = TurnContext.getConversationReference(context.activity);
            return Promise.resolve();
          },
        );
        const conversationId = reference?.conversation?.id;
        if (!conversationId)
          return { status: 'failed', attempts, activityId: null, detail: 'no conversation id returned' };
        return {
          personId: person.personId,
          userKey: person.aadObjectId,
          conversationId,
          conversationType: 'personal',
          tenantId: person.tenantId,
          serviceUrl,
          reference: { ...reference, serviceUrl },
          updatedAt: new Date().toISOString(),
        };
      } catch (error) {
        const outcome = await this.afterFailure(error, attempts, keys[1]!);
        if (outcome) return outcome;
      }
    }
  }

  private async withRetries(
    conversation: ConversationRecord,
    logic: (context: TurnContext) => Promise<string | null>,
    hooks: SendHooks = {},
  ): Promise<Delivery> {
    const conversationKey = `conversation:${conversation.conversationId}`;
    const keys = [`tenant:${conversation.tenantId ?? 'default'}`, conversationKey];
    const reference = {
      ...(conversation.reference as Partial<ConversationReference>),
      serviceUrl: conversation.serviceUrl,
    };
    let attempts = 0;
    let throttled = false;
    for (;;) {
      attempts += 1;
      await this.limiter.acquire(keys);
      if (attempts === 1 && hooks.beforeRequest) {
        try {
          await hooks.beforeRequest();
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return {
            status: 'failed',
            attempts: 0,
            activityId: null,
            detail: `not sent: ${reason}`.slice(0, 500),
          };
        }
      }
      try {
        let activityId: string | null = null;
        // The adapter's onTurnError would swallow a failed send (and answer the user); the error is
        // carried out of the turn instead, so that it is classified here.
        let failed: { error: unknown } | undefined;
        await this.options.adapter.continueConversationAsync(
          this.options.appId,
          reference,
          async (context) => {
            try {
              activityId = await logic(context);
            } catch (error) {
              failed = { error };
            }
          },
        );
        if (failed) throw failed.error;
        return {
          status: throttled ? 'throttled-then-delivered' : 'delivered',
          attempts,
          activityId,
          detail: null,
        };
      } catch (error) {
        const failure = describeFailure(error);
        if (failure.status === 429) throttled = true;
        const outcome = await this.afterFailure(error, attempts, conversationKey);
        if (outcome) return outcome;
      }
    }
  }

  /** Decides after a failed request: a final outcome, or undefined after waiting to retry. */
  private async afterFailure(
    error: unknown,
    attempts: number,
    pauseKey: string,
  ): Promise<Delivery | undefined> {
    const failure = describeFailure(error);
    const reason = unreachableReason(failure);
    if (reason) return { status: 'unreachable', attempts, activityId: null, detail: reason };
    if (!isRetryable(failure) || attempts >= this.retry.maxAttempts) {
      this.options.logger.warn(
        { status: failure.status, code: failure.code, attempts },
        'proactive message failed; a later run will try again',
      );
      return {
        status: 'failed',
        attempts,
        activityId: null,
        detail: `${failure.status ?? failure.code ?? 'error'}: ${failure.message}`.slice(0, 500),
      };
    }
    const wait =
      failure.retryAfterMs !== undefined
        ? Math.min(failure.retryAfterMs, this.retry.maxRetryAfterMs)
        : backoffMs(this.retry, attempts, this.random);
    this.limiter.pause(pauseKey, wait);
    await this.clock.sleep(wait);
    return undefined;
  }
}
