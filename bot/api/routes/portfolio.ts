import { SUPPORTED_LOCALES } from '../../domain/locale.js';
import { dateInZone } from '../../domain/primitives.js';
import { MILESTONE_STATUSES } from '../../domain/milestone.js';
import { ORG_UNITS } from '../../domain/org-unit.js';
import { canAdminister } from '../../domain/permissions.js';
import { ROLES } from '../../domain/person.js';
import { PILLARS } from '../../domain/pillar.js';
import { PROJECT_KINDS, PROJECT_PHASES } from '../../domain/project.js';
import { HEALTHS } from '../../domain/health.js';
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, RISK_STRATEGIES } from '../../domain/risk.js';
import {
  MeSchema,
  MyWorkSchema,
  PortfolioSummarySchema,
  ReferenceSchema,
  type Me,
  type Reference,
} from '../../domain/views.js';
import { z } from 'zod';
import { AttentionSchema, HealthHistorySchema } from '../../domain/cockpit-views.js';
import { HEALTH_HISTORY_WEEKS, MAX_HEALTH_HISTORY_WEEKS } from '../../domain/health-history.js';
import { route } from '../route.js';

const HistoryQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(MAX_HEALTH_HISTORY_WEEKS).default(HEALTH_HISTORY_WEEKS),
});

const REFERENCE: Reference = {
  locales: [...SUPPORTED_LOCALES],
  pillars: PILLARS.map((p) => ({ code: p.code, order: p.order, name: { ...p.name } })),
  orgUnits: ORG_UNITS.map((u) => ({ ...u })),
  enums: {
    roles: [...ROLES],
    projectKinds: [...PROJECT_KINDS],
    projectPhases: [...PROJECT_PHASES],
    healths: [...HEALTHS],
    riskCategories: [...RISK_CATEGORIES],
    riskStrategies: [...RISK_STRATEGIES],
    riskStatuses: [...RISK_STATUSES],
    riskLevels: [...RISK_LEVELS],
    milestoneStatuses: [...MILESTONE_STATUSES],
  },
};

export function portfolioRoutes(authMode: 'dev' | 'entra') {
  return [
    route({
      method: 'get',
      path: '/api/v1/me',
      operationId: 'getMe',
      summary: 'The signed-in person as the roster knows them, and what they may do',
      tag: 'me',
      response: { kind: 'json', schema: MeSchema, name: 'Me' },
      handler: async ({ ctx, services }) => {
        const stored = await services.roster.findById(ctx.actor.id);
        const me: Me = {
          person: ctx.actor,
          guest: stored === undefined,
          canAdminister: canAdminister(ctx.actor).allowed,
          authMode,
          currentPeriod: services.projects.currentPeriod(),
          orgTimeZone: services.deps.orgTimeZone,
          today: dateInZone(services.deps.clock.now(), services.deps.orgTimeZone),
        };
        return { body: me };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/me/work',
      operationId: 'getMyWork',
      summary: 'My projects, updates I owe this week, my risks and milestones due in the next 14 days',
      tag: 'me',
      response: { kind: 'json', schema: MyWorkSchema, name: 'MyWork' },
      handler: async ({ ctx, services }) => ({ body: await services.myWork.get(ctx) }),
    }),
    route({
      method: 'get',
      path: '/api/v1/portfolio/summary',
      operationId: 'getPortfolioSummary',
      summary: 'Portfolio health by pillar for the current period, with the change since the previous one',
      tag: 'portfolio',
      response: { kind: 'json', schema: PortfolioSummarySchema, name: 'PortfolioSummary' },
      handler: async ({ ctx, services }) => ({ body: await services.projects.summary(ctx) }),
    }),
    route({
      method: 'get',
      path: '/api/v1/me/attention',
      operationId: 'getNeedsAttention',
      summary:
        'Needs attention (CTO: the portfolio; pillar leads: their pillars): escalations awaiting acknowledgement, overdue updates with weeks late, updates due this week',
      tag: 'me',
      response: { kind: 'json', schema: AttentionSchema, name: 'Attention' },
      handler: async ({ ctx, services }) => ({ body: await services.attention.get(ctx) }),
    }),
    route({
      method: 'get',
      path: '/api/v1/portfolio/health-history',
      operationId: 'getHealthHistory',
      summary:
        'Portfolio and pillar health for each of the last reporting weeks (12 by default), oldest first',
      tag: 'portfolio',
      query: HistoryQuery,
      response: { kind: 'json', schema: HealthHistorySchema, name: 'HealthHistory' },
      handler: async ({ ctx, services, query }) => ({
        body: { items: await services.projects.healthHistory(ctx, query.weeks) },
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/reference',
      operationId: 'getReference',
      summary: 'Reference data: languages, pillars (localised names), organisational units and enumerations',
      tag: 'portfolio',
      public: true,
      response: { kind: 'json', schema: ReferenceSchema, name: 'Reference' },
      handler: () =>
        Promise.resolve({ body: REFERENCE, headers: { 'Cache-Control': 'public, max-age=3600' } }),
    }),
  ];
}
