// The message extension through POST /api/messages, as Teams sends it: composeExtension/query
// (search, initial run, paging, hostile input, every language, card size) and
// composeExtension/queryLink (link unfurling of the tab's project URLs, nothing for foreign URLs).
// The invoke response is the HTTP response body ({ composeExtension: ... }).
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { RESULT_CARD_LIMIT_BYTES } from '../../bot/cards/extension-cards.js';
import { tabLink } from '../../bot/cards/links.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Loopback: the development identity is refused with a public URL (issue 12).
const PUBLIC_URL = 'http://localhost:3978';
const TEAMS_APP_ID = '55555555-5555-4555-8555-555555555555';
const OWNER = '00000000-0000-4000-8000-000000000002';
const VIEWER = '00000000-0000-4000-8000-000000000004';
/** Not on the roster: a guest (viewer) without a language preference, so the Teams locale applies. */
const GUEST = '99999999-9999-4999-8999-999999999999';

interface Attachment {
  contentType: string;
  content: {
    version: string;
    rtl?: boolean;
    body: unknown[];
    actions: Array<{ type: string; url: string; title: string }>;
  };
  preview: { contentType: string; content: { title: string; text: string } };
}
interface ComposeExtension {
  type: string;
  attachmentLayout?: string;
  attachments?: Attachment[];
  text?: string;
}

let t: TestApp;
let connector: FakeConnector;
beforeAll(async () => {
  [t, connector] = await Promise.all([
    startTestApp({ env: { PUBLIC_URL, TEAMS_APP_ID } }),
    startFakeConnector(),
  ]);
});
afterAll(async () => {
  await Promise.all([t.close(), connector.close()]);
});
afterEach(() => {
  // An invoke is answered in the HTTP response: nothing goes through the connector.
  expect(connector.sent).toEqual([]);
  expect(connector.unexpected).toEqual([]);
});

function invoke(name: string, value: unknown, options: { aadObjectId?: string; locale?: string } = {}) {
  return {
    type: 'invoke',
    name,
    id: `i-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    locale: options.locale ?? 'en-US',
    conversation: { id: 'personal-conversation-1', conversationType: 'personal', tenantId: 'tenant' },
    from: { id: '29:user', name: 'User', aadObjectId: options.aadObjectId ?? OWNER },
    recipient: { id: '28:bot', name: 'Transformation Hub' },
    value,
  };
}

async function send(activity: unknown): Promise<{ status: number; composeExtension: ComposeExtension }> {
  const r = await t.call('/api/messages', { method: 'POST', json: activity });
  const text = await r.text();
  const body = (text ? JSON.parse(text) : {}) as { composeExtension: ComposeExtension };
  return { status: r.status, composeExtension: body.composeExtension };
}

function search(
  query: string | undefined,
  options: {
    skip?: number;
    count?: number;
    aadObjectId?: string;
    locale?: string;
    initialRun?: boolean;
  } = {},
) {
  const parameters = options.initialRun
    ? [{ name: 'initialRun', value: 'true' }]
    : [{ name: 'query', value: query }];
  return send(
    invoke(
      'composeExtension/query',
      {
        commandId: 'findItems',
        parameters,
        queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 },
      },
      options,
    ),
  );
}

function unfurl(url: string, options: { aadObjectId?: string; locale?: string } = {}) {
  return send(invoke('composeExtension/queryLink', { url }, options));
}

const titles = (ce: ComposeExtension) => (ce.attachments ?? []).map((a) => a.preview.content.title);
const bytes = (a: unknown) => Buffer.byteLength(JSON.stringify(a), 'utf8');

function expectResultShape(ce: ComposeExtension) {
  expect(ce.type).toBe('result');
  expect(ce.attachmentLayout).toBe('list');
  for (const a of ce.attachments ?? []) {
    expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(a.content.version).toBe('1.5');
    expect(a.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(a.preview.content.title.length).toBeGreaterThan(0);
    expect(bytes(a)).toBeLessThan(RESULT_CARD_LIMIT_BYTES);
  }
}

describe('composeExtension/query', () => {
  it('initial run shows the user’s own projects', async () => {
    const r = await search(undefined, { initialRun: true });
    expect(r.status).toBe(200);
    expectResultShape(r.composeExtension);
    expect(titles(r.composeExtension).map((x) => x.split(' · ')[0])).toEqual([
      'AI-02',
      'TR-07',
      'TR-09',
      'TR-23',
    ]);
  });

  it('an empty query is the initial run too', async () => {
    const r = await search('   ');
    expect(titles(r.composeExtension).map((x) => x.split(' · ')[0])).toEqual([
      'AI-02',
      'TR-07',
      'TR-09',
      'TR-23',
    ]);
  });

  it('finds a project by its exact code first, then its risks', async () => {
    const r = await search('tr-07');
    expectResultShape(r.composeExtension);
    const found = titles(r.composeExtension);
    expect(found[0]).toBe('TR-07 · New ITU website');
    expect(found.slice(1).every((x) => x.startsWith('Risk · '))).toBe(true);
    expect(found).toContain('Risk · Remaining CHF 250K of the website budget not allocated');
    // The card opens the project page in the tab (Teams deep link with the project route).
    const card = r.composeExtension.attachments?.[0]?.content;
    expect(card?.actions[0]?.url).toBe(
      tabLink({ publicUrl: PUBLIC_URL, teamsAppId: TEAMS_APP_ID }, 'projects/TR-07'),
    );
  });

  it.each([
    ['title words', 'ERP crm', ['TR-08']],
    ['a pillar code', 'GOV', ['TR-10', 'TR-11', 'TR-22', 'TR-24', 'CC-01', 'CC-08']],
    ['a pillar name in French', 'gouvernance', ['TR-10', 'TR-11', 'TR-22', 'TR-24', 'CC-01', 'CC-08']],
    ['an owner’s name', 'Mwangi', ['AI-02', 'TR-07', 'TR-09']],
  ])('finds projects by %s', async (_label, query, codes) => {
    const r = await search(query);
    const projects = titles(r.composeExtension)
      .filter((x) => !x.startsWith('Risk'))
      .map((x) => x.split(' · ')[0]);
    expect(new Set(projects)).toEqual(new Set(codes));
  });

  it('understands the manifest’s sample prompts (Copilot sends whole sentences)', async () => {
    const erp = await search('Find the ERP and CRM upgrade project');
    expect(titles(erp.composeExtension)[0]).toBe('TR-08 · ERP and CRM platform upgrade');
    const risks = await search('Show the open risks of project TR-09');
    expect(titles(risks.composeExtension)).toEqual(['Risk · AI Seed Fund demand exceeds available funding']);
    const red = await search('Which Governance projects are red this week?');
    const previews = (red.composeExtension.attachments ?? []).map((a) => a.preview.content.text);
    expect(previews.length).toBeGreaterThan(0);
    for (const text of previews) expect(text).toMatch(/^Off track · Governance · /);
  });

  it('matches the beginning of words, not the middle', async () => {
    expect(titles((await search('websi')).composeExtension)[0]).toBe('TR-07 · New ITU website');
    expect(titles((await search('ebsite')).composeExtension)).toEqual([]);
  });

  it('finds risks by title words', async () => {
    const r = await search('electronic signatures');
    expect(titles(r.composeExtension)).toEqual([
      'Risk · External partners may not accept electronic signatures',
    ]);
  });

  it('pages with skip and count, and never returns more than 25', async () => {
    // A viewer who owns nothing gets the whole portfolio (34 projects) on the initial run.
    const all: string[] = [];
    for (const skip of [0, 10, 20, 30, 40]) {
      const page = await search('', { aadObjectId: VIEWER, skip, count: 10 });
      all.push(...titles(page.composeExtension));
    }
    expect(all).toHaveLength(34);
    expect(new Set(all).size).toBe(34);
    const big = await search('', { aadObjectId: VIEWER, count: 500 });
    expect(big.composeExtension.attachments).toHaveLength(25);
    const past = await search('', { aadObjectId: VIEWER, skip: 1000 });
    expect(past.composeExtension.attachments).toEqual([]);
    const weird = await search('', { aadObjectId: VIEWER, skip: -5, count: 0 });
    expect(weird.composeExtension.attachments).toHaveLength(25);
  });

  it('answers an unmatched query with an empty list', async () => {
    const r = await search('zzzz-nothing-matches');
    expect(r.status).toBe(200);
    expect(r.composeExtension).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });

  it('answers an unknown command with an empty list', async () => {
    const r = await send(
      invoke('composeExtension/query', {
        commandId: 'somethingElse',
        parameters: [{ name: 'query', value: 'TR-07' }],
      }),
    );
    expect(r.status).toBe(200);
    expect(r.composeExtension.attachments).toEqual([]);
  });

  it.each([
    ['10,000 characters', 'a'.repeat(10_000)],
    ['markdown and links', '**TR-07** [click](https://evil.example) _x_'],
    ['a mention', '<at>Nadia Rahimi</at>'],
    ['regular expression characters', '.*+?^${}()|[]\\ (TR-07'],
    ['right-to-left overrides', '\u202eTR-07\u202c\u200f'],
    ['HTML', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['a non-string value', 42],
    ['null bytes and controls', 'TR\u0000-07\u0007'],
  ])('handles %s safely', async (_label, query) => {
    const r = await search(query as string);
    expect(r.status).toBe(200);
    expectResultShape(r.composeExtension);
    const json = JSON.stringify(r.composeExtension);
    expect(json).not.toContain('<script>');
    expect(json).not.toContain('evil.example');
    expect(json).not.toMatch(/[\u202a-\u202e]/);
  });

  it('finds through right-to-left marks and markdown around a code', async () => {
    expect(titles((await search('\u202eTR-07\u202c')).composeExtension)[0]).toBe('TR-07 · New ITU website');
    expect(titles((await search('**TR-07**')).composeExtension)[0]).toBe('TR-07 · New ITU website');
  });

  it('never puts stored text into a markdown field of the card', async () => {
    const r = await search('TR-07');
    const card = r.composeExtension.attachments?.[0]?.content;
    const textBlocks = JSON.stringify(card?.body).match(/"type":"TextBlock"/g) ?? [];
    expect(textBlocks).toEqual([]);
    expect(JSON.stringify(card?.body)).toContain('"type":"TextRun","text":"New ITU website"');
  });

  const sizes: Record<string, number> = {};
  it.each(SUPPORTED_LOCALES.map((l) => [l]))('answers in %s, with cards under 28 KB', async (locale) => {
    const r = await search('TR-07', { aadObjectId: GUEST, locale });
    expectResultShape(r.composeExtension);
    const attachments = r.composeExtension.attachments ?? [];
    expect(attachments.length).toBeGreaterThan(1);
    const card = attachments[0]!.content;
    expect(card.rtl === true).toBe(locale === 'ar');
    sizes[locale] = Math.max(...attachments.map(bytes));
    const portfolio = await search('', { aadObjectId: GUEST, locale });
    sizes[`${locale} (largest of the portfolio page)`] = Math.max(
      ...(portfolio.composeExtension.attachments ?? []).map(bytes),
    );
  });

  it('uses different words in each language', async () => {
    const actions = new Set<string>();
    for (const locale of SUPPORTED_LOCALES) {
      const r = await search('TR-07', { aadObjectId: GUEST, locale });
      actions.add(r.composeExtension.attachments?.[0]?.content.actions[0]?.title ?? '');
    }
    expect(actions.size).toBe(SUPPORTED_LOCALES.length);
    if (process.env.EXTENSION_SIZES_FILE)
      writeFileSync(process.env.EXTENSION_SIZES_FILE, JSON.stringify(sizes, null, 2));
  });
});

describe('composeExtension/queryLink', () => {
  it.each([
    ['the tab’s hash route', `${PUBLIC_URL}/#/projects/TR-07`],
    ['a lower-case code', `${PUBLIC_URL}/#/projects/tr-07`],
    ['the Teams deep link', tabLink({ publicUrl: PUBLIC_URL, teamsAppId: TEAMS_APP_ID }, 'projects/TR-07')],
  ])('unfurls %s into the project card', async (_label, url) => {
    const r = await unfurl(url);
    expect(r.status).toBe(200);
    expectResultShape(r.composeExtension);
    expect(titles(r.composeExtension)).toEqual(['TR-07 · New ITU website']);
  });

  it('unfurls in the user’s language', async () => {
    const en = await unfurl(`${PUBLIC_URL}/#/projects/TR-07`, { aadObjectId: GUEST, locale: 'en-US' });
    const zh = await unfurl(`${PUBLIC_URL}/#/projects/TR-07`, { aadObjectId: GUEST, locale: 'zh-CN' });
    expect(zh.composeExtension.attachments?.[0]?.content.actions[0]?.title).not.toBe(
      en.composeExtension.attachments?.[0]?.content.actions[0]?.title,
    );
  });

  it.each([
    ['another host', 'https://evil.example.org/#/projects/TR-07'],
    ['a look-alike host', 'https://hub.example.org.evil.example/#/projects/TR-07'],
    ['another route of the tab', `${PUBLIC_URL}/#/risks`],
    ['a path instead of the hash route', `${PUBLIC_URL}/projects/TR-07`],
    ['an unknown project', `${PUBLIC_URL}/#/projects/ZZ-999`],
    ['a malformed code', `${PUBLIC_URL}/#/projects/..%2F..%2Fetc`],
    [
      'another app’s deep link',
      tabLink(
        { publicUrl: PUBLIC_URL, teamsAppId: '66666666-6666-4666-8666-666666666666' },
        'projects/TR-07',
      ),
    ],
    ['a javascript: URL', 'javascript:alert(1)//hub.example.org/#/projects/TR-07'],
    ['not a URL', 'not a url'],
    ['a huge URL', `${PUBLIC_URL}/#/projects/TR-07?${'x'.repeat(5000)}`],
  ])('returns no card for %s', async (_label, url) => {
    const r = await unfurl(url);
    expect(r.status).toBe(200);
    expect(r.composeExtension).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });
});
