// Row 6 of the table: the JavaScript the built tab's index.html makes the browser fetch before the
// first page runs (its module scripts, modulepreload links and their static imports from Vite's
// manifest), compressed as a server sends it (gzip and brotli at their highest levels). The row
// measures what the build would transfer; how the server sends it is the tab delivery's business.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, bench, describe } from 'vitest';
import { recordRow } from './bench-table.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'tab', 'dist');
const built = spawnSync(process.execPath, [path.join(ROOT, 'tab', 'build-if-stale.mjs')], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (built.status !== 0) throw new Error(`building the tab failed: ${built.stderr}`);

interface ManifestChunk {
  file: string;
  imports?: string[];
}
const manifestFile = path.join(DIST, '.vite', 'manifest.json');
const manifest = existsSync(manifestFile)
  ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>)
  : {};
const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));

/** The JS files index.html loads at once: its scripts and preloads, and what they import statically. */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    const clean = file.replace(/^\.?\//, '');
    if (files.has(clean) || !clean.endsWith('.js')) return;
    files.add(clean);
    const key = byFile.get(clean);
    for (const imp of (key && manifest[key]?.imports) || []) {
      const chunk = manifest[imp];
      if (chunk) visit(chunk.file);
    }
  };
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) visit(m[1] ?? '');
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) visit(m[1] ?? '');
  return [...files];
}

const files = initialScripts(readFileSync(path.join(DIST, 'index.html'), 'utf8'));
const bodies = files.map((f) => readFileSync(path.join(DIST, f)));
const raw = bodies.reduce((n, b) => n + b.length, 0);
const gzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
const brotli = bodies.reduce(
  (n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  0,
);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

afterAll(() => {
  recordRow({
    order: 6,
    row: `tab first page, the part index.html loads before any view (${files.length} files, from the build)`,
    figure: `${kb(gzip)} gzip, ${kb(brotli)} brotli (${kb(raw)} uncompressed)`,
    // Not the goal's measure: the view's lazy chunks come on top (the Chromium row above).
    goal: 'context for the row above',
  });
});

describe('tab first page transfer', () => {
  bench('gzip the first page JS', () => {
    for (const b of bodies) gzipSync(b);
  });
});
