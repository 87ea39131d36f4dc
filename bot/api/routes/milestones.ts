import { z } from 'zod';
import { IsoDate } from '../../domain/primitives.js';
import { Milestone, MilestoneCreate, MilestonePatch, MILESTONE_STATUSES } from '../../domain/milestone.js';
import { csvOf, PageQuery, requireVersion, splitVersion } from '../request-helpers.js';
import { route } from '../route.js';

const MilestoneListQuery = PageQuery.extend({
  projectId: z.string().max(64).optional(),
  status: csvOf(MILESTONE_STATUSES).optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
});

export const milestoneRoutes = [
  route({
    method: 'get',
    path: '/api/v1/milestones',
    operationId: 'listMilestones',
    summary: 'Milestones ordered by due date (the roadmap)',
    tag: 'milestones',
    query: MilestoneListQuery,
    response: { kind: 'page', schema: Milestone, name: 'Milestone' },
    handler: async ({ ctx, services, query }) => ({ body: await services.milestones.list(ctx, query) }),
  }),
  route({
    method: 'post',
    path: '/api/v1/projects/:id/milestones',
    operationId: 'createMilestone',
    summary: 'Add a milestone to a project',
    tag: 'milestones',
    body: { schema: MilestoneCreate.omit({ projectId: true }), name: 'MilestoneCreate' },
    status: 201,
    idempotent: true,
    response: { kind: 'entity', schema: Milestone, name: 'Milestone' },
    handler: async ({ ctx, services, params, body, idempotencyKey }) => {
      const { value, replayed } = await services.milestones.create(
        ctx,
        params.id ?? '',
        body,
        idempotencyKey,
      );
      return { status: replayed ? 200 : 201, body: value, version: value.version };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/milestones/:id',
    operationId: 'updateMilestone',
    summary: 'Edit a milestone (mark done, move the date); send If-Match or version',
    tag: 'milestones',
    body: { schema: MilestonePatch, name: 'MilestonePatch' },
    versioned: true,
    response: { kind: 'entity', schema: Milestone, name: 'Milestone' },
    handler: async (call) => {
      const { fields, version } = splitVersion(call.body);
      const stored = await call.services.milestones.update(
        call.ctx,
        call.params.id ?? '',
        fields,
        requireVersion(call, version),
      );
      return { body: stored, version: stored.version };
    },
  }),
];
