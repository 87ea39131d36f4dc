import { z } from 'zod';
import { Period } from '../../domain/period.js';
import { NotFoundError } from '../../domain/errors.js';
import { StatusUpdate, StatusUpdateSubmit } from '../../domain/status-update.js';
import { DraftSchema, SubmitResultSchema } from '../../domain/views.js';
import { PageQuery, splitVersion } from '../request-helpers.js';
import { route } from '../route.js';

export const statusUpdateRoutes = [
  route({
    method: 'get',
    path: '/api/v1/projects/:id/status-updates',
    operationId: 'listStatusUpdates',
    summary: "A project's status updates, newest period first",
    tag: 'status updates',
    query: PageQuery,
    response: { kind: 'page', schema: StatusUpdate, name: 'StatusUpdate' },
    handler: async ({ ctx, services, params, query }) => ({
      body: await services.statusUpdates.listByProject(ctx, params.id ?? '', query),
    }),
  }),
  route({
    method: 'get',
    path: '/api/v1/projects/:id/status-updates/draft',
    operationId: 'getStatusUpdateDraft',
    summary: 'The update form for a period (default: the current one), pre-filled from the previous update',
    tag: 'status updates',
    query: z.object({ period: Period.optional() }),
    response: { kind: 'json', schema: DraftSchema, name: 'StatusUpdateDraft' },
    handler: async ({ ctx, services, params, query }) => ({
      body: await services.statusUpdates.draft(ctx, params.id ?? '', query.period),
    }),
  }),
  route({
    method: 'get',
    path: '/api/v1/projects/:id/status-updates/:period',
    operationId: 'getStatusUpdate',
    summary: "A project's update for one period (e.g. 2026-W48)",
    tag: 'status updates',
    response: { kind: 'entity', schema: StatusUpdate, name: 'StatusUpdate' },
    handler: async ({ ctx, services, params }) => {
      const period = Period.safeParse(params.period);
      if (!period.success) throw new NotFoundError('status-update', params.period ?? '');
      const update = await services.statusUpdates.getForPeriod(ctx, params.id ?? '', period.data);
      if (!update) throw new NotFoundError('status-update', `${params.id}/${period.data}`);
      return { body: update, version: update.version };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/projects/:id/status-updates',
    operationId: 'submitStatusUpdate',
    summary:
      'Post the update for a period (default: current). Posting again in the same period amends it and keeps the earlier version. ' +
      'If-None-Match: * (or version 0) refuses to amend an update you have not seen; If-Match: "n" amends version n only.',
    tag: 'status updates',
    body: { schema: StatusUpdateSubmit, name: 'StatusUpdateSubmit' },
    status: 201,
    versioned: true,
    idempotent: true,
    response: { kind: 'json', schema: SubmitResultSchema, name: 'StatusUpdateSubmitResult' },
    handler: async (call) => {
      const { fields, version } = splitVersionAllowingZero(call.body);
      const result = await call.services.statusUpdates.submit(call.ctx, call.params.id ?? '', fields, {
        submissionKey: call.idempotencyKey,
        expectedVersion: call.ifMatch ?? version,
      });
      const created = !result.amended && !result.replayed;
      return { status: created ? 201 : 200, body: result, version: result.update.version };
    },
  }),
];

/** For submissions `version: 0` means "I expect no update for this period yet". */
function splitVersionAllowingZero(body: unknown): {
  fields: Record<string, unknown>;
  version: number | undefined;
} {
  if (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    (body as { version?: unknown }).version === 0
  ) {
    const { version: _zero, ...fields } = body as Record<string, unknown>;
    return { fields, version: 0 };
  }
  return splitVersion(body);
}
