// A small typed error hierarchy with stable codes. Codes map to HTTP statuses in bot/api and to card
// responses in bot/teams, each in one place. Messages here are for logs; people see localised text
// chosen by code.
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'version_conflict'
  | 'duplicate'
  | 'forbidden'
  | 'unauthenticated'
  | 'throttled'
  | 'unavailable'
  | 'consent_required'
  | 'rate_limited'
  | 'idempotency_key_reused'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "dimensions.budget"; "" for the whole body. */
  path: string;
  /** Stable issue code: required, too_small, too_big, invalid_type, invalid_value, invalid_format, custom. */
  code: string;
  /** English description, also used as the key's fallback. */
  message: string;
  params?: Record<string, string | number>;
}

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  override name = 'AppError';
}

export class ValidationError extends AppError {
  readonly code = 'validation_failed';
  constructor(readonly issues: FieldIssue[]) {
    super(`invalid input: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`);
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** An update was based on a version that is no longer current; `current` is what is stored now. */
export class ConflictError<T = unknown> extends AppError {
  readonly code = 'version_conflict';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly current: T,
  ) {
    super(`${entity} ${id} changed: expected version ${expectedVersion}`);
  }
}

export class DuplicateError extends AppError {
  readonly code = 'duplicate';
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} ${key} already exists`);
  }
}

export type ForbiddenReason =
  | 'not_project_owner'
  | 'not_risk_editor'
  | 'role_required_cto'
  | 'not_kpi_editor'
  | 'inactive_person'
  | 'development_identity_refused';

export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
  constructor(readonly reason: ForbiddenReason) {
    super(`forbidden: ${reason}`);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'unauthenticated';
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`unauthenticated: ${reason}`, options);
  }
}

/**
 * Calling Graph as the user needs their consent (or another interactive step such as MFA): the
 * on-behalf-of exchange answered invalid_grant / interaction_required. The tab starts a consent
 * flow for `scopes` and retries.
 */
export class ConsentRequiredError extends AppError {
  readonly code = 'consent_required';
  constructor(
    readonly scopes: readonly string[],
    readonly reason: 'invalid_grant' | 'interaction_required',
    options?: { cause?: unknown },
  ) {
    super(`consent required (${reason})`, options);
  }
}

export class ThrottledError extends AppError {
  readonly code = 'throttled';
  constructor(readonly retryAfterSeconds?: number) {
    super('throttled');
  }
}

/** One caller sent more requests than this instance allows per minute (the server's rate limits). */
export class RateLimitedError extends AppError {
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited: retry after ${retryAfterSeconds} s`);
  }
}

/** An Idempotency-Key sent again with a different request than the first time (IETF idempotency-key draft). */
export class IdempotencyKeyReusedError extends AppError {
  readonly code = 'idempotency_key_reused';
  constructor(readonly entity: string) {
    super(`idempotency key reused with a different ${entity}`);
  }
}

export class UnavailableError extends AppError {
  readonly code = 'unavailable';
  constructor(
    readonly what: string,
    options?: { cause?: unknown },
  ) {
    super(`${what} unavailable`, options);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
