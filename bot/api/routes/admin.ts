import { z } from 'zod';
import { AuditEvent, EntityType } from '../../domain/audit.js';
import { IsoDateTime } from '../../domain/primitives.js';
import { Person, PersonCreate, PersonPatch, Role } from '../../domain/person.js';
import { Settings, SettingsPatch } from '../../domain/settings.js';
import { createdEntity, PageQuery, versionedChange } from '../request-helpers.js';
import { route } from '../route.js';

export const adminRoutes = [
  route({
    method: 'get',
    path: '/api/v1/audit',
    operationId: 'listAuditEvents',
    summary:
      "Audit history, newest first: a project's history for everyone (projectId), the whole log for the CTO",
    tag: 'audit',
    query: PageQuery.extend({
      projectId: z.string().max(64).optional(),
      entityType: EntityType.optional(),
      entityId: z.string().max(64).optional(),
      actorId: z.string().max(64).optional(),
      since: IsoDateTime.optional(),
    }),
    response: { kind: 'page', schema: AuditEvent, name: 'AuditEvent' },
    handler: async ({ ctx, services, query }) => ({ body: await services.audit.list(ctx, query) }),
  }),
  route({
    method: 'get',
    path: '/api/v1/roster',
    operationId: 'listPeople',
    summary: 'The roster, ordered by name',
    tag: 'roster',
    query: PageQuery.extend({ role: Role.optional(), active: z.enum(['true', 'false']).optional() }),
    response: { kind: 'page', schema: Person, name: 'Person' },
    handler: async ({ ctx, services, query }) => ({
      body: await services.roster.list(ctx, {
        role: query.role,
        active: query.active === undefined ? undefined : query.active === 'true',
        limit: query.limit,
        cursor: query.cursor,
      }),
    }),
  }),
  route({
    method: 'post',
    path: '/api/v1/roster',
    operationId: 'createPerson',
    summary: 'Add a person to the roster (Transformation Office)',
    tag: 'roster',
    body: { schema: PersonCreate, name: 'PersonCreate' },
    status: 201,
    idempotent: true,
    response: { kind: 'entity', schema: Person, name: 'Person' },
    handler: async ({ ctx, services, body, idempotencyKey }) => {
      return createdEntity(await services.roster.create(ctx, body, idempotencyKey));
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/roster/:id',
    operationId: 'getPerson',
    summary: 'A person on the roster',
    tag: 'roster',
    response: { kind: 'entity', schema: Person, name: 'Person' },
    handler: async ({ ctx, services, params }) => {
      const p = await services.roster.get(ctx, params.id ?? '');
      return { body: p, version: p.version };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/roster/:id',
    operationId: 'updatePerson',
    summary: 'Change a person (Transformation Office; anyone may change their own language and time zone)',
    tag: 'roster',
    body: { schema: PersonPatch, name: 'PersonPatch' },
    versioned: true,
    response: { kind: 'entity', schema: Person, name: 'Person' },
    handler: versionedChange((call, fields, version) =>
      call.services.roster.update(call.ctx, call.params.id ?? '', fields, version),
    ),
  }),
  route({
    method: 'get',
    path: '/api/v1/settings',
    operationId: 'getSettings',
    summary: 'Escalation threshold, digest and reminder schedules, pillar leads, digest subscribers',
    tag: 'settings',
    response: { kind: 'entity', schema: Settings, name: 'Settings' },
    handler: async ({ ctx, services }) => {
      const s = await services.settings.get(ctx);
      return { body: s, version: s.version };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/settings',
    operationId: 'updateSettings',
    summary: 'Change settings (Transformation Office); send If-Match or version',
    tag: 'settings',
    body: { schema: SettingsPatch, name: 'SettingsPatch' },
    versioned: true,
    response: { kind: 'entity', schema: Settings, name: 'Settings' },
    handler: versionedChange((call, fields, version) =>
      call.services.settings.update(call.ctx, fields, version),
    ),
  }),
];
