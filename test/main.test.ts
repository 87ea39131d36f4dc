// The process as `npm start` runs it: configuration errors stop it with a readable message, a first
// start on an empty data directory seeds the demo portfolio, SIGTERM stops it cleanly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function start(env: Record<string, string>) {
  const child = spawn(TSX, ['bot/main.ts'], {
    cwd: ROOT,
    // Only what the test sets: no developer .env or shell variables leak in.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_OPTIONS: '--disable-warning=DEP0111',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('bot/main.ts', () => {
  it('stops with exit code 1 and names every bad variable, without a stack trace', async () => {
    const p = start({ PORT: 'abc', STORE: 'mongodb', LOG_LEVEL: 'loud' });
    expect(await p.exited).toBe(1);
    const err = p.err();
    expect(err).toContain('Invalid configuration');
    expect(err).toMatch(/PORT: .+/);
    expect(err).toMatch(/STORE: .*sqlite.*sharepoint/);
    expect(err).toMatch(/LOG_LEVEL: .+/);
    expect(err).not.toMatch(/^\s+at /m);
    expect(p.out()).toBe('');
  });

  it('seeds an empty store on first start, serves, and stops on SIGTERM with exit code 0', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'th-main-'));
    dirs.push(dataDir);
    const p = start({ PORT: '0', DATA_DIR: dataDir, SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'info' });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on http:\/\/localhost:(\d+)/.exec(p.out());
        if (m) {
          clearInterval(timer);
          resolve(Number(m[1]));
        }
      }, 50);
      void p.exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`exited ${code}: ${p.err()}`));
      });
    });
    expect(p.out()).toContain('seeded the demo portfolio');
    expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);
    const summary = await fetch(`http://localhost:${port}/api/v1/portfolio/summary`);
    expect(summary.status).toBe(200);
    const body = (await summary.json()) as { totals: { projects: number }; pillars: unknown[] };
    expect(body.totals.projects).toBe(34); // the demo portfolio from the ITU seed documents
    expect(body.pillars.length).toBeGreaterThan(0);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain('stopped');
  });
});
