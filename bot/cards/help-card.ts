// The welcome card (on install) and the help card (on `help` and on input the bot did not
// understand): what the bot can do for this person's role, with buttons.
import type { Locale } from '../domain/locale.js';
import type { Role } from '../domain/person.js';
import { hasKey, type MessageKey, type Translator } from '../i18n/translate.js';
import {
  actionSet,
  card,
  command,
  heading,
  note,
  openUrl,
  plain,
  type AdaptiveCardJson,
} from './card-kit.js';
import { tabLink, type LinkTarget } from './links.js';

export interface HelpCommand {
  id: string;
  /** The keyword in the person's language. */
  keyword: string;
  args: string;
}

export interface HelpView {
  mode: 'welcome' | 'help' | 'unknown';
  role: Role;
  /** The person's name (roster, else Teams); empty when unknown. */
  name: string;
  /** False for someone who is not on the roster: told who can add them and what they can do. */
  onRoster?: boolean;
  locale: Locale;
  t: Translator;
  /** The commands this person may use, in display order. */
  commands: readonly HelpCommand[];
  links: LinkTarget;
}

const DESCRIPTIONS: Readonly<Record<string, MessageKey>> = {
  projects: 'bot.help.projects',
  update: 'bot.help.update',
  risk: 'bot.help.risk',
  risks: 'bot.help.risks',
  status: 'bot.help.status',
  portfolio: 'bot.help.portfolio',
  digest: 'bot.help.digest',
  subscribe: 'bot.help.subscribe',
  away: 'bot.help.away',
  language: 'bot.help.language',
};

/**
 * "[project]" (optional) and "<code>" (required) from the catalogue of commands, in the person's
 * language and safe in markdown: optional in brackets, required in italics (a "<...>" would be
 * taken for HTML and disappear).
 */
function argsHint(t: Translator, args: string): string {
  const words = [...args.matchAll(/([[<])([a-z]+)[\]>]/g)].map(([, open, name]) => {
    const key = `bot.arg.${name}`;
    const label = hasKey(key) ? t(key) : name!;
    return open === '[' ? `[_${label}_]` : `_${label}_`;
  });
  return words.length ? ` ${words.join(' ')}` : '';
}

export function helpCard(view: HelpView): AdaptiveCardJson {
  const { t } = view;
  const guest = view.onRoster === false;
  const title = view.name.trim()
    ? t('bot.welcome.title', { name: view.name })
    : t('bot.welcome.title_unnamed');
  const top =
    view.mode === 'welcome'
      ? [
          plain([{ text: title, bold: true }], { size: 'Large' }),
          note(t(guest ? 'bot.welcome.guest' : `bot.welcome.${view.role}`)),
        ]
      : [
          heading(view.mode === 'unknown' ? t('bot.help.unknown') : t('bot.help.title')),
          ...(guest ? [note(t('bot.welcome.guest'), { subtle: true })] : []),
        ];
  const lines = view.commands
    .filter((c) => DESCRIPTIONS[c.id])
    .map((c) => `- **${c.keyword}**${argsHint(t, c.args)}: ${t(DESCRIPTIONS[c.id]!)}`);
  const keyword = (id: string) => view.commands.find((c) => c.id === id)?.keyword ?? id;
  const buttons = [
    command(t('bot.action.my_projects'), keyword('projects')),
    command(t('bot.action.raise_risk'), keyword('risk')),
    command(t('bot.action.portfolio'), keyword('portfolio')),
  ];
  return card(
    view.locale,
    [...top, note(t('bot.help.intro'), { subtle: true }), note(lines.join('\n')), actionSet(buttons)],
    [openUrl(t('bot.action.open_tab'), tabLink(view.links, 'my-work'))],
  );
}
