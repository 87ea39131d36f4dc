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

const STATUS_GROUPS = ['active', 'all', ...RISK_STATUSES] as const;

const FindRisksQuery = z.object({
  q: z.string().max(500).optional(),
  project: z.string().max(20).optional(),
  pillar: csvOf(PILLAR_CODES).optional(),
  level: csvOf(RISK_LEVELS).optional(),
  minScore: z.coerce.number().int().min(1).max(25).optional(),
  maxScore: z.coerce.number().int().min(1).max(25).optional(),
  status: csvOf(STATUS_GROUPS).optional(),
  owner: z.string().max(100).optional(),
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
    tag: 'agent',
    query: FindRisksQuery,
    response: { kind: 'json', schema: FindRisksResponse, name: 'FindRisksResponse' },
    handler: async ({ ctx, services, query, locale }) => {
      const skip = query.skip ?? 0;
      const count = query.count ?? DEFAULT_AGENT_COUNT;
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
