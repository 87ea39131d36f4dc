import { z } from 'zod';
import {
  Kpi,
  KpiCreate,
  KpiPatch,
  Measurement,
  MeasurementCreate,
  MeasurementPatch,
} from '../../domain/kpi.js';
import { PillarCode } from '../../domain/pillar.js';
import { KpiWithProgressSchema } from '../../domain/views.js';
import { createdEntity, pageOfList, PageQuery, versionedChange } from '../request-helpers.js';
import { route } from '../route.js';

export const kpiRoutes = [
  route({
    method: 'get',
    path: '/api/v1/kpis',
    operationId: 'listKpis',
    summary: 'KPIs with their measurements and progress from baseline towards target',
    tag: 'kpis',
    query: PageQuery.extend({ projectId: z.string().max(64).optional(), pillar: PillarCode.optional() }),
    response: { kind: 'page', schema: KpiWithProgressSchema, name: 'KpiWithProgress' },
    handler: async ({ ctx, services, query }) => {
      const all = await services.kpis.withProgress(ctx, { projectId: query.projectId, pillar: query.pillar });
      return { body: pageOfList(all, query.limit, query.cursor) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/kpis',
    operationId: 'createKpi',
    summary: 'Define a KPI for a pillar or a project',
    tag: 'kpis',
    body: { schema: KpiCreate, name: 'KpiCreate' },
    status: 201,
    idempotent: true,
    response: { kind: 'entity', schema: Kpi, name: 'Kpi' },
    handler: async ({ ctx, services, body, idempotencyKey }) => {
      return createdEntity(await services.kpis.create(ctx, body, idempotencyKey));
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/kpis/:id',
    operationId: 'getKpi',
    summary: 'A KPI with its measurements and progress',
    tag: 'kpis',
    response: { kind: 'entity', schema: KpiWithProgressSchema, name: 'KpiWithProgress' },
    handler: async ({ ctx, services, params }) => {
      const k = await services.kpis.get(ctx, params.id ?? '');
      return { body: k, version: k.kpi.version };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/kpis/:id',
    operationId: 'updateKpi',
    summary: 'Edit a KPI; send If-Match or version',
    tag: 'kpis',
    body: { schema: KpiPatch, name: 'KpiPatch' },
    versioned: true,
    response: { kind: 'entity', schema: Kpi, name: 'Kpi' },
    handler: versionedChange((call, fields, version) =>
      call.services.kpis.update(call.ctx, call.params.id ?? '', fields, version),
    ),
  }),
  route({
    method: 'post',
    path: '/api/v1/kpis/:id/measurements',
    operationId: 'recordMeasurement',
    summary: 'Record a measurement of a KPI',
    tag: 'kpis',
    body: { schema: MeasurementCreate, name: 'MeasurementCreate' },
    status: 201,
    idempotent: true,
    response: { kind: 'entity', schema: Measurement, name: 'Measurement' },
    handler: async ({ ctx, services, params, body, idempotencyKey }) => {
      return createdEntity(await services.kpis.recordMeasurement(ctx, params.id ?? '', body, idempotencyKey));
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/measurements/:id',
    operationId: 'updateMeasurement',
    summary: 'Correct a measurement; send If-Match or version',
    tag: 'kpis',
    body: { schema: MeasurementPatch, name: 'MeasurementPatch' },
    versioned: true,
    response: { kind: 'entity', schema: Measurement, name: 'Measurement' },
    handler: versionedChange((call, fields, version) =>
      call.services.kpis.updateMeasurement(call.ctx, call.params.id ?? '', fields, version),
    ),
  }),
];
