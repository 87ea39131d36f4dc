// Per-request state kept beside restify's request object: the correlation id and the request's
// logger. A WeakMap instead of patching restify's types.
import { randomUUID } from 'node:crypto';
import type { Request } from 'restify';
import type { Logger } from '../platform/logger.js';

interface RequestState {
  correlationId: string;
  log: Logger;
  startedAt: number;
}

const states = new WeakMap<Request, RequestState>();

const CORRELATION_RE = /^[A-Za-z0-9._:-]{1,100}$/;

export function beginRequest(req: Request, logger: Logger, now: () => number): RequestState {
  const given = req.header('x-correlation-id') || req.header('x-ms-correlation-id') || req.header('ms-cv');
  const correlationId = given && CORRELATION_RE.test(given) ? given : randomUUID();
  const state = { correlationId, log: logger.child({ correlationId }), startedAt: now() };
  states.set(req, state);
  return state;
}

export function requestState(req: Request, fallback: Logger): RequestState {
  return states.get(req) ?? { correlationId: randomUUID(), log: fallback, startedAt: Date.now() };
}
