// RFC 9457 problem documents as the server sends them (bot/api/problem.ts), parsed at the boundary.
import { z } from 'zod';

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  correlationId: z.string().optional(),
  reason: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional(),
  retryAfterSeconds: z.number().optional(),
  scopes: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** A failed API call: the server's problem document, or a neutral one for network failures. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }

  /** The entity changed since it was read (409 from a body version, 412 from If-Match). */
  get isConflict(): boolean {
    return this.problem.code === 'version_conflict' || this.status === 412;
  }

  get isConsentRequired(): boolean {
    return (this.status === 401 || this.status === 403) && this.problem.type.endsWith('consent_required');
  }

  /** Field messages by path ("title", "dimensions.budget"); the first message of each field. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.problem.errors ?? []) {
      const key = issue.path || '_';
      out[key] ??= issue.message;
    }
    return out;
  }
}

/** Turns anything thrown into an ApiError so that screens handle one type. */
export function asApiError(error: unknown, offlineDetail: string): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'network',
    detail: offlineDetail,
  });
}
