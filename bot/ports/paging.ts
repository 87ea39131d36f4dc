// Paged reads: every list query returns a page and an opaque cursor, so a store backed by
// SharePoint can follow @odata.nextLink without loading everything at once.
export interface PageRequest {
  /** Items per page; stores clamp to [1, MAX_PAGE_SIZE]. Default DEFAULT_PAGE_SIZE. */
  limit?: number;
  /** Opaque cursor from a previous page's nextCursor. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Present when there are more items. */
  nextCursor?: string;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/** Follows cursors until the last page. For internal use (digest, summaries), not for API responses. */
export async function collectAll<T>(
  fetchPage: (req: PageRequest) => Promise<Page<T>>,
  pageSize = MAX_PAGE_SIZE,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ limit: pageSize, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
