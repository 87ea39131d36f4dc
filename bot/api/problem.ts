// Errors to HTTP, in one place: RFC 9457 problem documents with a stable `code`, a localised human
// message, field-level issues for validation, and the current entity for version conflicts.
import {
  AppError,
  ConflictError,
  ConsentRequiredError,
  DuplicateError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  NotFoundError,
  RateLimitedError,
  ThrottledError,
  UnauthenticatedError,
  ValidationError,
  type FieldIssue,
} from '../domain/errors.js';
import type { Locale } from '../domain/locale.js';
import { hasKey, issueMessage, t, type MessageKey } from '../i18n/translate.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  correlationId: string;
  reason?: string;
  errors?: Array<FieldIssue & { message: string }>;
  current?: unknown;
  retryAfterSeconds?: number;
  /** consent_required: the delegated scopes the tab asks consent for. */
  scopes?: string[];
}

export interface ProblemResponse {
  status: number;
  problem: Problem;
  headers: Record<string, string>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function entityName(locale: Locale, entity: string): string {
  const key = `entity.${entity}`;
  return hasKey(key) ? t(locale, key) : entity;
}

/** The localised message for one field issue. */
export function localiseIssue(locale: Locale, issue: FieldIssue): FieldIssue & { message: string } {
  const params = issue.params ?? {};
  // A template whose placeholders the issue does not fill (an internal check that named no allowed
  // values, say) would show a raw "{allowed}": the generic message is better than a broken one.
  const message = issueMessage(locale, issue);
  const unfilled = [...message.matchAll(/\{(\w+)\}/g)].some(([, name]) => !(name! in params));
  return { ...issue, message: unfilled ? t(locale, 'validation.invalid') : message };
}

export function problemFor(
  status: number,
  code: string,
  detail: string,
  correlationId: string,
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: `https://transformation-hub.itu.int/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    correlationId,
    ...extra,
  };
}

/** HTTP-level failures that are not domain errors: unknown route, wrong method, body too large ... */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
  ) {
    super(code);
  }
}

/**
 * Maps any thrown value to a problem response. Unknown errors become a neutral 500 (the caller logs
 * the original); nothing internal reaches the client.
 */
export function toProblem(
  error: unknown,
  locale: Locale,
  correlationId: string,
  options: { preconditionFromHeader?: boolean } = {},
): ProblemResponse {
  const headers: Record<string, string> = {};
  const make = (
    status: number,
    code: string,
    key: MessageKey,
    params: Record<string, string | number> = {},
    extra: Partial<Problem> = {},
  ) => ({
    status,
    headers,
    problem: problemFor(status, code, t(locale, key, params), correlationId, extra),
  });
  if (error instanceof HttpError) {
    return make(error.status, error.code, error.messageKey);
  }
  if (error instanceof ValidationError) {
    return make(
      400,
      error.code,
      'errors.validation_failed',
      {},
      { errors: error.issues.map((i) => localiseIssue(locale, i)) },
    );
  }
  if (error instanceof NotFoundError) {
    return make(404, error.code, 'errors.not_found', { entity: entityName(locale, error.entity) });
  }
  if (error instanceof ConflictError) {
    const status = options.preconditionFromHeader ? 412 : 409;
    const current = error.current as { version?: number } | undefined;
    if (current?.version !== undefined) headers.ETag = `"${current.version}"`;
    return make(
      status,
      error.code,
      'errors.version_conflict',
      { entity: entityName(locale, error.entity) },
      { current: error.current },
    );
  }
  if (error instanceof DuplicateError) {
    return make(409, error.code, 'errors.duplicate', { entity: entityName(locale, error.entity) });
  }
  if (error instanceof ForbiddenError) {
    const key = `errors.forbidden.${error.reason}`;
    return make(403, error.code, hasKey(key) ? key : 'errors.forbidden', {}, { reason: error.reason });
  }
  if (error instanceof ConsentRequiredError) {
    return make(
      403,
      error.code,
      'errors.consent_required',
      {},
      { reason: error.reason, scopes: [...error.scopes] },
    );
  }
  if (error instanceof UnauthenticatedError) {
    headers['WWW-Authenticate'] = 'Bearer';
    const key: MessageKey =
      error.reason === 'development_identity_refused'
        ? 'errors.forbidden.development_identity_refused'
        : 'errors.unauthenticated';
    return make(401, error.code, key, {}, { reason: error.reason });
  }
  if (error instanceof ThrottledError) {
    if (error.retryAfterSeconds !== undefined)
      headers['Retry-After'] = String(Math.ceil(error.retryAfterSeconds));
    return make(
      429,
      error.code,
      'errors.throttled',
      {},
      error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {},
    );
  }
  if (error instanceof RateLimitedError) {
    headers['Retry-After'] = String(error.retryAfterSeconds);
    return make(
      429,
      error.code,
      'errors.rate_limited',
      { seconds: error.retryAfterSeconds },
      { retryAfterSeconds: error.retryAfterSeconds },
    );
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return make(422, error.code, 'errors.idempotency_key_reused', {
      entity: entityName(locale, error.entity),
    });
  }
  if (error instanceof AppError && error.code === 'unavailable') {
    headers['Retry-After'] = '5';
    return make(503, error.code, 'errors.unavailable');
  }
  return make(500, 'internal', 'errors.internal', { correlationId });
}
