// An in-process Microsoft Graph emulator for SharePoint lists (node:http on 127.0.0.1, ephemeral
// port), with a local Entra ID stand-in over HTTPS (self-signed certificate made with openssl).
//
// It implements the documented behaviour the app relies on (see sharepoint-model.ts and
// PLATFORM-FACTS section F): sites, lists and columns; list items with expand=fields and
// fields(select=...); $filter on fields, refused on non-indexed columns unless the
// `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` header is sent; $top with small pages and
// @odata.nextLink; ETags and 412 on If-Match mismatch; JSON $batch (20 requests at most, per-request
// status, responses in a different order than the requests, dependsOn); delta queries. It counts
// requests per operation and injects faults (fault-injector.ts).
//
// It FAILS LOUDLY: any request it does not understand (route, method, query option, filter syntax)
// is answered 501 with the request line and recorded in `unexpected`, so a test can assert there was
// none. It never guesses.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { EntraStandIn, type RegisteredApp } from './entra-stand-in.js';
import { FaultInjector, type Fault } from './fault-injector.js';
import { evaluate, filterFields, FilterSyntaxError, parseFilter, type FilterExpr } from './odata-filter.js';
import { createSelfSignedCertificate, type CertificateFiles } from './self-signed-cert.js';
import { EmulatorHttpError, SharePointModel, type Column, type List } from './sharepoint-model.js';

export interface GraphEmulatorOptions {
  /** Items per page when the request has no $top (Graph's default page for list items is 200). */
  defaultPageSize?: number;
  /** The largest $top honoured; a larger $top is clamped (Graph may clamp, PLATFORM-FACTS F2). */
  maxPageSize?: number;
  /** A site created at start. */
  siteId?: string;
}

export interface RequestRecord {
  op: string;
  method: string;
  path: string;
  status: number;
  inBatch: boolean;
  userAgent?: string;
  fault?: Fault['type'];
}

interface EmulatedRequest {
  method: string;
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  line: string;
}

interface EmulatedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface DeltaState {
  siteId: string;
  listId: string;
  mode: 'enumerate' | 'changes';
  since: number;
  upTo: number;
  /** enumerate: last item id returned; changes: entries already returned. */
  position: number;
  expandFields: boolean;
  select?: string[];
  top: number;
  expired: boolean;
}

/** A request the emulator does not understand: 501 and recorded. */
class NotUnderstood extends Error {}

const PREFER_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';
const MAX_BATCH = 20;

function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): EmulatedResponse {
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': randomUUID(),
          'client-request-id': randomUUID(),
        },
      },
    },
  };
}

function allowQuery(query: URLSearchParams, allowed: readonly string[]): void {
  for (const key of query.keys()) {
    if (!allowed.includes(key)) throw new NotUnderstood(`query option ${key}`);
  }
}

/** `fields`, `fields(select=A,B)` or `fields($select=A,B)`. */
function parseExpand(query: URLSearchParams): { fields: boolean; select?: string[] } {
  const values = [query.get('expand'), query.get('$expand')].filter((v): v is string => v !== null);
  if (values.length === 0) return { fields: false };
  if (values.length > 1) throw new NotUnderstood('both expand and $expand');
  const value = values[0] as string;
  if (value === 'fields') return { fields: true };
  const m = /^fields\(\$?select=([A-Za-z0-9_,@.]+)\)$/.exec(value);
  if (!m) throw new NotUnderstood(`expand ${value}`);
  return { fields: true, select: (m[1] as string).split(',') };
}

function pageSize(
  query: URLSearchParams,
  defaults: { defaultPageSize: number; maxPageSize: number },
): number {
  const top = query.get('$top');
  if (top === null) return defaults.defaultPageSize;
  if (!/^\d+$/.test(top) || Number(top) < 1)
    throw new EmulatorHttpError(400, 'invalidRequest', `Invalid $top value '${top}'`);
  return Math.min(Number(top), defaults.maxPageSize);
}

export class GraphEmulator {
  readonly model = new SharePointModel();
  readonly faults = new FaultInjector();
  readonly requests: RequestRecord[] = [];
  readonly unexpected: string[] = [];
  readonly tenantId = randomUUID();
  readonly entra: EntraStandIn;
  readonly tls: CertificateFiles;

  private graph?: Server;
  private identity?: HttpsServer;
  private graphOrigin = '';
  private identityOrigin = '';
  private readonly deltaTokens = new Map<string, DeltaState>();
  private readonly held = new Set<ServerResponse>();
  private readonly defaults: { defaultPageSize: number; maxPageSize: number };

  private constructor(options: GraphEmulatorOptions) {
    this.defaults = {
      defaultPageSize: options.defaultPageSize ?? 200,
      maxPageSize: options.maxPageSize ?? 999,
    };
    this.entra = new EntraStandIn(this.tenantId, () => this.identityOrigin);
    this.tls = createSelfSignedCertificate('localhost', { subjectAltName: 'IP:127.0.0.1,DNS:localhost' });
  }

  static async start(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
    const emulator = new GraphEmulator(options);
    if (options.siteId) emulator.model.addSite(options.siteId);
    await emulator.listen();
    return emulator;
  }

  /** GRAPH_BASE_URL for the app. */
  get graphBaseUrl(): string {
    return `${this.graphOrigin}/v1.0`;
  }

  /** ENTRA_AUTHORITY_HOST for the app (HTTPS; trust `caCertPath` / `caCertPem`). */
  get authorityHost(): string {
    return this.identityOrigin;
  }

  get caCertPath(): string {
    return this.tls.certPath;
  }

  get caCertPem(): string {
    return this.tls.certPem;
  }

  /** IDENTITY_ENDPOINT for msal-node's App Service managed identity source (with IDENTITY_HEADER). */
  get managedIdentityEndpoint(): string {
    return `${this.graphOrigin}/msi/token`;
  }

  registerApp(app: RegisteredApp): void {
    this.entra.register(app);
  }

  /** Requests of an operation (all when omitted); top-level only unless `inBatch` is given. */
  count(op?: string, options: { inBatch?: boolean } = {}): number {
    return this.requests.filter(
      (r) =>
        (op === undefined || r.op === op) &&
        (options.inBatch === undefined ? !r.inBatch : r.inBatch === options.inBatch),
    ).length;
  }

  /** Top-level HTTP requests to Graph (not the token service), by operation. */
  countsByOperation(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.requests) {
      if (r.inBatch || r.op === 'token' || r.op === 'openid' || r.op === 'msi.token') continue;
      out[r.op] = (out[r.op] ?? 0) + 1;
    }
    return out;
  }

  resetCounts(): void {
    this.requests.length = 0;
  }

  /** Makes every delta token issued so far stale: their next use is answered 410 Gone. */
  expireDeltaTokens(): void {
    for (const state of this.deltaTokens.values()) state.expired = true;
  }

  /** Items currently in a list (by display name), for assertions. */
  itemsOf(siteId: string, displayName: string): Array<Record<string, unknown>> {
    const list = this.model.list(siteId, displayName);
    return [...list.items.values()].map((item) => ({ id: item.id, ...item.fields }));
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.held.clear();
    const stop = (server: Server | HttpsServer | undefined) =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    await Promise.all([stop(this.graph), stop(this.identity)]);
  }

  // ---- servers ----

  private async listen(): Promise<void> {
    this.graph = createServer((req, res) => {
      void this.onGraphRequest(req, res);
    });
    this.identity = createHttpsServer({ key: this.tls.keyPem, cert: this.tls.certPem }, (req, res) => {
      void this.onIdentityRequest(req, res);
    });
    const listen = (server: Server | HttpsServer) =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
      );
    this.graphOrigin = `http://127.0.0.1:${await listen(this.graph)}`;
    this.identityOrigin = `https://127.0.0.1:${await listen(this.identity)}`;
  }

  private static async readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  private static headersOf(req: IncomingMessage): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string') out[k.toLowerCase()] = v;
      else if (Array.isArray(v)) out[k.toLowerCase()] = v.join(', ');
    }
    return out;
  }

  private send(res: ServerResponse, response: EmulatedResponse): void {
    const headers: Record<string, string> = { ...(response.headers ?? {}) };
    if (response.body === undefined) {
      res.writeHead(response.status, headers);
      res.end();
      return;
    }
    headers['content-type'] =
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    res.writeHead(response.status, headers);
    res.end(JSON.stringify(response.body));
  }

  private notUnderstood(line: string, why: string): EmulatedResponse {
    this.unexpected.push(`${line} (${why})`);
    return graphError(501, 'notImplemented', `The Graph emulator does not understand: ${line} (${why})`);
  }

  private async onIdentityRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.identityOrigin);
    const line = `${req.method ?? 'GET'} ${url.pathname}${url.search}`;
    const body = await GraphEmulator.readBody(req);
    const segments = url.pathname.split('/').filter(Boolean);
    let op = 'unknown';
    let response: EmulatedResponse;
    if (
      req.method === 'GET' &&
      segments.length === 4 &&
      segments[1] === 'v2.0' &&
      segments[2] === '.well-known' &&
      segments[3] === 'openid-configuration'
    ) {
      op = 'openid';
      response = this.entra.openIdConfiguration(segments[0] as string);
    } else if (
      req.method === 'POST' &&
      segments.length === 4 &&
      segments[1] === 'oauth2' &&
      segments[2] === 'v2.0' &&
      segments[3] === 'token'
    ) {
      op = 'token';
      response = this.entra.token(segments[0] as string, new URLSearchParams(body));
    } else if (
      req.method === 'GET' &&
      segments.length === 4 &&
      segments[1] === 'discovery' &&
      segments[3] === 'keys'
    ) {
      op = 'keys';
      response = { status: 200, body: { keys: [] } };
    } else {
      response = this.notUnderstood(line, 'not an emulated Entra ID endpoint');
    }
    this.requests.push({
      op,
      method: req.method ?? 'GET',
      path: url.pathname,
      status: response.status,
      inBatch: false,
    });
    this.send(res, response);
  }

  private async onGraphRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.graphOrigin);
    const method = req.method ?? 'GET';
    const line = `${method} ${url.pathname}${url.search}`;
    const headers = GraphEmulator.headersOf(req);
    const text = await GraphEmulator.readBody(req);
    const record = (op: string, status: number, fault?: Fault['type']) =>
      this.requests.push({
        op,
        method,
        path: url.pathname,
        status,
        inBatch: false,
        userAgent: headers['user-agent'],
        fault,
      });

    if (url.pathname === '/msi/token' && method === 'GET') {
      const response = this.entra.managedIdentity(url.searchParams, headers['x-identity-header']);
      record('msi.token', response.status);
      return this.send(res, response);
    }
    if (!url.pathname.startsWith('/v1.0/')) {
      const response = this.notUnderstood(line, 'path outside /v1.0');
      record('unknown', 501);
      return this.send(res, response);
    }
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        record('unknown', 400);
        return this.send(res, graphError(400, 'BadRequest', 'Invalid JSON body'));
      }
    }
    const request: EmulatedRequest = {
      method,
      segments: url.pathname.slice('/v1.0/'.length).split('/').filter(Boolean).map(decodeURIComponent),
      query: url.searchParams,
      headers,
      body,
      line,
    };
    const op = this.operationOf(request);
    if (op === undefined) {
      record('unknown', 501);
      return this.send(res, this.notUnderstood(line, 'no such route'));
    }
    const auth = headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!this.entra.issued.has(token)) {
      record(op, 401);
      return this.send(
        res,
        graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.'),
      );
    }
    const fault = this.faults.take(op, false);
    if (fault?.type === 'status') {
      record(op, fault.status, 'status');
      const h: Record<string, string> =
        fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      const code = fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable';
      return this.send(res, graphError(fault.status, code, 'Injected fault', h));
    }
    if (fault?.type === 'reset') {
      record(op, 0, 'reset');
      req.socket.destroy();
      return;
    }
    if (fault?.type === 'timeout') {
      record(op, 0, 'timeout');
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    const response = op === '$batch' ? this.batch(request) : this.handle(request, op);
    if (fault?.type === 'reset-after-apply') {
      record(op, 0, 'reset-after-apply');
      req.socket.destroy();
      return;
    }
    record(op, response.status);
    this.send(res, response);
  }

  /** The operation a request names, or undefined when no route matches. */
  private operationOf(req: EmulatedRequest): string | undefined {
    const s = req.segments;
    const m = req.method;
    if (s.length === 1 && s[0] === '$batch') return m === 'POST' ? '$batch' : undefined;
    if (s[0] !== 'sites' || s.length < 2) return undefined;
    if (s.length === 2) return m === 'GET' ? 'site.get' : undefined;
    if (s[2] !== 'lists') return undefined;
    if (s.length === 3) return m === 'GET' ? 'lists.list' : m === 'POST' ? 'lists.create' : undefined;
    if (s.length === 4) return m === 'GET' ? 'lists.get' : undefined;
    if (s[4] === 'columns') {
      if (s.length === 5) return m === 'GET' ? 'columns.list' : m === 'POST' ? 'columns.create' : undefined;
      if (s.length === 6) return m === 'PATCH' ? 'columns.update' : undefined;
      return undefined;
    }
    if (s[4] !== 'items') return undefined;
    if (s.length === 5) return m === 'GET' ? 'items.list' : m === 'POST' ? 'items.create' : undefined;
    if (s.length === 6 && s[5] === 'delta') return m === 'GET' ? 'items.delta' : undefined;
    if (s.length === 6) return m === 'GET' ? 'items.get' : m === 'DELETE' ? 'items.delete' : undefined;
    if (s.length === 7 && s[6] === 'fields') return m === 'PATCH' ? 'items.update' : undefined;
    return undefined;
  }

  private handle(req: EmulatedRequest, op: string): EmulatedResponse {
    try {
      return this.dispatch(req, op);
    } catch (error) {
      if (error instanceof NotUnderstood) return this.notUnderstood(req.line, error.message);
      if (error instanceof FilterSyntaxError)
        return this.notUnderstood(req.line, `$filter: ${error.message}`);
      if (error instanceof EmulatorHttpError)
        return graphError(error.status, error.code, error.message, error.headers);
      throw error;
    }
  }

  private dispatch(req: EmulatedRequest, op: string): EmulatedResponse {
    const s = req.segments;
    const siteId = s[1] as string;
    switch (op) {
      case 'site.get': {
        allowQuery(req.query, ['$select']);
        const site = this.model.site(siteId);
        return { status: 200, body: { id: site.id, displayName: site.displayName } };
      }
      case 'lists.list': {
        allowQuery(req.query, ['$select']);
        const select = req.query.get('$select')?.split(',');
        const lists = [...this.model.site(siteId).lists.values()].map((l) =>
          this.model.listResource(l, select),
        );
        return { status: 200, body: { value: lists } };
      }
      case 'lists.get': {
        allowQuery(req.query, ['$select']);
        const select = req.query.get('$select')?.split(',');
        return {
          status: 200,
          body: this.model.listResource(this.model.list(siteId, s[3] as string), select),
        };
      }
      case 'lists.create':
        allowQuery(req.query, []);
        return this.createList(siteId, req.body);
      case 'columns.list': {
        allowQuery(req.query, ['$select']);
        const list = this.model.list(siteId, s[3] as string);
        return { status: 200, body: { value: list.columns.map((c) => this.model.columnResource(c)) } };
      }
      case 'columns.create': {
        allowQuery(req.query, []);
        const list = this.model.list(siteId, s[3] as string);
        const column = this.model.addColumn(list, this.columnFrom(req.body));
        return { status: 201, body: this.model.columnResource(column) };
      }
      case 'columns.update': {
        allowQuery(req.query, []);
        const list = this.model.list(siteId, s[3] as string);
        const patch = req.body;
        if (typeof patch !== 'object' || patch === null)
          throw new EmulatorHttpError(400, 'invalidRequest', 'body expected');
        const allowed = ['indexed', 'enforceUniqueValues', 'description', 'required', 'hidden'];
        for (const key of Object.keys(patch))
          if (!allowed.includes(key)) throw new NotUnderstood(`column property ${key}`);
        return {
          status: 200,
          body: this.model.columnResource(this.model.updateColumn(list, s[5] as string, patch)),
        };
      }
      case 'items.list':
        return this.listItems(siteId, s[3] as string, req);
      case 'items.get': {
        allowQuery(req.query, ['expand', '$expand']);
        const list = this.model.list(siteId, s[3] as string);
        const expand = parseExpand(req.query);
        const item = this.model.item(list, s[5] as string);
        const resource = this.model.itemResource(siteId, list, item, {
          expandFields: expand.fields,
          select: expand.select,
        });
        return { status: 200, headers: { etag: String(resource.eTag) }, body: resource };
      }
      case 'items.create': {
        allowQuery(req.query, []);
        const list = this.model.list(siteId, s[3] as string);
        const body = req.body as { fields?: unknown } | undefined;
        if (
          typeof body !== 'object' ||
          body === null ||
          typeof body.fields !== 'object' ||
          body.fields === null
        ) {
          throw new EmulatorHttpError(400, 'invalidRequest', 'A listItem with a fields object is required');
        }
        for (const key of Object.keys(body))
          if (key !== 'fields') throw new NotUnderstood(`listItem property ${key}`);
        const item = this.model.createItem(list, body.fields as Record<string, unknown>);
        const resource = this.model.itemResource(siteId, list, item, { expandFields: true });
        return { status: 201, headers: { etag: String(resource.eTag) }, body: resource };
      }
      case 'items.update': {
        allowQuery(req.query, []);
        const list = this.model.list(siteId, s[3] as string);
        if (typeof req.body !== 'object' || req.body === null)
          throw new EmulatorHttpError(400, 'invalidRequest', 'fields expected');
        const item = this.model.updateItem(
          list,
          s[5] as string,
          req.body as Record<string, unknown>,
          req.headers['if-match'],
        );
        return { status: 200, body: this.model.fieldsOf(list, item) };
      }
      case 'items.delete': {
        allowQuery(req.query, []);
        const list = this.model.list(siteId, s[3] as string);
        this.model.deleteItem(list, s[5] as string, req.headers['if-match']);
        return { status: 204 };
      }
      case 'items.delta':
        return this.delta(siteId, s[3] as string, req);
      default:
        throw new NotUnderstood(`operation ${op}`);
    }
  }

  private columnFrom(raw: unknown): Column {
    if (typeof raw !== 'object' || raw === null)
      throw new EmulatorHttpError(400, 'invalidRequest', 'columnDefinition expected');
    const c = raw as Record<string, unknown>;
    const known = [
      'name',
      'displayName',
      'description',
      'indexed',
      'enforceUniqueValues',
      'required',
      'hidden',
      'text',
      'number',
      'boolean',
      'dateTime',
    ];
    for (const key of Object.keys(c))
      if (!known.includes(key)) throw new NotUnderstood(`column property ${key}`);
    if (typeof c.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.name)) {
      throw new EmulatorHttpError(400, 'invalidRequest', 'A column name is required');
    }
    const facets = ['text', 'number', 'boolean', 'dateTime'].filter((f) => c[f] !== undefined);
    if (facets.length !== 1)
      throw new EmulatorHttpError(400, 'invalidRequest', 'Exactly one column type facet is required');
    return {
      id: randomUUID(),
      name: c.name,
      displayName: typeof c.displayName === 'string' ? c.displayName : c.name,
      description: typeof c.description === 'string' ? c.description : '',
      indexed: c.indexed === true,
      enforceUniqueValues: c.enforceUniqueValues === true,
      required: c.required === true,
      hidden: c.hidden === true,
      readOnly: false,
      text: c.text as Column['text'],
      number: c.number as Column['number'],
      boolean: c.boolean as Column['boolean'],
      dateTime: c.dateTime as Column['dateTime'],
    };
  }

  private createList(siteId: string, raw: unknown): EmulatedResponse {
    if (typeof raw !== 'object' || raw === null)
      throw new EmulatorHttpError(400, 'invalidRequest', 'list expected');
    const body = raw as Record<string, unknown>;
    for (const key of Object.keys(body)) {
      if (!['displayName', 'description', 'columns', 'list'].includes(key))
        throw new NotUnderstood(`list property ${key}`);
    }
    if (typeof body.displayName !== 'string' || body.displayName.trim() === '') {
      throw new EmulatorHttpError(400, 'invalidRequest', 'displayName is required');
    }
    const template = (body.list as { template?: unknown } | undefined)?.template;
    if (template !== 'genericList') throw new NotUnderstood(`list template ${String(template)}`);
    const columns = Array.isArray(body.columns) ? body.columns.map((c) => this.columnFrom(c)) : [];
    const list = this.model.createList(siteId, {
      displayName: body.displayName,
      description: typeof body.description === 'string' ? body.description : '',
      template,
      columns,
    });
    return { status: 201, body: this.model.listResource(list) };
  }

  private checkFilter(list: List, expr: FilterExpr, prefer: string | undefined): void {
    const honour = (prefer ?? '')
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .includes(PREFER_NON_INDEXED);
    for (const name of filterFields(expr)) {
      const column = this.model.column(list, name);
      if (!column) throw new EmulatorHttpError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (!column.indexed && !honour) {
        throw new EmulatorHttpError(
          400,
          'invalidRequest',
          `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      }
    }
  }

  private listItems(siteId: string, listId: string, req: EmulatedRequest): EmulatedResponse {
    allowQuery(req.query, ['expand', '$expand', '$filter', '$top', '$skiptoken', '$select']);
    const select = req.query.get('$select');
    if (select !== null && !/^[A-Za-z,]+$/.test(select)) throw new NotUnderstood(`$select ${select}`);
    const list = this.model.list(siteId, listId);
    const expand = parseExpand(req.query);
    const filterText = req.query.get('$filter');
    const filter = filterText === null ? undefined : parseFilter(filterText);
    if (filter) this.checkFilter(list, filter, req.headers.prefer);
    const top = pageSize(req.query, this.defaults);
    let after = 0;
    const skip = req.query.get('$skiptoken');
    if (skip !== null) {
      const m = /^Paged=TRUE&p_ID=(\d+)$/.exec(Buffer.from(skip, 'base64').toString('utf8'));
      if (!m) throw new EmulatorHttpError(400, 'invalidRequest', 'Invalid $skiptoken');
      after = Number(m[1]);
    }
    const matching = [...list.items.values()]
      .filter((i) => Number(i.id) > after)
      .sort((a, b) => Number(a.id) - Number(b.id))
      .filter((i) => !filter || evaluate(filter, i.fields));
    const page = matching.slice(0, top);
    const body: Record<string, unknown> = {
      value: page.map((item) =>
        this.model.itemResource(siteId, list, item, { expandFields: expand.fields, select: expand.select }),
      ),
    };
    if (matching.length > top) {
      const last = page[page.length - 1];
      const next = new URLSearchParams(req.query);
      next.set('$skiptoken', Buffer.from(`Paged=TRUE&p_ID=${last?.id ?? '0'}`).toString('base64'));
      body['@odata.nextLink'] =
        `${this.graphBaseUrl}/sites/${siteId}/lists/${list.id}/items?${next.toString()}`;
    }
    return { status: 200, body };
  }

  private deltaLink(state: DeltaState): string {
    const token = randomUUID().replace(/-/g, '');
    this.deltaTokens.set(token, state);
    return `${this.graphBaseUrl}/sites/${state.siteId}/lists/${state.listId}/items/delta?token=${token}`;
  }

  private delta(siteId: string, listId: string, req: EmulatedRequest): EmulatedResponse {
    allowQuery(req.query, ['token', 'expand', '$expand', '$top', '$select']);
    const list = this.model.list(siteId, listId);
    const tokenParam = req.query.get('token');
    let state: DeltaState;
    if (tokenParam === null || tokenParam === 'latest') {
      const expand = parseExpand(req.query);
      state = {
        siteId,
        listId: list.id,
        mode: tokenParam === 'latest' ? 'changes' : 'enumerate',
        since: 0,
        upTo: list.changeSeq,
        position: 0,
        expandFields: expand.fields,
        select: expand.select,
        top: pageSize(req.query, this.defaults),
        expired: false,
      };
      if (tokenParam === 'latest') {
        return {
          status: 200,
          body: { value: [], '@odata.deltaLink': this.deltaLink({ ...state, since: list.changeSeq }) },
        };
      }
    } else {
      if (req.query.has('$top') || req.query.has('expand') || req.query.has('$expand')) {
        throw new NotUnderstood('query options next to a delta token');
      }
      const found = this.deltaTokens.get(tokenParam);
      if (!found || found.listId !== list.id)
        throw new EmulatorHttpError(400, 'invalidRequest', 'Invalid delta token');
      if (found.expired) {
        const restart = new URLSearchParams();
        if (found.expandFields)
          restart.set('$expand', found.select ? `fields(select=${found.select.join(',')})` : 'fields');
        restart.set('$top', String(found.top));
        const location = `${this.graphBaseUrl}/sites/${siteId}/lists/${list.id}/items/delta?${restart.toString()}`;
        throw new EmulatorHttpError(
          410,
          'resyncChangesApplyDifferences',
          'The delta token is no longer valid; enumerate again.',
          {
            location,
          },
        );
      }
      state =
        found.mode === 'changes' && found.position === 0 && found.upTo <= found.since
          ? { ...found, upTo: list.changeSeq }
          : { ...found };
    }
    const resource = (id: string) => {
      const item = list.items.get(id);
      if (!item) return { id, deleted: { state: 'deleted' } };
      return this.model.itemResource(siteId, list, item, {
        expandFields: state.expandFields,
        select: state.select,
      });
    };
    let value: unknown[];
    let more: boolean;
    let nextState: DeltaState;
    if (state.mode === 'enumerate') {
      const ids = [...list.items.values()]
        .map((i) => Number(i.id))
        .filter((id) => id > state.position)
        .sort((a, b) => a - b);
      const page = ids.slice(0, state.top);
      value = page.map((id) => resource(String(id)));
      more = ids.length > state.top;
      nextState = { ...state, position: page[page.length - 1] ?? state.position };
      if (!more) nextState = { ...state, mode: 'changes', since: state.upTo, position: 0 };
    } else {
      const entries: Array<{ id: string; seq: number }> = [];
      for (const item of list.items.values()) {
        if (item.changeSeq > state.since && item.changeSeq <= state.upTo)
          entries.push({ id: item.id, seq: item.changeSeq });
      }
      for (const t of list.tombstones) {
        if (t.seq > state.since && t.seq <= state.upTo && !list.items.has(t.id)) entries.push(t);
      }
      entries.sort((a, b) => a.seq - b.seq);
      const page = entries.slice(state.position, state.position + state.top);
      value = page.map((e) => resource(e.id));
      more = entries.length > state.position + state.top;
      nextState = more
        ? { ...state, position: state.position + state.top }
        : { ...state, since: state.upTo, position: 0 };
    }
    const body: Record<string, unknown> = { value };
    if (more) body['@odata.nextLink'] = this.deltaLink(nextState);
    else body['@odata.deltaLink'] = this.deltaLink({ ...nextState, upTo: nextState.since });
    return { status: 200, body };
  }

  private batch(req: EmulatedRequest): EmulatedResponse {
    if (req.query.size > 0) return this.notUnderstood(req.line, 'query on $batch');
    const body = req.body as { requests?: unknown } | undefined;
    if (typeof body !== 'object' || body === null || !Array.isArray(body.requests)) {
      return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    }
    const requests = body.requests as unknown[];
    if (requests.length > MAX_BATCH) {
      return graphError(
        400,
        'BadRequest',
        `The batch has ${requests.length} requests; the maximum is ${MAX_BATCH}.`,
      );
    }
    const parsed: Array<{
      id: string;
      method: string;
      url: string;
      headers: Record<string, string>;
      body?: unknown;
      dependsOn: string[];
    }> = [];
    for (const raw of requests) {
      const r = raw as Record<string, unknown>;
      if (
        typeof r !== 'object' ||
        r === null ||
        typeof r.id !== 'string' ||
        typeof r.method !== 'string' ||
        typeof r.url !== 'string'
      ) {
        return graphError(400, 'BadRequest', 'Each request needs an id, a method and a url.');
      }
      if (parsed.some((p) => p.id.toLowerCase() === (r.id as string).toLowerCase())) {
        return graphError(400, 'BadRequest', `Duplicate request id ${r.id}.`);
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries((r.headers as Record<string, unknown> | undefined) ?? {}))
        headers[k.toLowerCase()] = String(v);
      const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
      parsed.push({ id: r.id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn });
    }
    const statusById = new Map<string, number>();
    const responses: Array<Record<string, unknown>> = [];
    for (const sub of parsed) {
      const response = this.batchItem(sub, req.headers, statusById);
      statusById.set(sub.id, response.status);
      responses.push({
        id: sub.id,
        status: response.status,
        headers: response.headers ?? {},
        ...(response.body !== undefined ? { body: response.body } : {}),
      });
    }
    // Graph may answer in any order; answering in reverse keeps clients honest about matching ids.
    return { status: 200, body: { responses: responses.reverse() } };
  }

  private batchItem(
    sub: {
      id: string;
      method: string;
      url: string;
      headers: Record<string, string>;
      body?: unknown;
      dependsOn: string[];
    },
    outer: Record<string, string>,
    statusById: Map<string, number>,
  ): EmulatedResponse {
    const line = `${sub.method} ${sub.url} (in $batch)`;
    if (/^https?:/i.test(sub.url)) {
      return graphError(400, 'BadRequest', 'Batch request URLs must be relative.');
    }
    const url = new URL(sub.url.replace(/^\//, ''), `${this.graphBaseUrl}/`);
    const request: EmulatedRequest = {
      method: sub.method,
      segments: url.pathname.slice('/v1.0/'.length).split('/').filter(Boolean).map(decodeURIComponent),
      query: url.searchParams,
      headers: { ...outer, ...sub.headers },
      body: sub.body,
      line,
    };
    const op = this.operationOf(request);
    const record = (status: number, fault?: Fault['type']) =>
      this.requests.push({
        op: op ?? 'unknown',
        method: sub.method,
        path: url.pathname,
        status,
        inBatch: true,
        fault,
      });
    if (op === undefined || op === '$batch') {
      record(501);
      return this.notUnderstood(line, 'no such route');
    }
    for (const dep of sub.dependsOn) {
      const status = statusById.get(dep);
      if (status === undefined || status >= 400) {
        record(424);
        return graphError(424, 'FailedDependency', `Request ${dep} failed.`);
      }
    }
    if (sub.body !== undefined && !sub.headers['content-type']) {
      record(400);
      return graphError(400, 'BadRequest', 'A Content-Type header is required when a body is given.');
    }
    const fault = this.faults.take(op, true);
    if (fault?.type === 'status') {
      record(fault.status, 'status');
      const h: Record<string, string> =
        fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
      return graphError(
        fault.status,
        fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable',
        'Injected fault',
        h,
      );
    }
    const response = this.handle(request, op);
    if (fault?.type === 'reset-after-apply') {
      record(503, 'reset-after-apply');
      return graphError(503, 'serviceNotAvailable', 'Injected fault after the request was applied');
    }
    record(response.status);
    return response;
  }
}
