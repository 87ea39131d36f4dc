// An ambiguous project name: the candidates as buttons that repeat the command with the code.
import type { Locale } from '../domain/locale.js';
import type { Translator } from '../i18n/translate.js';
import { actionSet, card, command, note, openUrl, plain, type AdaptiveCardJson } from './card-kit.js';
import { tabLink, type LinkTarget } from './links.js';
import { projectTitle, type LocalizedTitles } from '../domain/project.js';

export interface ChooserView {
  locale: Locale;
  t: Translator;
  /** The prompt, already localised (it may quote the user's words: shown as plain text). */
  prompt: string;
  /** The command keyword to repeat, in the person's language. */
  keyword: string;
  candidates: ReadonlyArray<{ code: string; title: string; titles?: LocalizedTitles }>;
  links: LinkTarget;
}

export const MAX_CHOICES = 8;
/** Renderers drop the actions of a set beyond their host config's maxActions (5 by default, 6 in Teams). */
const ACTIONS_PER_SET = 5;

export function chooserCard(view: ChooserView): AdaptiveCardJson {
  const shown = view.candidates.slice(0, MAX_CHOICES);
  return card(
    view.locale,
    [
      plain([{ text: view.prompt, bold: true }]),
      ...shown.map((c) =>
        plain([{ text: `${c.code} `, bold: true }, projectTitle(c, view.locale)], { spacing: 'Small' }),
      ),
      ...Array.from({ length: Math.ceil(shown.length / ACTIONS_PER_SET) }, (_, i) =>
        actionSet(
          shown
            .slice(i * ACTIONS_PER_SET, (i + 1) * ACTIONS_PER_SET)
            .map((c) => command(c.code, `${view.keyword} ${c.code}`)),
        ),
      ),
      ...(view.candidates.length > shown.length ? [note(view.t('bot.match.hint'), { subtle: true })] : []),
    ],
    [openUrl(view.t('bot.action.open_tab'), tabLink(view.links, 'portfolio'))],
  );
}
