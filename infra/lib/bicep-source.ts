// A small reader for the Bicep files of this repository: enough structure (declarations with their
// decorators, object blocks) for static checks (test/infra). There is no Bicep compiler offline.
import { readFileSync } from 'node:fs';

export interface Declaration {
  kind: 'param' | 'var' | 'output' | 'resource' | 'module';
  name: string;
  /** Rest of the declaration line after the name (type, '=', default ...). */
  rest: string;
  decorators: string[];
  line: number;
}

export interface BicepFile {
  path: string;
  text: string;
  declarations: Declaration[];
}

const DECL = /^(param|var|output|resource|module)\s+([A-Za-z_][A-Za-z0-9_]*)\s*(.*)$/;

export function readBicep(path: string): BicepFile {
  const text = readFileSync(path, 'utf8');
  const declarations: Declaration[] = [];
  let decorators: string[] = [];
  let pending = '';
  let depth = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (depth > 0 || line.startsWith('@')) {
      pending += (pending ? ' ' : '') + line;
      depth += (line.match(/[([]/g) ?? []).length - (line.match(/[)\]]/g) ?? []).length;
      if (depth <= 0) {
        decorators.push(pending);
        pending = '';
        depth = 0;
      }
      return;
    }
    const m = DECL.exec(line);
    if (m) {
      declarations.push({
        kind: m[1] as Declaration['kind'],
        name: m[2] ?? '',
        rest: m[3] ?? '',
        decorators,
        line: index + 1,
      });
    }
    if (line !== '' && !line.startsWith('//')) decorators = [];
  });
  return { path, text, declarations };
}

/** The lines of a `{ ... }` block that starts on the line matching `start`, without the braces. */
export function blockAfter(text: string, start: RegExp): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => start.test(l));
  if (from < 0) return [];
  const out: string[] = [];
  let depth = 0;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i] ?? '';
    depth += (l.match(/\{/g) ?? []).length - (l.match(/\}/g) ?? []).length;
    if (i > from) out.push(l);
    if (depth === 0 && i > from) break;
  }
  return out.slice(0, -1);
}

/** `KEY: value` pairs of a flat object block. */
export function objectEntries(block: readonly string[]): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of block) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+?)\s*$/.exec(line);
    if (m?.[1] && m[2]) entries.set(m[1], m[2]);
  }
  return entries;
}
