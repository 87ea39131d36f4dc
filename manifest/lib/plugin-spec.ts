// The OpenAPI description packaged with the API plugin (manifest/template/apiSpecificationFile/
// openapi.json), generated from the server's own route specs so the plugin cannot drift from the API:
// OpenAPI 3.0.3 (what Copilot reads), only the operations the plugin calls, each with its model-facing
// description, query parameters with their descriptions and the response schema. `npm run
// plugin-spec` rewrites the file; test/manifest/api-plugin.test.ts fails when it is out of date.
import { buildOpenApi } from '../../bot/api/openapi.js';
import type { RouteSpec } from '../../bot/api/route.js';

type Json = Record<string, unknown>;

/** JSON Schema 2020-12 (zod) to the OpenAPI 3.0 dialect: no `const`, no type arrays, no $schema. */
function toOpenApi30(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toOpenApi30);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value as Json)) {
    if (key === '$schema') continue;
    if (key === 'const') out.enum = [v];
    else out[key] = toOpenApi30(v);
  }
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== 'null');
    if (types.length < (out.type as string[]).length) out.nullable = true;
    out.type = types[0];
  }
  return out;
}

export function buildPluginSpec(routes: readonly RouteSpec<unknown>[], serverUrl: string): Json {
  const full = buildOpenApi(routes, { version: '1.0.0', serverUrl }) as {
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, Json> };
  };
  const paths: Record<string, Record<string, Json>> = {};
  for (const [path, item] of Object.entries(full.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const parameters = (op.parameters as Json[]).filter((p) => p.in !== 'header');
      const ok = (op.responses as Record<string, Json>)['200'] as Json;
      paths[path] ??= {};
      paths[path][method] = {
        operationId: op.operationId,
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        parameters: parameters.map((p) => {
          const { description, ...schema } = (p.schema ?? {}) as Json;
          return { ...p, ...(description ? { description } : {}), schema: toOpenApi30(schema) };
        }),
        responses: {
          200: { description: 'Success', content: ok.content },
          400: { description: 'Invalid parameters; the problem document names each field' },
          401: { description: 'Not signed in' },
          403: { description: 'Not allowed' },
          404: { description: 'No such project' },
        },
      };
    }
  }
  const used = JSON.stringify(paths);
  const schemas = Object.fromEntries(
    Object.entries(full.components.schemas)
      .filter(([name]) => used.includes(`#/components/schemas/${name}"`))
      .map(([name, schema]) => [name, toOpenApi30(schema)]),
  );
  return {
    openapi: '3.0.3',
    info: {
      title: 'Transformation Hub for Copilot',
      version: '1.0.0',
      description:
        'The read operations of the Transformation Hub API that the Transformation assistant calls in Microsoft 365 Copilot (the whole API is described at /api/v1/openapi.json).',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        entraBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "Microsoft Entra ID access token for the app's access_as_user scope (obtained by Copilot through the OAuth registration named in ai-plugin.json)",
        },
      },
      schemas,
    },
    security: [{ entraBearer: [] }],
  };
}
