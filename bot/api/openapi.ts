// The OpenAPI 3.1 document, generated from the route specs and the same zod schemas that validate
// requests, so the document cannot drift from the code.
import { z } from 'zod';
import type { ResponseShape, RouteSpec } from './route.js';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const ProblemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail', 'correlationId'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: {
      type: 'string',
      enum: [
        'validation_failed',
        'not_found',
        'version_conflict',
        'duplicate',
        'forbidden',
        'unauthenticated',
        'throttled',
        'unavailable',
        'consent_required',
        'internal',
        'bad_request',
        'route_not_found',
        'method_not_allowed',
        'payload_too_large',
        'unsupported_media_type',
      ],
    },
    detail: { type: 'string', description: 'Localised (Accept-Language) human-readable message' },
    correlationId: { type: 'string' },
    reason: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'string' },
          params: { type: 'object' },
        },
      },
    },
    current: { description: 'For version conflicts: the entity as stored now' },
    scopes: {
      type: 'array',
      items: { type: 'string' },
      description: 'For consent_required: the delegated scopes to ask consent for (prompt=consent)',
    },
  },
};

function restifyPathToOpenApi(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function queryParameters(schema: z.ZodType | undefined): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

export function buildOpenApi(
  routes: readonly RouteSpec<unknown>[],
  info: { version: string; serverUrl: string },
): JsonSchema {
  const components: Record<string, JsonSchema> = { Problem: ProblemSchema };
  const ref = (name: string, schema: z.ZodType, io: 'input' | 'output') => {
    if (!components[name]) components[name] = toSchema(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };
  const responseSchema = (shape: ResponseShape): JsonSchema | undefined => {
    switch (shape.kind) {
      case 'empty':
      case 'file':
        return undefined;
      case 'page':
        return {
          type: 'object',
          required: ['items'],
          properties: {
            items: { type: 'array', items: ref(shape.name, shape.schema, 'output') },
            nextCursor: { type: 'string' },
          },
        };
      default:
        return ref(shape.name, shape.schema, 'output');
    }
  };
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });

  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const { path, params } = restifyPathToOpenApi(r.path);
    const method = r.method === 'del' ? 'delete' : r.method;
    const parameters: JsonSchema[] = [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...queryParameters(r.query),
      {
        name: 'Accept-Language',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        description: 'Language of messages',
      },
    ];
    if (r.versioned) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        description: 'Version being changed, e.g. "3" (or send `version` in the body)',
      });
    }
    if (r.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
        description: 'Repeat a request safely: the same key is stored once',
      });
    }
    const success = responseSchema(r.response);
    const operation: JsonSchema = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      parameters,
      responses: {
        [String(r.status ?? 200)]: {
          description: r.response.kind === 'file' ? r.response.description : 'Success',
          ...(success ? { content: { 'application/json': { schema: success } } } : {}),
          ...(r.response.kind === 'file'
            ? {
                content: { [r.response.mediaType]: { schema: { type: 'string', format: 'binary' } } },
                headers: {
                  'Content-Disposition': {
                    schema: { type: 'string' },
                    description: 'attachment; filename=…',
                  },
                },
              }
            : {}),
          ...(r.response.kind === 'entity'
            ? { headers: { ETag: { schema: { type: 'string' }, description: 'Entity version' } } }
            : {}),
        },
        ...(r.status === 201
          ? {
              200: {
                description: 'Replay of an earlier request with the same Idempotency-Key',
                ...(success ? { content: { 'application/json': { schema: success } } } : {}),
              },
            }
          : {}),
        400: problem('Invalid input; `errors` lists each field'),
        ...(r.public
          ? {}
          : {
              401: problem('Missing or invalid credentials'),
              403: problem('Not allowed; the attempt is audited'),
            }),
        404: problem('Not found'),
        ...(r.versioned
          ? {
              409: problem('Version conflict (body version); `current` holds the stored entity'),
              412: problem('Version conflict (If-Match); `current` holds the stored entity'),
            }
          : {}),
        500: problem('Unexpected error; quote `correlationId`'),
        503: problem('A dependency is unavailable; retry later'),
      },
      ...(r.public ? { security: [] } : {}),
    };
    if (r.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: ref(r.body.name, r.body.schema, 'input') } },
      };
    }
    paths[path] ??= {};
    paths[path][method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Transformation Hub API',
      version: info.version,
      description:
        'REST API of the ITU Transformation Hub (used by the Teams tab). Errors are RFC 9457 problem documents with a stable `code`. ' +
        'Updates use optimistic concurrency: send the version you read (If-Match or `version`).',
    },
    servers: [{ url: info.serverUrl }],
    security: [{ entraBearer: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        entraBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Microsoft Entra ID access token (Teams SSO)',
        },
        devIdentity: {
          type: 'apiKey',
          in: 'header',
          name: 'x-dev-user',
          description: 'Development mode only: a roster person id',
        },
      },
    },
  };
}
