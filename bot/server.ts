// The HTTP surface: /api/messages (Bot Framework), /api/v1 (REST for the tab), /healthz, /readyz and
// the tab's static files. Built, not started: the composition root listens.
import restify, { type Request, type Response, type Server } from 'restify';
import { UnauthenticatedError, ValidationError } from './domain/errors.js';
import type { MessageKey } from './i18n/translate.js';
import { registerApi, sendJson, sendProblem, type ApiOptions } from './api/api.js';
import { checkActivity } from './api/edge/activity-shape.js';
import { installEdge } from './api/edge/edge.js';
import { DEFAULT_MAX_BODY_BYTES } from './api/edge/json-body.js';
import { HttpError } from './api/problem.js';
import { beginRequest, requestState } from './api/request-context.js';
import { registerStaticAssets } from './api/static-assets.js';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

/** The API's options (services, authentication, logging, locale, version, public URL, extra routes) and the server's. */
export interface ServerOptions extends Pick<
  ApiOptions,
  'services' | 'authenticator' | 'logger' | 'defaultLocale' | 'version' | 'publicUrl' | 'extraRoutes'
> {
  readiness: readonly ReadinessCheck[];
  /** Handles POST /api/messages (the Bot Framework adapter). */
  botHandler: (req: Request, res: Response) => Promise<void>;
  /** Built tab (tab/dist); when missing, / explains how to build it. */
  tabDir?: string;
  maxBodyBytes?: number;
  /** Requests per minute per person (writes) and per address (no credentials); 0 or absent is off. */
  rateLimits?: { writesPerMinute: number; anonymousPerMinute: number };
  /** Client addresses from X-Forwarded-For (behind App Service). */
  trustProxy?: boolean;
  /** No BOT_ID: activities may name only loopback service URLs (default true). */
  anonymousBot?: boolean;
  /** Longest wait for one readiness check before it counts as unavailable (default 5 s). */
  readinessTimeoutMs?: number;
}

export function createServer(options: ServerOptions): Server {
  const server = restify.createServer({
    name: 'transformation-hub',
    handleUncaughtExceptions: false,
    ignoreTrailingSlash: true,
  });
  const logger = options.logger;

  server.pre(restify.plugins.pre.dedupeSlashes());
  server.pre((req: Request, res: Response, next: restify.Next) => {
    const state = beginRequest(req, logger, Date.now);
    res.header('X-Correlation-Id', state.correlationId);
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Security headers, origin check, rate limits, media types and the JSON body: bot/api/edge.
  const limits = installEdge(server, {
    publicUrl: options.publicUrl,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    rateLimits: options.rateLimits ?? { writesPerMinute: 0, anonymousPerMinute: 0 },
    trustProxy: options.trustProxy ?? false,
    logger,
    defaultLocale: options.defaultLocale,
  });

  // restify's own errors (unknown route, bad JSON, too large ...) as localised problem documents.
  server.on(
    'restifyError',
    (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      if (!res.headersSent)
        sendProblem(req, res, fromRestifyError(err), { logger, defaultLocale: options.defaultLocale });
      return callback();
    },
  );

  server.on('after', (req: Request, res: Response) => {
    const { log, startedAt } = requestState(req, logger);
    const url = req.getPath();
    if (url === '/healthz') return;
    log.info(
      { method: req.method, path: url, status: res.statusCode, ms: Date.now() - startedAt },
      'request',
    );
  });

  server.get('/healthz', (_req: Request, res: Response, next: restify.Next) => {
    sendJson(res, 200, { status: 'ok' });
    next();
  });

  const readinessTimeoutMs = options.readinessTimeoutMs ?? 5_000;
  server.get('/readyz', async (req: Request, res: Response) => {
    const results = await Promise.all(
      options.readiness.map(async (c) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          // A dependency that hangs (Graph retrying, a blocked socket) must not hang the probe.
          await Promise.race([
            c.check(),
            new Promise<never>((_resolve, reject) => {
              timer = setTimeout(
                () => reject(new Error(`no answer within ${readinessTimeoutMs} ms`)),
                readinessTimeoutMs,
              );
            }),
          ]);
          return [c.name, 'ok'] as const;
        } catch (e) {
          requestState(req, logger).log.warn({ err: e, check: c.name }, 'readiness check failed');
          return [c.name, 'unavailable'] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const ready = results.every(([, r]) => r === 'ok');
    sendJson(res, ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      checks: Object.fromEntries(results),
    });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    try {
      checkActivity(req.body, { anonymousBot: options.anonymousBot ?? true });
      await options.botHandler(req, res);
    } catch (e) {
      // Bad input is the caller's problem (warn); sendProblem logs what is ours (5xx) as an error.
      if (e instanceof ValidationError)
        requestState(req, logger).log.warn({ issues: e.issues.slice(0, 5) }, 'invalid activity refused');
      if (!res.headersSent) sendProblem(req, res, e, { logger, defaultLocale: options.defaultLocale });
    }
  });

  registerApi(server, {
    services: options.services,
    authenticator: options.authenticator,
    logger,
    defaultLocale: options.defaultLocale,
    version: options.version,
    publicUrl: options.publicUrl,
    extraRoutes: options.extraRoutes,
    limits,
  });

  registerStaticAssets(server, {
    dir: options.tabDir,
    notFound: (req, res) =>
      sendProblem(req, res, new HttpError(404, 'route_not_found', 'errors.route_not_found'), {
        logger,
        defaultLocale: options.defaultLocale,
      }),
    failed: (req, e) => requestState(req, logger).log.error({ err: e }, 'tab file failed'),
  });
  return server;
}

const RESTIFY_ERRORS: Record<string, [number, string, MessageKey]> = {
  ResourceNotFoundError: [404, 'route_not_found', 'errors.route_not_found'],
  NotFoundError: [404, 'route_not_found', 'errors.route_not_found'],
  MethodNotAllowedError: [405, 'method_not_allowed', 'errors.method_not_allowed'],
  PayloadTooLargeError: [413, 'payload_too_large', 'errors.payload_too_large'],
  RequestEntityTooLargeError: [413, 'payload_too_large', 'errors.payload_too_large'],
  UnsupportedMediaTypeError: [415, 'unsupported_media_type', 'errors.unsupported_media_type'],
};

/** restify's errors in our terms; anything unexpected stays an unknown error (a logged 500). */
function fromRestifyError(err: Error & { statusCode?: number }): unknown {
  const known = RESTIFY_ERRORS[err.name];
  if (known) return new HttpError(...known);
  if (err.name === 'InvalidContentError' || err.name === 'BadRequestError')
    return new HttpError(400, 'bad_json', 'errors.bad_json');
  if (err.statusCode === 401) return new UnauthenticatedError(err.message);
  return err;
}
