// Every command the manifest advertises in a bot command menu must be one the bot handles, in the
// scopes the menu is shown in. The manifest's default (English) titles are compared with the
// keywords of the bot's command catalogue (bot/teams/command-catalog.ts).
import type { ManifestShape } from './manifest-shape.js';
import { problem, type Problem } from './problems.js';

export interface HandledCommand {
  keyword: string;
  scopes: readonly string[];
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function checkBotCommands(
  manifest: ManifestShape,
  handled: readonly HandledCommand[],
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const byKeyword = new Map(handled.map((c) => [normalise(c.keyword), c]));
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
