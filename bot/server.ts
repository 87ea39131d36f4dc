// The HTTP surface: /api/messages (Bot Framework), /api/v1 (REST for the tab), /healthz, /readyz and
// the tab's static files. Built, not started: the composition root listens.
import restify, { type Request, type Response, type Server } from 'restify';
import type { Locale } from './domain/locale.js';
import { UnauthenticatedError } from './domain/errors.js';
import type { MessageKey } from './i18n/translate.js';
import { registerApi, sendJson, sendProblem } from './api/api.js';
import type { Authenticator } from './api/auth/authenticator.js';
import { HttpError } from './api/problem.js';
import { beginRequest, requestState } from './api/request-context.js';
import type { RouteSpec } from './api/route.js';
import { registerStaticAssets } from './api/static-assets.js';
import type { Logger } from './platform/logger.js';
import type { Services } from './services/services.js';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface ServerOptions {
  services: Services;
  authenticator: Authenticator;
  logger: Logger;
  defaultLocale: Locale;
  version: string;
  publicUrl: string;
  readiness: readonly ReadinessCheck[];
  /** Handles POST /api/messages (the Bot Framework adapter). */
  botHandler: (req: Request, res: Response) => Promise<void>;
  /** Built tab (tab/dist); when missing, / explains how to build it. */
  tabDir?: string;
  extraRoutes?: readonly RouteSpec<unknown>[];
  maxBodyBytes?: number;
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
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const parseBody = restify.plugins.bodyParser({
    mapParams: false,
    maxBodySize: options.maxBodyBytes ?? 1024 * 1024,
    rejectUnknown: true,
  });
  // A request without a body (a DELETE, a POST with no content) has no media type to refuse:
  // restify would answer 415 because the missing Content-Type is "unknown".
  server.use((req: Request, res: Response, next: restify.Next) => {
    const length = req.headers['content-length'];
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (!hasBody) return next();
    return chain(parseBody, req, res, next);
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
      await options.botHandler(req, res);
    } catch (e) {
      requestState(req, logger).log.error({ err: e }, 'bot endpoint failed');
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

/** Runs restify's handler chain (bodyParser is an array of handlers) in order. */
function chain(handlers: restify.RequestHandler[], req: Request, res: Response, next: restify.Next): void {
  const run = (i: number): void => {
    const h = handlers[i];
    if (!h) return next();
    void h(req, res, ((err?: unknown) =>
      err === undefined || err === null ? run(i + 1) : next(err)) as restify.Next);
  };
  run(0);
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
