// Weekly status updates: submit (or amend within the period, keeping history), read history, and
// the pre-filled draft for the current period. A replayed submission (same key) is stored once.
import { ConflictError, DuplicateError, ValidationError } from '../domain/errors.js';
import { canPostStatusUpdate, canRead } from '../domain/permissions.js';
import { periodOf, type Period } from '../domain/period.js';
import type { Project } from '../domain/project.js';
import { isReportablePeriod } from '../domain/reporting.js';
import {
  amendStatusUpdate,
  contentOf,
  hasSubmission,
  prefillFrom,
  StatusUpdateSubmit,
  type StatusUpdate,
  type StatusUpdateContent,
  type StatusUpdateRevision,
  type UpdateSource,
} from '../domain/status-update.js';
import { parseInput } from '../domain/validation.js';
import type { Page, PageRequest } from '../ports/paging.js';
import type { AuditService } from './audit-service.js';
import type { RequestContext, ServiceDeps } from './context.js';
import { firstVersion } from './idempotency.js';
import { ProjectLookup } from './project-lookup.js';

export interface SubmitOptions {
  /** Idempotency key of this submission (card instance, Idempotency-Key header). */
  submissionKey?: string;
  /**
   * The version of this period's update the author saw: 0 when they saw none (a new update), the
   * update's version when amending. A mismatch is a ConflictError carrying the current update.
   * Omitted: a new update is created, or the existing one amended whatever its version.
   */
  expectedVersion?: number;
}

export interface SubmitResult {
  update: StatusUpdate;
  /** An existing update for the period was amended (its previous content kept in history). */
  amended: boolean;
  /** The same submission had already been stored; nothing changed. */
  replayed: boolean;
}

export interface Draft {
  period: Period;
  projectId: string;
  /** The update already posted for this period, if any (submitting again amends it). */
  existing?: StatusUpdate;
  /** The most recent earlier update, the source of the pre-filled values. */
  previous?: StatusUpdate;
  prefill: Partial<StatusUpdateContent>;
}

/** How often an amendment without an expected version is re-applied on top of concurrent ones. */
const MAX_AMEND_ATTEMPTS = 10;

function sourceOf(ctx: RequestContext): UpdateSource {
  return ctx.surface === 'bot' || ctx.surface === 'tab' ? ctx.surface : 'api';
}

export class StatusUpdateService {
  private readonly lookup: ProjectLookup;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {
    this.lookup = new ProjectLookup(deps.store);
  }

  currentPeriod(): Period {
    return periodOf(this.deps.clock.now(), this.deps.orgTimeZone);
  }

  async submit(
    ctx: RequestContext,
    projectIdOrCode: string,
    input: unknown,
    options: SubmitOptions = {},
  ): Promise<SubmitResult> {
    const body = parseInput(StatusUpdateSubmit, input);
    const project = await this.lookup.require(projectIdOrCode);
    await this.audit.enforce(
      ctx,
      canPostStatusUpdate(ctx.actor, project),
      { entityType: 'status-update', entityId: project.id, projectId: project.id },
      'submit',
    );
    const current = this.currentPeriod();
    const period = body.period ?? current;
    if (!isReportablePeriod(period, current)) {
      throw new ValidationError([
        {
          path: 'period',
          code: 'period_not_reportable',
          message: 'updates can be posted for the current period or the four before it',
          params: { current },
        },
      ]);
    }
    const { period: _p, ...content } = body;
    const now = this.deps.clock.now().toISOString();
    const revision: StatusUpdateRevision = {
      ...content,
      authorId: ctx.actor.id,
      submittedAt: now,
      source: sourceOf(ctx),
      submissionKey: options.submissionKey ?? null,
    };
    const existing = await this.deps.store.statusUpdates.getForPeriod(project.id, period);
    if (existing) return this.amend(ctx, existing, revision, options);

    const id = `su-${project.id}-${period}`;
    // Validated once, by the store's write (every store parses what it writes through StatusUpdate).
    const update: StatusUpdate = {
      ...revision,
      id,
      projectId: project.id,
      period,
      history: [],
      ...firstVersion(now),
    };
    try {
      // The update and its audit record are stored together (one transaction where the store has them).
      const stored = await this.audit.recordWrite(
        () => this.deps.store.statusUpdates.create(update),
        ctx,
        { entityType: 'status-update', entityId: id, projectId: project.id },
        'create',
        undefined,
        update,
      );
      this.deps.events.publish({
        type: 'status-update.submitted',
        projectId: project.id,
        period,
        updateId: id,
        amended: false,
        at: now,
      });
      return { update: stored, amended: false, replayed: false };
    } catch (e) {
      // Someone created this period's update between our read and our write: amend it instead,
      // unless the author expected to create (then they must see the other update first).
      if (e instanceof DuplicateError) {
        const winner = await this.deps.store.statusUpdates.getForPeriod(project.id, period);
        if (winner) return this.amend(ctx, winner, revision, options);
      }
      throw e;
    }
  }

  private async amend(
    ctx: RequestContext,
    existing: StatusUpdate,
    revision: StatusUpdateRevision,
    options: SubmitOptions,
    attempt = 1,
  ): Promise<SubmitResult> {
    if (hasSubmission(existing, options.submissionKey))
      return { update: existing, amended: false, replayed: true };
    // A card or form built before someone else's submission is stale: it is answered with the
    // current update rather than overwriting it.
    if (options.expectedVersion === 0) {
      throw new ConflictError('status-update', existing.id, 0, existing);
    }
    const expected = options.expectedVersion ?? existing.version;
    // Validated once, by the store's write (a ValidationError there, as for a new update).
    const next: StatusUpdate = { ...amendStatusUpdate(existing, revision), updatedAt: revision.submittedAt };
    let stored: StatusUpdate;
    try {
      stored = await this.audit.recordWrite(
        () => this.deps.store.statusUpdates.update(next, expected),
        ctx,
        { entityType: 'status-update', entityId: next.id, projectId: next.projectId },
        'amend',
        existing,
        next,
      );
    } catch (e) {
      // Without an expected version the author amends whatever is current: another submission that
      // landed first is kept in history and this one goes on top (each retry follows a write that won).
      if (
        e instanceof ConflictError &&
        options.expectedVersion === undefined &&
        attempt < MAX_AMEND_ATTEMPTS
      ) {
        const latest = await this.deps.store.statusUpdates.getForPeriod(existing.projectId, existing.period);
        if (latest) return this.amend(ctx, latest, revision, options, attempt + 1);
      }
      throw e;
    }
    this.deps.events.publish({
      type: 'status-update.submitted',
      projectId: stored.projectId,
      period: stored.period,
      updateId: stored.id,
      amended: true,
      at: revision.submittedAt,
    });
    return { update: stored, amended: true, replayed: false };
  }

  async listByProject(
    ctx: RequestContext,
    projectIdOrCode: string,
    page: PageRequest = {},
  ): Promise<Page<StatusUpdate>> {
    const project = await this.readableProject(ctx, projectIdOrCode);
    return this.deps.store.statusUpdates.listByProject(project.id, page);
  }

  async getForPeriod(
    ctx: RequestContext,
    projectIdOrCode: string,
    period: Period,
  ): Promise<StatusUpdate | undefined> {
    const project = await this.readableProject(ctx, projectIdOrCode);
    return this.deps.store.statusUpdates.getForPeriod(project.id, period);
  }

  /** The project whose updates are read, once the reader may read them (checked before the lookup). */
  private async readableProject(ctx: RequestContext, projectIdOrCode: string): Promise<Project> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'status-update', entityId: projectIdOrCode },
      'read',
    );
    return this.lookup.require(projectIdOrCode);
  }

  /** What the update form shows: the period, and values pre-filled from the last update. */
  async draft(ctx: RequestContext, projectIdOrCode: string, period?: Period): Promise<Draft> {
    const project = await this.lookup.require(projectIdOrCode);
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'status-update', entityId: project.id },
      'read',
    );
    const p = period ?? this.currentPeriod();
    const recent = await this.deps.store.statusUpdates.listByProject(project.id, { limit: 10 });
    const existing = recent.items.find((u) => u.period === p);
    const previous = recent.items.find((u) => u.period < p);
    return {
      period: p,
      projectId: project.id,
      existing,
      previous,
      prefill: existing ? contentOf(existing) : prefillFrom(previous),
    };
  }
}
