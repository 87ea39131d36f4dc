// Registers the /api/v1 routes on the restify server: authentication, query validation, the call
// into the services, ETags, and errors as problem documents. Handlers themselves stay one-liners.
import type { Writable } from 'node:stream';
import type { Request, Response, Server } from 'restify';
import { resolveLocale, type Locale } from '../domain/locale.js';
import { toFieldIssues } from '../domain/validation.js';
import { UnauthenticatedError, ValidationError } from '../domain/errors.js';
import type { Logger } from '../platform/logger.js';
import type { Services } from '../services/services.js';
import type { Authenticator } from './auth/authenticator.js';
import { resolveActor } from './auth/resolve-actor.js';
import { buildOpenApi } from './openapi.js';
import { t } from '../i18n/translate.js';
import { writeReporterOf } from '../ports/write-reporter.js';
import { isStateChanging } from './edge/origin-check.js';
import { takeOrThrow, type EdgeLimits } from './edge/rate-limiter.js';
import { toProblem } from './problem.js';
import { requestState } from './request-context.js';
import { parseIdempotencyKey, parsePrecondition } from './request-helpers.js';
import type { RouteSpec } from './route.js';
import { adminRoutes } from './routes/admin.js';
import { agentRoutes } from './routes/agent/agent-routes.js';
import { exportRoutes } from './routes/exports.js';
import { kpiRoutes } from './routes/kpis.js';
import { milestoneRoutes } from './routes/milestones.js';
import { portfolioRoutes } from './routes/portfolio.js';
import { projectRoutes } from './routes/projects.js';
import { reportRoutes } from './routes/reports.js';
import { riskRoutes } from './routes/risks.js';
import { searchRoutes } from './routes/search.js';
import { statusUpdateRoutes } from './routes/status-updates.js';

export interface ApiOptions {
  services: Services;
  authenticator: Authenticator;
  logger: Logger;
  defaultLocale: Locale;
  version: string;
  publicUrl: string;
  /** Extra routes contributed by other parts (proactive messaging, admin). */
  extraRoutes?: readonly RouteSpec<unknown>[];
  /** The edge's rate limiters (bot/api/edge); absent: no limits. */
  limits?: EdgeLimits;
}

export function apiRoutes(
  options: Pick<ApiOptions, 'authenticator' | 'extraRoutes'> & Partial<Pick<ApiOptions, 'publicUrl'>>,
): RouteSpec<unknown>[] {
  return [
    ...portfolioRoutes(options.authenticator.mode),
    ...projectRoutes,
    // Links in search results point at the tab; without a public URL (documentation only) they stay relative.
    ...searchRoutes(options.publicUrl ?? ''),
    ...agentRoutes(options.publicUrl ?? ''),
    ...statusUpdateRoutes,
    ...riskRoutes,
    ...milestoneRoutes,
    ...kpiRoutes,
    ...adminRoutes,
    ...exportRoutes,
    ...reportRoutes,
    ...(options.extraRoutes ?? []),
  ] as RouteSpec<unknown>[];
}

// A frozen body is an answer a service keeps between requests (e.g. a page of the project list):
// it is serialized once, for as long as the service hands out the same object.
const serialized = new WeakMap<object, string>();

function serialize(body: unknown): string {
  if (typeof body !== 'object' || body === null || !Object.isFrozen(body)) return JSON.stringify(body);
  let json = serialized.get(body);
  if (json === undefined) {
    json = JSON.stringify(body);
    serialized.set(body, json);
  }
  return json;
}

export function sendJson(
  res: Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): void {
  // sendRaw: no restify formatters, and restify knows the response is sent (no second error reply).
  res.sendRaw(status, serialize(body), {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Cache-Control': headers['Cache-Control'] ?? 'no-store',
    ...headers,
  });
}

export function sendProblem(
  req: Request,
  res: Response,
  error: unknown,
  options: { logger: Logger; defaultLocale: Locale; preconditionFromHeader?: boolean; locale?: Locale },
): void {
  const { correlationId, log } = requestState(req, options.logger);
  const locale = options.locale ?? resolveLocale(req.header('accept-language'), options.defaultLocale);
  const { status, problem, headers } = toProblem(error, locale, correlationId, {
    preconditionFromHeader: options.preconditionFromHeader,
  });
  if (status >= 500) log.error({ err: error, status }, 'request failed');
  else if (status === 401 || status === 403)
    log.warn({ status, code: problem.code, reason: problem.reason }, 'request refused');
  sendJson(res, status, problem, headers, 'application/problem+json');
}

/**
 * A write accepted but queued (SharePoint throttled or unavailable): `X-Sync-Status: queued` and the
 * localised "saved, will sync" notice, percent-encoded UTF-8 (header values are ASCII).
 */
export function syncHeaders(locale: Locale): Record<string, string> {
  return {
    'X-Sync-Status': 'queued',
    'X-Sync-Notice': encodeURIComponent(t(locale, 'notices.write_queued')),
  };
}

function paramsOf(req: Request): Record<string, string> {
  const raw = (req.params ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

export function registerApi(server: Server, options: ApiOptions): RouteSpec<unknown>[] {
  const routes = apiRoutes(options);
  const document = buildOpenApi(routes, { version: options.version, serverUrl: options.publicUrl });

  server.get('/api/v1/openapi.json', (req: Request, res: Response, next) => {
    sendJson(res, 200, document, { 'Cache-Control': 'public, max-age=300' });
    next();
  });

  for (const spec of routes) {
    server[spec.method](spec.path, async (req: Request, res: Response) => {
      const { correlationId, log } = requestState(req, options.logger);
      let locale = resolveLocale(req.header('accept-language'), options.defaultLocale);
      const ifMatchHeader = req.header('if-match') || req.header('if-none-match') || undefined;
      try {
        const query = spec.query
          ? spec.query.safeParse(req.query ?? {})
          : { success: true as const, data: {} };
        if (!query.success) throw new ValidationError(toFieldIssues(query.error));
        const ifMatch = parsePrecondition(
          req.header('if-match') || undefined,
          req.header('if-none-match') || undefined,
        );
        const idempotencyKey = parseIdempotencyKey(req.header('idempotency-key') || undefined);

        const identity = spec.public ? undefined : await authenticate(req, options);
        const actor = identity ? await resolveActor(identity, options.services.roster) : undefined;
        // Per person: writes (the edge has already limited requests without credentials per address).
        if (actor && options.limits && isStateChanging(req.method))
          takeOrThrow(options.limits.writes, actor.id);
        if (actor?.locale && !req.header('accept-language')) locale = actor.locale;
        const ctx = actor
          ? {
              actor,
              surface: req.header('x-th-client') === 'tab' ? ('tab' as const) : ('api' as const),
              correlationId,
              locale,
            }
          : { actor: anonymous(), surface: 'api' as const, correlationId, locale };
        // Writes the store could not make at once wait in its outbox: the caller is told "saved, will sync".
        const { value: result, queued } = await writeReporterOf(options.services.deps.store).observe(() =>
          spec.handler({
            ctx,
            services: options.services,
            params: paramsOf(req),
            query: query.data,
            body: req.body as unknown,
            ifMatch,
            idempotencyKey,
            locale,
            log,
            bearerToken: identity?.kind === 'entra' ? identity.token : undefined,
          }),
        );
        const headers: Record<string, string> = { 'X-Correlation-Id': correlationId, ...result.headers };
        if (queued.length > 0) {
          Object.assign(headers, syncHeaders(locale));
          log.info(
            { queued: queued.map((q) => `${q.op} ${q.entity} ${q.entityId} (${q.reason})`) },
            'writes queued',
          );
        }
        if (result.version !== undefined) headers.ETag = `"${result.version}"`;
        if (result.stream) {
          await sendStream(res, result.status ?? 200, headers, result.stream, log);
        } else if (result.body === undefined) {
          res.sendRaw(result.status ?? 204, '', headers);
        } else {
          sendJson(res, result.status ?? 200, result.body, headers);
        }
      } catch (error) {
        sendProblem(req, res, error, {
          logger: options.logger,
          defaultLocale: options.defaultLocale,
          locale,
          preconditionFromHeader: ifMatchHeader !== undefined,
        });
      }
    });
  }
  return routes;
}

/**
 * The caller's identity. Credentials that are refused count against the client address's allowance
 * for unauthenticated requests: guessing tokens is limited like sending none.
 */
async function authenticate(req: Request, options: ApiOptions) {
  try {
    return await options.authenticator.authenticate(req.headers);
  } catch (error) {
    if (error instanceof UnauthenticatedError && options.limits && req.header('authorization'))
      takeOrThrow(options.limits.anonymous, options.limits.addressOf(req));
    throw error;
  }
}

/**
 * Writes a non-JSON body: status and headers first, then the producer writes into the response. A
 * failure once bytes are out cannot become a problem document: it is logged and the connection cut,
 * so the client sees a truncated download rather than a corrupt file that looks complete.
 */
async function sendStream(
  res: Response,
  status: number,
  headers: Record<string, string>,
  produce: (out: Writable) => Promise<void>,
  log: Logger,
): Promise<void> {
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  try {
    await produce(res);
    if (!res.writableEnded) res.end();
  } catch (e) {
    log.error({ err: e }, 'streamed response failed');
    res.destroy(e instanceof Error ? e : new Error(String(e)));
  }
}

function anonymous() {
  const at = new Date(0).toISOString();
  return {
    id: 'anonymous',
    aadObjectId: null,
    name: 'Anonymous',
    email: 'anonymous@invalid.example',
    role: 'viewer' as const,
    orgUnit: 'GS',
    locale: null,
    timeZone: 'UTC',
    active: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}
