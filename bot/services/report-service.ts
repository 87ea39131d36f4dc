// The Council progress report (issue 16): one service behind every surface (the CLI, the API, the tab
// and the Copilot action). It checks the CTO / Transformation Office permission once (a refusal is
// audited like every other), reads the portfolio in one paged pass per list, and composes the report
// model as the period stood at its end. The surfaces render it (bot/reports/).
import { z } from 'zod';
import { periodCutoff } from '../domain/as-of.js';
import { canAdminister } from '../domain/permissions.js';
import { previousPeriod } from '../domain/period.js';
import { PillarCode } from '../domain/pillar.js';
import { composeProgressReport, type ProgressReport, type ReportLimits } from '../domain/progress-report.js';
import { ReportPeriodText, reportWeeks } from '../domain/report-period.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { parseInput } from '../domain/validation.js';
import { collectAll } from '../ports/paging.js';
import type { AuditService } from './audit-service.js';
import type { RequestContext, ServiceDeps } from './context.js';

export const ProgressReportRequest = z.object({ period: ReportPeriodText });
export const PillarDraftRequest = z.object({ period: ReportPeriodText, pillar: PillarCode });

export class ReportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {}

  /** The report for a period ("2026-W48", "2026-Q4", "2026-W40..2026-W48"), as it stood at its end. */
  async progressReport(
    ctx: RequestContext,
    request: unknown,
    limits?: Partial<ReportLimits>,
  ): Promise<ProgressReport> {
    const { period } = parseInput(ProgressReportRequest, request);
    await this.audit.enforce(
      ctx,
      canAdminister(ctx.actor),
      { entityType: 'project', entityId: 'council-report' },
      'council-report',
    );
    const store = this.deps.store;
    const cutoff = periodCutoff(period.last, this.deps.orgTimeZone);
    const weeks = reportWeeks(period);
    const [projects, latest, start, inPeriod, risks, milestones, kpis, measurements, people, audit] =
      await Promise.all([
        collectAll((page) => store.projects.list(page)),
        collectAll((page) => store.statusUpdates.latestPerProject({ upToPeriod: period.last, ...page })),
        collectAll((page) =>
          store.statusUpdates.latestPerProject({ upToPeriod: previousPeriod(period.first), ...page }),
        ),
        Promise.all(weeks.map((w) => collectAll((page) => store.statusUpdates.listByPeriod(w, page)))),
        collectAll((page) => store.risks.list(page)),
        collectAll((page) => store.milestones.list(page)),
        collectAll((page) => store.kpis.list(page)),
        collectAll((page) => store.measurements.list(page)),
        collectAll((page) => store.people.list(page)),
        collectAll((page) => store.audit.list({ since: cutoff.at, ...page })),
      ]);
    const updates = new Map<string, StatusUpdate>();
    for (const u of [...latest, ...start, ...inPeriod.flat()]) updates.set(u.id, u);
    return composeProgressReport({
      period,
      extractedAt: this.deps.clock.now(),
      timeZone: this.deps.orgTimeZone,
      projects,
      updates: [...updates.values()],
      risks,
      milestones,
      kpis,
      measurements,
      people,
      audit,
      limits,
    });
  }
}
