// The demo portfolio of the embedded store's first start and `npm run seed`, from the ITU source
// documents (../shared/seeds): the five pillars, the six Accelerated Initiatives, the other projects
// the seeds name, ten ChangeMakers change cases, a fictional roster covering every role, a few weeks
// of status updates up to the current ISO week, risks of every level, milestones and KPIs.
// Pure: the same `now` and time zone always give the same data.
import type { SeedData } from './seed-data.js';
import { seedTime } from './seed-time.js';
import { buildDemoKpis } from './demo/kpis.js';
import { buildDemoMilestones } from './demo/milestones.js';
import { buildDemoProjects } from './demo/projects.js';
import { buildDemoRisks } from './demo/risks.js';
import { buildDemoPeople } from './demo/roster.js';
import { buildDemoSettings } from './demo/settings.js';
import { buildDemoStatusUpdates } from './demo/status-updates.js';

export interface DemoPortfolioOptions {
  now: Date;
  /** The organisation's time zone: periods and dates are seen from here. */
  timeZone: string;
}

export function buildDemoPortfolio(options: DemoPortfolioOptions): SeedData {
  const t = seedTime(options.now, options.timeZone);
  const settings = buildDemoSettings(t);
  const projects = buildDemoProjects(t);
  const { kpis, measurements } = buildDemoKpis(t);
  return {
    people: buildDemoPeople(t.nowIso),
    projects,
    statusUpdates: buildDemoStatusUpdates(t, projects),
    risks: buildDemoRisks(t, settings.escalationThreshold),
    milestones: buildDemoMilestones(t),
    kpis,
    measurements,
    settings,
  };
}
