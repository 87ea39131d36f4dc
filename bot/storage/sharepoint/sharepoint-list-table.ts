// What every SharePoint repository shares: get, getMany, create and update of one entity type on one
// list, with optimistic concurrency, a delta-synchronised cache and the outbox.
//
// Reads: answered from the local cache after a delta sync when the cache is older than
// `cacheMaxAgeMs` (a sync with no change costs one request for the list).
// create: validated, checked against the cache for the id, unique keys and the parent record, then
//   POSTed (batched with concurrent writes). SharePoint's unique EntityId column is the guard between
//   app instances: a 409 is resolved by looking the id up, so a retry of a create that already landed
//   is recognised as ours and not reported as a duplicate.
// update: the stored version must equal the expected one (else ConflictError with the current
//   entity, without calling Graph); then PATCH with If-Match on the item's ETag. A 412 re-reads the
//   item: our own earlier attempt that landed -> success; changed by someone else -> ConflictError
//   carrying what is stored now.
// Throttled or unavailable beyond the retry budget: the write goes to the outbox, the cache shows it,
// the caller gets the stored entity and a `queued` notice (write-notices.ts).
import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  DuplicateError,
  NotFoundError,
  UnavailableError,
  ValidationError,
  type FieldIssue,
} from '../../domain/errors.js';
import { toFieldIssues } from '../../domain/validation.js';
import { outboxKey, type OutboxEntry } from '../outbox/outbox.js';
import { isGraphRequestError, toDomainError, type GraphRequestError } from './graph-error.js';
import { ListItemShape, type BatchOutcome, type GraphGateway, type RawListItem } from './graph-gateway.js';
import type { StorageLogger } from './graph-logger.js';
import { ListCache, type CachedItem } from './list-cache.js';
import type { ListDirectory } from './list-directory.js';
import { decodeFields, encodeFields, type EntityCodec } from './list-item-codec.js';
import { ENTITY_ID_COLUMN, type ListKey } from './list-schema.js';
import type { OutboxReplayer, ReplayOutcome } from './outbox-replayer.js';
import type { QueuedWrite, WriteNotices } from './write-notices.js';
import type { WriteCoalescer } from './write-coalescer.js';

export type InvalidItemHandler = (list: string, itemId: string, issues: FieldIssue[]) => void;

export interface StoreContext {
  gateway: GraphGateway;
  siteId: string;
  lists: ListDirectory;
  coalescer: WriteCoalescer;
  replayer: OutboxReplayer;
  notices: WriteNotices;
  /** A read older than this synchronises the list first (0: every read). */
  cacheMaxAgeMs: number;
  now: () => number;
  onInvalidItem: InvalidItemHandler;
  logger: StorageLogger;
}

export interface UniqueKey<T> {
  /** The value that must be unique (compared without letter case); null for none. */
  of: (entity: T) => string | null;
}

export interface ParentRef<T> {
  /** Field path named in the ValidationError. */
  path: string;
  of: (entity: T) => string | null;
  entity: string;
  exists: (id: string) => Promise<boolean>;
}

export interface ListTableSpec<T> {
  codec: EntityCodec<T>;
  uniqueKeys?: ReadonlyArray<UniqueKey<T>>;
  parent?: ParentRef<T>;
}

function eTagOf(item: RawListItem): string {
  const fromFields = item.fields?.['@odata.etag'];
  return item.eTag ?? (typeof fromFields === 'string' ? fromFields : '');
}

function transientReason(error: GraphRequestError): QueuedWrite['reason'] {
  return error.kind === 'throttled' ? 'throttled' : 'unavailable';
}

function isDuplicate(error: GraphRequestError): boolean {
  return error.kind === 'duplicate' || (error.kind === 'invalid' && /duplicate value/i.test(error.message));
}

export class SharePointListTable<T> {
  readonly key: ListKey;
  readonly cache: ListCache<T>;
  private syncing?: Promise<void>;

  constructor(
    private readonly ctx: StoreContext,
    private readonly spec: ListTableSpec<T>,
  ) {
    this.key = spec.codec.spec.key;
    this.cache = new ListCache(spec.codec.idOf, spec.codec.versionOf);
  }

  get entity(): string {
    return this.spec.codec.entity;
  }

  /** get, getMany, create and update bound to this table, to spread into its repository. */
  crud(): {
    get(id: string): Promise<T | undefined>;
    getMany(ids: readonly string[]): Promise<T[]>;
    create(entity: T): Promise<T>;
    update(entity: T, expectedVersion: number): Promise<T>;
  } {
    return {
      get: (id) => this.get(id),
      getMany: (ids) => this.getMany(ids),
      create: (entity) => this.create(entity),
      update: (entity, expectedVersion) => this.update(entity, expectedVersion),
    };
  }

  private get codec(): EntityCodec<T> {
    return this.spec.codec;
  }

  // ---- reading ----

  /** Brings the cache up to date with one delta round (shared by concurrent callers). */
  sync(): Promise<void> {
    this.syncing ??= this.runSync().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async runSync(): Promise<void> {
    const listId = await this.ctx.lists.idOf(this.key);
    const mark = this.cache.mark();
    const started = this.ctx.now();
    const delta = await this.ctx.gateway.delta(this.ctx.siteId, listId, this.cache.deltaLink);
    const valid: Array<CachedItem<T>> = [];
    for (const item of delta.items) {
      const cached = this.toCached(item);
      if (cached) valid.push(cached);
      else this.cache.removeItem(item.id);
    }
    if (delta.full) {
      this.cache.replaceAll(valid, mark);
    } else {
      for (const item of valid) this.cache.put(item, { fromDelta: true });
      for (const id of delta.deletedIds) this.cache.removeItem(id);
    }
    this.cache.deltaLink = delta.deltaLink;
    this.cache.syncedAt = started;
  }

  /**
   * Syncs when the cache is too old. When SharePoint throttles or is down, a list read before is
   * served as last seen rather than failing; a create (`forWrite`) goes ahead even on a list never
   * read, since SharePoint's unique columns guard it and the outbox keeps it if Graph stays down.
   */
  private async fresh(forWrite = false): Promise<void> {
    if (!this.syncing && this.ctx.now() - this.cache.syncedAt < this.ctx.cacheMaxAgeMs) return;
    try {
      await this.sync();
    } catch (error) {
      const usable = forWrite || Number.isFinite(this.cache.syncedAt);
      if (usable && isGraphRequestError(error) && error.isTransient) {
        this.ctx.logger.warn(
          { list: this.key, kind: error.kind },
          'SharePoint sync failed; serving the cached list',
        );
        return;
      }
      throw toDomainError(error, { entity: this.entity, id: this.key });
    }
  }

  private toCached(item: RawListItem): CachedItem<T> | undefined {
    const decoded = decodeFields(this.codec, item.fields);
    if (!decoded.ok) {
      this.ctx.onInvalidItem(this.key, item.id, decoded.issues);
      return undefined;
    }
    return {
      itemId: item.id,
      eTag: eTagOf(item),
      entity: decoded.entity,
      writeId: decoded.writeId,
    };
  }

  /** Syncs the list when its cache is too old (as every read does). */
  ensureFresh(): Promise<void> {
    return this.fresh();
  }

  async all(): Promise<T[]> {
    await this.fresh();
    return this.cache.values();
  }

  async get(id: string): Promise<T | undefined> {
    await this.fresh();
    return this.cache.get(id);
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    await this.fresh();
    return [...new Set(ids)].map((id) => this.cache.get(id)).filter((e): e is T => e !== undefined);
  }

  async has(id: string): Promise<boolean> {
    return (await this.get(id)) !== undefined;
  }

  // ---- writing ----

  /** The entity as it will be stored at `version`, validated. */
  private prepare(entity: T, version: number): T {
    const result = this.codec.schema.safeParse({ ...entity, version });
    if (!result.success) throw new ValidationError(toFieldIssues(result.error));
    return result.data;
  }

  private checkUnique(stored: T): void {
    const id = this.codec.idOf(stored);
    for (const key of this.spec.uniqueKeys ?? []) {
      const value = key.of(stored)?.toLowerCase();
      if (value === undefined) continue;
      const clash = this.cache
        .values()
        .find((e) => this.codec.idOf(e) !== id && key.of(e)?.toLowerCase() === value);
      if (clash) throw new DuplicateError(this.entity, key.of(stored) ?? value);
    }
  }

  private async checkParent(stored: T): Promise<void> {
    const parent = this.spec.parent;
    const ref = parent?.of(stored);
    if (!parent || ref === null || ref === undefined) return;
    if (!(await parent.exists(ref))) {
      throw new ValidationError([
        { path: parent.path, code: 'not_found', message: `refers to a ${parent.entity} that does not exist` },
      ]);
    }
  }

  private itemOf(outcome: BatchOutcome): RawListItem | undefined {
    const parsed = ListItemShape.safeParse(outcome.body);
    return parsed.success ? parsed.data : undefined;
  }

  /** The item holding an entity id, read from SharePoint (filter on the indexed, unique EntityId). */
  private async findById(
    listId: string,
    id: string,
  ): Promise<{ item: RawListItem; cached?: CachedItem<T> } | undefined> {
    const [item] = await this.ctx.gateway.findItems(this.ctx.siteId, listId, ENTITY_ID_COLUMN, id);
    if (!item) return undefined;
    return { item, cached: this.toCached(item) };
  }

  async create(entity: T): Promise<T> {
    const stored = this.prepare(entity, 1);
    const id = this.codec.idOf(stored);
    await this.fresh(true);
    if (this.cache.get(id) !== undefined) throw new DuplicateError(this.entity, id);
    this.checkUnique(stored);
    await this.checkParent(stored);
    const writeId = randomUUID();
    if (this.ctx.replayer.mustQueue())
      return this.enqueue('create', stored, null, 'behind-queued-writes', writeId);
    const listId = await this.listId();
    const outcome = await this.ctx.coalescer.submit(
      this.ctx.gateway.createItemRequest(this.ctx.siteId, listId, encodeFields(this.codec, stored, writeId)),
    );
    if (!outcome.error) {
      this.putWritten(this.itemOf(outcome), stored, writeId);
      return stored;
    }
    const error = outcome.error;
    if (isDuplicate(error)) return this.resolveDuplicateCreate(listId, stored, writeId);
    if (error.isTransient) return this.enqueue('create', stored, null, transientReason(error), writeId);
    throw toDomainError(error, { entity: this.entity, id });
  }

  private putWritten(item: RawListItem | undefined, stored: T, writeId: string): void {
    if (!item) return;
    const eTag = eTagOf(item);
    this.cache.put({ itemId: item.id, eTag, entity: stored, writeId });
  }

  /** A 409 on create: our own earlier attempt (same write id) is success; anything else a duplicate. */
  private async resolveDuplicateCreate(listId: string, stored: T, writeId: string): Promise<T> {
    const id = this.codec.idOf(stored);
    let found;
    try {
      found = await this.findById(listId, id);
    } catch (error) {
      if (isGraphRequestError(error) && error.isTransient) {
        return this.enqueue('create', stored, null, 'unavailable', writeId);
      }
      throw toDomainError(error, { entity: this.entity, id });
    }
    if (found?.cached) {
      this.cache.put(found.cached);
      if (found.cached.writeId === writeId) return stored;
      throw new DuplicateError(this.entity, id);
    }
    if (found) throw new DuplicateError(this.entity, id);
    // Another unique column (code, e-mail, project and period) holds the value.
    await this.sync().catch(() => undefined);
    this.checkUnique(stored);
    throw new DuplicateError(this.entity, id);
  }

  async update(entity: T, expectedVersion: number): Promise<T> {
    const stored = this.prepare(entity, expectedVersion + 1);
    const id = this.codec.idOf(stored);
    await this.fresh();
    let current = this.cache.get(id);
    if (current === undefined || this.codec.versionOf(current) < expectedVersion) {
      // Perhaps written by another instance since the last sync.
      await this.sync().catch((error: unknown) => {
        throw toDomainError(error, { entity: this.entity, id });
      });
      current = this.cache.get(id);
    }
    if (current === undefined) throw new NotFoundError(this.entity, id);
    if (this.codec.versionOf(current) !== expectedVersion) {
      throw new ConflictError<T>(this.entity, id, expectedVersion, current);
    }
    this.checkUnique(stored);
    await this.checkParent(stored);
    const writeId = randomUUID();
    if (this.ctx.replayer.mustQueue() || this.cache.hasPending(id)) {
      return this.enqueue('update', stored, expectedVersion, 'behind-queued-writes', writeId);
    }
    return this.sendUpdate(stored, expectedVersion, true, writeId);
  }

  private async sendUpdate(
    stored: T,
    expectedVersion: number,
    mayRetry: boolean,
    writeId: string,
  ): Promise<T> {
    const id = this.codec.idOf(stored);
    const committed = this.cache.committed(id);
    if (!committed) throw new NotFoundError(this.entity, id);
    const listId = await this.listId();
    const outcome = await this.ctx.coalescer.submit(
      this.ctx.gateway.updateItemRequest(
        this.ctx.siteId,
        listId,
        committed.itemId,
        encodeFields(this.codec, stored, writeId),
        committed.eTag,
      ),
    );
    if (!outcome.error) {
      const body = outcome.body as Record<string, unknown> | undefined;
      const eTag = typeof body?.['@odata.etag'] === 'string' ? body['@odata.etag'] : undefined;
      if (eTag) {
        this.cache.put({ itemId: committed.itemId, eTag, entity: stored, writeId });
      } else {
        await this.refresh(listId, committed.itemId).catch(() => undefined);
      }
      return stored;
    }
    const error = outcome.error;
    if (error.kind === 'conflict') {
      let fresh: CachedItem<T> | undefined;
      try {
        fresh = await this.refresh(listId, committed.itemId);
      } catch (e) {
        if (isGraphRequestError(e) && e.kind === 'not_found') throw new NotFoundError(this.entity, id);
        // Cannot tell now whether our write landed (a reset may have hidden its answer): the outbox
        // settles it later by the write id, never applying it twice.
        if (isGraphRequestError(e) && e.isTransient) {
          return this.enqueue('update', stored, expectedVersion, transientReason(e), writeId);
        }
        throw toDomainError(e, { entity: this.entity, id });
      }
      const version = fresh ? this.codec.versionOf(fresh.entity) : undefined;
      // Our own earlier attempt landed (an answer lost to a reset, then retried): success.
      if (fresh && version === expectedVersion + 1 && fresh.writeId === writeId) return stored;
      if (fresh && version === expectedVersion && mayRetry) {
        // The item was edited outside the app (its ETag moved, our version did not): try once more.
        return this.sendUpdate(stored, expectedVersion, false, writeId);
      }
      throw new ConflictError<T | undefined>(
        this.entity,
        id,
        expectedVersion,
        fresh?.entity ?? this.cache.get(id),
      );
    }
    if (error.kind === 'not_found') {
      this.cache.removeItem(committed.itemId);
      throw new NotFoundError(this.entity, id);
    }
    if (isDuplicate(error)) {
      await this.sync().catch(() => undefined);
      this.checkUnique(stored);
      throw new DuplicateError(this.entity, id);
    }
    if (error.isTransient)
      return this.enqueue('update', stored, expectedVersion, transientReason(error), writeId);
    throw toDomainError(error, { entity: this.entity, id });
  }

  /** Reads one item again and caches it; undefined when it no longer validates. */
  private async refresh(listId: string, itemId: string): Promise<CachedItem<T> | undefined> {
    let item: RawListItem;
    try {
      item = await this.ctx.gateway.getItem(this.ctx.siteId, listId, itemId);
    } catch (error) {
      if (isGraphRequestError(error) && error.kind === 'not_found') this.cache.removeItem(itemId);
      throw error;
    }
    const cached = this.toCached(item);
    if (cached) this.cache.put(cached);
    return cached;
  }

  private async listId(): Promise<string> {
    try {
      return await this.ctx.lists.idOf(this.key);
    } catch (error) {
      throw toDomainError(error, { entity: this.entity, id: this.key });
    }
  }

  private async enqueue(
    op: 'create' | 'update',
    stored: T,
    expectedVersion: number | null,
    reason: QueuedWrite['reason'],
    writeId: string,
  ): Promise<T> {
    const id = this.codec.idOf(stored);
    const key = outboxKey(this.key, op, id, this.codec.versionOf(stored));
    try {
      await this.ctx.replayer.enqueue({
        key,
        list: this.key,
        op,
        entityId: id,
        writeId,
        entity: stored,
        expectedVersion,
        enqueuedAt: new Date(this.ctx.now()).toISOString(),
      });
    } catch (error) {
      throw new UnavailableError('SharePoint outbox', { cause: error });
    }
    this.cache.setPending(stored);
    this.ctx.notices.emit({
      type: 'queued',
      write: { list: this.key, entity: this.entity, entityId: id, op, key, reason },
    });
    return stored;
  }

  // ---- replaying queued writes ----

  /**
   * Lands a queued write, never twice: a create first looks its id up (it may have landed before a
   * reset hid the answer); an update lands only on the version it was based on, and counts as landed
   * when the item already holds exactly this version.
   */
  async replay(entry: OutboxEntry): Promise<ReplayOutcome> {
    const parsed = this.codec.schema.safeParse(entry.entity);
    if (!parsed.success) return { status: 'rejected', reason: 'the queued record no longer validates' };
    const stored = parsed.data;
    const id = this.codec.idOf(stored);
    const version = this.codec.versionOf(stored);
    const settle = (outcome: ReplayOutcome): ReplayOutcome => {
      if (outcome.status !== 'retry') this.cache.settlePending(id, version);
      return outcome;
    };
    try {
      const listId = await this.ctx.lists.idOf(this.key);
      if (entry.op === 'create') return settle(await this.replayCreate(listId, stored, entry.writeId));
      return settle(
        await this.replayUpdate(listId, stored, entry.expectedVersion ?? version - 1, entry.writeId),
      );
    } catch (error) {
      if (isGraphRequestError(error) && error.isTransient) return { status: 'retry', error };
      if (isGraphRequestError(error)) return settle({ status: 'rejected', reason: error.message });
      throw error;
    }
  }

  private async replayCreate(listId: string, stored: T, writeId: string): Promise<ReplayOutcome> {
    const id = this.codec.idOf(stored);
    const existing = await this.findById(listId, id);
    if (existing) return this.landedAs(existing.cached, writeId, 'a different record with this id exists');
    const outcome = await this.ctx.coalescer.submit(
      this.ctx.gateway.createItemRequest(this.ctx.siteId, listId, encodeFields(this.codec, stored, writeId)),
    );
    if (!outcome.error) {
      this.putWritten(this.itemOf(outcome), stored, writeId);
      return { status: 'synced' };
    }
    if (outcome.error.isTransient) return { status: 'retry', error: outcome.error };
    if (isDuplicate(outcome.error)) {
      const found = await this.findById(listId, id);
      return this.landedAs(found?.cached, writeId, 'a unique value of this record is taken');
    }
    return { status: 'rejected', reason: outcome.error.message };
  }

  private landedAs(found: CachedItem<T> | undefined, writeId: string, otherwise: string): ReplayOutcome {
    if (found) this.cache.put(found);
    return found?.writeId === writeId ? { status: 'synced' } : { status: 'rejected', reason: otherwise };
  }

  private async replayUpdate(
    listId: string,
    stored: T,
    expectedVersion: number,
    writeId: string,
  ): Promise<ReplayOutcome> {
    const id = this.codec.idOf(stored);
    let committed = this.cache.committed(id);
    if (!committed) {
      const found = await this.findById(listId, id);
      if (!found?.cached) return { status: 'rejected', reason: 'the record is not in SharePoint' };
      committed = found.cached;
      this.cache.put(committed);
    }
    const current = await this.refresh(listId, committed.itemId);
    if (!current) return { status: 'rejected', reason: 'the stored record no longer validates' };
    const version = this.codec.versionOf(current.entity);
    if (version === expectedVersion + 1 && current.writeId === writeId) return { status: 'synced' };
    if (version !== expectedVersion) {
      return {
        status: 'rejected',
        reason: `changed meanwhile (version ${version}, expected ${expectedVersion})`,
      };
    }
    const outcome = await this.ctx.coalescer.submit(
      this.ctx.gateway.updateItemRequest(
        this.ctx.siteId,
        listId,
        current.itemId,
        encodeFields(this.codec, stored, writeId),
        current.eTag,
      ),
    );
    if (!outcome.error) {
      const body = outcome.body as Record<string, unknown> | undefined;
      const eTag = typeof body?.['@odata.etag'] === 'string' ? body['@odata.etag'] : current.eTag;
      this.cache.put({ itemId: current.itemId, eTag, entity: stored, writeId });
      return { status: 'synced' };
    }
    if (outcome.error.isTransient) return { status: 'retry', error: outcome.error };
    if (outcome.error.kind === 'conflict') {
      const again = await this.refresh(listId, current.itemId);
      return this.landedAs(again, writeId, 'changed meanwhile');
    }
    return { status: 'rejected', reason: outcome.error.message };
  }
}
