// Each case breaks one thing in a copy of the real template (or env file) and expects the packager
// to refuse it with a message that names the file and says what is wrong.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckName } from '../../manifest/lib/problems.js';
import { makeWorkspace, type Workspace } from './workspace.js';

type Json = Record<string, unknown>;
const obj = (v: unknown) => v as Json;
const arr = (v: unknown) => v as Json[];

function firstBot(manifest: Json): Json {
  return arr(manifest.bots)[0] ?? {};
}
function commandList(manifest: Json, index: number): Json[] {
  return arr((arr(firstBot(manifest).commandLists)[index] ?? {}).commands);
}

function recolourOutlinePixel(ws: Workspace, x: number, y: number): void {
  const file = path.join(ws.templateDir, 'outline.png');
  const png = PNG.sync.read(readFileSync(file));
  const i = (y * png.width + x) * 4;
  png.data[i] = 255;
  png.data[i + 1] = 0;
  png.data[i + 2] = 0;
  png.data[i + 3] = 255;
  writeFileSync(file, PNG.sync.write(png));
}

function rewriteEnv(ws: Workspace, edit: (text: string) => string): void {
  const file = path.join(ws.envDir, '.env.dev');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

interface Case {
  name: string;
  breakIt: (ws: Workspace) => void;
  check: CheckName;
  file: RegExp;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'a missing required field',
    breakIt: (ws) =>
      ws.editJson('manifest.json', (m) => {
        delete m.developer;
      }),
    check: 'schema',
    file: /manifest\.json$/,
    message: /must have required property 'developer'/,
  },
  {
    name: 'a field of the wrong shape',
    breakIt: (ws) =>
      ws.editJson('manifest.json', (m) => {
        m.accentColor = 'blue';
      }),
    check: 'schema',
    file: /manifest\.json$/,
    message: /\/accentColor must match pattern/,
  },
  {
    name: 'a wrong icon size',
    breakIt: (ws) =>
      writeFileSync(
        path.join(ws.templateDir, 'color.png'),
        readFileSync(path.join(ws.templateDir, 'outline.png')),
      ),
    check: 'icon',
    file: /color\.png$/,
    message: /color icon must be 192x192 pixels, found 32x32/,
  },
  {
    name: 'an icon that is not a PNG',
    breakIt: (ws) => writeFileSync(path.join(ws.templateDir, 'outline.png'), 'GIF89a'),
    check: 'icon',
    file: /outline\.png$/,
    message: /outline icon is not a PNG file/,
  },
  {
    name: 'an outline icon with a coloured pixel',
    breakIt: (ws) => recolourOutlinePixel(ws, 3, 29),
    check: 'icon',
    file: /outline\.png$/,
    message:
      /must be white \(255,255,255\) on a transparent background; 1 visible pixel\(s\) are not white, first at \(3,29\) is rgba\(255,0,0,255\)/,
  },
  {
    name: 'a missing icon file',
    breakIt: (ws) =>
      ws.editJson('manifest.json', (m) => {
        obj(m.icons).outline = 'missing.png';
      }),
    check: 'file',
    file: /manifest\.json$/,
    message: /references "missing\.png", which does not exist/,
  },
  {
    name: 'a command the bot does not handle',
    breakIt: (ws) => {
      ws.editJson('manifest.json', (m) => {
        commandList(m, 0).push({ title: 'dance', description: 'Not a real command' });
      });
      for (const lang of ['en', 'ar', 'es', 'fr', 'ru', 'zh']) {
        ws.editJson(`${lang}.json`, (doc) => {
          doc['bots[0].commandLists[0].commands[12].title'] = 'dance';
          doc['bots[0].commandLists[0].commands[12].description'] = 'Not a real command';
        });
      }
    },
    check: 'commands',
    file: /manifest\.json$/,
    message: /bots\[0\]\.commandLists\[0\]\.commands\[12\] "dance" is not a command the bot handles/,
  },
  {
    name: 'a translated command title the bot does not understand in that language',
    breakIt: (ws) =>
      ws.editJson('fr.json', (doc) => {
        doc['bots[0].commandLists[0].commands[0].title'] = 'au secours';
      }),
    check: 'commands',
    file: /fr\.json$/,
    message: /"au secours" is not a fr keyword of the "help" command \(the bot understands: aide/,
  },
  {
    name: 'a personal-only command in the team command list',
    breakIt: (ws) => {
      ws.editJson('manifest.json', (m) => {
        const list = commandList(m, 1);
        list[7] = { title: 'digest', description: "This week's portfolio digest, sent to you now" };
      });
      ws.editJson('en.json', (doc) => {
        doc['bots[0].commandLists[1].commands[7].title'] = 'digest';
        doc['bots[0].commandLists[1].commands[7].description'] =
          "This week's portfolio digest, sent to you now";
      });
    },
    check: 'commands',
    file: /manifest\.json$/,
    message: /"digest" is listed for team, groupChat but the bot handles it only in personal/,
  },
  {
    name: 'a missing translation key',
    breakIt: (ws) =>
      ws.editJson('fr.json', (doc) => {
        delete doc['composeExtensions[0].commands[0].parameters[0].description'];
      }),
    check: 'localisation',
    file: /fr\.json$/,
    message: /missing key "composeExtensions\[0\]\.commands\[0\]\.parameters\[0\]\.description"/,
  },
  {
    name: 'an empty translation',
    breakIt: (ws) =>
      ws.editJson('zh.json', (doc) => {
        doc['staticTabs[1].name'] = '   ';
      }),
    check: 'localisation',
    file: /zh\.json$/,
    message: /key "staticTabs\[1\]\.name" is empty/,
  },
  {
    name: 'a translation key that points at nothing',
    breakIt: (ws) =>
      ws.editJson('ru.json', (doc) => {
        doc['staticTabs[9].name'] = 'Лишняя вкладка';
      }),
    check: 'localisation',
    file: /ru\.json$/,
    message: /key "staticTabs\[9\]\.name" does not match anything in/,
  },
  {
    name: 'a missing agent translation',
    breakIt: (ws) =>
      ws.editJson('ar.json', (doc) => {
        delete obj(doc.localizationKeys).starter_top_risks_text;
      }),
    check: 'localisation',
    file: /ar\.json$/,
    message: /missing localizationKeys "starter_top_risks_text"/,
  },
  {
    name: 'a translation over the length limit',
    breakIt: (ws) =>
      ws.editJson('es.json', (doc) => {
        doc['name.short'] = 'Centro de Transformación de la Unión';
      }),
    check: 'schema',
    file: /es\.json$/,
    message: /\/name\.short must NOT have more than 30 characters/,
  },
  {
    name: 'a default language file that drifted from the manifest',
    breakIt: (ws) =>
      ws.editJson('en.json', (doc) => {
        doc['staticTabs[2].name'] = 'Portfolios';
      }),
    check: 'localisation',
    file: /en\.json$/,
    message: /"staticTabs\[2\]\.name" says "Portfolios" but .*manifest\.json says "Portfolio"/,
  },
  {
    name: 'a missing language file',
    breakIt: (ws) =>
      ws.editJson('manifest.json', (m) => {
        arr(obj(m.localizationInfo).additionalLanguages).push({ languageTag: 'de', file: 'de.json' });
      }),
    check: 'file',
    file: /manifest\.json$/,
    message: /references "de\.json", which does not exist/,
  },
  {
    name: 'an agent name that cannot be translated',
    breakIt: (ws) =>
      ws.editJson('declarative-agent.json', (a) => {
        a.name = 'Transformation assistant';
      }),
    check: 'agent',
    file: /declarative-agent\.json$/,
    message: /name is literal text; use a \[\[token\]\]/,
  },
  {
    name: 'an invalid declarative agent',
    breakIt: (ws) =>
      ws.editJson('declarative-agent.json', (a) => {
        a.conversation_starters = [];
      }),
    check: 'schema',
    file: /declarative-agent\.json$/,
    message: /\/conversation_starters must NOT have fewer than 1 items/,
  },
  {
    name: 'an unfilled placeholder',
    breakIt: (ws) => rewriteEnv(ws, (t) => t.replace(/^TAB_DOMAIN=.*$/m, '')),
    check: 'placeholder',
    file: /manifest\.json$/,
    message: /line \d+: \$\{\{TAB_DOMAIN\}\} is not set in .*\.env\.dev/,
  },
  {
    name: 'a placeholder left empty',
    breakIt: (ws) => rewriteEnv(ws, (t) => t.replace(/^BOT_ID=.*$/m, 'BOT_ID=')),
    check: 'placeholder',
    file: /manifest\.json$/,
    message: /\$\{\{BOT_ID\}\} is empty in .*\.env\.dev \(provision the environment first\)/,
  },
  {
    name: 'a secret pulled into the package',
    breakIt: (ws) =>
      ws.editJson('manifest.json', (m) => {
        obj(m.developer).mpnId = '${{SECRET_BOT_PASSWORD}}';
      }),
    check: 'placeholder',
    file: /manifest\.json$/,
    message: /\$\{\{SECRET_BOT_PASSWORD\}\} is a secret; secrets never go into the app package/,
  },
  {
    name: 'a malformed value in the env file',
    breakIt: (ws) => appendFileSync(path.join(ws.envDir, '.env.dev'), '\nTEAMS_APP_ID=not-a-guid\n'),
    check: 'env',
    file: /\.env\.dev$/,
    message: /TEAMS_APP_ID: expected a GUID \(got "not-a-guid"\)/,
  },
  {
    name: 'an SSO resource on another domain',
    breakIt: (ws) =>
      ws.editJson('manifest.json', (m) => {
        obj(m.webApplicationInfo).resource = 'api://elsewhere.example.org/${{AAD_APP_CLIENT_ID}}';
      }),
    check: 'manifest',
    file: /manifest\.json$/,
    message: /webApplicationInfo\.resource is on elsewhere\.example\.org, which is not the tab's domain/,
  },
  {
    name: 'link unfurling for a domain the app does not trust',
    breakIt: (ws) =>
      ws.editJson('manifest.json', (m) => {
        const extension = arr(m.composeExtensions)[0] ?? {};
        obj(arr(extension.messageHandlers)[0]?.value).domains = ['example.org'];
      }),
    check: 'manifest',
    file: /manifest\.json$/,
    message: /unfurls example\.org, which is not in validDomains/,
  },
  {
    name: 'invalid JSON',
    breakIt: (ws) =>
      writeFileSync(path.join(ws.templateDir, 'manifest.json'), '{ "manifestVersion": "1.30", }'),
    check: 'file',
    file: /manifest\.json$/,
    message: /not valid JSON/,
  },
];

describe('a broken template is refused with a clear message', () => {
  let ws: Workspace | undefined;
  afterEach(() => {
    ws?.dispose();
    ws = undefined;
  });

  it.each(cases)('$name', async ({ breakIt, check, file, message }) => {
    ws = makeWorkspace();
    breakIt(ws);
    const result = await ws.build('dev');
    expect(result.ok).toBe(false);
    expect(result.zipPath).toBeUndefined();
    const match = result.problems.find(
      (p) => p.check === check && file.test(p.file) && message.test(p.message),
    );
    expect(
      match,
      `expected a ${check} problem matching ${String(message)}; got:\n${JSON.stringify(result.problems, null, 2)}`,
    ).toBeDefined();
  });

  it('refuses an unknown environment and names the missing file', async () => {
    ws = makeWorkspace();
    const result = await ws.build('staging');
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        check: 'env',
        file: path.join(ws.envDir, '.env.staging'),
        message: expect.stringMatching(/environment file not found/),
      },
    ]);
  });
});
