// Every command the manifest advertises in a bot command menu must be one the bot handles, in the
// scopes the menu is shown in. The manifest's default (English) titles are compared with the
// keywords the bot's router accepts (bot/teams/command-keywords.ts, joined with the scopes of
// bot/teams/command-catalog.ts by `handledFromRouter`), and each language file's titles with the
// router's keywords in that language; every command must have keywords in the six languages.
// Given only the catalogue (no keyword table), the check compares the English keyword alone.
import type { LanguageFile } from './localisation-checks.js';
import type { ManifestShape } from './manifest-shape.js';
import { problem, type Problem } from './problems.js';

export interface HandledCommand {
  /** The router's command id (with a keyword table). */
  id?: string;
  /** The English keyword shown in messages. */
  keyword: string;
  scopes: readonly string[];
  /** Every keyword the router accepts for the command, by language (`en`, `fr`, ...). */
  keywords?: Readonly<Record<string, readonly string[]>>;
}

/** The languages the bot must understand every command in (PRODUCT.md section 9). */
export const COMMAND_LANGUAGES = ['en', 'ar', 'es', 'fr', 'ru', 'zh'] as const;

/** Case, spacing, compatibility forms and typographic apostrophes do not matter. */
const normalise = (s: string) =>
  s.normalize('NFKC').replace(/[’‘]/g, "'").trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');

/**
 * The commands the router handles: the catalogue's ids and scopes with the router's keyword table
 * (commandId -> language -> keywords). A catalogue command missing from the table is kept without
 * keywords, so that `checkCommandKeywords` names it.
 */
export function handledFromRouter(
  catalogue: ReadonlyArray<{ id: string; keyword: string; scopes: readonly string[] }>,
  table: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>,
): HandledCommand[] {
  return catalogue.map((c) => ({
    id: c.id,
    keyword: c.keyword,
    scopes: c.scopes,
    keywords: (Object.hasOwn(table, c.id) ? table[c.id] : undefined) ?? {},
  }));
}

/** Every command of the router table has at least one keyword in each of the six languages. */
export function checkCommandKeywords(
  handled: readonly HandledCommand[],
  file: string,
  languages: readonly string[] = COMMAND_LANGUAGES,
): Problem[] {
  const problems: Problem[] = [];
  for (const command of handled) {
    // Only commands from a router table (handledFromRouter) carry keywords to check.
    if (command.keywords === undefined) continue;
    const name = command.id ?? command.keyword;
    const missing = languages.filter((l) => !(command.keywords?.[l] ?? []).some((k) => k.trim() !== ''));
    if (missing.length === languages.length) {
      problems.push(problem('commands', file, `command "${name}" is not in the bot's router table`));
    } else if (missing.length > 0) {
      problems.push(
        problem(
          'commands',
          file,
          `command "${name}" has no keyword in ${missing.join(', ')} in the bot's router table`,
        ),
      );
    }
  }
  return problems;
}

function englishKeywords(command: HandledCommand): string[] {
  return [command.keyword, ...(command.keywords?.en ?? [])];
}

export function checkBotCommands(
  manifest: ManifestShape,
  handled: readonly HandledCommand[],
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const byKeyword = new Map(
    handled.flatMap((c) => englishKeywords(c).map((k) => [normalise(k), c] as const)),
  );
  const known = handled.map((c) => c.keyword).join(', ');
  manifest.bots.forEach((bot, b) => {
    bot.commandLists.forEach((list, l) => {
      const seen = new Set<string>();
      list.commands.forEach((command, c) => {
        const where = `bots[${b}].commandLists[${l}].commands[${c}]`;
        const title = normalise(command.title ?? '');
        if (title === '') {
          problems.push(problem('commands', file, `${where} has no title`));
          return;
        }
        if (seen.has(title)) problems.push(problem('commands', file, `${where} "${title}" is listed twice`));
        seen.add(title);
        const spec = byKeyword.get(title);
        if (!spec) {
          problems.push(
            problem(
              'commands',
              file,
              `${where} "${command.title ?? ''}" is not a command the bot handles (it handles: ${known})`,
            ),
          );
          return;
        }
        const missing = list.scopes.filter((s) => !spec.scopes.includes(s));
        if (missing.length > 0) {
          problems.push(
            problem(
              'commands',
              file,
              `${where} "${spec.keyword}" is listed for ${missing.join(', ')} but the bot handles it only in ${spec.scopes.join(', ')}`,
            ),
          );
        }
      });
      for (const scope of list.scopes) {
        if (!bot.scopes.includes(scope)) {
          problems.push(
            problem(
              'commands',
              file,
              `bots[${b}].commandLists[${l}] is for ${scope}, a scope the bot is not installed in`,
            ),
          );
        }
      }
    });
  });
  return problems;
}

const TITLE_KEY = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.title$/;

/**
 * A translated command title must be a word the bot understands in that language: someone who picks
 * "aide" from the French command menu sends "aide", and the router must know it.
 */
export function checkLocalisedCommandTitles(
  manifest: ManifestShape,
  handled: readonly HandledCommand[],
  languages: readonly LanguageFile[],
): Problem[] {
  const problems: Problem[] = [];
  const byKeyword = new Map(
    handled.flatMap((c) => englishKeywords(c).map((k) => [normalise(k), c] as const)),
  );
  for (const language of languages) {
    const lang = language.languageTag.split('-')[0]?.toLowerCase() ?? '';
    for (const [key, value] of Object.entries(language.content)) {
      const m = TITLE_KEY.exec(key);
      if (!m || typeof value !== 'string') continue;
      const english = manifest.bots[Number(m[1])]?.commandLists[Number(m[2])]?.commands[Number(m[3])]?.title;
      const command = english === undefined ? undefined : byKeyword.get(normalise(english));
      const accepted = command?.keywords?.[lang];
      // Unknown English titles are reported by checkBotCommands; without a keyword table there is nothing to compare.
      if (!command || !accepted) continue;
      if (!accepted.some((k) => normalise(k) === normalise(value))) {
        problems.push(
          problem(
            'commands',
            language.file,
            `${key} "${value}" is not a ${lang} keyword of the "${command.keyword}" command (the bot understands: ${accepted.join(', ')})`,
          ),
        );
      }
    }
  }
  return problems;
}
