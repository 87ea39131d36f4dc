// Regenerates the app icons in manifest/template/ from manifest/lib/icon-drawing.ts.
// Usage: npx tsx manifest/scripts/draw-icons.ts [--out <dir>]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { drawIcons } from '../lib/icon-drawing.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'manifest/template' } } });
const outDir = values.out ?? 'manifest/template';
mkdirSync(outDir, { recursive: true });
for (const [name, bytes] of Object.entries(drawIcons())) {
  const file = path.join(outDir, name);
  writeFileSync(file, bytes);
  console.log(`wrote ${file} (${bytes.length} bytes)`);
}
