// A real GraphGateway (msal-node token provider, graph-client transport) wired to a GraphEmulator,
// with an inspectable sleep so retries cost no time, and captured logs.
import { randomUUID } from 'node:crypto';
import {
  createGraphGateway,
  type GraphGatewayDeps,
} from '../../bot/storage/sharepoint/create-graph-gateway.js';
import type { GraphGateway } from '../../bot/storage/sharepoint/graph-gateway.js';
import type { StorageLogger } from '../../bot/storage/sharepoint/graph-logger.js';
import type { GraphEmulator } from './graph-emulator.js';

export interface CapturedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string;
}

export interface EmulatedGateway {
  gateway: GraphGateway;
  sleeps: number[];
  logs: CapturedLog[];
  logger: StorageLogger;
  clientId: string;
  clientSecret: string;
}

export function captureLogger(logs: CapturedLog[]): StorageLogger {
  const at = (level: CapturedLog['level']) => (obj: object, msg: string) => {
    logs.push({ level, obj, msg });
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function emulatedGateway(emulator: GraphEmulator, deps: GraphGatewayDeps = {}): EmulatedGateway {
  const clientId = randomUUID();
  const clientSecret = `secret-${randomUUID()}`;
  emulator.registerApp({ clientId, clientSecret });
  const sleeps: number[] = [];
  const logs: CapturedLog[] = [];
  const logger = captureLogger(logs);
  const gateway = createGraphGateway(
    {
      graphBaseUrl: emulator.graphBaseUrl,
      credentials: {
        authorityHost: emulator.authorityHost,
        tenantId: emulator.tenantId,
        clientId,
        clientSecret,
      },
    },
    {
      trustedCa: emulator.caCertPem,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      logger,
      ...deps,
    },
  );
  return { gateway, sleeps, logs, logger, clientId, clientSecret };
}
