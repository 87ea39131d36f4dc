// The server's edge, in one place (ARCHITECTURE habit 15): security headers, the origin check, the
// per-address limit for requests without credentials, media types and body limits are decided here,
// before any route or handler runs; the per-person write limit runs in the API's request pipeline
// once the caller is known (bot/api/api.ts), with the limiters made here.
import type { Next, Request, Response, Server } from 'restify';
import type { Locale } from '../../domain/locale.js';
import type { Logger } from '../../platform/logger.js';
import { sendProblem } from '../api.js';
import { HttpError } from '../problem.js';
import { clientAddress } from './client-address.js';
import { checkBodyHeaders, readJsonBody } from './json-body.js';
import { originAllowed } from './origin-check.js';
import { RateLimiter, takeOrThrow, type EdgeLimits } from './rate-limiter.js';
import { commonSecurityHeaders, tabPageHeaders } from './security-headers.js';

export interface EdgeOptions {
  publicUrl: string;
  maxBodyBytes: number;
  /** Requests per minute; 0 is off. */
  rateLimits: { writesPerMinute: number; anonymousPerMinute: number };
  trustProxy: boolean;
  logger: Logger;
  defaultLocale: Locale;
  now?: () => number;
}

/** API and bot endpoint paths: JSON only, no tab page. */
function isEndpoint(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path === '/healthz' || path === '/readyz';
}

export function installEdge(server: Server, options: EdgeOptions): EdgeLimits {
  const limits: EdgeLimits = {
    writes: new RateLimiter(options.rateLimits.writesPerMinute, options.now),
    anonymous: new RateLimiter(options.rateLimits.anonymousPerMinute, options.now),
    addressOf: (req) => clientAddress(req, options.trustProxy),
  };
  const common = commonSecurityHeaders(options.publicUrl);
  const page = tabPageHeaders(options.publicUrl);
  const refuse = (req: Request, res: Response, error: unknown) => {
    // A body we will not read is not waited for: the connection closes after the answer.
    if (error instanceof HttpError && (error.status === 413 || error.status === 415))
      res.header('Connection', 'close');
    sendProblem(req, res, error, { logger: options.logger, defaultLocale: options.defaultLocale });
  };

  server.pre((req: Request, res: Response, next: Next) => {
    const path = req.getPath();
    for (const [k, v] of Object.entries(common)) res.header(k, v);
    if (isEndpoint(path)) {
      res.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    } else {
      for (const [k, v] of Object.entries(page)) res.header(k, v);
    }
    try {
      if (!originAllowed(req, options.publicUrl))
        throw new HttpError(403, 'origin_refused', 'errors.origin_refused');
      if (path.startsWith('/api/') && !req.header('authorization'))
        takeOrThrow(limits.anonymous, limits.addressOf(req));
      checkBodyHeaders(req, options.maxBodyBytes);
    } catch (error) {
      refuse(req, res, error);
      return next(false);
    }
    return next();
  });

  server.use((req: Request, res: Response, next: Next) => {
    readJsonBody(req, options.maxBodyBytes).then(
      (body) => {
        req.body = body;
        next();
      },
      (error: unknown) => {
        refuse(req, res, error);
        next(false);
      },
    );
  });
  return limits;
}
