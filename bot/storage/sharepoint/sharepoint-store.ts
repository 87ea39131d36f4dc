// The Microsoft 365 system of record: every repository port on SharePoint lists through Graph.
//
//   createSharePointStore(config, deps) -> SharePointStore (a Store, plus sync/outbox controls)
//
// One gateway, one list directory, one write coalescer ($batch of concurrent writes), one local cache
// per list refreshed by delta, and the durable outbox with its replayer (SQLite file under DATA_DIR,
// or Azure Blob Storage when STATE_STORE=blob). See sharepoint-list-table.ts for reads and writes.
import { setTimeout as delay } from 'node:timers/promises';
import type { Config } from '../../config.js';
import { UnavailableError } from '../../domain/errors.js';
import type { Store } from '../../ports/repositories.js';
import { blobSettingsOf } from '../blob/blob-container.js';
import { createBlobOutbox } from '../blob/blob-outbox.js';
import type { DeadLetter, Outbox } from '../outbox/outbox.js';
import { createSqliteOutbox } from '../outbox/sqlite-outbox.js';
import { auditTable, createAuditRepository } from './audit-repository.js';
import { createGraphGateway, type GraphGatewayDeps } from './create-graph-gateway.js';
import { toDomainError } from './graph-error.js';
import type { GraphGateway } from './graph-gateway.js';
import { silentLogger } from './graph-logger.js';
import { createKpiRepository, kpiTable } from './kpi-repository.js';
import { ListDirectory } from './list-directory.js';
import { createMeasurementRepository, measurementTable } from './measurement-repository.js';
import { createMilestoneRepository, milestoneTable } from './milestone-repository.js';
import { OutboxReplayer, type DrainResult } from './outbox-replayer.js';
import { createPersonRepository, personTable } from './person-repository.js';
import { createProjectRepository, projectTable } from './project-repository.js';
import { createSharePointReadModels } from './read-models.js';
import { createRiskRepository, riskTable } from './risk-repository.js';
import { createSettingsRepository, settingsTable } from './settings-repository.js';
import type { InvalidItemHandler, SharePointListTable, StoreContext } from './sharepoint-list-table.js';
import { createStatusUpdateRepository, statusUpdateTable } from './status-update-repository.js';
import { WriteCoalescer } from './write-coalescer.js';
import { WriteNotices, type WriteReporter } from './write-notices.js';

/** A read older than this synchronises its list first (one delta request when nothing changed). */
export const DEFAULT_CACHE_MAX_AGE_MS = 5_000;

export interface SharePointStoreDeps extends GraphGatewayDeps {
  /** A ready gateway (tests); otherwise one is made from the configuration. */
  gateway?: GraphGateway;
  /** The durable outbox; default: Azure Blob when STATE_STORE=blob, else a SQLite file in DATA_DIR. */
  outbox?: Outbox;
  cacheMaxAgeMs?: number;
  /** Told about each list item that does not validate (the read skips it). */
  onInvalidItem?: InvalidItemHandler;
  /** Replay queued writes on a timer (default true; tests drain explicitly). */
  autoReplay?: boolean;
}

export interface SharePointStore extends Store {
  readonly kind: 'sharepoint';
  /** Queued writes: observe a use case's queued writes, or subscribe to every one. */
  readonly writes: WriteReporter;
  /** Synchronises every list with one delta round each. */
  sync(): Promise<void>;
  /** Replays the outbox now (until empty or Graph fails again). */
  flushOutbox(): Promise<DrainResult>;
  pendingWrites(): number;
  deadLetters(): Promise<DeadLetter[]>;
}

function defaultOutbox(config: Config): Outbox {
  if (config.stateStore === 'blob') return createBlobOutbox(blobSettingsOf(config), {});
  return createSqliteOutbox({ dataDir: config.dataDir });
}

export async function createSharePointStore(
  config: Config,
  deps: SharePointStoreDeps = {},
): Promise<SharePointStore> {
  const siteId = config.sharepoint.siteId;
  if (!siteId) throw new UnavailableError('SharePoint (SHAREPOINT_SITE_ID is not set)');
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const gateway =
    deps.gateway ??
    createGraphGateway(
      {
        graphBaseUrl: config.sharepoint.graphBaseUrl,
        credentials: {
          authorityHost: config.auth.authorityHost,
          tenantId: config.auth.tenantId,
          clientId: config.auth.clientId,
          clientSecret: config.auth.clientSecret,
          clientCertificatePath: config.auth.clientCertificatePath,
          managedIdentityClientId: config.auth.managedIdentityClientId,
        },
      },
      { ...deps, logger },
    );
  const outbox = deps.outbox ?? defaultOutbox(config);
  const notices = new WriteNotices();
  const onInvalidItem: InvalidItemHandler = (list, itemId, issues) => {
    try {
      if (deps.onInvalidItem) deps.onInvalidItem(list, itemId, issues);
      else logger.warn({ list, itemId, issues }, 'SharePoint list item skipped: it does not validate');
    } catch {
      // A failing reporter must not turn a skipped item into a failed read.
    }
  };

  const tables = new Map<string, SharePointListTable<never>>();
  const replayer = new OutboxReplayer({
    outbox,
    replay: (entry) => {
      const table = tables.get(entry.list);
      if (!table) return Promise.resolve({ status: 'rejected', reason: `unknown list ${entry.list}` });
      return table.replay(entry);
    },
    entityName: (list) => tables.get(list)?.entity ?? list,
    notices,
    logger,
    now,
    random: deps.random ?? Math.random,
    retry: { maxRetries: Number.POSITIVE_INFINITY, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 },
    auto: deps.autoReplay ?? true,
  });

  const ctx: StoreContext = {
    gateway,
    siteId,
    lists: new ListDirectory(gateway, siteId, config.sharepoint.listPrefix),
    coalescer: new WriteCoalescer(gateway),
    replayer,
    notices,
    cacheMaxAgeMs: deps.cacheMaxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS,
    now,
    onInvalidItem,
    logger,
  };

  const projects = projectTable(ctx);
  const projectExists = (id: string) => projects.has(id);
  const kpis = kpiTable(ctx, projectExists);
  const all = {
    projects,
    statusUpdates: statusUpdateTable(ctx, projectExists),
    risks: riskTable(ctx, projectExists),
    milestones: milestoneTable(ctx, projectExists),
    kpis,
    measurements: measurementTable(ctx, (id) => kpis.has(id)),
    people: personTable(ctx),
    audit: auditTable(ctx),
    settings: settingsTable(ctx),
  };
  const readModels = createSharePointReadModels(all);
  for (const table of Object.values(all))
    tables.set(table.key, table as unknown as SharePointListTable<never>);
  try {
    await replayer.start();
  } catch (error) {
    await outbox.close();
    throw new UnavailableError('SharePoint outbox', { cause: error });
  }

  return {
    kind: 'sharepoint',
    projects: createProjectRepository(all.projects),
    statusUpdates: createStatusUpdateRepository(all.statusUpdates),
    risks: createRiskRepository(all.risks),
    milestones: createMilestoneRepository(all.milestones),
    kpis: createKpiRepository(all.kpis),
    measurements: createMeasurementRepository(all.measurements),
    people: createPersonRepository(all.people),
    audit: createAuditRepository(all.audit),
    settings: createSettingsRepository(all.settings),
    readModels,
    writes: notices,
    queuedWrites: notices,

    ping: async () => {
      try {
        await gateway.getSite(siteId);
      } catch (error) {
        const mapped = toDomainError(error, { entity: 'site', id: siteId });
        throw mapped instanceof UnavailableError
          ? mapped
          : new UnavailableError('SharePoint', { cause: error });
      }
    },

    isEmpty: async () => (await all.projects.all()).length === 0 && (await all.people.all()).length === 0,

    sync: async () => {
      await Promise.all([...tables.values()].map((table) => table.sync()));
    },

    flushOutbox: () => replayer.drain(),
    pendingWrites: () => replayer.pending(),
    deadLetters: () => outbox.deadLetters(),

    close: async () => {
      replayer.stop();
      // Let a replay in progress finish before the outbox closes (not for ever).
      await Promise.race([replayer.idle(), delay(5_000, undefined, { ref: false })]);
      await outbox.close();
    },
  };
}
