// Every write records an audit event, and so does every refused attempt. This is the one place that
// builds them.
import { diffFields, type AuditAction, type AuditEvent, type EntityType } from '../domain/audit.js';
import { canAdminister, canRead, canReadRisk, isCto, type Decision } from '../domain/permissions.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Page } from '../ports/paging.js';
import { writeWithAudit, type AuditQuery } from '../ports/repositories.js';
import type { RequestContext, ServiceDeps } from './context.js';

/** The actor of events no person caused. */
export const SYSTEM_ACTOR = 'system';

export interface AuditTarget {
  entityType: EntityType;
  entityId: string;
  projectId?: string | null;
}

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Appends the event of a change (eventOf) on its own, after the change was stored. */
  async record(...args: Parameters<AuditService['eventOf']>): Promise<void> {
    await this.deps.store.audit.append(this.eventOf(...args));
  }

  /**
   * Runs one repository write and stores the event of its change with it: in the same transaction
   * where the store has transactions (writeWithAudit), so a change is never stored without its record.
   */
  recordWrite<T>(write: () => Promise<T>, ...event: Parameters<AuditService['eventOf']>): Promise<T> {
    return writeWithAudit(this.deps.store, write, this.eventOf(...event));
  }

  /** The event of a change: `record` appends it, or a write stores it with itself (writeWithAudit). */
  eventOf(
    ctx: RequestContext,
    target: AuditTarget,
    action: AuditAction,
    before: object | undefined,
    after: object | undefined,
    reason: string | null = null,
  ): AuditEvent {
    return {
      id: this.deps.ids.newId(),
      at: this.deps.clock.now().toISOString(),
      actorId: ctx.actor.id,
      surface: ctx.surface,
      entityType: target.entityType,
      entityId: target.entityId,
      projectId: target.projectId ?? null,
      action,
      changes: diffFields(before, after),
      reason,
      correlationId: ctx.correlationId.slice(0, 100),
    };
  }

  /** An event the app itself caused (a scheduled job, a background sync), with no person acting. */
  async recordSystem(
    target: AuditTarget,
    action: AuditAction,
    reason: string,
    actorId = SYSTEM_ACTOR,
    changes: { before?: object; after?: object } = {},
  ): Promise<void> {
    await this.deps.store.audit.append({
      id: this.deps.ids.newId(),
      at: this.deps.clock.now().toISOString(),
      actorId,
      surface: 'job',
      entityType: target.entityType,
      entityId: target.entityId,
      projectId: target.projectId ?? null,
      action,
      changes: diffFields(changes.before, changes.after),
      reason: reason.slice(0, 200),
      correlationId: null,
    });
  }

  /** Throws ForbiddenError after recording the refused attempt. */
  async enforce(
    ctx: RequestContext,
    decision: Decision,
    target: AuditTarget,
    attempted: string,
  ): Promise<void> {
    if (decision.allowed) return;
    await this.record(ctx, target, 'forbidden', undefined, undefined, `${attempted}: ${decision.reason}`);
    throw new ForbiddenError(decision.reason);
  }

  /**
   * A project's history is open to everyone who can read the portfolio (transparency); the whole
   * log, the roster's and the settings' history are for the CTO.
   */
  async list(ctx: RequestContext, query: AuditQuery): Promise<Page<AuditEvent>> {
    const scopedToProject = query.projectId !== undefined;
    const decision = scopedToProject ? canRead(ctx.actor) : canAdminister(ctx.actor);
    await this.enforce(
      ctx,
      decision,
      { entityType: query.entityType ?? 'project', entityId: query.projectId ?? 'audit' },
      'read-audit',
    );
    const page = await this.deps.store.audit.list(query);
    return isCto(ctx.actor) ? page : { ...page, items: await this.withoutConfidential(ctx, page.items) };
  }

  /** A project's history without the events of confidential risks the reader may not read. */
  private async withoutConfidential(ctx: RequestContext, events: AuditEvent[]): Promise<AuditEvent[]> {
    const riskIds = [...new Set(events.filter((e) => e.entityType === 'risk').map((e) => e.entityId))];
    if (riskIds.length === 0) return events;
    const secret = (await this.deps.store.risks.getMany(riskIds)).filter((r) => r.confidential);
    if (secret.length === 0) return events;
    const settings = (await this.deps.store.settings.get()) ?? { pillarLeads: {} };
    const projectIds = [...new Set(secret.flatMap((r) => (r.projectId ? [r.projectId] : [])))];
    const projects = new Map((await this.deps.store.projects.getMany(projectIds)).map((p) => [p.id, p]));
    const hidden = new Set(
      secret
        .filter(
          (r) =>
            !canReadRisk(ctx.actor, r, r.projectId ? projects.get(r.projectId) : undefined, settings).allowed,
        )
        .map((r) => r.id),
    );
    return events.filter((e) => !(e.entityType === 'risk' && hidden.has(e.entityId)));
  }
}
