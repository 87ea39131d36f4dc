// The routes the declarative agent's API plugin calls: one function of ai-plugin.json per route.
import path from 'node:path';
import type { RouteSpec } from '../../bot/api/route.js';
import { agentRoutes } from '../../bot/api/routes/agent/agent-routes.js';
import { reportRoutes } from '../../bot/api/routes/reports.js';
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
  // Of the report's routes only the pillar draft (text): the Word document is for the tab and the API.
  const pillarDraft = reportRoutes.filter((r) => r.operationId === 'draftPillarReport');
  return [...searchRoutes(publicUrl), ...agentRoutes(publicUrl), ...pillarDraft] as RouteSpec<unknown>[];
}
