// Issue 12 item 9: storage start-up errors stop `bot/main.ts` at once with exit code 1 and one message
// naming DATA_DIR, the database file and the cause: a data directory that cannot be written, a
// corrupt database file, and a directory on a kernel pseudo file system (/proc, where mkdir hangs).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const base = mkdtempSync(path.join(tmpdir(), 'th-main-storage-'));
afterAll(() => {
  chmodSync(base, 0o700);
  for (const d of ['locked']) if (existsSync(path.join(base, d))) chmodSync(path.join(base, d), 0o700);
  rmSync(base, { recursive: true, force: true });
});

function start(dataDir: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'bot/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  // A process that hangs is killed (its exit code is then null, not 1). Generous: a loaded CI machine
  // takes seconds to load TypeScript; the 10 s goal is for the app, not for the test's machine.
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    }),
  );
}

function expectStorageError(
  r: { code: number | null; stderr: string; stdout: string },
  file: string,
  cause: RegExp,
) {
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('DATA_DIR');
  expect(r.stderr).toContain(file);
  expect(r.stderr).toMatch(cause);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toContain('listening');
}

describe('bot/main.ts storage start-up errors', { timeout: 90_000 }, () => {
  it('a data directory that cannot be written', async () => {
    let dataDir: string;
    let cause: RegExp;
    if (process.getuid?.() === 0) {
      // root writes anywhere: a path through a regular file is what it cannot create.
      writeFileSync(path.join(base, 'a-file'), 'x');
      dataDir = path.join(base, 'a-file', 'data');
      cause = /not a directory/;
    } else {
      dataDir = path.join(base, 'locked');
      mkdirSync(dataDir);
      chmodSync(dataDir, 0o500);
      cause = /not writable \(permission denied\)/;
    }
    expectStorageError(await start(dataDir), path.join(dataDir, 'transformation-hub.db'), cause);
  });

  it('a corrupt database file', async () => {
    const dataDir = path.join(base, 'corrupt');
    mkdirSync(dataDir);
    writeFileSync(
      path.join(dataDir, 'transformation-hub.db'),
      'this is not a SQLite database, not at all'.repeat(50),
    );
    expectStorageError(
      await start(dataDir),
      path.join(dataDir, 'transformation-hub.db'),
      /not a SQLite database or is corrupt/,
    );
  });

  it.skipIf(!existsSync('/proc/1'))('a directory under /proc (a pseudo file system)', async () => {
    expectStorageError(await start('/proc/1/hub'), '/proc/1/hub/transformation-hub.db', /pseudo file system/);
  });
});
