// A turn that fails before the bot can resolve the person (the store is gone) still gets a polite
// answer in the language Teams reports, and no internal detail.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from './bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.close();
});

it('answers a failed turn in the Teams language', async () => {
  h.t.app.services.roster.resolve = () =>
    Promise.reject(new Error('database is locked (SQLITE_BUSY) at /var/data'));
  const sent = await h.say('help', { as: 'viewer', locale: 'fr-FR' });
  expect(sent).toHaveLength(1);
  expect(sent[0]!.activity.text).toBe('Désolé, un problème est survenu de notre côté. Veuillez réessayer.');
  expect(JSON.stringify(sent[0]!.activity)).not.toContain('SQLITE');
});
