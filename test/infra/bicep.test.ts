// Static checks of the Bicep templates and the Agents Toolkit project files. No Bicep compiler is
// available offline, so these read the sources: decorated and documented parameters, secure
// credentials, the web app's runtime and scale, storage and Key Vault hardening, app settings that
// bot/config.ts accepts, and every ${{VAR}} the toolkit files use has a source.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema, parseConfig } from '../../bot/config.js';
import { parseEnvText } from '../../manifest/lib/env-file.js';
import { placeholderNames } from '../../manifest/lib/placeholders.js';
import { blockAfter, objectEntries, readBicep, type BicepFile } from '../../infra/lib/bicep-source.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const INFRA = path.join(REPO, 'infra');
const bicepFiles: BicepFile[] = [
  readBicep(path.join(INFRA, 'main.bicep')),
  ...readdirSync(path.join(INFRA, 'modules'))
    .filter((f) => f.endsWith('.bicep'))
    .sort()
    .map((f) => readBicep(path.join(INFRA, 'modules', f))),
];
const main = bicepFiles[0] as BicepFile;
const moduleFile = (name: string) => {
  const file = bicepFiles.find((f) => f.path.endsWith(`modules/${name}.bicep`));
  if (!file) throw new Error(`infra/modules/${name}.bicep is missing`);
  return file;
};
const params = (f: BicepFile) => f.declarations.filter((d) => d.kind === 'param');
const rel = (p: string) => path.relative(REPO, p);

const CREDENTIAL_NAME = /password|secret|credential|token|connectionstring|accountkey|apikey/i;

describe('Bicep parameters', () => {
  it('finds the templates', () => {
    expect(bicepFiles.map((f) => rel(f.path))).toEqual([
      'infra/main.bicep',
      'infra/modules/app-service.bicep',
      'infra/modules/bot.bicep',
      'infra/modules/identity.bicep',
      'infra/modules/key-vault.bicep',
      'infra/modules/monitoring.bicep',
      'infra/modules/storage.bicep',
    ]);
    expect(params(main).length).toBeGreaterThan(10);
  });

  it.each(bicepFiles.map((f) => [rel(f.path), f] as const))(
    '%s: every param has a non-empty @description',
    (_n, file) => {
      const undocumented = params(file)
        .filter((p) => !p.decorators.some((d) => /^@description\('.{10,}'\)$/.test(d)))
        .map((p) => `${p.name} (line ${p.line})`);
      expect(undocumented).toEqual([]);
    },
  );

  it.each(bicepFiles.map((f) => [rel(f.path), f] as const))(
    '%s: credentials are @secure() with no literal default',
    (_n, file) => {
      for (const p of params(file).filter((p) => CREDENTIAL_NAME.test(p.name) && !p.name.endsWith('Name'))) {
        expect(p.decorators, `${p.name} must be @secure()`).toContain('@secure()');
        expect(p.rest, `${p.name} must not default to a literal secret`).toMatch(/^string( = '')?$/);
      }
      for (const p of params(file).filter((p) => p.decorators.includes('@secure()'))) {
        const outputs = file.declarations.filter(
          (d) => d.kind === 'output' && new RegExp(`\\b${p.name}\\b`).test(d.rest),
        );
        expect(
          outputs.map((o) => o.name),
          `${p.name} must not flow into an output`,
        ).toEqual([]);
      }
    },
  );

  it('uses @allowed, @minValue/@maxValue and @minLength/@maxLength where values are constrained', () => {
    const byName = new Map(params(main).map((p) => [p.name, p]));
    expect(byName.get('botType')?.decorators.join(' ')).toMatch(
      /@allowed\(\[ 'SingleTenant' 'UserAssignedMSI' \]\)/,
    );
    expect(byName.get('instanceCount')?.decorators).toContain('@minValue(2)');
    expect(byName.get('instanceCount')?.rest).toBe('int = 2');
    expect(byName.get('resourceBaseName')?.decorators).toEqual(
      expect.arrayContaining(['@minLength(3)', '@maxLength(11)']),
    );
    expect(byName.get('appServicePlanSku')?.decorators.some((d) => d.startsWith('@allowed'))).toBe(true);
  });
});

describe('no secret literals', () => {
  it.each(bicepFiles.map((f) => [rel(f.path), f] as const))('%s', (_n, file) => {
    // Role definition ids are well-known GUIDs, not secrets.
    const text = file.text.replace(
      /'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'/g,
      "'<guid>'",
    );
    expect(text).not.toMatch(/AccountKey=|SharedAccessSignature=|InstrumentationKey=[0-9a-f]/i);
    expect(text).not.toMatch(/listKeys\(|listSecrets\(/);
    // Long mixed-case-and-digit literals are what leaked keys look like.
    const keyLike = [...text.matchAll(/'([A-Za-z0-9+/=~_.-]{32,})'/g)]
      .map((m) => m[1] ?? '')
      .filter((s) => /[0-9]/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s) && !s.startsWith('Microsoft.'));
    expect(keyLike).toEqual([]);
    // A credential-named setting or property gets a Key Vault reference or a parameter, never a literal.
    const literals = [...text.matchAll(/(password|secret)\w*\s*:\s*'([^']*)'/gi)].map((m) => m[2] ?? '');
    expect(literals.filter((v) => v !== '' && !v.startsWith('@Microsoft.KeyVault('))).toEqual([]);
  });

  it('puts credentials in app settings only as Key Vault references', () => {
    const settingsLines = main.text.split('\n').filter((l) => /ENTRA_CLIENT_SECRET|BOT_PASSWORD/.test(l));
    expect(settingsLines.length).toBe(2);
    for (const l of settingsLines)
      expect(l).toMatch(
        /'@Microsoft\.KeyVault\(VaultName=\$\{keyVault\.outputs\.name\};SecretName=\$\{\w+\}\)'/,
      );
  });
});

describe('web app', () => {
  const app = moduleFile('app-service');
  it('runs Node 22 on Linux with at least two instances, HTTPS only, always on, health check /healthz', () => {
    expect(app.text).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(app.text).toMatch(/kind: 'linux'[\s\S]*reserved: true/);
    expect(app.text).toMatch(/capacity: instanceCount/);
    expect(app.text).toMatch(/numberOfWorkers: instanceCount/);
    const count = params(app).find((p) => p.name === 'instanceCount');
    expect(count?.decorators).toContain('@minValue(2)');
    expect(app.text).toContain('httpsOnly: true');
    expect(app.text).toContain('alwaysOn: true');
    expect(app.text).toContain("healthCheckPath: '/healthz'");
    expect(app.text).toContain("minTlsVersion: '1.2'");
    expect(app.text).toContain('clientAffinityEnabled: false');
    expect(app.text).toContain('keyVaultReferenceIdentity: identityId');
  });

  it('sets only variables bot/config.ts knows, and a configuration it accepts in both bot modes', () => {
    const settings = objectEntries(blockAfter(main.text, /^var baseSettings = \{/));
    const platform = new Set(['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT']);
    const known = new Set(Object.keys(EnvSchema.shape));
    const added = ['PUBLIC_URL', 'ENTRA_APP_ID_URI', 'ENTRA_CLIENT_SECRET', 'BOT_PASSWORD'];
    for (const key of [...settings.keys(), ...added]) {
      if (!platform.has(key)) expect(known.has(key), `${key} is not read by bot/config.ts`).toBe(true);
    }
    for (const key of [
      'STORE',
      'STATE_STORE',
      'AUTH_MODE',
      'NODE_ENV',
      'SHAREPOINT_SITE_ID',
      'GRAPH_BASE_URL',
      'ENTRA_AUTHORITY_HOST',
      'BOT_ID',
      'BOT_TYPE',
      'BOT_TENANT_ID',
      'MANAGED_IDENTITY_CLIENT_ID',
      'AZURE_STORAGE_ACCOUNT_URL',
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
      'TEAMS_APP_ID',
      'ENTRA_TENANT_ID',
      'ENTRA_CLIENT_ID',
    ]) {
      expect(settings.has(key), `${key} missing from app settings`).toBe(true);
    }
    expect(app.text).toMatch(/PUBLIC_URL: 'https:\/\/\$\{site\.properties\.defaultHostName\}'/);
    expect(app.text).toMatch(
      /ENTRA_APP_ID_URI: 'api:\/\/\$\{site\.properties\.defaultHostName\}\/\$\{entraClientId\}'/,
    );

    // Literal values as written; expressions replaced by values of the right shape.
    const sample = (key: string, value: string): string => {
      const literal = /^'([^'$]*)'$/.exec(value);
      if (literal) return literal[1] ?? '';
      if (/_ID$/.test(key) && key !== 'SHAREPOINT_SITE_ID') return '3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8';
      if (key === 'AZURE_STORAGE_ACCOUNT_URL') return 'https://stthub.blob.core.windows.net/';
      if (key === 'GRAPH_BASE_URL') return 'https://graph.microsoft.com/v1.0';
      // environment().authentication.loginEndpoint, as Azure gives it (with a trailing slash).
      if (key === 'ENTRA_AUTHORITY_HOST') return 'https://login.microsoftonline.us/';
      if (key === 'BOT_TYPE') return 'UserAssignedMSI';
      if (key === 'AZURE_STORAGE_CONTAINER') return 'transformation-hub';
      return 'value-of-' + key.toLowerCase();
    };
    const env: Record<string, string> = {};
    for (const [k, v] of settings) env[k] = sample(k, v);
    env.PUBLIC_URL = 'https://thub-app.azurewebsites.net';
    env.ENTRA_APP_ID_URI = 'api://thub-app.azurewebsites.net/3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8';
    env.ENTRA_CLIENT_SECRET = 'resolved-from-key-vault';

    const msi = parseConfig({ ...env, BOT_TYPE: 'UserAssignedMSI' });
    expect(msi.store).toBe('sharepoint');
    expect(msi.auth.authorityHost).toBe('https://login.microsoftonline.us');
    expect(main.text).toContain(
      'param entraAuthorityHost string = environment().authentication.loginEndpoint',
    );
    expect(msi.stateStore).toBe('blob');
    expect(msi.auth.mode).toBe('entra');
    expect(msi.bot.type).toBe('UserAssignedMSI');
    const single = parseConfig({ ...env, BOT_TYPE: 'SingleTenant', BOT_PASSWORD: 'resolved-from-key-vault' });
    expect(single.bot.type).toBe('SingleTenant');
    // The template never sets BOT_PASSWORD for a managed-identity bot, which config refuses.
    expect(main.text).toMatch(/botPassword: singleTenant \? botPassword : ''/);
  });
});

describe('storage, Key Vault, bot, monitoring', () => {
  it('storage: no public access, TLS 1.2, HTTPS only, no shared keys, private container, blob contributor role', () => {
    const s = moduleFile('storage').text;
    expect(s).toContain('allowBlobPublicAccess: false');
    expect(s).toContain("minimumTlsVersion: 'TLS1_2'");
    expect(s).toContain('supportsHttpsTrafficOnly: true');
    expect(s).toContain('allowSharedKeyAccess: false');
    expect(s).toContain("publicAccess: 'None'");
    expect(s).toContain("'ba92f5b4-2d11-453d-a403-e96b0029c9fe'"); // Storage Blob Data Contributor
    expect(s).toMatch(/principalType: 'ServicePrincipal'/);
  });

  it('Key Vault: RBAC, soft delete and purge protection, secrets user role for the identity', () => {
    const k = moduleFile('key-vault').text;
    expect(k).toContain('enableRbacAuthorization: true');
    expect(k).toContain('enablePurgeProtection: true');
    expect(k).toContain("'4633458b-17de-408a-b874-0445c86b69e6'"); // Key Vault Secrets User
  });

  it('bot: single-tenant or managed identity (no multi-tenant), Teams channel, endpoint /api/messages', () => {
    const b = moduleFile('bot').text;
    expect(b).toMatch(/@allowed\(\[\s*'SingleTenant'\s*'UserAssignedMSI'\s*\]\)/);
    expect(b).not.toContain('MultiTenant');
    expect(b).toContain("channelName: 'MsTeamsChannel'");
    expect(main.text).toContain("endpoint: 'https://${app.outputs.defaultHostName}/api/messages'");
  });

  it('monitoring: workspace-based Application Insights', () => {
    const m = moduleFile('monitoring').text;
    expect(m).toContain("'Microsoft.OperationalInsights/workspaces@");
    expect(m).toContain('WorkspaceResourceId: workspace.id');
  });

  it("logs: the app's console output (its JSON logs) goes to the Application Insights workspace", () => {
    const a = moduleFile('app-service').text;
    expect(a).toMatch(
      /resource \w+ 'Microsoft\.Insights\/diagnosticSettings@[\d-]+(-preview)?' = \{\n\s+name: '[\w-]+'\n\s+scope: site\n/,
    );
    expect(a).toContain('workspaceId: logAnalyticsWorkspaceId');
    expect(a).toMatch(/category: 'AppServiceConsoleLogs'\n\s+enabled: true/);
    expect(main.text).toContain('logAnalyticsWorkspaceId: monitoring.outputs.workspaceId');
  });

  it('every module main.bicep uses exists', () => {
    const modules = main.declarations.filter((d) => d.kind === 'module');
    expect(modules.length).toBe(6);
    for (const m of modules) {
      const file = /^'([^']+)'/.exec(m.rest)?.[1] ?? '';
      expect(existsSync(path.join(INFRA, file)), file).toBe(true);
    }
  });
});

describe('Agents Toolkit project files', () => {
  const outputs = new Set(main.declarations.filter((d) => d.kind === 'output').map((d) => d.name));
  const envDev = parseEnvText(readFileSync(path.join(REPO, 'env/.env.dev'), 'utf8'), 'env/.env.dev').values;
  const envLocal = parseEnvText(
    readFileSync(path.join(REPO, 'env/.env.local'), 'utf8'),
    'env/.env.local',
  ).values;
  const written = (yml: string) =>
    new Set([...yml.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]+)\s*$/gm)].map((m) => m[1] ?? ''));

  it('m365agents.yml: every ${{VAR}} comes from env/.env.dev, an earlier action or a Bicep output', () => {
    const yml = readFileSync(path.join(REPO, 'm365agents.yml'), 'utf8');
    const sources = new Set([...envDev.keys(), ...written(yml), ...outputs]);
    const missing = placeholderNames(yml).filter((v) => !sources.has(v));
    expect(missing).toEqual([]);
    // The deploy step's target is a Bicep output, not something set by hand.
    expect(yml).toContain('resourceId: ${{AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(outputs.has('AZURE_APP_SERVICE_RESOURCE_ID')).toBe(true);
    for (const step of [
      'teamsApp/create',
      'aadApp/create',
      'aadApp/update',
      'arm/deploy',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'azureAppService/zipDeploy',
    ]) {
      expect(yml).toContain(`uses: ${step}`);
    }
    expect(yml).toContain('path: ./infra/main.bicep');
    expect(yml).toContain('parameters: ./infra/main.parameters.json');
    expect(existsSync(path.join(REPO, 'infra/.webappignore'))).toBe(true);
  });

  it('m365agents.local.yml: every ${{VAR}} comes from env/.env.local or an earlier action', () => {
    const yml = readFileSync(path.join(REPO, 'm365agents.local.yml'), 'utf8');
    const sources = new Set([...envLocal.keys(), ...written(yml)]);
    expect(placeholderNames(yml).filter((v) => !sources.has(v))).toEqual([]);
  });

  it('the manifest placeholders that provisioning fills are Bicep outputs or toolkit writes', () => {
    const yml = readFileSync(path.join(REPO, 'm365agents.yml'), 'utf8');
    const provisioned = new Set([...written(yml), ...outputs]);
    const template = ['manifest.json', 'declarative-agent.json']
      .map((f) => readFileSync(path.join(REPO, 'manifest/template', f), 'utf8'))
      .join('\n');
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'AAD_APP_CLIENT_ID']) {
      expect(placeholderNames(template)).toContain(name);
      expect(provisioned.has(name), `${name} is not produced by provisioning`).toBe(true);
    }
  });

  it('main.parameters.json matches main.bicep: known params, every required param given, sources for placeholders', () => {
    const file = JSON.parse(readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const declared = new Map(params(main).map((p) => [p.name, p]));
    for (const name of Object.keys(file.parameters))
      expect(declared.has(name), `${name} is not a parameter of main.bicep`).toBe(true);
    const required = params(main)
      .filter((p) => !p.rest.includes('='))
      .map((p) => p.name);
    for (const name of required) expect(file.parameters[name], `${name} is required`).toBeDefined();
    const yml = readFileSync(path.join(REPO, 'm365agents.yml'), 'utf8');
    const sources = new Set([...envDev.keys(), ...written(yml)]);
    const text = readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8');
    expect(placeholderNames(text).filter((v) => !sources.has(v))).toEqual([]);
    // Secrets reach the deployment only through @secure() parameters.
    for (const [name, { value }] of Object.entries(file.parameters)) {
      if (typeof value === 'string' && value.includes('SECRET_')) {
        expect(declared.get(name)?.decorators, `${name} receives a secret`).toContain('@secure()');
      }
    }
  });

  it('the Entra app: App ID URI api://<tab domain>/<client id>, access_as_user, Teams clients pre-authorised', () => {
    const aad = JSON.parse(readFileSync(path.join(INFRA, 'aad.manifest.json'), 'utf8')) as {
      identifierUris: string[];
      signInAudience: string;
      oauth2Permissions: { value: string; id: string; type: string }[];
      preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    };
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    const scope = aad.oauth2Permissions.find((p) => p.value === 'access_as_user');
    expect(scope?.id).toBe('${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}');
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]);
    for (const a of aad.preAuthorizedApplications) expect(a.permissionIds).toEqual([scope?.id]);
  });

  it('the Entra app redirects the tab consent page and the Copilot plugin OAuth vault (Web)', () => {
    const aad = JSON.parse(readFileSync(path.join(INFRA, 'aad.manifest.json'), 'utf8')) as {
      replyUrlsWithType: { url: string; type: string }[];
    };
    expect(aad.replyUrlsWithType).toEqual(
      expect.arrayContaining([
        { url: 'https://${{TAB_DOMAIN}}/auth/consent-end', type: 'Web' },
        { url: 'https://teams.microsoft.com/api/platform/v1.0/oAuthRedirect', type: 'Web' },
      ]),
    );
  });
});
