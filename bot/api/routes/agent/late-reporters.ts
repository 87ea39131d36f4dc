// Copilot function listLateReporters: "Who hasn't reported this week?", "qui n'a pas fait son point
// pour 2026-W47 ?". Projects that owe an update for the week, with owner and weeks since the last one.
import { z } from 'zod';
import { Period } from '../../../domain/period.js';
import { PillarCode, pillarName } from '../../../domain/pillar.js';
import { projectTitle } from '../../../domain/project.js';
import { route } from '../../route.js';
import { projectUrl } from './agent-items.js';

const LateReportersQuery = z.object({
  period: Period.optional().describe('ISO week, e.g. 2026-W47; default: the current week'),
  pillar: PillarCode.optional().describe('Only projects of this pillar: GOV, SPT, PAC, RES or MAP'),
});

export const LateReporter = z.object({
  code: z.string(),
  title: z.string(),
  pillarName: z.string(),
  ownerName: z.string().optional(),
  lastReportedPeriod: z.string().optional().describe('Absent when the project never reported'),
  weeksSinceReport: z.number().int().optional(),
  tabWebUrl: z.string(),
});

export const LateReportersResponse = z.object({
  period: z.string().describe('The ISO week asked about'),
  total: z.number().int(),
  results: z.array(LateReporter),
});
export type LateReportersResponse = z.infer<typeof LateReportersResponse>;

export function lateReportersRoute(publicUrl: string) {
  return route({
    method: 'get',
    path: '/api/v1/agent/late-reporters',
    operationId: 'listLateReporters',
    summary:
      'Projects without a status update for a reporting week (default: this week), with their owners, longest silence first',
    description:
      'Use for "who has not reported this week?", "which updates are late or overdue?", "who is behind on status reports in Governance?". Lists every project that owes a weekly status update for the week (this week by default, whoever asks), with its owner, last reported week and weeks since; longest silence first.',
    tag: 'agent',
    query: LateReportersQuery,
    response: { kind: 'json', schema: LateReportersResponse, name: 'LateReportersResponse' },
    handler: async ({ ctx, services, query, locale }) => {
      const { period, items } = await services.briefing.lateReporters(ctx, query);
      const body: LateReportersResponse = {
        period,
        total: items.length,
        results: items.map((i) => ({
          code: i.project.code,
          title: projectTitle(i.project, locale),
          pillarName: pillarName(i.project.pillar, locale),
          ownerName: i.owner?.name,
          lastReportedPeriod: i.lastReportedPeriod,
          weeksSinceReport: i.weeksSinceReport,
          tabWebUrl: projectUrl(publicUrl, i.project.code),
        })),
      };
      return { body };
    },
  });
}
