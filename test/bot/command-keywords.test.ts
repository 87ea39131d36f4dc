import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { BOT_COMMANDS } from '../../bot/teams/command-catalog.js';
import { COMMAND_KEYWORDS, keywordOf, parseCommand } from '../../bot/teams/command-keywords.js';
import { languageFrom } from '../../bot/teams/commands.js';

describe('command keywords', () => {
  it('has every command of the catalogue in all six languages', () => {
    expect(Object.keys(COMMAND_KEYWORDS).sort()).toEqual(BOT_COMMANDS.map((c) => c.id).sort());
    for (const c of BOT_COMMANDS) {
      for (const locale of SUPPORTED_LOCALES) {
        expect(
          COMMAND_KEYWORDS[c.id as keyof typeof COMMAND_KEYWORDS][locale].length,
          `${c.id}/${locale}`,
        ).toBeGreaterThan(0);
      }
      expect(COMMAND_KEYWORDS[c.id as keyof typeof COMMAND_KEYWORDS].en).toContain(c.keyword);
    }
  });

  it('parses every keyword of every language back to its command', () => {
    for (const [id, byLocale] of Object.entries(COMMAND_KEYWORDS)) {
      for (const locale of SUPPORTED_LOCALES) {
        for (const keyword of byLocale[locale]) {
          expect(parseCommand(keyword), `${keyword}`).toEqual({ id, args: '' });
          expect(parseCommand(`${keyword.toUpperCase()}  TR-07`), `${keyword} TR-07`).toEqual({
            id,
            args: 'TR-07',
          });
        }
      }
    }
  });

  it.each([
    ['risks TR-07', 'risks', 'TR-07'],
    ['risk TR-07', 'risk', 'TR-07'],
    ['风险列表TR-07', 'risks', 'TR-07'],
    ['风险 网站', 'risk', '网站'],
    ['风险网站', 'risk', '网站'],
    ['摘要发送', 'digest', '发送'],
    ['状态人工智能', 'status', '人工智能'],
    ['项目组合', 'portfolio', ''],
    ['my projects', 'projects', ''],
    ['Mes Projets', 'projects', ''],
    ['subscribe digest', 'subscribe', ''],
    ['unsubscribe digest', 'unsubscribe', ''],
    ['cancelar suscripción', 'unsubscribe', ''],
    ['s’abonner', 'subscribe', ''],
    ['ÉTAT tr-07', 'status', 'tr-07'],
    ['/update AI Hub', 'update', 'AI Hub'],
    ['تحديث TR-07', 'update', 'TR-07'],
    ['إلغاء الاشتراك', 'unsubscribe', ''],
    ['ＨＥＬＰ', 'help', ''],
  ])('%s -> %s (%s)', (text, id, args) => {
    expect(parseCommand(text)).toEqual({ id, args });
  });

  it.each(['', 'riskier', 'updates', 'helpful', 'статусы', 'the website'])('%s is not a command', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });

  it('shows the first keyword of the language', () => {
    expect(keywordOf('risks', 'zh')).toBe('风险列表');
    expect(keywordOf('projects', 'ar')).toBe('مشاريعي');
  });

  it.each([
    ['fr', 'fr'],
    ['FR-ch', 'fr'],
    ['العربية', 'ar'],
    ['español', 'es'],
    ['Chinese', 'zh'],
    ['auto', null],
    ['de', undefined],
    ['klingon', undefined],
  ] as const)('language %s -> %s', (text, locale) => {
    expect(languageFrom(text)).toBe(locale);
  });
});
