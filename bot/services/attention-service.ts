// "Needs attention" for the CTO (the whole portfolio) and pillar leads (their pillars): escalated
// risks awaiting acknowledgement, updates overdue (with the owner and how many weeks) and updates
// merely due this week, kept apart. Acting on them goes through the escalation and reminder services,
// as the cards do.
import { attentionScope, inScope, weeksLate } from '../domain/attention.js';
import type { Attention, LateUpdate, PendingEscalation } from '../domain/cockpit-views.js';
import { canRead } from '../domain/permissions.js';
import type { ProjectOverview } from '../domain/portfolio.js';
import type { Project } from '../domain/project.js';
import { collectAll } from '../ports/paging.js';
import type { AuditService } from './audit-service.js';
import type { RequestContext, ServiceDeps } from './context.js';
import type { ProjectService } from './project-service.js';
import type { SettingsService } from './settings-service.js';

const ref = (p: Project) => ({ id: p.id, code: p.code, title: p.title, pillar: p.pillar });

export class AttentionService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly projects: ProjectService,
  ) {}

  async get(ctx: RequestContext): Promise<Attention> {
    await this.audit.enforce(
      ctx,
      canRead(ctx.actor),
      { entityType: 'project', entityId: 'attention' },
      'read',
    );
    const period = this.projects.currentPeriod();
    const scope = attentionScope(ctx.actor, await this.settings.current());
    const base: Attention = {
      period,
      scope: scope.kind,
      pillars: scope.kind === 'pillars' ? scope.pillars : [],
      canAct: scope.kind === 'all',
      escalations: [],
      overdue: [],
      due: [],
    };
    if (scope.kind === 'none') return base;
    const store = this.deps.store;
    const [all, escalated] = await Promise.all([
      collectAll((page) => store.projects.list(page)),
      collectAll((page) => store.risks.list({ status: ['escalated'], ...page })),
    ]);
    const projects = all.filter((p) => inScope(scope, p.pillar));
    const byId = new Map(all.map((p) => [p.id, p]));
    const pending = escalated
      .filter((r) => r.escalation && !r.escalation.acknowledgedAt)
      .filter((r) => (r.projectId ? inScope(scope, byId.get(r.projectId)?.pillar) : scope.kind === 'all'))
      .sort((a, b) => b.score - a.score || Date.parse(a.escalation!.at) - Date.parse(b.escalation!.at));
    const overviews = (await this.projects.overviewOf(projects)).filter(
      (o) => o.reporting === 'overdue' || o.reporting === 'due',
    );
    const ids = [
      ...overviews.map((o) => o.project.ownerId),
      ...pending.flatMap((r) => [r.ownerId, r.escalation?.byId]),
    ].filter((x): x is string => !!x);
    const names = new Map((await store.people.getMany([...new Set(ids)])).map((p) => [p.id, p.name]));
    const name = (id: string) => names.get(id) ?? id;
    const late = (o: ProjectOverview): LateUpdate => ({
      project: { ...ref(o.project), kind: o.project.kind },
      ownerId: o.project.ownerId,
      ownerName: name(o.project.ownerId),
      weeksLate: o.reporting === 'overdue' ? weeksLate(o.project, o.lastReportedPeriod, period) : 0,
      ...(o.lastReportedPeriod ? { lastReportedPeriod: o.lastReportedPeriod } : {}),
    });
    const escalations: PendingEscalation[] = pending.map((risk) => {
      const project = risk.projectId ? byId.get(risk.projectId) : undefined;
      return {
        risk,
        project: project ? ref(project) : null,
        ownerName: risk.ownerId ? name(risk.ownerId) : null,
        escalatedByName: risk.escalation ? name(risk.escalation.byId) : '',
      };
    });
    const byCode = (a: LateUpdate, b: LateUpdate) => a.project.code.localeCompare(b.project.code);
    return {
      ...base,
      escalations,
      overdue: overviews
        .filter((o) => o.reporting === 'overdue')
        .map(late)
        .sort((a, b) => b.weeksLate - a.weeksLate || byCode(a, b)),
      due: overviews
        .filter((o) => o.reporting === 'due')
        .map(late)
        .sort(byCode),
    };
  }
}
