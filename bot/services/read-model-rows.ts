// Each project's facts computed from the stored rows through the ordinary repository ports, the
// reference the read models must equal (the contract's property test, `npm run rebuild-read-models
// -- --check`). Slow on purpose: it reads every project's rows.
import { ACTIVE_RISK_STATUSES, projectFactsOf, type ProjectFacts } from '../domain/read-model.js';
import { collectAll } from '../ports/paging.js';
import type { Store } from '../ports/repositories.js';

export async function factsFromRows(store: Store): Promise<ProjectFacts[]> {
  const projects = await collectAll((page) => store.projects.list(page));
  return Promise.all(
    projects.map(async (project) => {
      const [updates, risks, milestones, kpis] = await Promise.all([
        store.statusUpdates.listByProject(project.id, { limit: 3 }),
        collectAll((page) =>
          store.risks.list({ projectId: project.id, status: ACTIVE_RISK_STATUSES, ...page }),
        ),
        store.milestones.list({ projectId: project.id, status: ['planned'], limit: 1 }),
        collectAll((page) => store.kpis.list({ projectId: project.id, ...page })),
      ]);
      const measurements = kpis.length
        ? await collectAll((page) => store.measurements.list({ kpiIds: kpis.map((k) => k.id), ...page }))
        : [];
      return projectFactsOf({
        project,
        updates: updates.items,
        risks,
        milestones: milestones.items,
        kpis: kpis.map((kpi) => ({ kpi, measurements: measurements.filter((m) => m.kpiId === kpi.id) })),
      });
    }),
  );
}
