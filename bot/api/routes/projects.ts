import { z } from 'zod';
import { PillarCode } from '../../domain/pillar.js';
import { Project, ProjectCreate, ProjectKind, ProjectPatch, ProjectPhase } from '../../domain/project.js';
import { ProjectOverviewSchema } from '../../domain/views.js';
import {
  createdEntity,
  pageOfList,
  PageQuery,
  PersonRef,
  resolvePersonRef,
  versionedChange,
} from '../request-helpers.js';
import { route } from '../route.js';

const ProjectListQuery = PageQuery.extend({
  pillar: PillarCode.optional(),
  phase: ProjectPhase.optional(),
  kind: ProjectKind.optional(),
  orgUnit: z.string().max(20).optional(),
  owner: PersonRef.optional(),
  member: PersonRef.optional(),
  q: z.string().max(200).optional(),
});

export const projectRoutes = [
  route({
    method: 'get',
    path: '/api/v1/projects',
    operationId: 'listProjects',
    summary: 'Projects with their current health, trend, reporting state and risk counts, ordered by code',
    tag: 'projects',
    query: ProjectListQuery,
    response: { kind: 'page', schema: ProjectOverviewSchema, name: 'ProjectOverview' },
    handler: async ({ ctx, services, query }) => {
      const overviews = await services.projects.overview(ctx, {
        pillar: query.pillar,
        phase: query.phase,
        kind: query.kind,
        orgUnit: query.orgUnit,
        ownerOrLeadId: resolvePersonRef(query.owner, ctx.actor.id),
        memberId: resolvePersonRef(query.member, ctx.actor.id),
        search: query.q,
      });
      return { body: pageOfList(overviews, query.limit, query.cursor) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/projects',
    operationId: 'createProject',
    summary: 'Create a project (Transformation Office)',
    tag: 'projects',
    body: { schema: ProjectCreate, name: 'ProjectCreate' },
    status: 201,
    idempotent: true,
    response: { kind: 'entity', schema: Project, name: 'Project' },
    handler: async ({ ctx, services, body, idempotencyKey }) => {
      const created = await services.projects.create(ctx, body, idempotencyKey);
      return createdEntity(created, `/api/v1/projects/${created.value.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/projects/:id',
    operationId: 'getProject',
    summary: 'A project (by id or code) with its derived health and reporting state',
    tag: 'projects',
    response: { kind: 'entity', schema: ProjectOverviewSchema, name: 'ProjectOverview' },
    handler: async ({ ctx, services, params }) => {
      const project = await services.projects.get(ctx, params.id ?? '');
      const [overview] = await services.projects.overviewOf([project]);
      return { body: overview, version: project.version };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/projects/:id',
    operationId: 'updateProject',
    summary: 'Edit a project (its owner, leads or the Transformation Office); send If-Match or version',
    tag: 'projects',
    body: { schema: ProjectPatch, name: 'ProjectPatch' },
    versioned: true,
    response: { kind: 'entity', schema: Project, name: 'Project' },
    handler: versionedChange((call, fields, version) =>
      call.services.projects.update(call.ctx, call.params.id ?? '', fields, version),
    ),
  }),
];
