// The declarative agent's action: manifest/template/ai-plugin.json (API plugin v2.4) and its OpenAPI
// description apiSpecificationFile/openapi.json. A broken plugin (function not in the spec, missing
// file, schema violation, ...) stops the packager with a message naming the file; the committed spec
// describes the server's real search route, so the action cannot drift from the API.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../bot/api/openapi.js';
import type { RouteSpec } from '../../bot/api/route.js';
import { searchRoutes } from '../../bot/api/routes/search.js';
import { pluginRoutes } from '../../manifest/lib/plugin-routes.js';
import { buildPluginSpec } from '../../manifest/lib/plugin-spec.js';
import { MAX_RESULTS_PER_PAGE } from '../../bot/services/search-service.js';
import type { CheckName } from '../../manifest/lib/problems.js';
import { makeWorkspace, REPO, type Workspace } from './workspace.js';

type Json = Record<string, unknown>;
const arr = (v: unknown) => v as Json[];
const firstFunction = (plugin: Json) => arr(plugin.functions)[0] ?? {};
const firstRuntime = (plugin: Json) => arr(plugin.runtimes)[0] ?? {};
const SPEC = 'apiSpecificationFile/openapi.json';

let ws: Workspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

interface Case {
  name: string;
  breakIt: (ws: Workspace) => void;
  check: CheckName;
  file: RegExp;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'a function that is not an operation of the spec',
    breakIt: (w) =>
      w.editJson('ai-plugin.json', (p) => {
        firstFunction(p).name = 'findEverything';
        firstRuntime(p).run_for_functions = ['findEverything'];
      }),
    check: 'plugin',
    file: /ai-plugin\.json$/,
    message:
      /function "findEverything" has no operation with operationId "findEverything" in .*openapi\.json \(operations: searchPortfolio, findProjects, findRisks, listLateReporters, getProjectBrief, getPortfolioBrief, draftPillarReport\)/,
  },
  {
    name: 'an operation renamed in the spec',
    breakIt: (w) =>
      w.editJson(SPEC, (s) => {
        const get = ((s.paths as Json)['/api/v1/search'] as Json).get as Json;
        get.operationId = 'search';
      }),
    check: 'plugin',
    file: /ai-plugin\.json$/,
    message: /function "searchPortfolio" has no operation with operationId "searchPortfolio"/,
  },
  {
    name: 'a missing spec file',
    breakIt: (w) => rmSync(path.join(w.templateDir, SPEC)),
    check: 'file',
    file: /ai-plugin\.json$/,
    message: /references "apiSpecificationFile\/openapi\.json", which does not exist/,
  },
  {
    name: 'a missing plugin manifest',
    breakIt: (w) => rmSync(path.join(w.templateDir, 'ai-plugin.json')),
    check: 'file',
    file: /declarative-agent\.json$/,
    message: /references "ai-plugin\.json", which does not exist/,
  },
  {
    name: 'a plugin that violates its schema',
    breakIt: (w) =>
      w.editJson('ai-plugin.json', (p) => {
        p.namespace = 'transformation hub';
      }),
    check: 'schema',
    file: /ai-plugin\.json$/,
    message: /\/namespace must match pattern/,
  },
  {
    name: 'an OAuth runtime without its registration id',
    breakIt: (w) =>
      w.editJson('ai-plugin.json', (p) => {
        firstRuntime(p).auth = { type: 'OAuthPluginVault' };
      }),
    check: 'schema',
    file: /ai-plugin\.json$/,
    message: /\/runtimes\/0\/auth must have required property 'reference_id'/,
  },
  {
    name: 'a spec on a remote URL instead of in the package',
    breakIt: (w) =>
      w.editJson('ai-plugin.json', (p) => {
        firstRuntime(p).spec = { url: 'https://evil.example/openapi.json' };
      }),
    check: 'plugin',
    file: /ai-plugin\.json$/,
    message: /spec\.url must name an OpenAPI description file inside the package/,
  },
  {
    name: 'a spec path that leaves the package',
    breakIt: (w) =>
      w.editJson('ai-plugin.json', (p) => {
        firstRuntime(p).spec = { url: '../env/openapi.json' };
      }),
    check: 'file',
    file: /ai-plugin\.json$/,
    message: /must be a relative path inside the package/,
  },
  {
    name: 'run_for_functions naming a function that does not exist',
    breakIt: (w) =>
      w.editJson('ai-plugin.json', (p) => {
        firstRuntime(p).run_for_functions = ['searchPortfolio', 'deleteEverything'];
      }),
    check: 'plugin',
    file: /ai-plugin\.json$/,
    message: /run_for_functions names "deleteEverything", which is not in functions/,
  },
  {
    name: 'a spec whose server is not https',
    breakIt: (w) =>
      w.editJson(SPEC, (s) => {
        s.servers = [{ url: 'http://thubdev-app.azurewebsites.net' }];
      }),
    check: 'plugin',
    file: /openapi\.json$/,
    message: /servers\[0\]\.url must be an absolute https URL/,
  },
  {
    name: 'a spec that is not OpenAPI 3',
    breakIt: (w) =>
      w.editJson(SPEC, (s) => {
        delete s.openapi;
        s.swagger = '2.0';
      }),
    check: 'plugin',
    file: /openapi\.json$/,
    message: /"openapi" must be a 3\.x version/,
  },
  {
    name: 'a plugin name that cannot be translated',
    breakIt: (w) =>
      w.editJson('ai-plugin.json', (p) => {
        p.name_for_human = 'Transformation Hub';
      }),
    check: 'plugin',
    file: /ai-plugin\.json$/,
    message: /name_for_human is literal text; use a \[\[token\]\]/,
  },
  {
    name: 'a missing plugin translation',
    breakIt: (w) =>
      w.editJson('ru.json', (doc) => {
        delete (doc.localizationKeys as Json).plugin_description;
      }),
    check: 'localisation',
    file: /ru\.json$/,
    message: /missing localizationKeys "plugin_description"/,
  },
  {
    name: 'a plugin name over the 20 characters Copilot shows',
    breakIt: (w) =>
      w.editJson('fr.json', (doc) => {
        (doc.localizationKeys as Json).plugin_name = 'Pôle Transformation de l’UIT';
      }),
    check: 'localisation',
    file: /fr\.json$/,
    message: /localizationKeys "plugin_name" is 28 characters; the limit is 20/,
  },
];

describe('a broken agent action stops the packager', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    ws = makeWorkspace();
    c.breakIt(ws);
    const result = await ws.build('dev');
    expect(result.ok).toBe(false);
    expect(result.zipPath).toBeUndefined();
    expect(result.problems).toContainEqual({
      check: c.check,
      file: expect.stringMatching(c.file) as string,
      message: expect.stringMatching(c.message) as string,
    });
  });

  it('a registration id left empty in the env file is named, with the file and line', async () => {
    ws = makeWorkspace();
    const envFile = path.join(ws.envDir, '.env.dev');
    writeFileSync(
      envFile,
      readFileSync(envFile, 'utf8').replace(
        /^PLUGIN_OAUTH_REGISTRATION_ID=.*$/m,
        'PLUGIN_OAUTH_REGISTRATION_ID=',
      ),
    );
    const result = await ws.build('dev');
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({
      check: 'placeholder',
      file: expect.stringMatching(/ai-plugin\.json$/) as string,
      message: expect.stringMatching(
        /line \d+: \$\{\{PLUGIN_OAUTH_REGISTRATION_ID\}\} is empty in .*\.env\.dev/,
      ) as string,
    });
  });
});

describe('the committed OpenAPI description matches the server', () => {
  it('is the description generated from the routes the plugin calls (npm run plugin-spec)', () => {
    ws = makeWorkspace();
    expect(ws.readJson(SPEC)).toEqual(buildPluginSpec(pluginRoutes(), '${{TAB_ENDPOINT}}'));
  });

  it('has the search route’s path, method, operationId, parameters and limits', () => {
    ws = makeWorkspace();
    const spec = ws.readJson(SPEC) as {
      paths: Record<string, { get?: { operationId: string; parameters: { name: string; schema: Json }[] } }>;
    };
    const [route] = searchRoutes('https://hub.example.org');
    expect(route?.method).toBe('get');
    const op = spec.paths[route?.path ?? '']?.get;
    expect(op?.operationId).toBe(route?.operationId);
    const server = buildOpenApi(searchRoutes('https://hub.example.org') as RouteSpec<unknown>[], {
      version: 't',
      serverUrl: 'x',
    }) as {
      paths: Record<string, { get: { parameters: { name: string; in: string; schema: Json }[] } }>;
    };
    const serverParams = server.paths['/api/v1/search']?.get.parameters.filter((p) => p.in === 'query') ?? [];
    expect(op?.parameters.map((p) => p.name).sort()).toEqual(serverParams.map((p) => p.name).sort());
    const param = (name: string) => op?.parameters.find((p) => p.name === name)?.schema;
    expect(param('count')?.maximum).toBe(MAX_RESULTS_PER_PAGE);
    expect(param('q')?.maxLength).toBe(1000);
  });

  it('describes every function with its parameters, and each answers with a card (response_semantics)', () => {
    ws = makeWorkspace();
    const plugin = ws.readJson('ai-plugin.json') as {
      functions: Array<{ name: string; description: string; capabilities?: { response_semantics?: Json } }>;
    };
    const spec = ws.readJson(SPEC) as {
      paths: Record<string, Record<string, { operationId: string; description?: string }>>;
    };
    const operations = Object.values(spec.paths).flatMap((item) => Object.values(item));
    expect(plugin.functions.map((f) => f.name).sort()).toEqual(operations.map((o) => o.operationId).sort());
    for (const f of plugin.functions) {
      expect(f.description.length, f.name).toBeGreaterThan(100);
      expect(f.capabilities?.response_semantics, f.name).toMatchObject({
        data_path: expect.any(String) as string,
        properties: { title: expect.any(String) as string },
        static_template: { type: 'AdaptiveCard', version: '1.5' },
      });
    }
    for (const o of operations)
      if (o.operationId !== 'searchPortfolio') expect(o.description, o.operationId).toMatch(/^Use /);
  });

  it('the agent’s action is the plugin, and its instructions tell it to call the search', () => {
    ws = makeWorkspace();
    const agent = ws.readJson('declarative-agent.json') as {
      actions: Json[];
      instructions: string;
      conversation_starters: Json[];
    };
    expect(agent.actions).toEqual([{ id: 'transformationHubSearch', file: 'ai-plugin.json' }]);
    for (const fn of [
      'searchPortfolio',
      'findProjects',
      'findRisks',
      'listLateReporters',
      'getProjectBrief',
      'getPortfolioBrief',
    ])
      expect(agent.instructions).toContain(fn);
    expect(agent.conversation_starters).toHaveLength(6);
    const plugin = ws.readJson('ai-plugin.json');
    expect(firstRuntime(plugin)).toMatchObject({
      type: 'OpenApi',
      auth: { type: 'OAuthPluginVault', reference_id: '${{PLUGIN_OAUTH_REGISTRATION_ID}}' },
      spec: { url: SPEC },
    });
  });

  it('both Agents Toolkit project files register the OAuth configuration into the variable the plugin names', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const yml = readFileSync(path.join(REPO, file), 'utf8');
      const step = /- uses: oauth\/register\n([\s\S]*?)\n\n/.exec(yml)?.[1] ?? '';
      expect(step, file).toContain('flow: authorizationCode');
      expect(step, file).toContain('scope: api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}/access_as_user');
      expect(step, file).toMatch(/configurationId: PLUGIN_OAUTH_REGISTRATION_ID$/m);
      // Registered before the package is zipped, so the zip carries the registration id.
      expect(yml.indexOf('uses: oauth/register'), file).toBeLessThan(
        yml.indexOf('uses: teamsApp/zipAppPackage'),
      );
    }
  });
});
