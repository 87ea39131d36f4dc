// npm run dev: the app (embedded store, anonymous bot, demo portfolio) and the Microsoft 365 Agents
// Playground (http://localhost:56150, msteams channel, users from .m365agentsplayground.yml)
// together. Ctrl+C stops both; if either exits, the other is stopped too.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../bot/config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = loadConfig();
const bin = (name: string) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const endpoint = `http://localhost:${config.server.port}/api/messages`;

const children: ChildProcess[] = [];
let stopping = false;

function start(name: string, command: string, args: string[]): ChildProcess {
  // Each child leads its own process group so that stopping it also stops what it started.
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', detached: process.platform !== 'win32' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.log(`[dev] ${name} exited (${signal ?? code}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) signalGroup(child, 'SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) signalGroup(child, 'SIGKILL');
    process.exit(code);
  }, 5_000);
  force.unref();
  void Promise.all(
    children.map((c) =>
      c.exitCode !== null || c.signalCode !== null
        ? Promise.resolve()
        : new Promise((r) => c.once('exit', r)),
    ),
  ).then(() => process.exit(code));
}

async function waitForApp(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const r = await fetch(`http://localhost:${config.server.port}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app did not answer on port ${config.server.port} within ${timeoutMs / 1000} s`);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));

start('app', process.execPath, [
  '--disable-warning=DEP0111',
  '--import',
  'tsx',
  path.join(root, 'bot', 'main.ts'),
]);
try {
  await waitForApp();
} catch (error) {
  console.error(`[dev] ${(error as Error).message}`);
  stop(1);
}
if (!stopping) {
  start('playground', bin('agentsplayground'), ['-e', endpoint, '-c', 'msteams', '--disable-telemetry']);
  console.log(`[dev] bot ${endpoint}; chat with it at http://localhost:56150 (Ctrl+C stops both)`);
}
