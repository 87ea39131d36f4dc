// The key syntax of Teams language files: dotted property names with array indexes, such as
// "bots[0].commandLists[1].commands[3].title" or "name.short".
export type PathSegment = string | number;

export function parseJsonPath(key: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  for (const part of key.split('.')) {
    const m = /^([A-Za-z_$][A-Za-z0-9_$]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    segments.push(m[1] ?? '');
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** The value at a language-file key in a JSON document, or undefined when nothing is there. */
export function valueAt(doc: unknown, key: string): unknown {
  const path = parseJsonPath(key);
  if (!path) return undefined;
  let current: unknown = doc;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = (current as unknown[])[segment];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
