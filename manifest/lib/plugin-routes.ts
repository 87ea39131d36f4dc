// The routes the declarative agent's API plugin calls: one function of ai-plugin.json per route.
import path from 'node:path';
import type { RouteSpec } from '../../bot/api/route.js';
import { agentRoutes } from '../../bot/api/routes/agent/agent-routes.js';
import { searchRoutes } from '../../bot/api/routes/search.js';

export const PLUGIN_SPEC_FILE = path.resolve(
  import.meta.dirname,
  '..',
  'template',
  'apiSpecificationFile',
  'openapi.json',
);

export function pluginRoutes(): RouteSpec<unknown>[] {
  const publicUrl = 'https://hub.example.org';
  return [...searchRoutes(publicUrl), ...agentRoutes(publicUrl)] as RouteSpec<unknown>[];
}
