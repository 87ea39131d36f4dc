// Project titles in six languages: the seed's real translations, the reader's title on cards and in
// the digest, bot commands that match any language's title, titles through the API (and its
// OpenAPI document), the SharePoint column, and Latin runs isolated in Arabic cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolateLatinRuns, isolateRun } from '../../bot/cards/bidi.js';
import { buildDigestCard, titlesById } from '../../bot/cards/digest-card.js';
import { statusUpdateSavedCard } from '../../bot/cards/status-update-card.js';
import { SUPPORTED_LOCALES } from '../../bot/domain/locale.js';
import { projectTitle, type Project } from '../../bot/domain/project.js';
import { buildDemoPortfolio } from '../../bot/seed/demo-portfolio.js';
import { localizedTitlesText } from '../../bot/storage/sharepoint/list-schema.js';
import { matchProject } from '../../bot/teams/project-matcher.js';
import { LINKS } from '../cards/all-cards.js';
import { DIGEST_1000 } from '../cards/every-card.js';
import { cardsOf, cardText, startBotHarness, type BotHarness } from './bot-harness.js';

const FSI = '\u2068';
const PDI = '\u2069';
const demo = buildDemoPortfolio({ now: new Date('2026-11-25T14:00:00Z'), timeZone: 'Europe/Zurich' });

describe('the demo portfolio', () => {
  it('gives every Accelerated Initiative and demo project a real title in the five other languages', () => {
    const ais = demo.projects.filter((p) => p.kind === 'accelerated-initiative');
    expect(ais).toHaveLength(6);
    for (const p of demo.projects) {
      for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
        const title = p.titles?.[locale];
        expect(title, `${p.code} ${locale}`).toBeTruthy();
        expect(title, `${p.code} ${locale}`).not.toBe(p.title);
      }
    }
    const website = demo.projects.find((p) => p.code === 'TR-07')!;
    expect(projectTitle(website, 'fr')).toBe('Nouveau site web de l’UIT');
    expect(projectTitle(website, 'en')).toBe('New ITU website');
  });
});

describe('matching a project by any language’s title', () => {
  it.each([
    ['site web', 'TR-07'],
    ['nuevo sitio web', 'TR-07'],
    ['веб-сайт', 'TR-07'],
    ['国际电联新网站', 'TR-07'],
    ['الموقع الإلكتروني الجديد للاتحاد', 'TR-07'],
    ['pilote de mobilité', 'AI-06'],
    ['website', 'TR-07'],
  ])('%s finds %s', (query, code) => {
    const r = matchProject(query, demo.projects);
    expect(r.kind === 'one' ? r.project.code : r).toBe(code);
  });
});

describe('titles on cards', () => {
  it('the digest names movers in the reader’s language', () => {
    const mover = DIGEST_1000.movers.items[0]!;
    const titles = { [mover.projectId]: { fr: 'Titre en français', ar: 'عنوان عربي' } };
    const fr = JSON.stringify(buildDigestCard({ ...DIGEST_1000, titles }, { locale: 'fr', links: LINKS }));
    expect(fr).toContain('Titre en français');
    const en = JSON.stringify(buildDigestCard({ ...DIGEST_1000, titles }, { locale: 'en', links: LINKS }));
    expect(en).toContain(mover.title);
    expect(titlesById([{ id: 'a', titles: { fr: 'x' } }, { id: 'b' }])).toEqual({ a: { fr: 'x' } });
  });

  it('keeps a Latin title’s full stop on its side in an Arabic card', () => {
    expect(isolateRun('New ITU website.')).toBe(`${FSI}New ITU website.${PDI}`);
    expect(isolateRun('الموقع')).toBe('الموقع');
    expect(isolateRun('TR-07 ')).toBe(`${FSI}TR-07${PDI} `);
    expect(isolateLatinRuns('أُعيد تعيينه إلى John Smith، [TR-07](https://x.example/a.b) اليوم.')).toBe(
      `أُعيد تعيينه إلى ${FSI}John Smith${PDI}، [${FSI}TR-07${PDI}](https://x.example/a.b) اليوم.`,
    );
    const card = statusUpdateSavedCard({
      project: { id: 'p-1', code: 'TR-07', title: 'New ITU website.' },
      update: {
        period: '2026-W48',
        version: 1,
        health: 'green',
        dimensions: {},
        percentComplete: 10,
        summary: 'Phase 1 RFPs launched.',
        achievements: '',
        nextSteps: '',
        blockers: '',
        submittedAt: '2026-11-20T10:00:00.000Z',
      },
      authorName: 'Daniel Mwangi',
      locale: 'ar',
      links: LINKS,
      outcome: 'new',
      updateKeyword: 'تحديث',
    });
    const json = JSON.stringify(card);
    expect(json).toContain(`${FSI}New ITU website.${PDI}`);
    expect(json).toContain(`${FSI}Phase 1 RFPs launched.${PDI}`);
    const en = JSON.stringify(statusUpdateSavedCard({ ...{ locale: 'en' as const }, ...cardArgs(card) }));
    expect(en).not.toContain(FSI);
  });
});

function cardArgs(_: unknown) {
  return {
    project: { id: 'p-1', code: 'TR-07', title: 'New ITU website.' },
    update: {
      period: '2026-W48' as const,
      version: 1,
      health: 'green' as const,
      dimensions: {},
      percentComplete: 10,
      summary: 'Phase 1 RFPs launched.',
      achievements: '',
      nextSteps: '',
      blockers: '',
      submittedAt: '2026-11-20T10:00:00.000Z',
    },
    authorName: 'Daniel Mwangi',
    links: LINKS,
    outcome: 'new' as const,
    updateKeyword: 'update',
  };
}

describe('the SharePoint Titles column', () => {
  it('lists the other titles one per line, or nothing', () => {
    expect(localizedTitlesText({ fr: 'Site', ar: 'موقع' })).toBe('ar: موقع\nfr: Site');
    expect(localizedTitlesText(undefined)).toBeNull();
  });
});

describe('through the bot and the API', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('“état site web” shows the website project, titled in French', async () => {
    // (The ChangeMaker has no language preference: the Teams locale decides.)
    const sent = await h.say('état site web', { as: 'changemaker', locale: 'fr-FR' });
    const text = cardText(cardsOf(sent)[0]);
    expect(text).toContain('TR-07');
    expect(text).toContain('Nouveau site web de l’UIT');
    expect(text).not.toContain('New ITU website');
  });

  it('the Arabic and Chinese cards show their own titles; a Latin title stays isolated in Arabic', async () => {
    const ar = cardsOf(await h.say('TR-07', { as: 'changemaker', locale: 'ar-SA' }))[0];
    expect(cardText(ar)).toContain('الموقع الإلكتروني الجديد للاتحاد');
    expect(cardText(ar)).toContain(`${FSI}TR-07${PDI} `);
    const zh = cardText(cardsOf(await h.say('TR-07', { as: 'changemaker', locale: 'zh-CN' }))[0]);
    expect(zh).toContain('国际电联新网站');
  });

  it('the API stores, returns and documents per-language titles', async () => {
    const before = (await h.t.json<{ project: Project }>('/api/v1/projects/TR-08')).body.project;
    const titles = { ...before.titles, fr: 'Plateformes ERP et CRM (mise à niveau)' };
    const r = await h.t.json<Project>('/api/v1/projects/TR-08', {
      as: 'p-cto',
      method: 'PATCH',
      json: { version: before.version, titles },
    });
    expect(r.status).toBe(200);
    expect(r.body.titles?.fr).toBe('Plateformes ERP et CRM (mise à niveau)');
    const bad = await h.t.json('/api/v1/projects/TR-08', {
      as: 'p-cto',
      method: 'PATCH',
      json: { version: r.body.version, titles: { de: 'Plattform' } },
    });
    expect(bad.status).toBe(400);
    const openapi = JSON.stringify((await h.t.json('/api/v1/openapi.json')).body);
    expect(openapi).toMatch(/"titles":\{[^}]*"type":"object"/);
  });
});
