// Copilot function getProjectBrief: "Summarise TR-07", "what is blocking the website project?",
// "¿qué hitos ha incumplido TR-08?". The project's one page: latest status with every dimension,
// achievements, blockers, next steps, milestones due and missed, KPIs and top risks.
import { z } from 'zod';
import { Health } from '../../../domain/health.js';
import { route } from '../../route.js';
import { AgentProject, AgentRisk, toAgentProject, toAgentRisk } from './agent-items.js';

/** Long texts are cut to this many characters (the answer goes into a model's context). */
export const BRIEF_TEXT_CHARS = 600;

const cut = (text: string) =>
  text.length > BRIEF_TEXT_CHARS ? `${text.slice(0, BRIEF_TEXT_CHARS - 1)}…` : text;

const BriefMilestone = z.object({ title: z.string(), dueDate: z.string(), status: z.string() });

export const ProjectBriefResponse = z.object({
  project: AgentProject,
  leadNames: z.array(z.string()),
  latestUpdate: z
    .object({
      period: z.string(),
      health: Health,
      schedule: Health.optional(),
      budget: Health.optional(),
      scope: Health.optional(),
      percentComplete: z.number().optional(),
      summary: z.string(),
      achievements: z.string(),
      blockers: z.string(),
      nextSteps: z.string(),
    })
    .optional()
    .describe('Absent when the project never reported'),
  milestonesDue: z.array(BriefMilestone).describe('Planned milestones due in the next 30 days'),
  milestonesMissed: z.array(BriefMilestone),
  kpis: z.array(
    z.object({
      title: z.string(),
      unit: z.string(),
      baseline: z.number(),
      target: z.number(),
      targetDate: z.string(),
      latest: z.number().optional(),
      latestDate: z.string().optional(),
      trend: z.string().describe('achieved, on-track, behind or no-data'),
    }),
  ),
  activeRisks: z.number().int(),
  topRisks: z.array(AgentRisk),
});
export type ProjectBriefResponse = z.infer<typeof ProjectBriefResponse>;

export function projectBriefRoute(publicUrl: string) {
  return route({
    method: 'get',
    path: '/api/v1/agent/projects/:code/brief',
    operationId: 'getProjectBrief',
    summary:
      "A project's one-page brief: latest status (dimensions, achievements, blockers, next steps), milestones due and missed, KPIs, top risks",
    description:
      'Use to summarise one project or answer about its details: its latest weekly status (overall, schedule, budget and scope health, percent complete, summary, achievements, blockers, next steps), milestones due in the next 30 days and missed ones, KPIs (baseline, target, latest value, trend), top risks, owner and leads. Pass the project code; use findProjects first when the user names a project by title.',
    tag: 'agent',
    response: { kind: 'json', schema: ProjectBriefResponse, name: 'ProjectBriefResponse' },
    handler: async ({ ctx, services, params, locale }) => {
      const brief = await services.briefing.projectBrief(ctx, params.code ?? '');
      const u = brief.latest;
      const project = brief.overview.project;
      const milestone = (m: { title: string; dueDate: string; status: string }) => ({
        title: m.title,
        dueDate: m.dueDate,
        status: m.status,
      });
      const body: ProjectBriefResponse = {
        project: toAgentProject(brief.overview, brief.owner, publicUrl, locale),
        leadNames: brief.leads.map((p) => p.name),
        latestUpdate: u && {
          period: u.period,
          health: u.health,
          schedule: u.dimensions.schedule ?? undefined,
          budget: u.dimensions.budget ?? undefined,
          scope: u.dimensions.scope ?? undefined,
          percentComplete: u.percentComplete ?? undefined,
          summary: cut(u.summary),
          achievements: cut(u.achievements),
          blockers: cut(u.blockers),
          nextSteps: cut(u.nextSteps),
        },
        milestonesDue: brief.milestonesDue.map(milestone),
        milestonesMissed: brief.milestonesMissed.map((m) => ({ ...milestone(m), status: 'missed' })),
        kpis: brief.kpis.map(({ kpi, progress }) => ({
          title: kpi.title,
          unit: kpi.unit,
          baseline: kpi.baseline.value,
          target: kpi.target.value,
          targetDate: kpi.target.date,
          latest: progress.latest?.value,
          latestDate: progress.latest?.date,
          trend: progress.trend,
        })),
        activeRisks: brief.activeRisks,
        topRisks: brief.topRisks.map((r) => toAgentRisk(r, project, undefined, publicUrl, locale)),
      };
      return { body };
    },
  });
}
