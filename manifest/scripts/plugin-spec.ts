// npm run plugin-spec: rewrites manifest/template/apiSpecificationFile/openapi.json from the routes
// the API plugin calls (manifest/lib/plugin-spec.ts), formatted as the repository's Prettier does.
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { PLUGIN_SPEC_FILE, pluginRoutes } from '../lib/plugin-routes.js';
import { buildPluginSpec } from '../lib/plugin-spec.js';

const json = JSON.stringify(buildPluginSpec(pluginRoutes(), '${{TAB_ENDPOINT}}'), null, 2);
writeFileSync(
  PLUGIN_SPEC_FILE,
  await format(json, { ...(await resolveConfig(PLUGIN_SPEC_FILE)), filepath: PLUGIN_SPEC_FILE }),
);
console.log(`Wrote ${PLUGIN_SPEC_FILE}`);
