// Starts Azurite's blob service on a free loopback port for a test file, in memory, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Azurite {
  port: number;
  connectionString: string;
  stop(): Promise<void>;
}

const ACCOUNT = 'devstoreaccount1';
// Azurite's documented, public development key (not a secret).
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * `persist`: keep the data in this directory (not in memory) and listen on `port`, so that a second
 * startAzurite with the same options is the same storage account restarted (outage tests).
 */
export async function startAzurite(persist?: { location: string; port: number }): Promise<Azurite> {
  const port = persist?.port ?? (await freePort());
  const location = persist?.location ?? mkdtempSync(path.join(os.tmpdir(), 'th-azurite-'));
  const bin = path.resolve('node_modules/.bin/azurite-blob');
  const child: ChildProcess = spawn(
    bin,
    // In memory (Azurite refuses --location together with --inMemoryPersistence); the temporary
    // working directory catches anything else it might write. @azure/storage-blob 12.32 sends API
    // version 2026-04-06, newer than Azurite 3.35 knows: --skipApiVersionCheck.
    [
      '--silent',
      ...(persist ? ['--location', location] : ['--inMemoryPersistence']),
      '--skipApiVersionCheck',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
    ],
    { stdio: 'ignore', cwd: location },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 200 && !(await listening(port)); i++) {
    if (exited) throw new Error('azurite-blob exited before listening');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop: async () => {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await done;
      }
      if (!persist) rmSync(location, { recursive: true, force: true });
    },
  };
}
