// Builds every service once, on the same dependencies. Bot commands, tab routes and scheduled jobs
// all call these, so each rule is written once.
import { AttentionService } from './attention-service.js';
import { AuditService } from './audit-service.js';
import { BriefingService } from './briefing-service.js';
import type { ServiceDeps } from './context.js';
import { KpiService } from './kpi-service.js';
import { MilestoneService } from './milestone-service.js';
import { MyWorkService } from './my-work-service.js';
import { ProjectService } from './project-service.js';
import { ReportService } from './report-service.js';
import { RiskService } from './risk-service.js';
import { RosterService } from './roster-service.js';
import { SearchService } from './search-service.js';
import { SettingsService } from './settings-service.js';
import { StatusUpdateService } from './status-update-service.js';

export interface Services {
  readonly deps: ServiceDeps;
  readonly audit: AuditService;
  readonly settings: SettingsService;
  readonly roster: RosterService;
  readonly projects: ProjectService;
  readonly statusUpdates: StatusUpdateService;
  readonly risks: RiskService;
  readonly milestones: MilestoneService;
  readonly kpis: KpiService;
  readonly myWork: MyWorkService;
  readonly search: SearchService;
  readonly reports: ReportService;
  readonly briefing: BriefingService;
  readonly attention: AttentionService;
}

export function createServices(deps: ServiceDeps): Services {
  const audit = new AuditService(deps);
  const settings = new SettingsService(deps, audit);
  const projects = new ProjectService(deps, audit);
  const kpis = new KpiService(deps, audit, settings);
  // Several instances may write to SharePoint: the index also re-reads everything once a minute.
  const search = new SearchService(deps, audit, projects, {
    maxAgeMs: deps.store.kind === 'sqlite' ? undefined : 60_000,
  });
  return {
    attention: new AttentionService(deps, audit, settings, projects),
    deps,
    audit,
    settings,
    roster: new RosterService(deps, audit),
    projects,
    statusUpdates: new StatusUpdateService(deps, audit),
    risks: new RiskService(deps, audit, settings),
    milestones: new MilestoneService(deps, audit),
    kpis,
    myWork: new MyWorkService(deps, audit, projects),
    search,
    reports: new ReportService(deps, audit),
    briefing: new BriefingService(deps, audit, projects, kpis, settings, search),
  };
}
