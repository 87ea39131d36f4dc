// Copilot function findProjects: "Which Governance projects are red?", "my projects", "Accelerated
// Initiatives that are late", "projets de Diana Ivanova". Structured filters (each a list: any of
// the values) and words read like the search box's.
import { z } from 'zod';
import { HEALTHS } from '../../../domain/health.js';
import { PILLAR_CODES } from '../../../domain/pillar.js';
import { PROJECT_KINDS, PROJECT_PHASES } from '../../../domain/project.js';
import { csvOf } from '../../request-helpers.js';
import { route } from '../../route.js';
import {
  AgentPage,
  AgentPaging,
  AgentProject,
  pageFields,
  projectsOf,
  REPORTING_STATES,
  toAgentProject,
} from './agent-items.js';
import { skipCountOf } from '../../skip-count.js';

export const DEFAULT_AGENT_COUNT = 10;

const FindProjectsQuery = z.object({
  q: z
    .string()
    .max(500)
    .optional()
    .describe(
      "Words from the user's question: a project code (TR-07, TR07, tr 7), title words in any of the six languages, an owner's name, an org unit. Words like red, at risk, late, open or a pillar name are understood too.",
    ),
  pillar: csvOf(PILLAR_CODES)
    .optional()
    .describe(
      'Pillar codes, comma-separated: GOV (Governance), SPT (Systems, processes and tools), PAC (People and culture), RES (Resource optimization), MAP (Members and partners)',
    ),
  kind: csvOf(PROJECT_KINDS)
    .optional()
    .describe('accelerated-initiative, project or change-case (ChangeMakers), comma-separated'),
  health: csvOf(HEALTHS)
    .optional()
    .describe(
      'Health of the latest weekly update, comma-separated: red (off track), amber (at risk), green (on track)',
    ),
  phase: csvOf(PROJECT_PHASES).optional().describe('Phases, comma-separated'),
  reporting: csvOf(REPORTING_STATES)
    .optional()
    .describe(
      'Reporting state, comma-separated: overdue (late: last week unreported), due (not yet reported this week), up-to-date, not-required',
    ),
  owner: z
    .string()
    .max(100)
    .optional()
    .describe("An owner's name, or me for the signed-in user's own projects"),
  ...AgentPaging,
});

export const FindProjectsResponse = z.object({ ...AgentPage, results: z.array(AgentProject) });
export type FindProjectsResponse = z.infer<typeof FindProjectsResponse>;

export function findProjectsRoute(publicUrl: string) {
  return route({
    method: 'get',
    path: '/api/v1/agent/projects',
    operationId: 'findProjects',
    summary:
      'Projects of the portfolio by pillar, kind, health, phase, reporting state, owner and words, with health, progress, reporting state and tab link',
    description:
      'Use for questions that list or count projects: by pillar, kind (Accelerated Initiatives, ChangeMakers change cases), health (red, amber, green), phase, reporting state (late, overdue), owner ("my projects": owner=me) or words of a title or code. Each result has the project code, title, health, percent complete, reporting state, owner, open risks and tabWebUrl.',
    tag: 'agent',
    query: FindProjectsQuery,
    response: { kind: 'json', schema: FindProjectsResponse, name: 'FindProjectsResponse' },
    handler: async ({ ctx, services, query, locale }) => {
      const { skip, count } = skipCountOf(query, DEFAULT_AGENT_COUNT);
      const result = await services.search.find(ctx, 'projects', {
        text: query.q,
        pillars: new Set(query.pillar),
        kinds: new Set(query.kind),
        health: new Set(query.health),
        phases: new Set(query.phase),
        reporting: new Set(query.reporting),
        owner: query.owner,
        skip,
        count,
      });
      const body: FindProjectsResponse = {
        ...pageFields(skip, count, result.total),
        results: projectsOf(result.hits).map((h) => toAgentProject(h.overview, h.owner, publicUrl, locale)),
      };
      return { body };
    },
  });
}
