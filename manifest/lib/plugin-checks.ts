// Checks of an API plugin (an action of the declarative agent) against its OpenAPI description:
// every function is bound to a runtime, every function of an OpenApi runtime is an operationId of
// the spec file that runtime names, the spec is OpenAPI 3 with an https server. The JSON schema of
// the plugin manifest (validated separately) cannot see across files; these checks do.
import type { ApiPluginShape } from './manifest-shape.js';
import { problem, type Problem } from './problems.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The operationIds of an OpenAPI document (3.x, JSON), in document order. */
export function operationIdsOf(spec: unknown): string[] {
  const paths = (spec as { paths?: unknown } | null)?.paths;
  if (paths === null || typeof paths !== 'object') return [];
  const ids: string[] = [];
  for (const item of Object.values(paths as Record<string, unknown>)) {
    if (item === null || typeof item !== 'object') continue;
    for (const method of METHODS) {
      const id = (item as Record<string, { operationId?: unknown } | undefined>)[method]?.operationId;
      if (typeof id === 'string') ids.push(id);
    }
  }
  return ids;
}

/** Problems of the spec file itself: OpenAPI 3, at least one operation, an absolute https server. */
export function checkOpenApiSpec(spec: unknown, specFile: string): Problem[] {
  const problems: Problem[] = [];
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    return [problem('plugin', specFile, 'the OpenAPI description must be a JSON object')];
  }
  const doc = spec as { openapi?: unknown; servers?: unknown };
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    problems.push(
      problem('plugin', specFile, `"openapi" must be a 3.x version (found ${JSON.stringify(doc.openapi)})`),
    );
  }
  if (operationIdsOf(spec).length === 0) {
    problems.push(problem('plugin', specFile, 'no operation with an operationId under "paths"'));
  }
  const servers = Array.isArray(doc.servers) ? (doc.servers as { url?: unknown }[]) : [];
  const url = servers[0]?.url;
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'https:') {
    problems.push(
      problem(
        'plugin',
        specFile,
        `servers[0].url must be an absolute https URL (found ${JSON.stringify(url)})`,
      ),
    );
  }
  return problems;
}

/** A spec file the plugin's runtime names, read and parsed (undefined when it could not be). */
export interface RuntimeSpec {
  runtimeIndex: number;
  file: string;
  spec: unknown;
}

/**
 * Functions against runtimes and specs: names unique; each function bound to exactly one runtime
 * (explicitly by run_for_functions, by "*", or as the only runtime); each name a run_for_functions
 * list gives is a function; each function of an OpenApi runtime an operationId of its spec.
 */
export function checkPluginFunctions(
  plugin: ApiPluginShape,
  pluginFile: string,
  specs: readonly RuntimeSpec[],
): Problem[] {
  const problems: Problem[] = [];
  const names = plugin.functions.map((f) => f.name);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) problems.push(problem('plugin', pluginFile, `function "${name}" is declared twice`));
    seen.add(name);
  }
  if (plugin.runtimes.length === 0) {
    problems.push(problem('plugin', pluginFile, 'no runtime: the functions cannot be called'));
    return problems;
  }
  const boundTo = new Map<string, number[]>();
  plugin.runtimes.forEach((runtime, r) => {
    const listed = runtime.run_for_functions;
    let bound: string[];
    if (listed === undefined) bound = plugin.runtimes.length === 1 ? names : [];
    else if (listed.includes('*')) bound = names;
    else {
      for (const name of listed) {
        if (!names.includes(name)) {
          problems.push(
            problem(
              'plugin',
              pluginFile,
              `runtimes[${r}].run_for_functions names "${name}", which is not in functions`,
            ),
          );
        }
      }
      bound = listed.filter((n) => names.includes(n));
    }
    for (const name of bound) boundTo.set(name, [...(boundTo.get(name) ?? []), r]);

    const auth = runtime.auth;
    if (
      (auth?.type === 'OAuthPluginVault' || auth?.type === 'ApiKeyPluginVault') &&
      !auth.reference_id?.trim()
    ) {
      problems.push(problem('plugin', pluginFile, `runtimes[${r}].auth.reference_id is empty`));
    }
    if (runtime.type !== 'OpenApi') return;
    const spec = specs.find((s) => s.runtimeIndex === r);
    if (!spec) return; // the spec file's own problem (missing, not JSON) is reported where it was read
    const operations = new Set(operationIdsOf(spec.spec));
    for (const name of bound) {
      if (!operations.has(name)) {
        problems.push(
          problem(
            'plugin',
            pluginFile,
            `function "${name}" has no operation with operationId "${name}" in ${spec.file} (operations: ${[...operations].join(', ') || 'none'})`,
          ),
        );
      }
    }
  });
  for (const name of names) {
    const runtimes = boundTo.get(name) ?? [];
    if (runtimes.length === 0) {
      problems.push(
        problem('plugin', pluginFile, `function "${name}" is not bound to any runtime (run_for_functions)`),
      );
    } else if (runtimes.length > 1) {
      problems.push(
        problem(
          'plugin',
          pluginFile,
          `function "${name}" is bound to several runtimes (${runtimes.join(', ')})`,
        ),
      );
    }
  }
  return problems;
}
