// The compact items the Copilot functions answer with (a few hundred bytes each): what a model needs
// to answer and cite, the reader's language for titles and pillar names, and the item's tab link.
import { z } from 'zod';
import { tabWebUrl } from '../../../cards/links.js';
import { Health } from '../../../domain/health.js';
import type { Locale } from '../../../domain/locale.js';
import { pillarName } from '../../../domain/pillar.js';
import type { ProjectOverview } from '../../../domain/portfolio.js';
import { projectTitle, type Project } from '../../../domain/project.js';
import { RISK_LEVELS, RiskStatus, type Risk } from '../../../domain/risk.js';
import type { Person } from '../../../domain/person.js';
import type { SearchHit } from '../../../services/search-service.js';

export const REPORTING_STATES = ['not-required', 'up-to-date', 'due', 'overdue'] as const;

export const AgentProject = z.object({
  code: z.string(),
  title: z.string(),
  kind: z.string(),
  pillar: z.string(),
  pillarName: z.string(),
  phase: z.string(),
  health: Health.optional().describe('Health of the latest weekly update'),
  previousHealth: Health.optional(),
  percentComplete: z.number().optional(),
  lastReportedPeriod: z.string().optional().describe('ISO week of the latest update, e.g. 2026-W48'),
  reporting: z.enum(REPORTING_STATES),
  ownerName: z.string().optional(),
  openRisks: z.number().int(),
  tabWebUrl: z.string().describe('The project in the Transformation Hub tab'),
});
export type AgentProject = z.infer<typeof AgentProject>;

export const AgentRisk = z.object({
  title: z.string(),
  projectCode: z.string().optional().describe('Absent for a portfolio-wide risk'),
  projectTitle: z.string().optional(),
  score: z.number().int().describe('Likelihood x impact, 1-25'),
  level: z.enum(RISK_LEVELS),
  status: RiskStatus,
  ownerName: z.string().optional(),
  confidential: z.boolean().optional(),
  tabWebUrl: z.string().describe('The risk register of its project in the Transformation Hub tab'),
});
export type AgentRisk = z.infer<typeof AgentRisk>;

export function projectUrl(publicUrl: string, code: string): string {
  return tabWebUrl({ publicUrl }, `projects/${encodeURIComponent(code)}`);
}

export function risksUrl(publicUrl: string, project: Pick<Project, 'code'> | undefined): string {
  return tabWebUrl({ publicUrl }, project ? `risks?project=${encodeURIComponent(project.code)}` : 'risks');
}

export function toAgentProject(
  overview: ProjectOverview,
  owner: Person | undefined,
  publicUrl: string,
  locale: Locale,
): AgentProject {
  const p = overview.project;
  return {
    code: p.code,
    title: projectTitle(p, locale),
    kind: p.kind,
    pillar: p.pillar,
    pillarName: pillarName(p.pillar, locale),
    phase: p.phase,
    health: overview.health,
    previousHealth: overview.previousHealth,
    percentComplete: overview.percentComplete,
    lastReportedPeriod: overview.lastReportedPeriod,
    reporting: overview.reporting,
    ownerName: owner?.name,
    openRisks: overview.openRisks,
    tabWebUrl: projectUrl(publicUrl, p.code),
  };
}

export function toAgentRisk(
  risk: Risk,
  project: Project | undefined,
  owner: Person | undefined,
  publicUrl: string,
  locale: Locale,
): AgentRisk {
  return {
    title: risk.title,
    projectCode: project?.code,
    projectTitle: project ? projectTitle(project, locale) : undefined,
    score: risk.score,
    level: risk.level,
    status: risk.status,
    ownerName: owner?.name,
    ...(risk.confidential ? { confidential: true } : {}),
    tabWebUrl: risksUrl(publicUrl, project),
  };
}

/** Paging fields shared by the list functions. */
export const AgentPage = {
  total: z.number().int().describe('Matches in all'),
  skip: z.number().int(),
  count: z.number().int(),
  nextSkip: z.number().int().optional().describe('skip for the next page; absent on the last page'),
};

export const AgentPaging = {
  skip: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .describe('Results to skip: nextSkip of the previous page'),
  count: z.coerce.number().int().min(1).max(25).optional().describe('Results per page, 1 to 25 (default 10)'),
};

export function pageFields(skip: number, count: number, total: number) {
  return { total, skip, count, ...(skip + count < total ? { nextSkip: skip + count } : {}) };
}

export function projectsOf(hits: readonly SearchHit[]) {
  return hits.flatMap((h) => (h.kind === 'project' ? [h] : []));
}

export function risksOf(hits: readonly SearchHit[]) {
  return hits.flatMap((h) => (h.kind === 'risk' ? [h] : []));
}
