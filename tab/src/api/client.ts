// The HTTP client of the tab: every response body is parsed with the zod schema the server
// validates and documents with (bot/domain), so a type here is never a guess.
import type { z } from 'zod';
import { pageSchema } from '../../../bot/domain/views.js';
import { ApiError, ProblemSchema } from './problem.js';

export type Headers = Record<string, string>;

export interface ApiClientOptions {
  /** Origin of the server; '' for the tab's own origin. */
  baseUrl?: string;
  /** Accept-Language of each call (the user's language). */
  language: () => string;
  /** Authorization (Teams SSO) or x-dev-user (development identity). */
  authHeaders: () => Promise<Headers>;
  fetch?: typeof fetch;
}

export interface Versioned<T> {
  value: T;
  version: number | undefined;
  /** The write was accepted but waits to reach SharePoint (`X-Sync-Status: queued`): "saved, will sync". */
  syncQueued?: boolean;
}

export interface SendOptions {
  /** The version being changed: sent as If-Match. 0 means "must not exist yet" (If-None-Match: *). */
  version?: number;
  idempotencyKey?: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function versionOf(res: Response): number | undefined {
  const etag = res.headers.get('etag');
  const m = etag ? /(\d+)/.exec(etag) : null;
  return m ? Number(m[1]) : undefined;
}

export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  private async call(
    method: Method,
    path: string,
    body?: unknown,
    send: SendOptions = {},
  ): Promise<Response> {
    const headers: Headers = {
      accept: 'application/json',
      'accept-language': this.options.language(),
      ...(await this.options.authHeaders()),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (send.version === 0) headers['if-none-match'] = '*';
    else if (send.version !== undefined) headers['if-match'] = `"${send.version}"`;
    if (send.idempotencyKey) headers['idempotency-key'] = send.idempotencyKey;
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.options.baseUrl ?? ''}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError({
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: 'network',
        detail: '',
      });
    }
    if (!res.ok) throw await this.problemOf(res);
    return res;
  }

  private async problemOf(res: Response): Promise<ApiError> {
    const text = await res.text().catch(() => '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = ProblemSchema.safeParse(json);
    if (parsed.success) return new ApiError(parsed.data);
    return new ApiError({
      type: 'about:blank',
      title: res.statusText || 'Error',
      status: res.status,
      code: res.status === 404 ? 'not_found' : 'http_error',
      detail: '',
    });
  }

  private static parse<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
    const r = schema.safeParse(json);
    if (!r.success) {
      throw new ApiError({
        type: 'about:blank',
        title: 'Unexpected response',
        status: 502,
        code: 'bad_response',
        detail: '',
      });
    }
    return r.data;
  }

  /** A file the API sends as an attachment (an export), with the name it suggests. */
  async get<S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> {
    const res = await this.call('GET', path);
    return ApiClient.parse(schema, await res.json());
  }

  /** A file the server sends as an attachment (the Council report, the workbook), with the name it offers. */
  async getFile(path: string): Promise<{ blob: Blob; fileName?: string }> {
    const res = await this.call('GET', path);
    const disposition = res.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
    return { blob: await res.blob(), fileName: star ? decodeURIComponent(star) : plain };
  }

  async getVersioned<S extends z.ZodType>(schema: S, path: string): Promise<Versioned<z.output<S>>> {
    const res = await this.call('GET', path);
    return { value: ApiClient.parse(schema, await res.json()), version: versionOf(res) };
  }

  /** Follows nextCursor until the list is complete (lists are bounded server-side at 1,000 a page). */
  async getAll<S extends z.ZodType>(schema: S, path: string): Promise<Array<z.output<S>>> {
    const page = pageSchema(schema);
    const items: Array<z.output<S>> = [];
    let cursor: string | undefined;
    const sep = path.includes('?') ? '&' : '?';
    for (let i = 0; i < 100; i++) {
      const url = `${path}${sep}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await this.call('GET', url);
      const body: { items: Array<z.output<S>>; nextCursor?: string } = ApiClient.parse(
        page,
        await res.json(),
      );
      items.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  /** A write answered without a body (204). */
  async sendNoContent(method: Exclude<Method, 'GET'>, path: string): Promise<void> {
    await this.call(method, path);
  }

  async send<S extends z.ZodType>(
    schema: S,
    method: Exclude<Method, 'GET'>,
    path: string,
    body: unknown,
    options: SendOptions = {},
  ): Promise<Versioned<z.output<S>>> {
    const res = await this.call(method, path, body, options);
    const value = ApiClient.parse(schema, await res.json());
    const syncQueued = res.headers.get('x-sync-status') === 'queued';
    return syncQueued ? { value, version: versionOf(res), syncQueued } : { value, version: versionOf(res) };
  }
}
