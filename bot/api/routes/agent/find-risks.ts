// Copilot function findRisks: "the open risks of TR-07", "top risks Governance", "critical risks",
// "risques élevés du pilier PAC". Active risks (every status but closed) unless `status` says
// otherwise; highest score first. Confidential risks only for those who may read them.
import { z } from 'zod';
import { PILLAR_CODES } from '../../../domain/pillar.js';
import { RISK_LEVELS, RISK_STATUSES, type RiskStatus } from '../../../domain/risk.js';
import { ACTIVE_RISK_STATUSES } from '../../../services/search/search-criteria.js';
import { csvOf } from '../../request-helpers.js';
import { route } from '../../route.js';
import { AgentPage, AgentPaging, AgentRisk, pageFields, risksOf, toAgentRisk } from './agent-items.js';
import { DEFAULT_AGENT_COUNT } from './find-projects.js';
import { skipCountOf } from '../../skip-count.js';

const STATUS_GROUPS = ['active', 'all', ...RISK_STATUSES] as const;

const FindRisksQuery = z.object({
  q: z
    .string()
    .max(500)
    .optional()
    .describe(
      "Words from the user's question: risk title words, an owner's name, project title words, a category",
    ),
  project: z.string().max(20).optional().describe('A project code such as TR-07 (TR07 and TR 7 work too)'),
  pillar: csvOf(PILLAR_CODES)
    .optional()
    .describe("Pillar codes of the risks' projects, comma-separated: GOV, SPT, PAC, RES, MAP"),
  level: csvOf(RISK_LEVELS)
    .optional()
    .describe('low (1-4), medium (5-9), high (10-14), critical (15-25), comma-separated'),
  minScore: z.coerce
    .number()
    .int()
    .min(1)
    .max(25)
    .optional()
    .describe('Lowest score (likelihood x impact, 1-25)'),
  maxScore: z.coerce.number().int().min(1).max(25).optional().describe('Highest score'),
  status: csvOf(STATUS_GROUPS)
    .optional()
    .describe(
      'active (default: every risk not closed, i.e. "open" risks: proposed, open, mitigating, escalated), all, or statuses, comma-separated',
    ),
  owner: z.string().max(100).optional().describe("The risk owner's name, or me"),
  ...AgentPaging,
});

export const FindRisksResponse = z.object({ ...AgentPage, results: z.array(AgentRisk) });
export type FindRisksResponse = z.infer<typeof FindRisksResponse>;

function statusesOf(groups: readonly (typeof STATUS_GROUPS)[number][] | undefined): Set<RiskStatus> {
  const out = new Set<RiskStatus>();
  for (const g of groups ?? []) {
    if (g === 'active') ACTIVE_RISK_STATUSES.forEach((s) => out.add(s));
    else if (g === 'all') RISK_STATUSES.forEach((s) => out.add(s));
    else out.add(g);
  }
  return out;
}

export function findRisksRoute(publicUrl: string) {
  return route({
    method: 'get',
    path: '/api/v1/agent/risks',
    operationId: 'findRisks',
    summary:
      'Risks by project, pillar, level or score range, status (active by default) and words, highest score first, with tab link',
    description:
      'Use for questions about risks: the open risks of a project, the top or highest risks of the portfolio or of a pillar, critical or high risks, escalated risks, risks someone owns. Results are ordered highest score first; each has title, project code, score, level, status, owner and tabWebUrl.',
    tag: 'agent',
    query: FindRisksQuery,
    response: { kind: 'json', schema: FindRisksResponse, name: 'FindRisksResponse' },
    handler: async ({ ctx, services, query, locale }) => {
      const { skip, count } = skipCountOf(query, DEFAULT_AGENT_COUNT);
      const result = await services.search.find(ctx, 'risks', {
        text: query.q,
        projectCode: query.project,
        pillars: new Set(query.pillar),
        riskLevels: new Set(query.level),
        riskStatuses: statusesOf(query.status),
        minScore: query.minScore,
        maxScore: query.maxScore,
        owner: query.owner,
        skip,
        count,
      });
      const body: FindRisksResponse = {
        ...pageFields(skip, count, result.total),
        results: risksOf(result.hits).map((h) => toAgentRisk(h.risk, h.project, h.owner, publicUrl, locale)),
      };
      return { body };
    },
  });
}
