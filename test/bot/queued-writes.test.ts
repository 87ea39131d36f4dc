// The bot on a SharePoint store (real gateway, Graph emulator): a status update submitted while
// Graph is unavailable is kept in the outbox, and the confirmation card tells the person, in their
// language, that it is saved and will sync; once Graph answers, SharePoint has it exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharePointStore } from '../../bot/storage/sharepoint/sharepoint-store.js';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';
import { provisionedSite, type SharePointSite } from '../storage/sharepoint-harness.js';
import { cardsOf, cardText, executeActions, startBotHarness, type BotHarness } from './bot-harness.js';

let emulator: GraphEmulator;
let site: SharePointSite;
let store: SharePointStore;
let h: BotHarness;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  site = await provisionedSite(emulator);
  store = await site.open({ retry: { maxRetries: 1 } });
  // The app closes what it is given; the test closes the store once, in afterAll.
  h = await startBotHarness({ store: { ...store, close: () => Promise.resolve() } });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await store?.close();
  await site?.cleanup();
  await emulator?.close();
});

const inputs = {
  health: 'green',
  percentComplete: '55',
  summary: 'Written while SharePoint was down',
  achievements: '',
  nextSteps: '',
  blockers: '',
};

describe('bot writes queued by the SharePoint store', () => {
  it('confirms a normal submit without any sync notice', async () => {
    const [card] = cardsOf(await h.say('update TR-09', { as: 'owner' }));
    const [submit] = executeActions(card);
    const answer = await h.invoke('statusUpdate.submit', { ...submit!.data, ...inputs, summary: 'At once' });
    const text = cardText(answer.body.value);
    expect(text).toContain('At once');
    expect(text).not.toContain('will sync');
  });

  it('says "saved, will sync" in the person’s language while Graph is unavailable, then syncs once', async () => {
    // The ChangeMaker has no language on the roster, so the Teams locale (French) applies.
    const [card] = cardsOf(await h.say('update CC-01', { as: 'changemaker', locale: 'fr-FR' }));
    const [submit] = executeActions(card);
    emulator.faults.inject(
      { type: 'status', status: 503 },
      { ops: ['items.create', 'items.update', '$batch'], times: 1000 },
    );
    const answer = await h.invoke(
      'statusUpdate.submit',
      { ...submit!.data, ...inputs },
      {
        as: 'changemaker',
        locale: 'fr-FR',
      },
    );
    const text = cardText(answer.body.value);
    expect(text).toContain('Written while SharePoint was down');
    expect(text).toContain(
      'Enregistré. SharePoint est occupé : cette modification sera synchronisée sous peu.',
    );
    expect(store.pendingWrites()).toBeGreaterThan(0);

    emulator.faults.clear();
    expect(await store.flushOutbox()).toMatchObject({ rejected: 0, remaining: 0 });
    const key = `${String(submit!.data.projectId)}/${String(submit!.data.period)}`;
    const stored = emulator.itemsOf(site.siteId, 'TH Status updates').filter((i) => i.ProjectPeriod === key);
    expect(stored).toHaveLength(1);
    expect(String(stored[0]?.EntityJson)).toContain(inputs.summary);
  });
});
