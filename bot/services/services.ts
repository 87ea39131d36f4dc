// Builds every service once, on the same dependencies. Bot commands, tab routes and scheduled jobs
// all call these, so each rule is written once.
import { AttentionService } from './attention-service.js';
import { AuditService } from './audit-service.js';
import type { ServiceDeps } from './context.js';
import { KpiService } from './kpi-service.js';
import { MilestoneService } from './milestone-service.js';
import { MyWorkService } from './my-work-service.js';
import { ProjectService } from './project-service.js';
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
  readonly attention: AttentionService;
}

export function createServices(deps: ServiceDeps): Services {
  const audit = new AuditService(deps);
  const settings = new SettingsService(deps, audit);
  const projects = new ProjectService(deps, audit);
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
    kpis: new KpiService(deps, audit, settings),
    myWork: new MyWorkService(deps, audit, projects),
    search: new SearchService(deps, audit, projects),
  };
}
