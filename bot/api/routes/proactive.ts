// REST routes of the proactive features: the people the bot cannot reach (cto), and declaring or
// cancelling an absence (no reminders that week). Registered by app.ts with the proactive feature.
import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { canAdminister } from '../../domain/permissions.js';
import { EscalationActionBody, NudgeResultSchema } from '../../domain/cockpit-views.js';
import { Period } from '../../domain/period.js';
import { Risk } from '../../domain/risk.js';
import { parseInput, toFieldIssues } from '../../domain/validation.js';
import type { RequestContext } from '../../services/context.js';
import { listUnreachable } from '../../services/digest-unreachable.js';
import { runHistory } from '../../services/run-history.js';
import type { Services } from '../../services/services.js';
import { RUN_STATUSES } from '../../storage/sqlite/state-records.js';
import type { ProactiveFeature } from '../../teams/proactive-feature.js';
import { versionedChange } from '../request-helpers.js';
import { route, type RouteSpec } from '../route.js';

const UnreachablePerson = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  reason: z.enum(['not-installed', 'blocked', 'gone', 'no-conversation']),
  kind: z.string(),
  period: z.string(),
  at: z.string(),
});
const UnreachableList = z.object({ items: z.array(UnreachablePerson) });
const RUN_STATUS = z.enum(RUN_STATUSES);
const RunHistoryList = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      period: z.string(),
      lastAt: z.string(),
      recipients: z.number().int(),
      counts: z.partialRecord(RUN_STATUS, z.number().int()),
      uncertain: z.array(
        z.object({
          recipientId: z.string(),
          name: z.string(),
          status: RUN_STATUS,
          holder: z.string(),
          at: z.string(),
          action: z.enum(['resent', 'not-resent']).nullable(),
        }),
      ),
    }),
  ),
});
const AwayBody = z.object({ period: Period.optional() }).strict();
/** The request as accepted: the period's format is the reminders' to judge (their message names the rule). */
const AwayInput = z.object({ period: z.string().max(16).optional() }).strict();
const AwayList = z.object({ items: z.array(Period) });

/** The Transformation Office's reads of the proactive machinery (audited like settings reads). */
function readAsAdministrator(services: Services, ctx: RequestContext, entityId: string): Promise<void> {
  return services.audit.enforce(ctx, canAdminister(ctx.actor), { entityType: 'settings', entityId }, 'read');
}

/** One's own absences: for people on the roster who are active. */
function requireActive(ctx: RequestContext): void {
  if (!ctx.actor.active) throw new ForbiddenError('inactive_person');
}

export function proactiveRoutes(feature: ProactiveFeature): RouteSpec<unknown>[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/proactive/unreachable',
      operationId: 'listUnreachablePeople',
      summary:
        'People the bot could not reach with their latest proactive message, and why (Transformation Office)',
      tag: 'proactive',
      response: { kind: 'json', schema: UnreachableList, name: 'UnreachableList' },
      handler: async ({ ctx, services }) => {
        await readAsAdministrator(services, ctx, 'unreachable');
        return {
          body: {
            items: await listUnreachable(feature.deps.state, services.deps.store, services.deps.orgTimeZone),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/proactive/runs',
      operationId: 'listProactiveRuns',
      summary:
        'The recent digest, reminder and escalation runs: outcomes, and sends left uncertain by a stopped instance and what was done (Transformation Office)',
      tag: 'proactive',
      response: { kind: 'json', schema: RunHistoryList, name: 'RunHistoryList' },
      handler: async ({ ctx, services }) => {
        await readAsAdministrator(services, ctx, 'runs');
        return { body: { items: await runHistory(feature.deps.state, services.deps.store) } };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/me/away',
      operationId: 'listMyAbsences',
      summary: 'The weeks I declared myself away (from this week on)',
      tag: 'proactive',
      response: { kind: 'json', schema: AwayList, name: 'AwayList' },
      handler: async ({ ctx }) => {
        requireActive(ctx);
        return { body: { items: await feature.reminders.awayPeriods(ctx.actor.id) } };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/me/away',
      operationId: 'declareAbsence',
      summary: 'Declare myself away for a week (this week when no period is given): no reminders that week',
      tag: 'proactive',
      body: { schema: AwayBody, name: 'AwayRequest' },
      response: { kind: 'json', schema: z.object({ period: Period }), name: 'Absence' },
      handler: async ({ ctx, body }) => {
        requireActive(ctx);
        // No body: this week. A body must be the documented object (not an array, a string, a number or null).
        const parsed = body === undefined ? { success: true as const, data: {} } : AwayInput.safeParse(body);
        if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error));
        const raw = parsed.data.period;
        const { period } = await feature.reminders.setAway(ctx, raw);
        return { body: { period } };
      },
    }),
    route({
      method: 'del',
      path: '/api/v1/me/away/:period',
      operationId: 'cancelAbsence',
      summary: 'Cancel a declared absence',
      tag: 'proactive',
      response: { kind: 'empty' },
      handler: async ({ ctx, params }) => {
        requireActive(ctx);
        await feature.reminders.clearAway(ctx, params.period ?? '');
        return { status: 204, body: undefined };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/risks/:id/escalation',
      operationId: 'actOnEscalation',
      summary:
        'Acknowledge, accept or reassign an escalated risk (Transformation Office), as the escalation card does; send If-Match or version',
      tag: 'risks',
      body: { schema: EscalationActionBody, name: 'EscalationAction' },
      versioned: true,
      response: { kind: 'entity', schema: Risk, name: 'Risk' },
      handler: versionedChange((call, fields, version) => {
        const body = parseInput(EscalationActionBody.omit({ version: true }), fields);
        return feature.escalations.actFromTab(
          call.ctx,
          body.action,
          call.params.id ?? '',
          version,
          body.ownerId,
        );
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/projects/:id/nudge',
      operationId: 'nudgeProjectOwner',
      summary:
        "Remind a project's owner of this week's missing update (Transformation Office or the pillar's lead); once per week",
      tag: 'proactive',
      response: { kind: 'json', schema: NudgeResultSchema, name: 'NudgeResult' },
      handler: async ({ ctx, params }) => {
        const s = await feature.reminders.nudgeProject(ctx, params.id ?? '');
        return {
          body: {
            sent: s.delivered + s.throttled,
            already: s.already,
            unreachable: s.unreachable + s.failed + (s.recipients === 0 ? 1 : 0),
          },
        };
      },
    }),
  ] as RouteSpec<unknown>[];
}
