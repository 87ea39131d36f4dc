// Copilot function getPortfolioBrief: "How is the portfolio doing this week?", "résumé du
// portefeuille pour 2026-W46". Health by pillar with the change since the week before, the red and
// amber projects with their blockers, the highest active risks and how many updates are missing.
import { z } from 'zod';
import { Period } from '../../../domain/period.js';
import { pillarName } from '../../../domain/pillar.js';
import { route } from '../../route.js';
import { AgentRisk, projectUrl, toAgentRisk } from './agent-items.js';
import { BRIEF_TEXT_CHARS } from './project-brief.js';
import { projectTitle } from '../../../domain/project.js';
import { Health } from '../../../domain/health.js';

const PortfolioBriefQuery = z.object({
  period: Period.optional().describe('ISO week, e.g. 2026-W47; default: the current week'),
});

const Counts = z.object({
  projects: z.number().int(),
  green: z.number().int(),
  amber: z.number().int(),
  red: z.number().int(),
  noUpdate: z.number().int(),
  improved: z.number().int(),
  worsened: z.number().int(),
  updatesMissing: z.number().int(),
  openRisks: z.number().int(),
  criticalRisks: z.number().int(),
});

export const PortfolioBriefResponse = z.object({
  period: z.string(),
  totals: Counts,
  pillars: z.array(Counts.extend({ pillar: z.string(), pillarName: z.string() })),
  attention: z
    .array(
      z.object({
        code: z.string(),
        title: z.string(),
        health: Health,
        previousHealth: Health.optional(),
        blockers: z.string(),
        tabWebUrl: z.string(),
      }),
    )
    .describe('Red and amber projects, red first (at most 15)'),
  topRisks: z.array(AgentRisk),
  tabWebUrl: z.string().describe('The portfolio page of the tab'),
});
export type PortfolioBriefResponse = z.infer<typeof PortfolioBriefResponse>;

export const ATTENTION_LIMIT = 15;

export function portfolioBriefRoute(publicUrl: string) {
  return route({
    method: 'get',
    path: '/api/v1/agent/portfolio',
    operationId: 'getPortfolioBrief',
    summary:
      'The portfolio for a reporting week (default: this week): health by pillar and its change, red and amber projects with blockers, top risks, missing updates',
    description:
      'Use for an overview of the whole portfolio for a week: how many projects are green, amber, red or without an update, by pillar, what changed since the week before, the red and amber projects with their blockers, the highest risks and how many updates are missing.',
    tag: 'agent',
    query: PortfolioBriefQuery,
    response: { kind: 'json', schema: PortfolioBriefResponse, name: 'PortfolioBriefResponse' },
    handler: async ({ ctx, services, query, locale }) => {
      const brief = await services.briefing.portfolioBrief(ctx, query);
      const counts = (s: (typeof brief.summary.pillars)[number] | typeof brief.summary.totals) => ({
        projects: s.projects,
        green: s.health.green,
        amber: s.health.amber,
        red: s.health.red,
        noUpdate: s.health.unknown,
        improved: s.improved,
        worsened: s.worsened,
        updatesMissing: s.updatesMissing,
        openRisks: s.openRisks,
        criticalRisks: s.risksByLevel.critical,
      });
      const body: PortfolioBriefResponse = {
        period: brief.summary.period,
        totals: counts(brief.summary.totals),
        pillars: brief.summary.pillars.map((p) => ({
          pillar: p.pillar,
          pillarName: pillarName(p.pillar, locale),
          ...counts(p),
        })),
        attention: brief.attention.slice(0, ATTENTION_LIMIT).map(({ overview, blockers }) => ({
          code: overview.project.code,
          title: projectTitle(overview.project, locale),
          health: overview.health ?? 'amber',
          previousHealth: overview.previousHealth,
          blockers: blockers.slice(0, BRIEF_TEXT_CHARS),
          tabWebUrl: projectUrl(publicUrl, overview.project.code),
        })),
        topRisks: brief.topRisks.map(({ risk, project }) =>
          toAgentRisk(risk, project, undefined, publicUrl, locale),
        ),
        tabWebUrl: `${publicUrl.replace(/\/+$/, '')}/#/portfolio`,
      };
      return { body };
    },
  });
}
