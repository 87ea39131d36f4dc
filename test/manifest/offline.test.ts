// The packager validates with the schemas bundled in @microsoft/app-manifest and never touches the
// network: proven in-process (fetch and the package's own schema fetcher are never called) and in
// a child process where every socket, DNS lookup, HTTP request and fetch is refused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bundledDeclarativeAgentVersions,
  bundledSchemaPath,
  bundledTeamsVersions,
  escapeLoneBrackets,
  loadBundledSchema,
} from '../../manifest/lib/bundled-schemas.js';
import { makeWorkspace, REPO, TEMPLATE_DIR, type Workspace } from './workspace.js';

describe('bundled schemas', () => {
  it('the template uses the newest GA manifest version and declarative agent version the package bundles', () => {
    const manifest = JSON.parse(readFileSync(path.join(TEMPLATE_DIR, 'manifest.json'), 'utf8')) as Record<
      string,
      string
    >;
    const agent = JSON.parse(
      readFileSync(path.join(TEMPLATE_DIR, 'declarative-agent.json'), 'utf8'),
    ) as Record<string, string>;
    expect(bundledTeamsVersions().at(-1)).toBe(manifest.manifestVersion);
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
    );
    expect(bundledDeclarativeAgentVersions().at(-1)).toBe(agent.version);
    expect(existsSync(bundledSchemaPath('teams-localisation', '1.30'))).toBe(true);
  });

  it('repairs the localisation schema pattern ajv cannot compile in unicode mode, keeping its meaning', () => {
    const broken = String.raw`^activities.activityTypes\[\b([0-9]|[1-8][0-9]|9[0-9]|1[01][0-9]|12[0-7])\b]\.description$`;
    expect(() => new RegExp(broken, 'u')).toThrow();
    const fixed = new RegExp(escapeLoneBrackets(broken), 'u');
    expect(fixed.test('activities.activityTypes[12].description')).toBe(true);
    expect(fixed.test('activities.activityTypes[128].description')).toBe(false);
    const schema = loadBundledSchema('teams-localisation', '1.30') as {
      patternProperties: Record<string, unknown>;
    };
    for (const key of Object.keys(schema.patternProperties)) expect(() => new RegExp(key, 'u')).not.toThrow();
  });
});

describe('packaging is offline', () => {
  let ws: Workspace | undefined;
  afterEach(() => {
    ws?.dispose();
    ws = undefined;
    vi.restoreAllMocks();
  });

  it('never calls fetch or the package schema fetcher', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in tests'));
    const schemaFetch = vi.spyOn(AppManifestUtils, 'fetchSchema');
    ws = makeWorkspace();
    const result = await ws.build('dev');
    expect(result.problems).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(schemaFetch).not.toHaveBeenCalled();
  });

  it('the CLI packages with every network API refused, and reports failures without a stack trace', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'th-offline-'));
    const log = path.join(out, 'network.log');
    try {
      const run = (...args: string[]) =>
        spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            '--import',
            path.join(REPO, 'test/manifest/fixtures/no-network.mjs'),
            'manifest/scripts/package.ts',
            ...args,
          ],
          { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_NETWORK_LOG: log }, timeout: 60_000 },
        );
      const ok = run('--env', 'dev', '--out-dir', out);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/Wrote .*appPackage\.dev\.zip/);
      expect(ok.stdout).toContain(
        'Validated offline against: teams-manifest 1.30; declarative-agent v1.8; api-plugin v2.4; teams-localisation 1.30',
      );
      expect(existsSync(path.join(out, 'appPackage.dev.zip'))).toBe(true);
      expect(existsSync(log)).toBe(false);

      const missing = run('--env', 'nowhere', '--out-dir', out);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('[env] env/.env.nowhere: environment file not found');
      expect(missing.stderr).not.toMatch(/\n\s+at /);

      const usage = run();
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('--env is required');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
