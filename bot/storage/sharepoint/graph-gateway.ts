// The Graph gateway: the only code that builds Graph URLs (shared/ARCHITECTURE.md habit 4). It speaks
// SharePoint sites, lists, columns and list items; repositories above it speak domain types.
//
// - every call goes through GraphTransport (token, User-Agent, capped retries honouring Retry-After);
// - collections are read page by page following @odata.nextLink exactly as returned;
// - writes can be sent as JSON $batch, 20 requests per batch (PLATFORM-FACTS F7), with one result per
//   request; sub-requests that were throttled inside a batch are sent again after their Retry-After;
// - list items are synchronised with delta queries (PLATFORM-FACTS F5): a first enumeration, then one
//   request per list when nothing changed; a 410 Gone restarts the enumeration where Graph says.
// Everything Graph returns is parsed with zod here or by the caller: it is untrusted input.
import { z } from 'zod';
import { GraphRequestError, isGraphRequestError } from './graph-error.js';
import type { GraphLogger } from './graph-logger.js';
import {
  errorOf,
  type GraphCall,
  type GraphResult,
  type GraphTransport,
  type HttpMethod,
} from './graph-transport.js';
import { isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryOptions } from './retry-policy.js';

/** $batch requests one call sends at the same time (Graph advises bounded concurrency). */
export const BATCH_CONCURRENCY = 4;

/** Runs `task` over `items`, at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Graph's documented maximum of requests in one JSON batch. */
export const MAX_BATCH_REQUESTS = 20;

export const ListItemShape = z
  .object({
    id: z.string().min(1),
    eTag: z.string().optional(),
    fields: z.record(z.string(), z.unknown()).optional(),
    deleted: z.object({ state: z.string().optional() }).loose().optional(),
  })
  .loose();
export type RawListItem = z.infer<typeof ListItemShape>;

const Collection = z
  .object({
    value: z.array(z.unknown()),
    '@odata.nextLink': z.string().optional(),
    '@odata.deltaLink': z.string().optional(),
  })
  .loose();

const ListShape = z
  .object({ id: z.string().min(1), displayName: z.string().optional(), name: z.string().optional() })
  .loose();
export type RawList = z.infer<typeof ListShape>;

export const ColumnShape = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    indexed: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    text: z
      .object({ allowMultipleLines: z.boolean().optional(), maxLength: z.number().optional() })
      .loose()
      .optional(),
    number: z.object({}).loose().optional(),
    boolean: z.object({}).loose().optional(),
    dateTime: z.object({}).loose().optional(),
  })
  .loose();
export type RawColumn = z.infer<typeof ColumnShape>;

const BatchResponses = z.object({
  responses: z.array(
    z
      .object({
        id: z.string(),
        status: z.number().int(),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
      })
      .loose(),
  ),
});

export interface BatchRequest {
  operation: string;
  method: HttpMethod;
  /** Relative to the version root, e.g. "/sites/{id}/lists/{id}/items". */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchOutcome {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Set when the request finally failed (after its retries). */
  error?: GraphRequestError;
}

export interface DeltaResult {
  /** Latest state of every item that changed (or of every item, on a first enumeration or a reset). */
  items: RawListItem[];
  deletedIds: string[];
  deltaLink: string;
  /** True when this was a full enumeration replacing all local state (first sync or 410 Gone). */
  full: boolean;
  /** Items whose shape was not a list item (reported, skipped). */
  malformed: number;
}

export interface GraphGatewayOptions {
  retry: RetryOptions;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  logger: GraphLogger;
  /** $top for item enumerations; Graph may return fewer per page. */
  pageSize: number;
}

/** A path segment: percent-encoded, but the commas and colons of composite site ids stay as Graph shows them. */
function seg(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

function query(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%24/g, '$')}`)
    .join('&');
}

/** An OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const sitePath = (siteId: string) => `/sites/${seg(siteId)}`;
const listPath = (siteId: string, listId: string) => `${sitePath(siteId)}/lists/${seg(listId)}`;
const itemsPath = (siteId: string, listId: string) => `${listPath(siteId, listId)}/items`;

export class GraphGateway {
  constructor(
    readonly transport: GraphTransport,
    private readonly options: GraphGatewayOptions,
  ) {}

  request(call: GraphCall): Promise<GraphResult> {
    return this.transport.send(call);
  }

  /** Every page of a collection, following @odata.nextLink as given. */
  async *pages(call: GraphCall): AsyncGenerator<unknown[]> {
    let next: string | undefined = call.url;
    while (next !== undefined) {
      const result = await this.transport.send({ ...call, url: next });
      const page = Collection.safeParse(result.body);
      if (!page.success) throw malformed(call.operation);
      yield page.data.value;
      next = page.data['@odata.nextLink'];
    }
  }

  async getAll<T>(call: GraphCall, shape: z.ZodType<T>): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages(call)) {
      for (const value of page) {
        const parsed = shape.safeParse(value);
        if (parsed.success) all.push(parsed.data);
      }
    }
    return all;
  }

  // ---- the signed-in user (a delegated token) ----

  /** GET /me with the given properties; the body is untrusted and parsed by the caller. */
  async getMe(select: readonly string[]): Promise<unknown> {
    const result = await this.request({
      operation: 'me.get',
      method: 'GET',
      url: `/me?${query({ $select: select.join(',') })}`,
    });
    return result.body;
  }

  // ---- sites, lists, columns (provisioning) ----

  async getSite(siteId: string): Promise<{ id: string }> {
    const result = await this.request({
      operation: 'site.get',
      method: 'GET',
      url: `${sitePath(siteId)}?$select=id`,
    });
    const site = z.object({ id: z.string() }).loose().safeParse(result.body);
    if (!site.success) throw malformed('site.get');
    return site.data;
  }

  listLists(siteId: string): Promise<RawList[]> {
    return this.getAll(
      {
        operation: 'lists.list',
        method: 'GET',
        url: `${sitePath(siteId)}/lists?${query({ $select: 'id,displayName,name' })}`,
      },
      ListShape,
    );
  }

  async createList(siteId: string, body: object): Promise<RawList> {
    const result = await this.request({
      operation: 'lists.create',
      method: 'POST',
      url: `${sitePath(siteId)}/lists`,
      body,
    });
    const list = ListShape.safeParse(result.body);
    if (!list.success) throw malformed('lists.create');
    return list.data;
  }

  listColumns(siteId: string, listId: string): Promise<RawColumn[]> {
    return this.getAll(
      { operation: 'columns.list', method: 'GET', url: `${listPath(siteId, listId)}/columns` },
      ColumnShape,
    );
  }

  async createColumn(siteId: string, listId: string, body: object): Promise<RawColumn> {
    const result = await this.request({
      operation: 'columns.create',
      method: 'POST',
      url: `${listPath(siteId, listId)}/columns`,
      body,
    });
    const column = ColumnShape.safeParse(result.body);
    if (!column.success) throw malformed('columns.create');
    return column.data;
  }

  async updateColumn(siteId: string, listId: string, columnId: string, patch: object): Promise<RawColumn> {
    const result = await this.request({
      operation: 'columns.update',
      method: 'PATCH',
      url: `${listPath(siteId, listId)}/columns/${seg(columnId)}`,
      body: patch,
    });
    const column = ColumnShape.safeParse(result.body);
    if (!column.success) throw malformed('columns.update');
    return column.data;
  }

  // ---- list items ----

  async getItem(siteId: string, listId: string, itemId: string): Promise<RawListItem> {
    const result = await this.request({
      operation: 'items.get',
      method: 'GET',
      url: `${itemsPath(siteId, listId)}/${seg(itemId)}?${query({ $expand: 'fields' })}`,
    });
    const item = ListItemShape.safeParse(result.body);
    if (!item.success) throw malformed('items.get');
    return item.data;
  }

  /**
   * Items whose `column` equals `value`. Only ever called for indexed columns: SharePoint refuses a
   * filter on a column that is not indexed (and may fail it randomly on large lists even with the
   * Prefer header), so callers check the list schema first.
   */
  findItems(siteId: string, listId: string, column: string, value: string): Promise<RawListItem[]> {
    const q = query({ $expand: 'fields', $filter: `fields/${column} eq ${odataString(value)}` });
    return this.getAll(
      { operation: 'items.find', method: 'GET', url: `${itemsPath(siteId, listId)}?${q}` },
      ListItemShape,
    );
  }

  createItemRequest(siteId: string, listId: string, fields: Record<string, unknown>): BatchRequest {
    return { operation: 'items.create', method: 'POST', url: itemsPath(siteId, listId), body: { fields } };
  }

  /** PATCH of an item's fields, refused with 412 when the item's ETag is no longer `eTag`. */
  updateItemRequest(
    siteId: string,
    listId: string,
    itemId: string,
    fields: Record<string, unknown>,
    eTag: string,
  ): BatchRequest {
    return {
      operation: 'items.update',
      method: 'PATCH',
      url: `${itemsPath(siteId, listId)}/${seg(itemId)}/fields`,
      headers: { 'if-match': eTag },
      body: fields,
    };
  }

  async deleteItem(siteId: string, listId: string, itemId: string): Promise<void> {
    await this.request({
      operation: 'items.delete',
      method: 'DELETE',
      url: `${itemsPath(siteId, listId)}/${seg(itemId)}`,
    });
  }

  /**
   * Changes since `deltaLink` (or every item when undefined), following nextLinks to the new
   * deltaLink. A 410 Gone (token too old) restarts from the Location Graph gives, as a full
   * enumeration.
   */
  async delta(siteId: string, listId: string, deltaLink?: string): Promise<DeltaResult> {
    const initial = `${itemsPath(siteId, listId)}/delta?${query({ $expand: 'fields', $top: String(this.options.pageSize) })}`;
    let url = deltaLink ?? initial;
    let full = deltaLink === undefined;
    let resets = 0;
    const items = new Map<string, RawListItem>();
    const deleted = new Set<string>();
    let malformedCount = 0;
    for (;;) {
      let body: unknown;
      try {
        body = (await this.request({ operation: 'items.delta', method: 'GET', url })).body;
      } catch (error) {
        if (isGraphRequestError(error) && error.kind === 'gone' && resets < 2) {
          resets++;
          this.options.logger.info(
            { graph: { operation: 'items.delta', listId } },
            'delta token expired; enumerating again',
          );
          items.clear();
          deleted.clear();
          full = true;
          url = error.location ?? initial;
          continue;
        }
        throw error;
      }
      const page = Collection.safeParse(body);
      if (!page.success) throw malformed('items.delta');
      for (const value of page.data.value) {
        const item = ListItemShape.safeParse(value);
        if (!item.success) {
          malformedCount++;
          continue;
        }
        // The same item may appear more than once: the last occurrence wins.
        if (item.data.deleted) {
          items.delete(item.data.id);
          deleted.add(item.data.id);
        } else {
          deleted.delete(item.data.id);
          items.set(item.data.id, item.data);
        }
      }
      const next = page.data['@odata.nextLink'];
      const done = page.data['@odata.deltaLink'];
      if (next !== undefined) {
        url = next;
        continue;
      }
      if (done === undefined) throw malformed('items.delta');
      return {
        items: [...items.values()],
        deletedIds: [...deleted],
        deltaLink: done,
        full,
        malformed: malformedCount,
      };
    }
  }

  // ---- JSON batching ----

  /**
   * Sends the requests in JSON batches of at most 20 and returns one outcome per request, in the
   * order given. A lone request is sent as itself (same cost, plainer errors). Sub-requests answered
   * 429/503 (or 502/504) are sent again, in a later batch, after the longest Retry-After among them,
   * within the same retry budget as single requests.
   */
  async batch(
    requests: readonly BatchRequest[],
    /** Told each request's final outcome as soon as it is known (before the call's throttled ones). */
    onSettled?: (index: number, outcome: BatchOutcome) => void,
  ): Promise<BatchOutcome[]> {
    const outcomes: Array<BatchOutcome | undefined> = new Array<BatchOutcome | undefined>(requests.length);
    if (requests.length === 1) {
      outcomes[0] = await this.single(requests[0] as BatchRequest);
      return outcomes as BatchOutcome[];
    }
    let pending = requests.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt++) {
      const retry: number[] = [];
      let waitSeconds: number | undefined;
      let backoff = false;
      const chunks: number[][] = [];
      for (let start = 0; start < pending.length; start += MAX_BATCH_REQUESTS)
        chunks.push(pending.slice(start, start + MAX_BATCH_REQUESTS));
      // The batches of one call go out together (at most BATCH_CONCURRENCY at a time), so their
      // throttling waits overlap instead of queuing one after another.
      await inParallel(chunks, BATCH_CONCURRENCY, async (chunk) => {
        const answers = await this.sendBatch(
          chunk.map((i) => ({ index: i, request: requests[i] as BatchRequest })),
        );
        for (const i of chunk) {
          const answer = answers.get(i) ?? missingAnswer(requests[i] as BatchRequest);
          if (answer.status >= 200 && answer.status < 300) {
            outcomes[i] = answer;
            onSettled?.(i, answer);
            continue;
          }
          const error = errorOf(answer, (requests[i] as BatchRequest).operation, this.options.now());
          outcomes[i] = { ...answer, error };
          if (isRetryableStatus(answer.status)) {
            const after = parseRetryAfter(answer.headers['retry-after'], this.options.now());
            if (after === undefined) backoff = true;
            else waitSeconds = Math.max(waitSeconds ?? 0, after);
            retry.push(i);
          } else {
            onSettled?.(i, outcomes[i]);
          }
        }
      });
      retry.sort((a, b) => a - b);
      if (retry.length === 0) break;
      const delay = retryDelayMs(
        this.options.retry,
        attempt,
        backoff ? undefined : waitSeconds,
        this.options.random,
      );
      const waitMs = delay === undefined ? undefined : Math.max(delay, (waitSeconds ?? 0) * 1000);
      if (waitMs === undefined || (waitSeconds ?? 0) * 1000 > this.options.retry.maxDelayMs) break;
      this.options.logger.warn(
        { graph: { operation: '$batch', retried: retry.length, attempt: attempt + 1, delayMs: waitMs } },
        'Graph batch sub-requests retried',
      );
      await this.options.sleep(waitMs);
      pending = retry;
    }
    return outcomes.map((o, i) => o ?? { ...missingAnswer(requests[i] as BatchRequest) });
  }

  private async single(request: BatchRequest): Promise<BatchOutcome> {
    try {
      const result = await this.request({ ...request });
      return { status: result.status, headers: result.headers, body: result.body };
    } catch (error) {
      if (!isGraphRequestError(error)) throw error;
      return { status: error.status, headers: {}, body: undefined, error };
    }
  }

  /** One $batch call; answers by request index. A failed batch call fails each of its requests alike. */
  private async sendBatch(
    chunk: Array<{ index: number; request: BatchRequest }>,
  ): Promise<Map<number, BatchOutcome>> {
    const answers = new Map<number, BatchOutcome>();
    const body = {
      requests: chunk.map(({ index, request }) => {
        const headers = { ...(request.headers ?? {}) };
        if (request.body !== undefined) headers['content-type'] = 'application/json';
        return {
          id: String(index),
          method: request.method,
          url: request.url,
          ...(Object.keys(headers).length > 0 ? { headers } : {}),
          ...(request.body !== undefined ? { body: request.body } : {}),
        };
      }),
    };
    let result: GraphResult;
    try {
      result = await this.request({ operation: '$batch', method: 'POST', url: '/$batch', body });
    } catch (error) {
      if (!isGraphRequestError(error)) throw error;
      for (const { index } of chunk)
        answers.set(index, { status: error.status, headers: {}, body: undefined, error });
      return answers;
    }
    const parsed = BatchResponses.safeParse(result.body);
    if (!parsed.success) throw malformed('$batch');
    // Responses may come in any order; the id ties each to its request.
    for (const response of parsed.data.responses) {
      const index = Number(response.id);
      if (!Number.isInteger(index) || !chunk.some((c) => c.index === index)) continue;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = v;
      answers.set(index, { status: response.status, headers, body: response.body });
    }
    return answers;
  }
}

function missingAnswer(request: BatchRequest): BatchOutcome {
  const error = new GraphRequestError('Graph gave no answer for this request of the batch', {
    kind: 'unavailable',
    status: 0,
    operation: request.operation,
  });
  return { status: 0, headers: {}, body: undefined, error };
}

function malformed(operation: string): GraphRequestError {
  return new GraphRequestError('Graph answered with an unexpected shape', {
    kind: 'invalid',
    status: 200,
    operation,
  });
}
