import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type Config } from '../bot/config.js';

type Env = Record<string, string | undefined>;

const GUID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const CLIENT = '99999999-8888-7777-6666-555555555555';
/** Entra sign-in: the development identity is refused with a registered bot or a public URL. */
const ENTRA = { AUTH_MODE: 'entra', ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT };

function configError(env: Env): ConfigError {
  try {
    parseConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

function variables(error: ConfigError): string[] {
  return error.problems.map((p) => p.variable);
}

describe('parseConfig: embedded defaults with an empty environment', () => {
  const config = parseConfig({});

  it.each<[string, (c: Config) => unknown, unknown]>([
    ['port 3978', (c) => c.server.port, 3978],
    ['listens on loopback only', (c) => c.server.host, '127.0.0.1'],
    ['public URL on localhost', (c) => c.server.publicUrl, 'http://localhost:3978'],
    ['data under ./data, resolved', (c) => c.dataDir, path.resolve('./data')],
    ['SQLite store', (c) => c.store, 'sqlite'],
    ['SQLite state store', (c) => c.stateStore, 'sqlite'],
    ['development identity', (c) => c.auth.mode, 'dev'],
    ['development environment', (c) => c.env, 'development'],
    ['info logs as JSON', (c) => c.log, { level: 'info', format: 'json' }],
    ['Geneva time', (c) => c.orgTimeZone, 'Europe/Zurich'],
    ['English by default', (c) => c.defaultLocale, 'en'],
    ['demo data seeded', (c) => c.seedDemoData, true],
    ['scheduler on', (c) => c.schedulerEnabled, true],
    ['global Graph', (c) => c.sharepoint.graphBaseUrl, 'https://graph.microsoft.com/v1.0'],
    ['list prefix', (c) => c.sharepoint.listPrefix, 'TH '],
    ['blob container', (c) => c.azureStorage.container, 'transformation-hub'],
    [
      'no bot credentials',
      (c) => c.bot,
      {
        appId: undefined,
        password: undefined,
        type: 'SingleTenant',
        tenantId: undefined,
        teamsAppId: undefined,
        turnsPerMinute: 60,
      },
    ],
    [
      'OpenID configuration of the common authority',
      (c) => c.auth.openIdConfigUrl,
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    ],
  ])('%s', (_label, read, expected) => {
    expect(read(config)).toEqual(expected);
  });

  it('ignores variables it does not know (PATH, HOME...)', () => {
    expect(parseConfig({ PATH: '/usr/bin', HOME: '/root', npm_config_x: 'y' })).toEqual(config);
  });
});

describe('parseConfig: values that are set', () => {
  it.each<[string, Env, (c: Config) => unknown, unknown]>([
    [
      'another port moves the default public URL',
      { PORT: '8080' },
      (c) => c.server.publicUrl,
      'http://localhost:8080',
    ],
    [
      'PUBLIC_URL loses its trailing slash',
      { ...ENTRA, PUBLIC_URL: 'https://hub.example.org/' },
      (c) => c.server.publicUrl,
      'https://hub.example.org',
    ],
    ['an absolute DATA_DIR', { DATA_DIR: '/var/lib/hub' }, (c) => c.dataDir, '/var/lib/hub'],
    ['SEED_DEMO_DATA=false', { SEED_DEMO_DATA: 'false' }, (c) => c.seedDemoData, false],
    ['SEED_DEMO_DATA=0', { SEED_DEMO_DATA: '0' }, (c) => c.seedDemoData, false],
    ['SCHEDULER_ENABLED=no', { SCHEDULER_ENABLED: 'no' }, (c) => c.schedulerEnabled, false],
    ['SCHEDULER_ENABLED=1', { SCHEDULER_ENABLED: '1' }, (c) => c.schedulerEnabled, true],
    [
      'a national cloud authority, trailing slash removed',
      { ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us/' },
      (c) => c.auth.authorityHost,
      'https://login.microsoftonline.us',
    ],
    [
      'the OpenID URL follows the tenant',
      { ENTRA_TENANT_ID: TENANT },
      (c) => c.auth.openIdConfigUrl,
      `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
    ],
    [
      'the bot tenant falls back to the Entra tenant',
      { ...ENTRA, BOT_ID: GUID, BOT_PASSWORD: 'pw' },
      (c) => c.bot.tenantId,
      TENANT,
    ],
    [
      'the SharePoint store uses Entra auth by default',
      {
        STORE: 'sharepoint',
        SHAREPOINT_SITE_ID: 'site',
        ENTRA_TENANT_ID: TENANT,
        ENTRA_CLIENT_ID: CLIENT,
        ENTRA_CLIENT_SECRET: 'x',
      },
      (c) => c.auth.mode,
      'entra',
    ],
  ])('%s', (_label, env, read, expected) => {
    expect(read(parseConfig(env))).toEqual(expected);
  });
});

describe('parseConfig: every invalid variable is named with what it expects', () => {
  it.each<[Env, string, string]>([
    [{ PORT: 'abc' }, 'PORT', 'expected a port number (got "abc")'],
    [{ PORT: '70000' }, 'PORT', 'and 65535 (got "70000")'],
    [{ PORT: '-1' }, 'PORT', 'and 65535 (got "-1")'],
    [{ PORT: '80.5' }, 'PORT', 'expected a whole port number'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL',
      'expected one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT', 'expected one of json, pretty'],
    [{ ORG_TIMEZONE: 'Mars/Base' }, 'ORG_TIMEZONE', 'expected an IANA time zone such as Europe/Zurich'],
    [{ STORE: 'oracle' }, 'STORE', 'expected one of sqlite, sharepoint (got "oracle")'],
    [{ STATE_STORE: 'redis' }, 'STATE_STORE', 'expected one of sqlite, blob'],
    [{ AUTH_MODE: 'none' }, 'AUTH_MODE', 'expected one of dev, entra'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV', 'expected one of development, production, test'],
    [{ DEFAULT_LOCALE: 'de' }, 'DEFAULT_LOCALE', 'expected one of ar, en, es, fr, ru, zh'],
    [
      { BOT_ID: 'not-a-guid' },
      'BOT_ID',
      'expected a GUID such as 00000000-0000-0000-0000-000000000000 (got "not-a-guid")',
    ],
    [{ ENTRA_TENANT_ID: 'contoso.onmicrosoft.com' }, 'ENTRA_TENANT_ID', 'expected a GUID'],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA', 'expected true or false'],
    [{ PUBLIC_URL: 'hub.example.org' }, 'PUBLIC_URL', 'expected the public base URL of this app'],
    [{ GRAPH_BASE_URL: 'graph' }, 'GRAPH_BASE_URL', 'expected the Microsoft Graph base URL'],
    [{ ENTRA_AUTHORITY_HOST: 'login' }, 'ENTRA_AUTHORITY_HOST', 'expected the Entra authority host'],
    [{ AZURE_STORAGE_CONTAINER: 'Bad_Name' }, 'AZURE_STORAGE_CONTAINER', 'expected a blob container name'],
  ])('%j -> %s', (env, variable, expects) => {
    const error = configError(env);
    expect(variables(error)).toEqual([variable]);
    expect(error.problems[0]!.message).toContain(expects);
    expect(error.message).toContain(`  ${variable}: `);
    expect(error.message).toContain(expects);
  });

  it('reports several invalid variables at once', () => {
    const error = configError({ PORT: 'abc', LOG_LEVEL: 'loud', STORE: 'oracle', BOT_ID: 'nope' });
    expect(variables(error).sort()).toEqual(['BOT_ID', 'LOG_LEVEL', 'PORT', 'STORE']);
    for (const v of ['PORT', 'LOG_LEVEL', 'STORE', 'BOT_ID'])
      expect(error.message).toMatch(new RegExp(`^  ${v}: `, 'm'));
  });

  it('reports a missing variable of a cross-variable rule alongside an invalid one', () => {
    const error = configError({ PORT: 'abc', STORE: 'sharepoint' });
    expect(variables(error).sort()).toEqual(
      ['ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET', 'ENTRA_TENANT_ID', 'PORT', 'SHAREPOINT_SITE_ID'].sort(),
    );
  });

  it('the message is for people: a heading, one line per variable, a pointer to .env.example, no stack frames', () => {
    const error = configError({ PORT: 'abc', LOG_LEVEL: 'loud' });
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.at(-1)).toBe('See .env.example for every variable and its default.');
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.name).toBe('ConfigError');
  });
});

describe('parseConfig: rules across variables', () => {
  const sharepoint = {
    STORE: 'sharepoint',
    SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,1,2',
    ENTRA_TENANT_ID: TENANT,
    ENTRA_CLIENT_ID: CLIENT,
  };

  it.each<[string, Env, string[]]>([
    [
      'STORE=sharepoint alone names the site, tenant, client and a credential, each once',
      { STORE: 'sharepoint' },
      ['SHAREPOINT_SITE_ID', 'ENTRA_TENANT_ID', 'ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET'],
    ],
    ['STORE=sharepoint without a credential', sharepoint, ['ENTRA_CLIENT_SECRET']],
    ['STORE=sharepoint with a secret', { ...sharepoint, ENTRA_CLIENT_SECRET: 'x' }, []],
    [
      'STORE=sharepoint with a certificate',
      { ...sharepoint, ENTRA_CLIENT_CERTIFICATE_PATH: '/certs/app.pem' },
      [],
    ],
    ['STORE=sharepoint with a managed identity', { ...sharepoint, MANAGED_IDENTITY_CLIENT_ID: GUID }, []],
    ['STATE_STORE=blob without storage', { STATE_STORE: 'blob' }, ['AZURE_STORAGE_CONNECTION_STRING']],
    [
      'STATE_STORE=blob with a connection string',
      { STATE_STORE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' },
      [],
    ],
    [
      'STATE_STORE=blob with an account URL',
      { STATE_STORE: 'blob', AZURE_STORAGE_ACCOUNT_URL: 'https://acct.blob.core.windows.net' },
      [],
    ],
    [
      'AUTH_MODE=entra without tenant and client',
      { AUTH_MODE: 'entra' },
      ['ENTRA_TENANT_ID', 'ENTRA_CLIENT_ID'],
    ],
    [
      'AUTH_MODE=entra with tenant and client',
      { AUTH_MODE: 'entra', ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT },
      [],
    ],
    ['NODE_ENV=production with the default (dev) auth is refused', { NODE_ENV: 'production' }, ['AUTH_MODE']],
    [
      'NODE_ENV=production with AUTH_MODE=dev is refused',
      { NODE_ENV: 'production', AUTH_MODE: 'dev' },
      ['AUTH_MODE'],
    ],
    [
      'NODE_ENV=production with Entra auth',
      { NODE_ENV: 'production', AUTH_MODE: 'entra', ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT },
      [],
    ],
    [
      'BOT_ID without password or tenant (SingleTenant)',
      { AUTH_MODE: 'entra', ENTRA_CLIENT_ID: CLIENT, BOT_ID: GUID },
      ['BOT_PASSWORD', 'BOT_TENANT_ID', 'ENTRA_TENANT_ID'],
    ],
    [
      'BOT_ID with password and bot tenant',
      { ...ENTRA, BOT_ID: GUID, BOT_PASSWORD: 'pw', BOT_TENANT_ID: TENANT },
      [],
    ],
    [
      'BOT_PASSWORD with a user-assigned managed identity',
      { ...ENTRA, BOT_ID: GUID, BOT_TYPE: 'UserAssignedMSI', BOT_PASSWORD: 'pw' },
      ['BOT_PASSWORD'],
    ],
    [
      'a user-assigned managed identity without password',
      { ...ENTRA, BOT_ID: GUID, BOT_TYPE: 'UserAssignedMSI' },
      [],
    ],
    [
      'a registered bot with the development identity',
      { BOT_ID: GUID, BOT_PASSWORD: 'pw', BOT_TENANT_ID: TENANT },
      ['AUTH_MODE'],
    ],
  ])('%s -> %j', (_label, env, expected) => {
    if (expected.length === 0) {
      expect(() => parseConfig(env)).not.toThrow();
    } else {
      expect(variables(configError(env)).sort()).toEqual([...expected].sort());
    }
  });
});

describe('parseConfig: secrets are never echoed', () => {
  const secrets = {
    BOT_PASSWORD: 'bot-pw-Zq8!secret',
    ENTRA_CLIENT_SECRET: 'client-secret-Xy7~value',
    AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0a2V5;',
    APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=ik-secret-0000',
  };

  it.each<[string, Env]>([
    ['a password refused for a managed identity', { ...secrets, BOT_ID: GUID, BOT_TYPE: 'UserAssignedMSI' }],
    ['other variables invalid', { ...secrets, PORT: 'abc', STORE: 'oracle', BOT_ID: 'bad' }],
    [
      'production with dev auth and a blob state store',
      { ...secrets, NODE_ENV: 'production', STATE_STORE: 'blob' },
    ],
  ])('%s', (_label, env) => {
    const error = configError(env);
    const text = `${error.message}\n${JSON.stringify(error.problems)}`;
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
  });
});

describe('parseConfig: an empty or blank variable counts as unset', () => {
  const defaults = parseConfig({});
  it.each([
    'PORT',
    'HOST',
    'NODE_ENV',
    'DATA_DIR',
    'LOG_LEVEL',
    'LOG_FORMAT',
    'ORG_TIMEZONE',
    'DEFAULT_LOCALE',
    'SEED_DEMO_DATA',
    'STORE',
    'STATE_STORE',
    'AUTH_MODE',
    'BOT_ID',
    'BOT_PASSWORD',
    'BOT_TYPE',
    'ENTRA_TENANT_ID',
    'ENTRA_AUTHORITY_HOST',
    'GRAPH_BASE_URL',
    'SHAREPOINT_LIST_PREFIX',
    'AZURE_STORAGE_CONTAINER',
    'PUBLIC_URL',
  ])('%s', (variable) => {
    expect(parseConfig({ [variable]: '' })).toEqual(defaults);
    expect(parseConfig({ [variable]: '   ' })).toEqual(defaults);
  });

  it('an empty BOT_PASSWORD does not satisfy the SingleTenant rule', () => {
    expect(
      variables(configError({ ...ENTRA, BOT_ID: GUID, BOT_PASSWORD: '', BOT_TENANT_ID: TENANT })),
    ).toEqual(['BOT_PASSWORD']);
  });
});

// Exiting with a non-zero code and printing ConfigError without a stack trace is the job of the entry
// point (bot/main.ts), which calls loadConfig; its process-level test belongs with the server.

describe('SEED_DEMO_DATA follows the store', () => {
  const sharepoint = {
    STORE: 'sharepoint',
    SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,1,2',
    ENTRA_TENANT_ID: TENANT,
    ENTRA_CLIENT_ID: CLIENT,
    ENTRA_CLIENT_SECRET: 'secret',
  };
  it.each<[string, Env, boolean]>([
    ['embedded store: on by default', {}, true],
    ['embedded store: an empty value is the default', { SEED_DEMO_DATA: '' }, true],
    ['SharePoint: off by default', sharepoint, false],
    ['SharePoint: an empty value is the default', { ...sharepoint, SEED_DEMO_DATA: '' }, false],
    ['SharePoint: on when asked for', { ...sharepoint, SEED_DEMO_DATA: 'true' }, true],
    ['embedded store: off when asked for', { SEED_DEMO_DATA: 'no' }, false],
  ])('%s', (_label, env, expected) => {
    expect(parseConfig(env).seedDemoData).toBe(expected);
  });
});
