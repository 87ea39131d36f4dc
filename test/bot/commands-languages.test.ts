// Every command of section 3 typed in each of the six official languages, through /api/messages:
// the owner picks the language with `language <code>` (in that language's own words), then each
// command, typed with that language's keyword, answers with its own card (not the help card) in that
// language, right to left in Arabic; the Teams client stays English, so the stored preference wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/domain/locale.js';
import { t, type MessageKey } from '../../bot/i18n/translate.js';
import { keywordOf, type CommandId } from '../../bot/teams/command-keywords.js';
import { cardsOf, cardText, startBotHarness, type BotHarness } from './bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.close();
});

/** A command, its argument and a message only its card shows (TR-07 is the owner's project). */
const COMMANDS: ReadonlyArray<{ id: CommandId; args: string; shows: MessageKey }> = [
  { id: 'help', args: '', shows: 'bot.help.title' },
  { id: 'projects', args: '', shows: 'bot.projects.title' },
  { id: 'update', args: 'TR-07', shows: 'bot.action.submit_update' },
  { id: 'risk', args: 'TR-07', shows: 'bot.risk.field.title' },
  { id: 'risks', args: 'TR-07', shows: 'bot.risks.title' },
  { id: 'status', args: 'TR-07', shows: 'bot.status.phase' },
  { id: 'portfolio', args: '', shows: 'bot.portfolio.title' },
];

describe.each(SUPPORTED_LOCALES)('commands typed in %s', (locale: Locale) => {
  it('language, then every command, each with its own card in the language', async () => {
    const set = await h.say(`${keywordOf('language', locale)} ${locale}`, { as: 'owner', locale: 'en-US' });
    expect(set.map((s) => s.activity.text)).toEqual([t(locale, 'bot.language.set')]);

    for (const { id, args, shows } of COMMANDS) {
      const typed = `${keywordOf(id, locale)} ${args}`.trim();
      const sent = await h.say(typed, { as: 'owner', locale: 'en-US' });
      const cards = cardsOf(sent);
      expect(cards, typed).toHaveLength(1);
      const card = cards[0]!;
      const text = cardText(card);
      expect(text, typed).toContain(t(locale, shows));
      expect(text, typed).toContain(t(locale, 'bot.action.open_tab'));
      if (id !== 'help')
        expect(text, `${typed} is not the help card`).not.toContain(t(locale, 'bot.help.title'));
      expect(card.rtl === true, typed).toBe(locale === 'ar');
    }
  });
});
