// Every proactive card (digest for a 1,000-project portfolio, reminder with the inline update form,
// escalation before and after an action), in every language: parses with the adaptivecards library
// without warnings, version 1.5, under 40 KB as Teams counts it, only elements Teams supports, rtl
// for Arabic, every Action.Execute with its Action.Submit fallback, a tab deep link on every card
// with an action, user text kept inert.
import { afterAll, describe, expect, it } from 'vitest';
import { buildDigestCard } from '../../bot/cards/digest-card.js';
import { CHART_TYPES } from '../../bot/cards/digest-charts.js';
import { cardBytes, inert } from '../../bot/cards/digest-card-kit.js';
import { buildEscalationCard, type EscalationCardView } from '../../bot/cards/escalation-card.js';
import { buildReminderCard, reminderAwayCard, reminderReceivedCard } from '../../bot/cards/reminder-card.js';
import { statusUpdateFormCard } from '../../bot/cards/status-update-card.js';
import { composeDigest, digestPeriodAt } from '../../bot/domain/digest.js';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/domain/locale.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { rendererEvents, withoutCharts } from '../cards/card-validation.js';
import { risk } from '../domain/builders.js';
import { digestInputFromSeed, trendFromSeed } from './seed-digest.js';

const TEAMS_ELEMENTS = new Set([
  'AdaptiveCard',
  'TextBlock',
  'RichTextBlock',
  'TextRun',
  'Container',
  'ColumnSet',
  'Column',
  'ActionSet',
  'FactSet',
  'Input.Text',
  'Input.Number',
  'Input.ChoiceSet',
  'Input.Toggle',
  'Input.Date',
  'Action.Execute',
  'Action.Submit',
  'Action.OpenUrl',
  'Action.ShowCard',
]);

function types(card: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string') found.push(o.type);
      for (const [k, x] of Object.entries(o)) if (k !== 'data') walk(x);
    }
  };
  walk(card);
  return found;
}

/** Texts the client reads as markdown: TextBlock text and FactSet values (TextRuns are plain). */
function markdownTexts(card: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') found.push(o.text);
      if (o.type === 'FactSet' && Array.isArray(o.facts))
        for (const f of o.facts as Array<{ value: string }>) found.push(f.value);
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(card);
  return found;
}

const NOW = new Date('2026-11-30T07:00:00Z');
const TZ = 'Europe/Zurich';
const links = { publicUrl: 'https://hub.example.org', teamsAppId: '00000000-0000-0000-0000-000000000001' };
const seed = buildSyntheticPortfolio({ projects: 1000, now: NOW, timeZone: TZ });
const PERIOD = digestPeriodAt(NOW, TZ);
const digest = {
  ...composeDigest(digestInputFromSeed(seed, PERIOD, NOW, TZ)),
  trend: trendFromSeed(seed, PERIOD),
};

// Hostile, long user text in every field a person writes.
const HOSTILE = '**bold** [link](https://evil.example) <at>CTO</at> _x_ # heading\n- list';
const riskView = (locale: Locale): EscalationCardView => ({
  locale,
  links,
  risk: risk({
    id: 'r-1',
    projectId: 'p-1',
    title: `${HOSTILE.replace('\n', ' ')} ${'w'.repeat(120)}`.slice(0, 200),
    likelihood: 5,
    impact: 5,
    status: 'escalated',
    mitigation: 'm'.repeat(4000),
    escalation: { reason: 'threshold', at: '2026-11-25T10:00:00.000Z', byId: 'p-owner' },
  }),
  project: { code: 'TR-07', title: HOSTILE },
  ownerName: HOSTILE,
  escalatedByName: 'Amina Diallo',
  threshold: 15,
  candidates: Array.from({ length: 50 }, (_, i) => ({ id: `p-${i}`, name: `Person ${i} ${'n'.repeat(60)}` })),
});

function cardsFor(locale: Locale): Record<string, Record<string, unknown>> {
  const project = { id: 'p-1', code: 'TR-07', title: `${HOSTILE} ${'t'.repeat(200)}`.slice(0, 200) };
  const form = statusUpdateFormCard({
    project,
    period: '2026-W48',
    previous: undefined,
    locale,
    links,
    submissionKey: 'reminder:2026-W48:p-1',
  });
  return {
    digest: buildDigestCard(digest, { locale, links, canNudge: true }),
    'digest-preview': buildDigestCard(digest, { locale, links, preview: true }),
    'digest-acked': buildDigestCard(digest, {
      locale,
      links,
      canNudge: true,
      acknowledged: { name: HOSTILE, at: '2026-11-30T09:00:00Z' },
      nudged: 12,
    }),
    reminder: buildReminderCard({ locale, links, project, period: '2026-W48', form }),
    'reminder-2': buildReminderCard({
      locale,
      links,
      project,
      period: '2026-W48',
      form,
      second: true,
      nudgedBy: HOSTILE,
    }),
    'reminder-done': reminderReceivedCard({ locale, links, project, period: '2026-W48' }),
    'reminder-away': reminderAwayCard({ locale, period: '2026-W48' }),
    escalation: buildEscalationCard(riskView(locale)),
    'escalation-acted': buildEscalationCard({
      ...riskView(locale),
      outcomes: [{ kind: 'reassigned', byName: 'CTO', at: '2026-11-30T09:00:00Z', ownerName: HOSTILE }],
    }),
  };
}

const sizes: Record<string, Record<string, number>> = {};
afterAll(() => {
  const rows = Object.entries(sizes).map(
    ([name, byLocale]) =>
      `${name.padEnd(18)} ${SUPPORTED_LOCALES.map((l) => `${l} ${((byLocale[l] ?? 0) / 1024).toFixed(1)}`).join('  ')}`,
  );
  console.log(
    `proactive card sizes in KB (UTF-16), digest for ${seed.projects.length} projects\n${rows.join('\n')}`,
  );
});

describe.each(SUPPORTED_LOCALES)('proactive cards in %s', (locale) => {
  const cards = cardsFor(locale);
  it.each(Object.keys(cards))('%s', (name) => {
    const card = cards[name]!;
    // Parsed and validated as Microsoft's renderer does; charts checked and rendered by their fallbacks.
    expect(rendererEvents(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    const bytes = cardBytes(card);
    (sizes[name] ??= {})[locale] = bytes;
    // The digest stays under the message-extension limit (28 KB) for 1,000 projects.
    expect(bytes).toBeLessThan((name.startsWith('digest') ? 28 : 40) * 1024);
    expect(card.rtl === true).toBe(locale === 'ar');
    const charts: ReadonlySet<string> = new Set(CHART_TYPES);
    expect(types(card).filter((t) => !TEAMS_ELEMENTS.has(t) && !charts.has(t))).toEqual([]);
    expect(types(withoutCharts(card)).filter((t) => !TEAMS_ELEMENTS.has(t))).toEqual([]);
    const json = JSON.stringify(card);
    const executes = json.match(/"type":"Action\.Execute"/g)?.length ?? 0;
    const fallbacks = json.match(/"fallback":\{"type":"Action\.Submit"/g)?.length ?? 0;
    expect(fallbacks).toBe(executes);
    // Every card a person can act on also opens the tab (mobile clients handle Action.Execute poorly).
    const used = types(card);
    if (used.some((t) => t.startsWith('Input.') || t === 'Action.Execute' || t === 'Action.Submit')) {
      expect(json).toContain(`https://teams.microsoft.com/l/entity/${links.teamsAppId}/`);
    }
    // No user text became a link, a mention or formatting where markdown is read (TextBlock, facts).
    for (const text of markdownTexts(card)) {
      expect(text).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
      expect(text).not.toMatch(/(?<!\\)<at>/);
    }
  });
});

describe('digest card content', () => {
  it('summarises a 1,000-project portfolio: complete counts, capped lists, links to the tab', () => {
    expect(digest.totals.projects).toBe(1000);
    const card = buildDigestCard(digest, { locale: 'en', links, canNudge: true });
    const json = JSON.stringify(card);
    expect(json).toContain('Weekly portfolio digest');
    expect(json).toContain(`Turned amber or red (${digest.movers.count})`);
    expect(card.actions?.map((a) => (a as { verb?: string; type: string }).verb ?? a.type)).toEqual([
      'Action.OpenUrl',
      'digest.nudge',
      'digest.acknowledge',
    ]);
    expect(json).toContain('https://teams.microsoft.com/l/entity/');
  });

  it('offers no nudge to subscribers and no buttons in a preview', () => {
    const subscriber = buildDigestCard(digest, { locale: 'en', links });
    expect(subscriber.actions?.map((a) => (a as { verb?: string }).verb).filter(Boolean)).toEqual([
      'digest.acknowledge',
    ]);
    const preview = buildDigestCard(digest, { locale: 'en', links, preview: true });
    expect(preview.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });

  it('makes user text inert for the TextBlock markdown subset', () => {
    expect(inert('**x** [a](b) <at>y</at>')).toBe('\\*\\*x\\*\\* \\[a\\]\\(b\\) \\<at\\>y\\</at\\>');
    expect(inert('- item\n1. first')).toBe('\\- item\n\\1. first'.replace('\\1.', '\\1.'));
  });
});
