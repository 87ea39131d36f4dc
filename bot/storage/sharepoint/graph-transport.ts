// One HTTP exchange with Graph, through the @microsoft/microsoft-graph-client middleware chain:
//
//   RetryMiddleware -> HeadersMiddleware (token, User-Agent, client-request-id, timeout) -> HTTPMessageHandler (fetch)
//
// The SDK's fluent `Client.api()` is not used on purpose: it re-parses every URL (only https:// hosts,
// query re-encoded), which breaks two rules of this gateway: follow @odata.nextLink exactly as Graph
// gave it, and let GRAPH_BASE_URL point at a local emulator. Its middleware contract and fetch handler
// are used as they are; retry and headers are ours so that sleep, clock and randomness are injected.
import { randomUUID } from 'node:crypto';
import { HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { GraphRequestError, kindOfStatus } from './graph-error.js';
import type { GraphLogger } from './graph-logger.js';
import { isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryOptions } from './retry-policy.js';
import type { TokenProvider } from './token-provider.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphCall {
  /** A short name for logs and counters, e.g. "items.create". */
  operation: string;
  method: HttpMethod;
  /** A path under the base URL ("/sites/..."), or an absolute URL Graph returned (a nextLink). */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphTransportOptions {
  /** e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  tokens: TokenProvider;
  userAgent: string;
  retry: RetryOptions;
  /** Per attempt. */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  logger: GraphLogger;
}

const GraphErrorBody = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }).loose(),
});

/** What a failed attempt looked like, for the retry decision. */
interface Attempt {
  response?: Response;
  error?: unknown;
}

/** Redacts the opaque tokens of paging and delta links before a URL is logged. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

function isNetworkError(error: unknown): boolean {
  // fetch rejects with a TypeError ("fetch failed", cause ECONNRESET...) or an AbortSignal.timeout DOMException.
  if (error instanceof TypeError) return true;
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/** A link of the chain: the transport's options, the contexts to send with a fresh token, the next link. */
abstract class ChainedMiddleware implements Middleware {
  protected next?: Middleware;
  constructor(
    protected readonly options: GraphTransportOptions,
    protected readonly forceRefresh: WeakSet<Context>,
  ) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

class HeadersMiddleware extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    const token = await this.options.tokens.getToken({ forceRefresh: this.forceRefresh.has(context) });
    const headers = new Headers(context.options?.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('user-agent', this.options.userAgent);
    headers.set('client-request-id', randomUUID());
    headers.set('accept', 'application/json');
    context.options = { ...context.options, headers, signal: AbortSignal.timeout(this.options.timeoutMs) };
    await this.next?.execute(context);
  }
}

class RetryMiddleware extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    const method = String(context.options?.method ?? 'GET');
    const request = String(context.request as unknown);
    let refreshedToken = false;
    for (let attempt = 0; ; attempt++) {
      const tryContext: Context = { request, options: { ...context.options } };
      if (refreshedToken) this.forceRefresh.add(tryContext);
      const outcome: Attempt = {};
      try {
        await this.next?.execute(tryContext);
        outcome.response = tryContext.response;
      } catch (error) {
        if (error instanceof GraphRequestError) throw error; // from the token provider
        if (!isNetworkError(error)) throw error;
        outcome.error = error;
      }
      const status = outcome.response?.status;
      if (status === 401 && !refreshedToken) {
        // A token revoked or expired early: ask for a fresh one once.
        refreshedToken = true;
        await outcome.response?.body?.cancel();
        continue;
      }
      const retryable = outcome.error !== undefined || (status !== undefined && isRetryableStatus(status));
      if (!retryable) {
        context.response = outcome.response;
        return;
      }
      const retryAfter = outcome.response
        ? parseRetryAfter(outcome.response.headers.get('retry-after'), this.options.now())
        : undefined;
      const delay = retryDelayMs(this.options.retry, attempt, retryAfter, this.options.random);
      if (delay === undefined) {
        if (outcome.response) {
          context.response = outcome.response;
          return;
        }
        throw outcome.error;
      }
      await outcome.response?.body?.cancel();
      this.options.logger.warn(
        {
          graph: { method, path: describeUrl(request), attempt: attempt + 1, delayMs: delay },
          status: status ?? 0,
          reason: outcome.error instanceof Error ? outcome.error.name : undefined,
        },
        'Graph request retried',
      );
      await this.options.sleep(delay);
    }
  }
}

export class GraphTransport {
  private readonly chain: Middleware;
  private readonly origin: string;
  private readonly base: string;
  /** HTTP requests sent, by operation (retries included). */
  readonly sent = new Map<string, number>();

  constructor(private readonly options: GraphTransportOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.base).origin;
    const forceRefresh = new WeakSet<Context>();
    const retry = new RetryMiddleware(options, forceRefresh);
    const headers = new HeadersMiddleware(options, forceRefresh);
    retry.setNext(headers);
    headers.setNext(new HTTPMessageHandler());
    this.chain = retry;
  }

  get baseUrl(): string {
    return this.base;
  }

  /** The absolute URL of a call; absolute URLs must stay on the Graph origin (the token goes with them). */
  resolve(url: string): string {
    if (/^https?:\/\//i.test(url)) {
      if (new URL(url).origin !== this.origin) {
        throw new GraphRequestError('refusing to follow a link to another host', {
          kind: 'invalid',
          status: 0,
          operation: describeUrl(url),
        });
      }
      return url;
    }
    return `${this.base}${url.startsWith('/') ? '' : '/'}${url}`;
  }

  /** Sends one call; a non-2xx final answer is thrown as a GraphRequestError. */
  async send(call: GraphCall): Promise<GraphResult> {
    const url = this.resolve(call.url);
    const headers: Record<string, string> = { ...(call.headers ?? {}) };
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    const context: Context = { request: url, options: { method: call.method, headers, body } };
    this.sent.set(call.operation, (this.sent.get(call.operation) ?? 0) + 1);
    try {
      await this.chain.execute(context);
    } catch (error) {
      if (error instanceof GraphRequestError) throw error;
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      this.options.logger.warn(
        {
          graph: { operation: call.operation, path: describeUrl(url) },
          reason: error instanceof Error ? error.name : 'error',
        },
        'Graph unreachable',
      );
      throw new GraphRequestError(timedOut ? 'Graph did not answer in time' : 'Graph could not be reached', {
        kind: 'unavailable',
        status: 0,
        operation: `${call.operation} ${describeUrl(url)}`,
        cause: error,
      });
    }
    const response = context.response;
    if (!response) {
      throw new GraphRequestError('no response', {
        kind: 'unavailable',
        status: 0,
        operation: call.operation,
      });
    }
    const result = await readResult(response);
    if (response.status >= 200 && response.status < 300) return result;
    throw errorOf(result, `${call.operation} ${describeUrl(url)}`, this.options.now());
  }
}

async function readResult(response: Response): Promise<GraphResult> {
  const text = await response.text();
  let body: unknown = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: headersOf(response), body };
}

/** The normalised error of a non-2xx result (also used for $batch sub-responses). */
export function errorOf(result: GraphResult, operation: string, now: number): GraphRequestError {
  const parsed = GraphErrorBody.safeParse(result.body);
  const code = parsed.success ? parsed.data.error.code : undefined;
  const message = parsed.success ? parsed.data.error.message : undefined;
  const retryAfterSeconds = parseRetryAfter(result.headers['retry-after'], now);
  let kind = kindOfStatus(result.status);
  // SharePoint answers 503 with Retry-After when it throttles, like 429.
  if (result.status === 503 && retryAfterSeconds !== undefined) kind = 'throttled';
  return new GraphRequestError(
    `Graph ${result.status}${code ? ` ${code}` : ''}: ${message ?? 'request failed'}`,
    {
      kind,
      status: result.status,
      code,
      operation,
      retryAfterSeconds,
      location: result.headers.location,
    },
  );
}
