import { z } from 'zod';
import { Risk, RiskCreate, RiskPatch, RISK_STATUSES } from '../../domain/risk.js';
import {
  createdEntity,
  csvOf,
  PageQuery,
  PersonRef,
  resolvePersonRef,
  versionedChange,
} from '../request-helpers.js';
import { route } from '../route.js';

const RiskListQuery = PageQuery.extend({
  projectId: z.string().max(64).optional(),
  portfolioWide: z.enum(['true', 'false']).optional(),
  status: csvOf(RISK_STATUSES).optional(),
  owner: PersonRef.optional(),
  minScore: z.coerce.number().int().min(1).max(25).optional(),
});

export const riskRoutes = [
  route({
    method: 'get',
    path: '/api/v1/risks',
    operationId: 'listRisks',
    summary: 'The risk register, highest score first',
    tag: 'risks',
    query: RiskListQuery,
    response: { kind: 'page', schema: Risk, name: 'Risk' },
    handler: async ({ ctx, services, query }) => ({
      body: await services.risks.list(ctx, {
        projectId: query.projectId,
        portfolioWide: query.portfolioWide === undefined ? undefined : query.portfolioWide === 'true',
        status: query.status,
        ownerId: resolvePersonRef(query.owner, ctx.actor.id),
        minScore: query.minScore,
        limit: query.limit,
        cursor: query.cursor,
      }),
    }),
  }),
  route({
    method: 'post',
    path: '/api/v1/risks',
    operationId: 'raiseRisk',
    summary:
      "Raise a risk (a viewer's concern lands as proposed); at or above the threshold it goes to the CTO",
    tag: 'risks',
    body: { schema: RiskCreate, name: 'RiskCreate' },
    status: 201,
    idempotent: true,
    response: { kind: 'entity', schema: Risk, name: 'Risk' },
    handler: async ({ ctx, services, body, idempotencyKey }) => {
      const created = await services.risks.raise(ctx, body, idempotencyKey);
      return createdEntity(created, `/api/v1/risks/${created.value.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/risks/:id',
    operationId: 'getRisk',
    summary: 'A risk with its score history',
    tag: 'risks',
    response: { kind: 'entity', schema: Risk, name: 'Risk' },
    handler: async ({ ctx, services, params }) => {
      const risk = await services.risks.get(ctx, params.id ?? '');
      return { body: risk, version: risk.version };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/risks/:id',
    operationId: 'updateRisk',
    summary: 'Edit or triage a risk; send If-Match or version',
    tag: 'risks',
    body: { schema: RiskPatch, name: 'RiskPatch' },
    versioned: true,
    response: { kind: 'entity', schema: Risk, name: 'Risk' },
    handler: versionedChange((call, fields, version) =>
      call.services.risks.update(call.ctx, call.params.id ?? '', fields, version),
    ),
  }),
  route({
    method: 'post',
    path: '/api/v1/risks/:id/acknowledge',
    operationId: 'acknowledgeRisk',
    summary: 'Acknowledge an escalated risk (CTO); send If-Match or version',
    tag: 'risks',
    versioned: true,
    response: { kind: 'entity', schema: Risk, name: 'Risk' },
    handler: versionedChange((call, _fields, version) =>
      call.services.risks.acknowledge(call.ctx, call.params.id ?? '', version),
    ),
  }),
];
