// The one normalised error of the Graph gateway. Every failure that leaves the gateway (an HTTP
// status, a network error, a timeout, a malformed response) is a GraphRequestError with a `kind`;
// callers switch on the kind, never on status codes or on the shape of a Graph error body.
// Repositories turn it into the domain errors of bot/domain/errors.ts with `toDomainError`.
import { NotFoundError, ThrottledError, UnavailableError, type AppError } from '../../domain/errors.js';

export type GraphErrorKind =
  /** 404: the site, list or item does not exist. */
  | 'not_found'
  /** 412: the If-Match ETag no longer matches (someone else changed the item). */
  | 'conflict'
  /** 409: a unique column already holds the value. */
  | 'duplicate'
  /** 410: a delta token is no longer valid; start a fresh enumeration (see `location`). */
  | 'gone'
  /** 429 (or 503 with Retry-After) after the retry budget was spent. */
  | 'throttled'
  /** 401/403: the app registration lacks the permission or the token was refused. */
  | 'forbidden'
  /** 5xx, network errors and timeouts after the retry budget was spent. */
  | 'unavailable'
  /** 400 and other 4xx: the request itself is wrong (a bug here, or a list that is not provisioned as expected). */
  | 'invalid';

export interface GraphErrorDetails {
  kind: GraphErrorKind;
  /** HTTP status, 0 for network errors and timeouts. */
  status: number;
  /** Graph's error code (`error.code`), when the response had one. */
  code?: string;
  /** Operation name and path, never a query string with tokens nor any header. */
  operation: string;
  retryAfterSeconds?: number;
  /** For `gone`: the URL Graph gave to restart the enumeration. */
  location?: string;
  cause?: unknown;
}

export class GraphRequestError extends Error {
  override name = 'GraphRequestError';
  readonly kind: GraphErrorKind;
  readonly status: number;
  readonly code?: string;
  readonly operation: string;
  readonly retryAfterSeconds?: number;
  readonly location?: string;

  constructor(message: string, details: GraphErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.status = details.status;
    this.code = details.code;
    this.operation = details.operation;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.location = details.location;
  }

  /** Throttling and outages: the write may be kept and replayed later. */
  get isTransient(): boolean {
    return this.kind === 'throttled' || this.kind === 'unavailable';
  }
}

export function isGraphRequestError(e: unknown): e is GraphRequestError {
  return e instanceof GraphRequestError;
}

/** The kind of an HTTP status that is an error. */
export function kindOfStatus(status: number): GraphErrorKind {
  if (status === 404) return 'not_found';
  if (status === 412) return 'conflict';
  if (status === 409) return 'duplicate';
  if (status === 410) return 'gone';
  if (status === 429) return 'throttled';
  if (status === 401 || status === 403) return 'forbidden';
  if (status >= 500 || status === 0 || status === 408) return 'unavailable';
  return 'invalid';
}

/**
 * The domain error a repository throws for a gateway failure it does not handle itself. Conflicts
 * and duplicates are handled by the repositories (they need the current entity or the clashing key),
 * so they reach here only as a last resort.
 */
export function toDomainError(error: unknown, context: { entity: string; id: string }): unknown {
  if (!isGraphRequestError(error)) return error;
  let mapped: AppError | undefined;
  switch (error.kind) {
    case 'not_found':
      mapped = new NotFoundError(context.entity, context.id);
      break;
    case 'throttled':
      mapped = new ThrottledError(error.retryAfterSeconds);
      break;
    case 'unavailable':
    case 'gone':
      mapped = new UnavailableError('SharePoint', { cause: error });
      break;
    case 'forbidden':
      // The app registration is not allowed on the site: an operator problem, not the user's.
      mapped = new UnavailableError('SharePoint (access denied to the app registration)', { cause: error });
      break;
    default:
      return error;
  }
  return mapped;
}
