// npm run plugin-spec: rewrites manifest/template/apiSpecificationFile/openapi.json from the routes
// the API plugin calls (manifest/lib/plugin-spec.ts).
import { writeFileSync } from 'node:fs';
import { PLUGIN_SPEC_FILE, pluginRoutes } from '../lib/plugin-routes.js';
import { buildPluginSpec } from '../lib/plugin-spec.js';

writeFileSync(
  PLUGIN_SPEC_FILE,
  `${JSON.stringify(buildPluginSpec(pluginRoutes(), '${{TAB_ENDPOINT}}'), null, 2)}\n`,
);
console.log(`Wrote ${PLUGIN_SPEC_FILE}`);
