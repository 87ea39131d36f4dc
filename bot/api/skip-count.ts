// Search-style paging (skip/count), as the message extension and Copilot's functions ask for it.

/** The skip and count of a query, with `defaultCount` when it names none. */
export function skipCountOf(
  query: { skip?: number; count?: number },
  defaultCount: number,
): { skip: number; count: number } {
  return { skip: query.skip ?? 0, count: query.count ?? defaultCount };
}
