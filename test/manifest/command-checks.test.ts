import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../bot/teams/command-catalog.js';
import {
  checkBotCommands,
  checkCommandKeywords,
  checkLocalisedCommandTitles,
  handledFromRouter,
} from '../../manifest/lib/command-checks.js';
import { ManifestShape } from '../../manifest/lib/manifest-shape.js';

const manifest = (
  lists: { scopes: string[]; titles: string[] }[],
  botScopes = ['personal', 'team', 'groupChat'],
) =>
  ManifestShape.parse({
    bots: [
      {
        botId: 'x',
        scopes: botScopes,
        commandLists: lists.map((l) => ({
          scopes: l.scopes,
          commands: l.titles.map((title) => ({ title })),
        })),
      },
    ],
  });

describe('bot command check', () => {
  it('accepts commands from the catalogue in scopes the bot handles them in, ignoring case and spacing', () => {
    const m = manifest([
      { scopes: ['personal'], titles: ['help', 'Subscribe  Digest', 'away'] },
      { scopes: ['team', 'groupChat'], titles: ['status', 'risks'] },
    ]);
    expect(checkBotCommands(m, BOT_COMMANDS, 'manifest.json')).toEqual([]);
  });

  it('refuses unknown, duplicate and out-of-scope commands, and lists for scopes the bot lacks', () => {
    const m = manifest(
      [
        { scopes: ['personal'], titles: ['help', 'help', 'teleport'] },
        { scopes: ['team'], titles: ['unreachable'] },
        { scopes: ['groupChat'], titles: ['status'] },
      ],
      ['personal', 'team'],
    );
    expect(checkBotCommands(m, BOT_COMMANDS, 'manifest.json').map((p) => p.message)).toEqual([
      'bots[0].commandLists[0].commands[1] "help" is listed twice',
      expect.stringMatching(
        /^bots\[0\]\.commandLists\[0\]\.commands\[2\] "teleport" is not a command the bot handles \(it handles: help, projects/,
      ),
      'bots[0].commandLists[1].commands[0] "unreachable" is listed for team but the bot handles it only in personal',
      'bots[0].commandLists[2] is for groupChat, a scope the bot is not installed in',
    ]);
  });

  it('follows the handler list it is given (the bot can export its real handlers)', () => {
    const m = manifest([{ scopes: ['personal'], titles: ['help', 'portfolio'] }]);
    const problems = checkBotCommands(m, [{ keyword: 'help', scopes: ['personal'] }], 'manifest.json');
    expect(problems.map((p) => p.message)).toEqual([
      'bots[0].commandLists[0].commands[1] "portfolio" is not a command the bot handles (it handles: help)',
    ]);
  });
});

describe('the manifest template', () => {
  it('advertises every command anyone can use, in the scopes the bot handles it (CTO-only commands stay out of the shared menu)', async () => {
    const { readFileSync } = await import('node:fs');
    const template = ManifestShape.parse(JSON.parse(readFileSync('manifest/template/manifest.json', 'utf8')));
    const [personal, shared] = template.bots[0]?.commandLists ?? [];
    const titles = (list: typeof personal) => (list?.commands ?? []).map((c) => c.title);
    expect(personal?.scopes).toEqual(['personal']);
    expect(titles(personal)).toEqual(
      BOT_COMMANDS.filter((c) => !c.ctoOnly && c.scopes.includes('personal')).map((c) => c.keyword),
    );
    expect(shared?.scopes).toEqual(['team', 'groupChat']);
    expect(titles(shared)).toEqual(
      BOT_COMMANDS.filter(
        (c) => !c.ctoOnly && c.scopes.includes('team') && c.scopes.includes('groupChat'),
      ).map((c) => c.keyword),
    );
  });
});

describe('against the router table (commandId -> language -> keywords)', () => {
  const catalogue = [
    { id: 'help', keyword: 'help', scopes: ['personal', 'team', 'groupChat'] },
    { id: 'projects', keyword: 'projects', scopes: ['personal', 'team', 'groupChat'] },
  ];
  const all = (words: Record<string, string[]>) => ({
    en: [],
    ar: [],
    es: [],
    fr: [],
    ru: [],
    zh: [],
    ...words,
  });
  const table = {
    help: all({
      en: ['help', 'hi'],
      ar: ['مساعدة'],
      es: ['ayuda'],
      fr: ['aide'],
      ru: ['помощь'],
      zh: ['帮助'],
    }),
    projects: all({
      en: ['projects', 'my projects'],
      ar: ['مشاريعي'],
      es: ['proyectos'],
      fr: ['projets', 'mes projets'],
      ru: ['проекты'],
      zh: ['项目'],
    }),
  };
  const handled = handledFromRouter(catalogue, table);

  it('accepts any English keyword the router knows, and complete tables', () => {
    const m = manifest([{ scopes: ['personal'], titles: ['help', 'My Projects'] }]);
    expect(checkBotCommands(m, handled, 'manifest.json')).toEqual([]);
    expect(checkCommandKeywords(handled, 'manifest.json')).toEqual([]);
  });

  it('refuses a command the bot does not handle', () => {
    const m = manifest([{ scopes: ['personal'], titles: ['help', 'teleport'] }]);
    expect(checkBotCommands(m, handled, 'manifest.json').map((p) => p.message)).toEqual([
      'bots[0].commandLists[0].commands[1] "teleport" is not a command the bot handles (it handles: help, projects)',
    ]);
  });

  it('names a command without keywords in some language, or missing from the table', () => {
    const partial = handledFromRouter([...catalogue, { id: 'away', keyword: 'away', scopes: ['personal'] }], {
      ...table,
      projects: { ...table.projects, ru: [], zh: [' '] },
    });
    expect(checkCommandKeywords(partial, 'manifest.json').map((p) => p.message)).toEqual([
      'command "projects" has no keyword in ru, zh in the bot\'s router table',
      'command "away" is not in the bot\'s router table',
    ]);
  });

  it('checks translated titles against the keywords of their language', () => {
    const m = manifest([{ scopes: ['personal'], titles: ['help', 'projects'] }]);
    const fr = {
      languageTag: 'fr',
      file: 'manifest/template/fr.json',
      content: {
        'bots[0].commandLists[0].commands[0].title': 'Aide',
        'bots[0].commandLists[0].commands[1].title': 'projets en cours',
        'bots[0].commandLists[0].commands[1].description': 'not a title',
      },
    };
    const zh = {
      languageTag: 'zh-CN',
      file: 'zh.json',
      content: { 'bots[0].commandLists[0].commands[1].title': '项目' },
    };
    expect(checkLocalisedCommandTitles(m, handled, [fr, zh])).toEqual([
      {
        check: 'commands',
        file: 'manifest/template/fr.json',
        message:
          'bots[0].commandLists[0].commands[1].title "projets en cours" is not a fr keyword of the "projects" command (the bot understands: projets, mes projets)',
      },
    ]);
    // Without a keyword table (the catalogue alone) there is nothing to compare translations with.
    expect(checkLocalisedCommandTitles(m, BOT_COMMANDS, [fr])).toEqual([]);
  });
});

describe('the bot’s real router table', () => {
  it('has keywords for every command in the six languages, and the template matches it', async () => {
    const { COMMAND_KEYWORDS } = await import('../../bot/teams/command-keywords.js');
    const { readFileSync } = await import('node:fs');
    const handled = handledFromRouter(BOT_COMMANDS, COMMAND_KEYWORDS);
    expect(checkCommandKeywords(handled, 'bot/teams/command-keywords.ts')).toEqual([]);
    const template = ManifestShape.parse(JSON.parse(readFileSync('manifest/template/manifest.json', 'utf8')));
    expect(checkBotCommands(template, handled, 'manifest.json')).toEqual([]);
    const languages = ['ar', 'es', 'fr', 'ru', 'zh'].map((languageTag) => ({
      languageTag,
      file: `${languageTag}.json`,
      content: JSON.parse(readFileSync(`manifest/template/${languageTag}.json`, 'utf8')) as Record<
        string,
        unknown
      >,
    }));
    expect(checkLocalisedCommandTitles(template, handled, languages)).toEqual([]);
  });
});
