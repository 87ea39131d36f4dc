import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundledSchema, validateWithSchema } from '../../manifest/lib/bundled-schemas.js';
import { extensionTarget, projectCodeFromUrl } from '../../bot/cards/extension-links.js';
import { tabLink, tabWebUrl } from '../../bot/cards/links.js';
import { makeWorkspace, TEMPLATE_DIR, type Workspace } from './workspace.js';

let ws: Workspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

describe('npm run package for the dev environment', () => {
  it('writes a zip whose manifest, agent, language files and icons validate again after unzipping', async () => {
    ws = makeWorkspace();
    const result = await ws.build('dev');
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.zipPath).toBe(`${ws.outDir}/appPackage.dev.zip`);
    expect(result.validatedWith).toEqual([
      'teams-manifest 1.30',
      'declarative-agent v1.8',
      'api-plugin v2.4',
      'teams-localisation 1.30',
    ]);

    const files = unzipSync(readFileSync(result.zipPath ?? ''));
    expect(Object.keys(files).sort()).toEqual([
      'ai-plugin.json',
      'apiSpecificationFile/openapi.json',
      'ar.json',
      'color.png',
      'color32x32.png',
      'declarative-agent.json',
      'en.json',
      'es.json',
      'fr.json',
      'manifest.json',
      'outline.png',
      'ru.json',
      'zh.json',
    ]);
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    for (const name of Object.keys(files).filter((n) => n.endsWith('.json'))) {
      expect(text(name), `${name} has an unfilled placeholder`).not.toMatch(/\$\{\{/);
    }

    const manifest = JSON.parse(text('manifest.json')) as Record<string, unknown>;
    expect(await validateWithSchema(manifest, loadBundledSchema('teams-manifest', '1.30') ?? {})).toEqual([]);
    const agent = JSON.parse(text('declarative-agent.json')) as Record<string, unknown>;
    expect(await validateWithSchema(agent, loadBundledSchema('declarative-agent', 'v1.8') ?? {})).toEqual([]);
    // The agent's action: the plugin validates, its function is an operation of the spec in the zip,
    // which points at the app's public URL and signs in through the OAuth registration of .env.dev.
    expect(agent.actions).toEqual([{ id: 'transformationHubSearch', file: 'ai-plugin.json' }]);
    const plugin = JSON.parse(text('ai-plugin.json')) as {
      functions: { name: string }[];
      runtimes: { auth: { type: string; reference_id: string }; spec: { url: string } }[];
    };
    expect(await validateWithSchema(plugin, loadBundledSchema('api-plugin', 'v2.4') ?? {})).toEqual([]);
    expect(plugin.functions.map((f) => f.name)).toEqual([
      'searchPortfolio',
      'findProjects',
      'findRisks',
      'listLateReporters',
      'getProjectBrief',
      'getPortfolioBrief',
      'draftPillarReport',
    ]);
    expect(plugin.runtimes[0]?.auth).toEqual({
      type: 'OAuthPluginVault',
      reference_id: 'MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIyNwbGFjZWhvbGRlcg==',
    });
    expect(plugin.runtimes[0]?.spec.url).toBe('apiSpecificationFile/openapi.json');
    const spec = JSON.parse(text('apiSpecificationFile/openapi.json')) as {
      servers: { url: string }[];
      paths: Record<string, { get?: { operationId: string } }>;
    };
    expect(spec.servers).toEqual([{ url: 'https://thubdev-app.azurewebsites.net' }]);
    expect(spec.paths['/api/v1/search']?.get?.operationId).toBe('searchPortfolio');
    for (const lang of ['en', 'ar', 'es', 'fr', 'ru', 'zh']) {
      const doc = JSON.parse(text(`${lang}.json`)) as Record<string, unknown>;
      expect(
        await validateWithSchema(doc, loadBundledSchema('teams-localisation', '1.30') ?? {}),
        lang,
      ).toEqual([]);
    }

    // Values came from env/.env.dev.
    expect(manifest.id).toBe('5d0b8f1e-7c4a-4f3b-9a2e-1f6c3d8e0a01');
    expect(manifest.validDomains).toEqual([
      'thubdev-app.azurewebsites.net',
      'teams.microsoft.com',
      'teams.cloud.microsoft',
    ]);
    expect(manifest.webApplicationInfo).toEqual({
      id: '2b7e4c19-8d3f-4a6b-b1c2-9e0f7a5d3c02',
      resource: 'api://thubdev-app.azurewebsites.net/2b7e4c19-8d3f-4a6b-b1c2-9e0f7a5d3c02',
    });
    expect(text('manifest.json')).toContain(
      '"contentUrl": "https://thubdev-app.azurewebsites.net/#/my-work"',
    );
    expect(text('declarative-agent.json')).toContain(
      'https://itu.sharepoint.com/sites/TransformationHub-dev',
    );

    const size = (name: string) => {
      const png = PNG.sync.read(Buffer.from(files[name] ?? new Uint8Array()));
      return `${png.width}x${png.height}`;
    };
    expect(size('color.png')).toBe('192x192');
    expect(size('outline.png')).toBe('32x32');
    expect(size('color32x32.png')).toBe('32x32');
  });

  it('produces the same bytes from the same inputs', async () => {
    ws = makeWorkspace();
    const first = await ws.build('dev');
    const a = readFileSync(first.zipPath ?? '');
    const second = await ws.build('dev');
    expect(readFileSync(second.zipPath ?? '').equals(a)).toBe(true);
  });

  it('writes nothing when a check fails', async () => {
    ws = makeWorkspace();
    ws.editJson('fr.json', (doc) => {
      delete doc['name.short'];
    });
    const result = await ws.build('dev');
    expect(result.ok).toBe(false);
    expect(existsSync(`${ws.outDir}/appPackage.dev.zip`)).toBe(false);
  });
});

// Link unfurling: Teams only sends the links of the domains the manifest declares. The links the
// cards carry (bot/cards/links.ts: the Teams deep link when the app id is known, else the tab's web
// address) and the tab's own address must all be declared, and the unfurler must accept each.
describe('link unfurling covers the links the app hands out', () => {
  it('declares the host of every link in cards and the tab, and unfurls each to its project', () => {
    const manifest = JSON.parse(readFileSync(path.join(TEMPLATE_DIR, 'manifest.json'), 'utf8')) as {
      composeExtensions: Array<{ messageHandlers: Array<{ value: { domains: string[] } }> }>;
    };
    const domains = manifest.composeExtensions[0]?.messageHandlers[0]?.value.domains ?? [];
    const publicUrl = 'https://hub.example.org';
    const withApp = { publicUrl, teamsAppId: '5d0b8f1e-7c4a-4f3b-9a2e-1f6c3d8e0a01' };
    const links = [
      tabLink(withApp, 'projects/TR-07'),
      tabLink({ publicUrl }, 'projects/TR-07'),
      tabWebUrl({ publicUrl }, 'projects/TR-07'),
      tabLink(withApp, 'projects/TR-07').replace('teams.microsoft.com', 'teams.cloud.microsoft'),
    ];
    for (const link of links) {
      const host = new URL(link).host;
      expect(
        domains.map((d) => d.replace('${{TAB_DOMAIN}}', 'hub.example.org')),
        link,
      ).toContain(host);
      expect(projectCodeFromUrl(link, extensionTarget(withApp)), link).toBe('TR-07');
    }
  });
});
