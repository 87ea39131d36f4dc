// `npm start` runs this first: builds the tab (vite) when tab/dist is missing or older than any
// source file of the tab or the domain it imports. Quick when nothing changed.
/* global console, process */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tabDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(tabDir);
const built = path.join(tabDir, 'dist', 'index.html');

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
  return max;
}

const sources = [
  path.join(tabDir, 'src'),
  path.join(tabDir, 'index.html'),
  path.join(tabDir, 'public'),
  path.join(tabDir, 'vite.config.ts'),
  path.join(root, 'bot', 'domain'),
  path.join(root, 'bot', 'i18n', 'format.ts'),
];
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newest));
if (builtAt >= changedAt) {
  console.log('tab/dist is up to date');
} else {
  console.log(builtAt ? 'tab sources changed: building the tab' : 'tab/dist missing: building the tab');
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--config', path.join(tabDir, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}
