// The only reader of process.env (and of the optional .env file). Every variable the app knows is
// declared here once, validated with zod, given an embedded-mode default where one makes sense, and
// documented in .env.example. Invalid configuration is reported variable by variable.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './domain/locale.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());
const optionalUrl = (what: string) =>
  z.preprocess(emptyToUndefined, z.url({ error: `expected ${what} (an absolute http(s) URL)` }).optional());
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  error: 'expected a GUID such as 00000000-0000-0000-0000-000000000000',
});
const optionalGuid = z.preprocess(emptyToUndefined, guid.optional());
const bool = (fallback: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z
      .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])], {
        error: 'expected true or false',
      })
      .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes'),
  );
const optionalBool = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])], {
      error: 'expected true or false',
    })
    .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes')
    .optional(),
);
/** Rates per minute: a whole number, 0 switches the limit off. */
const perMinute = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a number of requests per minute (0: no limit)' })
    .int({ error: 'expected a whole number of requests per minute (0: no limit)' })
    .min(0, { error: 'expected a number of requests per minute (0: no limit)' })
    .max(1_000_000, { error: 'expected at most 1000000 requests per minute' })
    .default(fallback);

/** Loopback names and addresses: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

function isLoopbackUrl(url: string | undefined): boolean {
  if (url === undefined) return true;
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected an IANA time zone such as Europe/Zurich' },
);

const seconds = (min: number, max: number, fallback: number) => {
  const error = `expected a whole number of seconds from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
};

/** The variables the cross-variable rules read; while one of them is invalid those rules wait. */
const CROSS_RULE_INPUTS = new Set([
  'NODE_ENV',
  'HOST',
  'PUBLIC_URL',
  'STORE',
  'STATE_STORE',
  'AUTH_MODE',
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TYPE',
  'BOT_TENANT_ID',
  'ENTRA_TENANT_ID',
  'ENTRA_CLIENT_ID',
  'ENTRA_CLIENT_SECRET',
  'ENTRA_CLIENT_CERTIFICATE_PATH',
  'MANAGED_IDENTITY_CLIENT_ID',
  'SHAREPOINT_SITE_ID',
  'AZURE_STORAGE_CONNECTION_STRING',
  'AZURE_STORAGE_ACCOUNT_URL',
]);

/** Raw environment variables, as documented in .env.example. */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce
      .number({ error: 'expected a port number' })
      .int({ error: 'expected a whole port number' })
      .min(0, { error: 'expected a port number between 0 (any free port) and 65535' })
      .max(65535, { error: 'expected a port number between 0 (any free port) and 65535' })
      .default(3978),
    /** Loopback by default: a local mode is reachable from this machine only (see the rules below). */
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PUBLIC_URL: optionalUrl('the public base URL of this app'),
    DATA_DIR: z.string().min(1).default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    ORG_TIMEZONE: timeZone.default('Europe/Zurich'),
    DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES).default('en'),
    /** Default: on for the embedded store, off for SharePoint (a production site is not seeded by accident). */
    SEED_DEMO_DATA: optionalBool,
    SCHEDULER_ENABLED: bool(true),
    INSTANCE_ID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
          error: 'expected up to 64 letters, digits, dots, hyphens or underscores',
        })
        .optional(),
    ),
    PROACTIVE_LEASE_SECONDS: seconds(5, 3_600, 120),
    PROACTIVE_SWEEP_SECONDS: seconds(5, 86_400, 300),
    PROACTIVE_IN_FLIGHT: z.coerce
      .number({ error: 'expected a whole number from 1 to 50' })
      .int({ error: 'expected a whole number from 1 to 50' })
      .min(1, { error: 'expected a whole number from 1 to 50' })
      .max(50, { error: 'expected a whole number from 1 to 50' })
      .default(8),

    STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
    STATE_STORE: z.enum(['sqlite', 'blob']).default('sqlite'),
    AUTH_MODE: z.enum(['dev', 'entra']).optional(),
    DEV_DEFAULT_USER: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { error: 'expected a roster person id such as p-cto' })
      .default('p-cto'),

    BOT_ID: optionalGuid,
    BOT_PASSWORD: optionalString,
    BOT_TYPE: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    BOT_TENANT_ID: optionalGuid,
    TEAMS_APP_ID: optionalGuid,

    ENTRA_TENANT_ID: optionalGuid,
    ENTRA_CLIENT_ID: optionalGuid,
    ENTRA_CLIENT_SECRET: optionalString,
    ENTRA_CLIENT_CERTIFICATE_PATH: optionalString,
    ENTRA_APP_ID_URI: optionalString,
    ENTRA_OPENID_CONFIG_URL: optionalUrl('the OpenID configuration document URL'),
    ENTRA_AUTHORITY_HOST: z
      .url({ error: 'expected the Entra authority host (an absolute http(s) URL)' })
      .default('https://login.microsoftonline.com'),
    MANAGED_IDENTITY_CLIENT_ID: optionalGuid,

    SHAREPOINT_SITE_ID: optionalString,
    SHAREPOINT_LIST_PREFIX: z.string().max(40).default('TH '),
    GRAPH_BASE_URL: z
      .url({ error: 'expected the Microsoft Graph base URL (an absolute http(s) URL)' })
      .default('https://graph.microsoft.com/v1.0'),

    AZURE_STORAGE_CONNECTION_STRING: optionalString,
    AZURE_STORAGE_ACCOUNT_URL: optionalUrl('the blob service URL of the storage account'),
    AZURE_STORAGE_CONTAINER: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/, {
        error: 'expected a blob container name (3-63 lower-case letters, digits and single hyphens)',
      })
      .default('transformation-hub'),

    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString,

    /** Per person: state-changing /api/v1 requests per minute (0: off). */
    RATE_LIMIT_WRITES_PER_MINUTE: perMinute(120),
    /** Per client address: requests without credentials, or whose credentials fail, per minute (0: off). */
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: perMinute(600),
    /** Per person: bot turns (messages and invokes) per minute (0: off). */
    RATE_LIMIT_BOT_TURNS_PER_MINUTE: perMinute(60),
    /** Behind a reverse proxy (Azure App Service): the client address is the last X-Forwarded-For entry. */
    TRUST_PROXY: bool(false),
    /** Bot Framework OpenID metadata (channel tokens); default the public cloud's. Tests point it at a stand-in. */
    BOT_OPENID_METADATA_URL: optionalUrl('the Bot Framework OpenID metadata URL'),
  })
  .superRefine(
    (env, ctx) => {
      // Each variable is named once, by the first rule that needs it.
      const named = new Set<string>();
      const need = (key: keyof typeof env, why: string) => {
        if (env[key] !== undefined || named.has(key)) return;
        named.add(key);
        ctx.addIssue({ code: 'custom', path: [key], message: `required ${why}` });
      };
      if (env.STORE === 'sharepoint') {
        need('SHAREPOINT_SITE_ID', 'when STORE=sharepoint');
        need('ENTRA_TENANT_ID', 'when STORE=sharepoint');
        need('ENTRA_CLIENT_ID', 'when STORE=sharepoint (the app registration that calls Graph)');
        if (
          !env.ENTRA_CLIENT_SECRET &&
          !env.ENTRA_CLIENT_CERTIFICATE_PATH &&
          !env.MANAGED_IDENTITY_CLIENT_ID
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['ENTRA_CLIENT_SECRET'],
            message:
              'required when STORE=sharepoint: set ENTRA_CLIENT_SECRET, ENTRA_CLIENT_CERTIFICATE_PATH or MANAGED_IDENTITY_CLIENT_ID',
          });
        }
      }
      if (
        env.STATE_STORE === 'blob' &&
        !env.AZURE_STORAGE_CONNECTION_STRING &&
        !env.AZURE_STORAGE_ACCOUNT_URL
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['AZURE_STORAGE_CONNECTION_STRING'],
          message:
            'required when STATE_STORE=blob: set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL',
        });
      }
      const authMode = env.AUTH_MODE ?? (env.STORE === 'sqlite' ? 'dev' : 'entra');
      if (authMode === 'entra') {
        need('ENTRA_TENANT_ID', 'when AUTH_MODE=entra');
        need('ENTRA_CLIENT_ID', 'when AUTH_MODE=entra');
      }
      if (authMode === 'dev' && env.NODE_ENV === 'production') {
        ctx.addIssue({
          code: 'custom',
          path: ['AUTH_MODE'],
          message: 'AUTH_MODE=dev (the development identity) is refused when NODE_ENV=production; use entra',
        });
      }
      // The development identity (anyone may act as anyone) only on a machine of its own: never with a
      // registered bot, a public address or the SharePoint system of record.
      if (authMode === 'dev') {
        const registered = (['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID'] as const).filter(
          (k) => env[k] !== undefined,
        );
        const why = [
          ...(registered.length > 0 ? [`${registered.join(', ')} set (a registered bot)`] : []),
          ...(!isLoopbackUrl(env.PUBLIC_URL) ? ['PUBLIC_URL is not localhost'] : []),
          ...(env.STORE === 'sharepoint' ? ['STORE=sharepoint'] : []),
        ];
        if (why.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['AUTH_MODE'],
            message: `AUTH_MODE=dev (the development identity${env.AUTH_MODE ? '' : ', the default with STORE=sqlite'}) is refused with ${why.join(', ')}; set AUTH_MODE=entra with ENTRA_TENANT_ID and ENTRA_CLIENT_ID`,
          });
        }
      }
      // An anonymous bot or the development identity must not be reachable from the network.
      if (!isLoopbackHost(env.HOST) && (!env.BOT_ID || authMode === 'dev')) {
        const what = [
          ...(!env.BOT_ID ? ['the bot is anonymous (BOT_ID empty)'] : []),
          ...(authMode === 'dev' ? ['AUTH_MODE=dev'] : []),
        ];
        ctx.addIssue({
          code: 'custom',
          path: ['HOST'],
          message: `HOST=${env.HOST} (not loopback) is refused while ${what.join(' and ')}; use HOST=127.0.0.1, or register the bot (BOT_ID) and use AUTH_MODE=entra`,
        });
      }
      if (env.BOT_ID && env.BOT_TYPE === 'SingleTenant') {
        need('BOT_PASSWORD', 'when BOT_ID is set and BOT_TYPE=SingleTenant');
        if (!env.BOT_TENANT_ID && !env.ENTRA_TENANT_ID) {
          ctx.addIssue({
            code: 'custom',
            path: ['BOT_TENANT_ID'],
            message: 'required when BOT_ID is set (or ENTRA_TENANT_ID)',
          });
        }
      }
      if (env.BOT_ID && env.BOT_TYPE === 'UserAssignedMSI' && env.BOT_PASSWORD) {
        ctx.addIssue({
          code: 'custom',
          path: ['BOT_PASSWORD'],
          message: 'must be empty when BOT_TYPE=UserAssignedMSI',
        });
      }
      // Cross-variable rules also run when an unrelated variable is invalid, so that one start names
      // every problem; they wait while a variable they read is itself invalid (STORE=oracle is one error).
    },
    { when: (payload) => !payload.issues.some((issue) => CROSS_RULE_INPUTS.has(String(issue.path?.[0]))) },
  );

export type Env = z.infer<typeof EnvSchema>;

/** The typed configuration the composition root passes to every part that needs it. */
export interface Config {
  env: Env['NODE_ENV'];
  server: {
    port: number;
    host: string;
    publicUrl: string;
    /** Requests per minute; 0 is off (test helpers). In memory, per instance. */
    rateLimits: { writesPerMinute: number; anonymousPerMinute: number };
    trustProxy: boolean;
  };
  dataDir: string;
  log: { level: Env['LOG_LEVEL']; format: Env['LOG_FORMAT'] };
  orgTimeZone: string;
  defaultLocale: Env['DEFAULT_LOCALE'];
  seedDemoData: boolean;
  schedulerEnabled: boolean;
  /** Digest, reminders and escalations across instances (README "Multiple instances and crashes"). */
  proactive: {
    /** This instance's name in leases and run claims; undefined: a random one per process. */
    instanceId?: string;
    /** Scheduler and run leases: how long a dead instance's work waits before another takes it. */
    leaseMs: number;
    /** The catch-up sweep. */
    sweepIntervalMs: number;
    /** Requests in flight per fan-out at most (also the most a crash leaves uncertain). */
    inFlight: number;
  };
  store: Env['STORE'];
  stateStore: Env['STATE_STORE'];
  auth: {
    mode: 'dev' | 'entra';
    /** AUTH_MODE=dev: who acts when a request names no persona (x-dev-user). */
    devDefaultUser: string;
    tenantId?: string;
    clientId?: string;
    clientSecret?: string;
    clientCertificatePath?: string;
    appIdUri?: string;
    openIdConfigUrl: string;
    authorityHost: string;
    managedIdentityClientId?: string;
  };
  bot: {
    appId?: string;
    password?: string;
    type: Env['BOT_TYPE'];
    tenantId?: string;
    teamsAppId?: string;
    openIdMetadataUrl?: string;
    /** Per person: messages and invokes per minute the bot handles (0: off); in memory per instance. */
    turnsPerMinute: number;
  };
  sharepoint: { siteId?: string; listPrefix: string; graphBaseUrl: string };
  azureStorage: { connectionString?: string; accountUrl?: string; container: string };
  appInsightsConnectionString?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ReadonlyArray<{ variable: string; message: string }>) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n') +
        '\nSee .env.example for every variable and its default.',
    );
    this.name = 'ConfigError';
  }
}

function describeIssue(issue: z.core.$ZodIssue, raw: Record<string, string | undefined>): string {
  const variable = String(issue.path[0] ?? '');
  const got = raw[variable];
  let message = issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `expected one of ${issue.values.map(String).join(', ')}`;
  }
  // Secrets are never echoed back.
  const secret = /PASSWORD|SECRET|CONNECTION_STRING/.test(variable);
  return got !== undefined && !secret && issue.code !== 'custom' ? `${message} (got "${got}")` : message;
}

/**
 * Pure: builds the configuration from an environment map, or throws ConfigError naming each bad
 * variable. A variable set to an empty or blank string counts as unset (`PORT=` in a .env file).
 */
export function parseConfig(raw: Record<string, string | undefined>): Config {
  const set = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = EnvSchema.safeParse(set);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? '(environment)'),
      message: describeIssue(issue, raw),
    }));
    throw new ConfigError(problems);
  }
  const e = result.data;
  const authMode = e.AUTH_MODE ?? (e.STORE === 'sqlite' ? 'dev' : 'entra');
  const authorityHost = e.ENTRA_AUTHORITY_HOST.replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    server: {
      port: e.PORT,
      host: e.HOST,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      rateLimits: {
        writesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE,
        anonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
      },
      trustProxy: e.TRUST_PROXY,
    },
    dataDir: path.resolve(e.DATA_DIR),
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    orgTimeZone: e.ORG_TIMEZONE,
    defaultLocale: e.DEFAULT_LOCALE,
    seedDemoData: e.SEED_DEMO_DATA ?? e.STORE === 'sqlite',
    schedulerEnabled: e.SCHEDULER_ENABLED,
    proactive: {
      instanceId: e.INSTANCE_ID,
      leaseMs: e.PROACTIVE_LEASE_SECONDS * 1000,
      sweepIntervalMs: e.PROACTIVE_SWEEP_SECONDS * 1000,
      inFlight: e.PROACTIVE_IN_FLIGHT,
    },
    store: e.STORE,
    stateStore: e.STATE_STORE,
    auth: {
      mode: authMode,
      devDefaultUser: e.DEV_DEFAULT_USER,
      tenantId: e.ENTRA_TENANT_ID,
      clientId: e.ENTRA_CLIENT_ID,
      clientSecret: e.ENTRA_CLIENT_SECRET,
      clientCertificatePath: e.ENTRA_CLIENT_CERTIFICATE_PATH,
      appIdUri: e.ENTRA_APP_ID_URI,
      openIdConfigUrl:
        e.ENTRA_OPENID_CONFIG_URL ??
        `${authorityHost}/${e.ENTRA_TENANT_ID ?? 'common'}/v2.0/.well-known/openid-configuration`,
      authorityHost,
      managedIdentityClientId: e.MANAGED_IDENTITY_CLIENT_ID,
    },
    bot: {
      appId: e.BOT_ID,
      password: e.BOT_PASSWORD,
      type: e.BOT_TYPE,
      tenantId: e.BOT_TENANT_ID ?? e.ENTRA_TENANT_ID,
      teamsAppId: e.TEAMS_APP_ID,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      turnsPerMinute: e.RATE_LIMIT_BOT_TURNS_PER_MINUTE,
    },
    sharepoint: {
      siteId: e.SHAREPOINT_SITE_ID,
      listPrefix: e.SHAREPOINT_LIST_PREFIX,
      graphBaseUrl: e.GRAPH_BASE_URL,
    },
    azureStorage: {
      connectionString: e.AZURE_STORAGE_CONNECTION_STRING,
      accountUrl: e.AZURE_STORAGE_ACCOUNT_URL,
      container: e.AZURE_STORAGE_CONTAINER,
    },
    appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
  };
}

/**
 * Reads process.env, after loading ./.env (or ENV_FILE) when present. Variables already set in the
 * environment win over the file, as with every dotenv loader.
 */
export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  const envFile = process.env.ENV_FILE ?? '.env';
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig({ ...process.env, ...overrides });
}

/** The environment as a plain map, for code that must hand it to a child process (CLI wrappers). */
export function currentEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
