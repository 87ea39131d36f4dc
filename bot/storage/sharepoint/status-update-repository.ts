import { ValidationError } from '../../domain/errors.js';
import { Period } from '../../domain/period.js';
import { StatusUpdate } from '../../domain/status-update.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { Page } from '../../ports/paging.js';
import type { StatusUpdateRepository } from '../../ports/repositories.js';
import { pageOf, type SortKey } from './cached-page.js';
import { STATUS_UPDATES } from './list-schema.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

const BY_PROJECT: ReadonlyArray<SortKey<StatusUpdate>> = [
  { value: (u) => u.period, direction: 'desc' },
  { value: (u) => u.id, direction: 'asc' },
];
const BY_PERIOD: ReadonlyArray<SortKey<StatusUpdate>> = [
  { value: (u) => u.projectId, direction: 'asc' },
  { value: (u) => u.id, direction: 'asc' },
];
const LATEST: ReadonlyArray<SortKey<StatusUpdate>> = [{ value: (u) => u.projectId, direction: 'asc' }];

function checkPeriod(period: string, path: string): void {
  const result = Period.safeParse(period);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error).map((i) => ({ ...i, path })));
}

export function statusUpdateTable(
  ctx: StoreContext,
  projectExists: (id: string) => Promise<boolean>,
): SharePointListTable<StatusUpdate> {
  return new SharePointListTable(ctx, {
    codec: {
      spec: STATUS_UPDATES,
      entity: 'status-update',
      schema: StatusUpdate,
      idOf: (u) => u.id,
      versionOf: (u) => u.version,
    },
    uniqueKeys: [{ of: (u) => `${u.projectId}/${u.period}` }],
    parent: { path: 'projectId', of: (u) => u.projectId, entity: 'project', exists: projectExists },
  });
}

export function createStatusUpdateRepository(
  table: SharePointListTable<StatusUpdate>,
): StatusUpdateRepository {
  return {
    ...table.crud(),

    getForPeriod: async (projectId, period) => {
      checkPeriod(period, 'period');
      return (await table.all()).find((u) => u.projectId === projectId && u.period === period);
    },

    listByProject: async (projectId, req): Promise<Page<StatusUpdate>> =>
      pageOf(
        (await table.all()).filter((u) => u.projectId === projectId),
        'status-updates.by-project',
        BY_PROJECT,
        req,
      ),

    listByPeriod: async (period, req): Promise<Page<StatusUpdate>> => {
      checkPeriod(period, 'period');
      return pageOf(
        (await table.all()).filter((u) => u.period === period),
        'status-updates.by-period',
        BY_PERIOD,
        req,
      );
    },

    latestPerProject: async (options = {}): Promise<Page<StatusUpdate>> => {
      if (options.upToPeriod !== undefined) checkPeriod(options.upToPeriod, 'upToPeriod');
      const latest = new Map<string, StatusUpdate>();
      for (const u of await table.all()) {
        if (options.upToPeriod !== undefined && u.period > options.upToPeriod) continue;
        const best = latest.get(u.projectId);
        if (!best || u.period > best.period) latest.set(u.projectId, u);
      }
      return pageOf([...latest.values()], 'status-updates.latest', LATEST, options);
    },
  };
}
