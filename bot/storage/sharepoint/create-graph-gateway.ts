// Wires a GraphGateway from configuration: token provider, transport and retry settings. Tests
// inject sleep, clock and randomness (and a trusted CA for the local Entra ID stand-in).
import { setTimeout as delay } from 'node:timers/promises';
import { graphUserAgent } from './app-version.js';
import { GraphGateway } from './graph-gateway.js';
import { silentLogger, type GraphLogger } from './graph-logger.js';
import { GraphTransport } from './graph-transport.js';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './retry-policy.js';
import { createTokenProvider, type AppCredentials, type TokenProvider } from './token-provider.js';

export interface GraphSettings {
  graphBaseUrl: string;
  credentials: AppCredentials;
}

export interface GraphGatewayDeps {
  tokens?: TokenProvider;
  trustedCa?: string | Buffer;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  logger?: GraphLogger;
  retry?: Partial<RetryOptions>;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** $top for item enumerations; default 999. */
  pageSize?: number;
  userAgent?: string;
}

export const DEFAULT_PAGE_SIZE = 999;

export function createGraphGateway(settings: GraphSettings, deps: GraphGatewayDeps = {}): GraphGateway {
  const retry = { ...DEFAULT_RETRY_OPTIONS, ...deps.retry };
  const sleep = deps.sleep ?? ((ms: number) => delay(ms));
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? silentLogger;
  const tokens =
    deps.tokens ??
    createTokenProvider(settings.credentials, settings.graphBaseUrl, { trustedCa: deps.trustedCa });
  const transport = new GraphTransport({
    baseUrl: settings.graphBaseUrl,
    tokens,
    userAgent: deps.userAgent ?? graphUserAgent(),
    retry,
    timeoutMs: deps.timeoutMs ?? 30_000,
    sleep,
    random,
    now,
    logger,
  });
  return new GraphGateway(transport, {
    retry,
    sleep,
    random,
    now,
    logger,
    pageSize: deps.pageSize ?? DEFAULT_PAGE_SIZE,
  });
}
