// Test helper: a throw-away copy of the real template and env files, so each test can break one
// thing and see the packager refuse it. Nothing broken is ever committed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOT_COMMANDS } from '../../bot/teams/command-catalog.js';
import { COMMAND_KEYWORDS } from '../../bot/teams/command-keywords.js';
import { buildAppPackage, type PackageResult } from '../../manifest/lib/app-package.js';
import { handledFromRouter } from '../../manifest/lib/command-checks.js';

/** What `npm run package` checks against: the bot's router table with the catalogue's scopes. */
export const HANDLED_COMMANDS = handledFromRouter(BOT_COMMANDS, COMMAND_KEYWORDS);

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const TEMPLATE_DIR = path.join(REPO, 'manifest', 'template');
export const ENV_DIR = path.join(REPO, 'env');

export interface Workspace {
  root: string;
  templateDir: string;
  envDir: string;
  outDir: string;
  readJson(name: string): Record<string, unknown>;
  writeJson(name: string, value: unknown): void;
  editJson(name: string, edit: (doc: Record<string, unknown>) => void): void;
  build(envName?: string): Promise<PackageResult>;
  dispose(): void;
}

export function makeWorkspace(): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), 'th-manifest-'));
  const templateDir = path.join(root, 'template');
  const envDir = path.join(root, 'env');
  const outDir = path.join(root, 'build');
  cpSync(TEMPLATE_DIR, templateDir, { recursive: true });
  cpSync(path.join(ENV_DIR, '.env.dev'), path.join(envDir, '.env.dev'));
  const file = (name: string) => path.join(templateDir, name);
  const ws: Workspace = {
    root,
    templateDir,
    envDir,
    outDir,
    readJson: (name) => JSON.parse(readFileSync(file(name), 'utf8')) as Record<string, unknown>,
    writeJson: (name, value) => writeFileSync(file(name), JSON.stringify(value, null, 2)),
    editJson: (name, edit) => {
      const doc = ws.readJson(name);
      edit(doc);
      ws.writeJson(name, doc);
    },
    build: (envName = 'dev') =>
      buildAppPackage({ envName, envDir, templateDir, outDir, handledCommands: HANDLED_COMMANDS }),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  return ws;
}
