// A route is declared once: its method, path, schemas (used for validation and for the OpenAPI
// document) and a handler that calls the services. The server registers routes from these specs.
import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { Locale } from '../domain/locale.js';
import type { Services } from '../services/services.js';
import type { RequestContext } from '../services/context.js';
import type { Logger } from '../platform/logger.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'del';

export interface ApiCall<Q> {
  ctx: RequestContext;
  services: Services;
  params: Readonly<Record<string, string>>;
  query: Q;
  body: unknown;
  /** Version from If-Match ("3" or W/"3"), `0` for If-None-Match: *, undefined when neither was sent. */
  ifMatch: number | undefined;
  /** The Idempotency-Key header, validated. */
  idempotencyKey: string | undefined;
  locale: Locale;
  log: Logger;
  /** AUTH_MODE=entra: the caller's validated access token, for on-behalf-of calls (never echoed). */
  bearerToken?: string;
}

export interface ApiResult {
  status?: number;
  body: unknown;
  /** Entity version to expose as the ETag. */
  version?: number;
  headers?: Record<string, string>;
  /**
   * A body that is not JSON: written to the response after the status and headers (which must then
   * include Content-Type), e.g. a workbook streamed as it is built.
   */
  stream?: (out: Writable) => Promise<void>;
}

/** What the OpenAPI document says a route returns. */
export type ResponseShape =
  | { kind: 'entity'; schema: z.ZodType; name: string }
  | { kind: 'page'; schema: z.ZodType; name: string }
  | { kind: 'json'; schema: z.ZodType; name: string }
  | { kind: 'empty' }
  /** A file (e.g. an Excel workbook) sent as an attachment; `mediaType` names its format. */
  | { kind: 'file'; mediaType: string; description: string };

export interface RouteSpec<Q = unknown> {
  method: HttpMethod;
  /** restify path, e.g. "/api/v1/projects/:id". */
  path: string;
  operationId: string;
  summary: string;
  /** Longer text for readers that choose operations (Copilot): when to use it. */
  description?: string;
  tag: string;
  /** Query string schema; a parse failure is a 400 with field messages. */
  query?: z.ZodType<Q>;
  /** Body schema, for the document only: services validate bodies (one rule, every surface). */
  body?: { schema: z.ZodType; name: string };
  /** Documented success status (201 for creates). */
  status?: number;
  response: ResponseShape;
  /** Writes that take a version: the document lists If-Match; `If-None-Match: *` where creation may collide. */
  versioned?: boolean;
  idempotent?: boolean;
  /** Public routes need no identity (only the OpenAPI document and reference data). */
  public?: boolean;
  handler: (call: ApiCall<Q>) => Promise<ApiResult>;
}

/** Helper that keeps the query type of a spec. */
export function route<Q>(spec: RouteSpec<Q>): RouteSpec<Q> {
  return spec;
}
