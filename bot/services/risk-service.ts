// Risks: raising (a viewer's concern lands as proposed), editing and triage, escalation to the CTO
// (published as an event the proactive sender acts on), acknowledgement.
import { NotFoundError } from '../domain/errors.js';
import {
  canAdminister,
  canEditRisk,
  canRaiseRisk,
  canRead,
  canReadRisk,
  initialRiskStatus,
} from '../domain/permissions.js';
import type { Project } from '../domain/project.js';
import { applyRiskRules, Risk, RiskCreate, RiskPatch } from '../domain/risk.js';
import { parseInput } from '../domain/validation.js';
import type { Page } from '../ports/paging.js';
import { writeWithAudit, type RiskQuery } from '../ports/repositories.js';
import type { AuditService } from './audit-service.js';
import type { Created, RequestContext, ServiceDeps } from './context.js';
import { createKeyed, idForCreate } from './idempotency.js';
import { ProjectLookup } from './project-lookup.js';
import type { SettingsService } from './settings-service.js';

export class RiskService {
  private readonly lookup: ProjectLookup;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {
    this.lookup = new ProjectLookup(deps.store);
  }

  async get(ctx: RequestContext, id: string): Promise<Risk> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'risk', entityId: id }, 'read');
    const risk = await this.deps.store.risks.get(id);
    if (!risk) throw new NotFoundError('risk', id);
    if (risk.confidential) {
      const project = risk.projectId ? await this.deps.store.projects.get(risk.projectId) : undefined;
      const settings = await this.settings.current();
      await this.audit.enforce(
        ctx,
        canReadRisk(ctx.actor, risk, project, settings),
        { entityType: 'risk', entityId: id, projectId: risk.projectId },
        'read',
      );
    }
    return risk;
  }

  /** The register, without the confidential risks the caller may not read (a page may come back shorter). */
  async list(ctx: RequestContext, query: RiskQuery): Promise<Page<Risk>> {
    await this.audit.enforce(ctx, canRead(ctx.actor), { entityType: 'risk', entityId: 'register' }, 'read');
    const projectId = query.projectId ? (await this.lookup.require(query.projectId)).id : undefined;
    const page = await this.deps.store.risks.list(projectId ? { ...query, projectId } : query);
    return { ...page, items: await this.readable(ctx, page.items) };
  }

  /** The risks of `risks` the caller may read (confidential ones: see canReadRisk). */
  async readable(ctx: RequestContext, risks: Risk[]): Promise<Risk[]> {
    if (ctx.actor.role === 'cto' || risks.every((r) => !r.confidential)) return risks;
    const settings = await this.settings.current();
    const ids = [...new Set(risks.flatMap((r) => (r.confidential && r.projectId ? [r.projectId] : [])))];
    const projects = new Map((await this.deps.store.projects.getMany(ids)).map((p) => [p.id, p]));
    return risks.filter(
      (r) => canReadRisk(ctx.actor, r, r.projectId ? projects.get(r.projectId) : undefined, settings).allowed,
    );
  }

  async raise(ctx: RequestContext, input: unknown, idempotencyKey?: string): Promise<Created<Risk>> {
    const { id: givenId, escalate, ...fields } = parseInput(RiskCreate, input);
    const project = fields.projectId ? await this.lookup.require(fields.projectId) : undefined;
    await this.audit.enforce(
      ctx,
      canRaiseRisk(ctx.actor),
      { entityType: 'risk', entityId: 'new', projectId: project?.id ?? null },
      'raise',
    );
    if (fields.ownerId) await this.lookup.assertPeople({ ownerId: fields.ownerId });
    const status = initialRiskStatus(ctx.actor, project);
    // Only people who could edit the risk may escalate it by hand; a proposed concern escalates once triaged.
    const explicit = escalate && status !== 'proposed';
    const threshold = (await this.settings.current()).escalationThreshold;
    const now = this.deps.clock.now().toISOString();
    const id = givenId ?? idForCreate(this.deps.ids, 'risk', ctx.actor.id, idempotencyKey);
    const { risk } = applyRiskRules(
      undefined,
      {
        ...fields,
        projectId: project?.id ?? null,
        ownerId: fields.ownerId ?? project?.ownerId ?? null,
        status,
        id,
        raisedById: ctx.actor.id,
        raisedAt: now,
        escalation: null,
        history: [],
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      { at: now, byId: ctx.actor.id, threshold, explicitEscalation: explicit },
    );
    const valid = parseInput(Risk, risk);
    const result = await createKeyed(this.deps.store.risks, valid, {
      entity: 'risk',
      idempotencyKey,
      givenId,
      fields,
      sameOrigin: (existing) => existing.raisedById === ctx.actor.id,
    });
    if (!result.replayed) {
      const target = { entityType: 'risk', entityId: id, projectId: valid.projectId } as const;
      await this.audit.record(ctx, target, 'create', undefined, result.value);
      this.deps.events.publish({ type: 'risk.raised', riskId: id, projectId: valid.projectId, at: now });
      if (result.value.escalation) {
        await this.audit.record(
          ctx,
          target,
          'escalate',
          undefined,
          undefined,
          result.value.escalation.reason,
        );
        this.deps.events.publish({
          type: 'risk.escalated',
          riskId: id,
          projectId: valid.projectId,
          reason: result.value.escalation.reason,
          at: now,
        });
      }
    }
    return result;
  }

  async update(ctx: RequestContext, id: string, patch: unknown, expectedVersion: number): Promise<Risk> {
    const { escalate, ...changes } = parseInput(RiskPatch, patch);
    const current = await this.deps.store.risks.get(id);
    if (!current) throw new NotFoundError('risk', id);
    const project: Project | undefined = current.projectId
      ? await this.deps.store.projects.get(current.projectId)
      : undefined;
    const target = { entityType: 'risk', entityId: id, projectId: current.projectId } as const;
    await this.audit.enforce(ctx, canEditRisk(ctx.actor, current, project), target, 'update');
    if (changes.ownerId) await this.lookup.assertPeople({ ownerId: changes.ownerId });
    const threshold = (await this.settings.current()).escalationThreshold;
    const now = this.deps.clock.now().toISOString();
    const { risk, escalated } = applyRiskRules(
      current,
      { ...current, ...changes, updatedAt: now },
      { at: now, byId: ctx.actor.id, threshold, explicitEscalation: escalate === true },
    );
    const next = parseInput(Risk, risk);
    const escalation = escalated ? next.escalation : null;
    // The change and, when it escalates the risk, the escalation: stored with the risk, in this order.
    const stored = await writeWithAudit(
      this.deps.store,
      () => this.deps.store.risks.update(next, expectedVersion),
      [
        this.audit.eventOf(ctx, target, 'update', current, next),
        ...(escalation
          ? [this.audit.eventOf(ctx, target, 'escalate', undefined, undefined, escalation.reason)]
          : []),
      ],
    );
    if (escalation && stored.escalation) {
      this.deps.events.publish({
        type: 'risk.escalated',
        riskId: id,
        projectId: stored.projectId,
        reason: stored.escalation.reason,
        at: now,
      });
    }
    return stored;
  }

  /** The CTO acknowledges an escalation. */
  async acknowledge(ctx: RequestContext, id: string, expectedVersion: number): Promise<Risk> {
    const current = await this.deps.store.risks.get(id);
    if (!current) throw new NotFoundError('risk', id);
    const target = { entityType: 'risk', entityId: id, projectId: current.projectId } as const;
    // The same decision as every other CTO-only write: an inactive CTO is refused as inactive.
    await this.audit.enforce(ctx, canAdminister(ctx.actor), target, 'acknowledge');
    if (!current.escalation || current.escalation.acknowledgedAt) return current;
    const now = this.deps.clock.now().toISOString();
    const next = parseInput(Risk, {
      ...current,
      escalation: { ...current.escalation, acknowledgedAt: now, acknowledgedById: ctx.actor.id },
      updatedAt: now,
    });
    const stored = await this.audit.recordWrite(
      () => this.deps.store.risks.update(next, expectedVersion),
      ctx,
      target,
      'acknowledge',
      current,
      next,
    );
    return stored;
  }
}
