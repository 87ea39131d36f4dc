import { z } from 'zod';
import { IsoDate } from '../../domain/primitives.js';
import { Milestone, MilestoneCreate, MilestonePatch, MILESTONE_STATUSES } from '../../domain/milestone.js';
import { createdEntity, csvOf, PageQuery, versionedChange } from '../request-helpers.js';
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
      return createdEntity(await services.milestones.create(ctx, params.id ?? '', body, idempotencyKey));
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
    handler: versionedChange((call, fields, version) =>
      call.services.milestones.update(call.ctx, call.params.id ?? '', fields, version),
    ),
  }),
];
