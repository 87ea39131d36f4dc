// Build step of the tab: writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) sibling next to
// every compressible file of tab/dist, so the server sends compressed bytes without compressing per
// request (bot/api/static-assets.ts picks the sibling by Accept-Encoding). A sibling is kept only when
// it is smaller than the file.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface PrecompressResult {
  files: number;
  raw: number;
  br: number;
  gzip: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (e) => e.isFile() && COMPRESSIBLE.test(e.name) && !path.relative(dir, e.parentPath).startsWith('.'),
    )
    .map((e) => path.join(e.parentPath, e.name));
}

/** Compresses every compressible file under `dir` (not the siblings themselves). */
export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const result: PrecompressResult = { files: 0, raw: 0, br: 0, gzip: 0 };
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file);
    const [b, g] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    result.files += 1;
    result.raw += bytes.length;
    result.br += Math.min(b.length, bytes.length);
    result.gzip += Math.min(g.length, bytes.length);
    if (b.length < bytes.length) await writeFile(`${file}.br`, b);
    if (g.length < bytes.length) await writeFile(`${file}.gz`, g);
  }
  return result;
}

/** Vite plugin: precompresses the output directory once the bundle is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'transformation-hub:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
