// The local read cache of one list: every item's entity, item id and ETag, kept current by delta
// queries (sharepoint-list-table.ts decides when to sync). Writes made through this store update it at
// once (read-your-writes); a delta page never replaces a newer version with an older one (a delta
// request may have been answered before a write of ours landed). Writes waiting in the outbox are
// shown as `pending` overlays until they land or are rejected. Listeners hear of every entity whose
// visible version may have changed (the SharePoint read models are kept current that way).
export interface CachedItem<T> {
  itemId: string;
  eTag: string;
  entity: T;
  /** The write that stored this version (WriteId column); null when unknown. */
  writeId: string | null;
}

interface Stored<T> extends CachedItem<T> {
  /** Write sequence when it was put, so a full resync keeps what landed after it started. */
  seq: number;
}

export class ListCache<T> {
  deltaLink?: string;
  syncedAt = Number.NEGATIVE_INFINITY;
  private writeSeq = 0;
  private readonly items = new Map<string, Stored<T>>();
  private readonly byEntity = new Map<string, string>();
  private readonly pending = new Map<string, T>();
  private readonly listeners: Array<(entityId: string) => void> = [];

  constructor(
    private readonly idOf: (entity: T) => string,
    private readonly versionOf: (entity: T) => number,
  ) {}

  /** Calls `listener` with the id of each entity that may have changed (added, updated or removed). */
  onChange(listener: (entityId: string) => void): void {
    this.listeners.push(listener);
  }

  private changed(entityId: string): void {
    for (const listener of this.listeners) listener(entityId);
  }

  /** A marker to pass to replaceAll: items put after it survive the replacement. */
  mark(): number {
    return this.writeSeq;
  }

  put(item: CachedItem<T>, options: { fromDelta?: boolean } = {}): void {
    const entityId = this.idOf(item.entity);
    const previousItemId = this.byEntity.get(entityId);
    const previous = previousItemId === undefined ? undefined : this.items.get(previousItemId);
    if (options.fromDelta && previous && this.versionOf(previous.entity) > this.versionOf(item.entity))
      return;
    const existing = this.items.get(item.itemId);
    if (existing && this.idOf(existing.entity) !== entityId) this.byEntity.delete(this.idOf(existing.entity));
    if (previousItemId !== undefined && previousItemId !== item.itemId) this.items.delete(previousItemId);
    this.items.set(item.itemId, { ...item, seq: ++this.writeSeq });
    this.byEntity.set(entityId, item.itemId);
    if (existing && this.idOf(existing.entity) !== entityId) this.changed(this.idOf(existing.entity));
    this.changed(entityId);
  }

  removeItem(itemId: string): void {
    const existing = this.items.get(itemId);
    if (!existing) return;
    this.items.delete(itemId);
    const entityId = this.idOf(existing.entity);
    if (this.byEntity.get(entityId) === itemId) this.byEntity.delete(entityId);
    this.changed(entityId);
  }

  /** Replaces everything with a full enumeration, keeping items put since `mark`. */
  replaceAll(items: ReadonlyArray<CachedItem<T>>, mark: number): void {
    const survivors = [...this.items.values()].filter((i) => i.seq > mark);
    const before = [...this.byEntity.keys()];
    this.items.clear();
    this.byEntity.clear();
    for (const item of items) this.put(item);
    for (const item of survivors) this.put(item, { fromDelta: true });
    for (const entityId of before) if (!this.byEntity.has(entityId)) this.changed(entityId);
  }

  committed(entityId: string): CachedItem<T> | undefined {
    const itemId = this.byEntity.get(entityId);
    return itemId === undefined ? undefined : this.items.get(itemId);
  }

  /** The entity as callers see it: a pending write, else what SharePoint holds. */
  get(entityId: string): T | undefined {
    return this.pending.get(entityId) ?? this.committed(entityId)?.entity;
  }

  values(): T[] {
    const out = new Map<string, T>();
    for (const item of this.items.values()) out.set(this.idOf(item.entity), item.entity);
    for (const [id, entity] of this.pending) out.set(id, entity);
    return [...out.values()];
  }

  hasPending(entityId: string): boolean {
    return this.pending.has(entityId);
  }

  setPending(entity: T): void {
    this.pending.set(this.idOf(entity), entity);
    this.changed(this.idOf(entity));
  }

  /** Drops the overlay once the write of `version` (or an older one) landed or was rejected. */
  settlePending(entityId: string, version: number): void {
    const pending = this.pending.get(entityId);
    if (pending && this.versionOf(pending) <= version) {
      this.pending.delete(entityId);
      this.changed(entityId);
    }
  }
}
