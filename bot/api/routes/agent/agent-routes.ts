// The Copilot functions of the declarative agent's API plugin (manifest/template/ai-plugin.json), one
// file per operation. Each is also described in manifest/template/apiSpecificationFile/openapi.json
// (test/manifest/api-plugin.test.ts holds the two together).
import { findProjectsRoute } from './find-projects.js';
import { findRisksRoute } from './find-risks.js';
import { lateReportersRoute } from './late-reporters.js';
import { portfolioBriefRoute } from './portfolio-brief.js';
import { projectBriefRoute } from './project-brief.js';

export function agentRoutes(publicUrl: string) {
  return [
    findProjectsRoute(publicUrl),
    findRisksRoute(publicUrl),
    lateReportersRoute(publicUrl),
    projectBriefRoute(publicUrl),
    portfolioBriefRoute(publicUrl),
  ];
}
