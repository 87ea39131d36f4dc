// The API operations the tab uses, typed end to end by the domain's zod schemas.
import { z } from 'zod';
import { AuditEvent } from '../../../bot/domain/audit.js';
import {
  Kpi,
  Measurement,
  type KpiCreate,
  type KpiPatch,
  type MeasurementCreate,
} from '../../../bot/domain/kpi.js';
import { Milestone, type MilestoneCreate, type MilestonePatch } from '../../../bot/domain/milestone.js';
import { NoticeList, type Notice } from '../../../bot/domain/notice.js';
import { Person, type PersonCreate, type PersonPatch } from '../../../bot/domain/person.js';
import { Project, type ProjectCreate, type ProjectPatch } from '../../../bot/domain/project.js';
import { Risk, type RiskCreate, type RiskPatch } from '../../../bot/domain/risk.js';
import { Settings, type SettingsPatch } from '../../../bot/domain/settings.js';
import { StatusUpdate, type StatusUpdateSubmit } from '../../../bot/domain/status-update.js';
import {
  DraftSchema,
  KpiWithProgressSchema,
  MeSchema,
  MyWorkSchema,
  PortfolioSummarySchema,
  ProjectOverviewSchema,
  SubmitResultSchema,
} from '../../../bot/domain/views.js';
import {
  AttentionSchema,
  HealthHistorySchema,
  NudgeResultSchema,
} from '../../../bot/domain/cockpit-views.js';
import type { ApiClient } from './client.js';

export type ProjectOverview = z.output<typeof ProjectOverviewSchema>;
export type KpiWithProgress = z.output<typeof KpiWithProgressSchema>;
export type MyWork = z.output<typeof MyWorkSchema>;
export type PortfolioSummary = z.output<typeof PortfolioSummarySchema>;
export type Draft = z.output<typeof DraftSchema>;
export type {
  Attention,
  HealthHistory,
  LateUpdate,
  PendingEscalation,
} from '../../../bot/domain/cockpit-views.js';

/**
 * People the proactive pipeline could not reach (GET /api/v1/proactive/unreachable, registered with
 * the proactive feature; the schema lives in that route). Unknown extra fields are allowed.
 */
export const UnreachableSchema = z.looseObject({
  personId: z.string(),
  name: z.string(),
  email: z.string().nullable().optional(),
  reason: z.string(),
  kind: z.string(),
  period: z.string(),
  at: z.string().optional(),
});
export type Unreachable = z.output<typeof UnreachableSchema>;

/** A recent proactive run (GET /api/v1/proactive/runs; the schema lives in that route). */
export const RunHistorySchema = z.looseObject({
  kind: z.string(),
  period: z.string(),
  lastAt: z.string(),
  recipients: z.number(),
  counts: z.record(z.string(), z.number()),
  uncertain: z.array(
    z.looseObject({
      recipientId: z.string(),
      name: z.string(),
      status: z.string(),
      holder: z.string(),
      at: z.string(),
      action: z.string().nullable(),
    }),
  ),
});
export type RunHistory = z.output<typeof RunHistorySchema>;

const q = (params: Record<string, string | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, v);
  const out = s.toString();
  return out ? `?${out}` : '';
};
const id = (s: string) => encodeURIComponent(s);

export function endpoints(api: ApiClient) {
  return {
    me: () => api.get(MeSchema, '/api/v1/me'),
    myWork: () => api.get(MyWorkSchema, '/api/v1/me/work'),
    summary: () => api.get(PortfolioSummarySchema, '/api/v1/portfolio/summary'),
    /** The Excel workbook of the portfolio for the filters of the project list. */
    portfolioWorkbook: (filter: { pillar?: string; phase?: string } = {}) =>
      api.getFile(`/api/v1/exports/portfolio.xlsx${q(filter)}`),
    progressReport: (period: string, locale: string) =>
      api.getFile(`/api/v1/reports/progress${q({ period, locale })}`),
    projects: (filter: { pillar?: string } = {}) =>
      api.getAll(ProjectOverviewSchema, `/api/v1/projects${q(filter)}`),
    project: (idOrCode: string) =>
      api.getVersioned(ProjectOverviewSchema, `/api/v1/projects/${id(idOrCode)}`),
    createProject: (body: ProjectCreate, idempotencyKey: string) =>
      api.send(Project, 'POST', '/api/v1/projects', body, { idempotencyKey }),
    updateProject: (projectId: string, patch: ProjectPatch, version: number) =>
      api.send(Project, 'PATCH', `/api/v1/projects/${id(projectId)}`, patch, { version }),
    statusUpdates: (projectId: string) =>
      api.getAll(StatusUpdate, `/api/v1/projects/${id(projectId)}/status-updates`),
    draft: (projectId: string) =>
      api.get(DraftSchema, `/api/v1/projects/${id(projectId)}/status-updates/draft`),
    submitUpdate: (
      projectId: string,
      body: Partial<StatusUpdateSubmit>,
      version: number,
      idempotencyKey: string,
    ) =>
      api.send(SubmitResultSchema, 'POST', `/api/v1/projects/${id(projectId)}/status-updates`, body, {
        version,
        idempotencyKey,
      }),
    milestones: (filter: { projectId?: string; status?: string; dueFrom?: string; dueTo?: string } = {}) =>
      api.getAll(Milestone, `/api/v1/milestones${q(filter)}`),
    createMilestone: (projectId: string, body: Omit<MilestoneCreate, 'projectId'>, idempotencyKey: string) =>
      api.send(Milestone, 'POST', `/api/v1/projects/${id(projectId)}/milestones`, body, { idempotencyKey }),
    updateMilestone: (milestoneId: string, patch: MilestonePatch, version: number) =>
      api.send(Milestone, 'PATCH', `/api/v1/milestones/${id(milestoneId)}`, patch, { version }),
    kpis: (filter: { projectId?: string; pillar?: string } = {}) =>
      api.getAll(KpiWithProgressSchema, `/api/v1/kpis${q(filter)}`),
    createKpi: (body: KpiCreate, idempotencyKey: string) =>
      api.send(Kpi, 'POST', '/api/v1/kpis', body, { idempotencyKey }),
    updateKpi: (kpiId: string, patch: KpiPatch, version: number) =>
      api.send(Kpi, 'PATCH', `/api/v1/kpis/${id(kpiId)}`, patch, { version }),
    recordMeasurement: (kpiId: string, body: MeasurementCreate, idempotencyKey: string) =>
      api.send(Measurement, 'POST', `/api/v1/kpis/${id(kpiId)}/measurements`, body, { idempotencyKey }),
    risks: (filter: { projectId?: string; status?: string } = {}) =>
      api.getAll(Risk, `/api/v1/risks${q(filter)}`),
    raiseRisk: (body: RiskCreate, idempotencyKey: string) =>
      api.send(Risk, 'POST', '/api/v1/risks', body, { idempotencyKey }),
    updateRisk: (riskId: string, patch: RiskPatch, version: number) =>
      api.send(Risk, 'PATCH', `/api/v1/risks/${id(riskId)}`, patch, { version }),
    audit: (filter: { projectId?: string }) =>
      api.get(
        z.object({ items: z.array(AuditEvent), nextCursor: z.string().optional() }),
        `/api/v1/audit${q({ ...filter, limit: '200' })}`,
      ),
    roster: () => api.getAll(Person, '/api/v1/roster'),
    createPerson: (body: PersonCreate, idempotencyKey: string) =>
      api.send(Person, 'POST', '/api/v1/roster', body, { idempotencyKey }),
    updatePerson: (personId: string, patch: PersonPatch, version: number) =>
      api.send(Person, 'PATCH', `/api/v1/roster/${id(personId)}`, patch, { version }),
    settings: () => api.getVersioned(Settings, '/api/v1/settings'),
    updateSettings: (patch: SettingsPatch, version: number) =>
      api.send(Settings, 'PATCH', '/api/v1/settings', patch, { version }),
    attention: () => api.get(AttentionSchema, '/api/v1/me/attention'),
    healthHistory: (weeks = 12) =>
      api.get(HealthHistorySchema, `/api/v1/portfolio/health-history${q({ weeks: String(weeks) })}`),
    actOnEscalation: (
      riskId: string,
      body: { action: 'acknowledge' | 'accept' | 'reassign'; ownerId?: string },
      version: number,
    ) => api.send(Risk, 'POST', `/api/v1/risks/${id(riskId)}/escalation`, body, { version }),
    nudge: (projectId: string) =>
      api.send(NudgeResultSchema, 'POST', `/api/v1/projects/${id(projectId)}/nudge`, {}),
    unreachable: () =>
      api.get(z.object({ items: z.array(UnreachableSchema) }), '/api/v1/proactive/unreachable'),
    runs: () => api.get(z.object({ items: z.array(RunHistorySchema) }), '/api/v1/proactive/runs'),
    myNotices: () => api.get(NoticeList, '/api/v1/me/notices'),
    dismissNotice: (noticeId: string) =>
      api.sendNoContent('POST', `/api/v1/me/notices/${id(noticeId)}/dismiss`),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
export { Kpi, Milestone, Person, Project, Risk, Settings, StatusUpdate };
export type { AuditEvent, Notice };
