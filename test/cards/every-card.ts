// Every card the app can send, in one place: the bot's conversation cards (all-cards.ts, with the
// largest text the domain accepts), the proactive cards in each of their states (digest with its
// charts, reminders, escalations before and after each action), the message extension's result
// cards, and the welcome of someone not on the roster.
import { buildDigestCard } from '../../bot/cards/digest-card.js';
import { buildEscalationCard, type EscalationCardView } from '../../bot/cards/escalation-card.js';
import { projectResult, riskResult } from '../../bot/cards/extension-cards.js';
import { helpCard } from '../../bot/cards/help-card.js';
import { buildReminderCard, reminderAwayCard, reminderReceivedCard } from '../../bot/cards/reminder-card.js';
import { statusUpdateFormCard } from '../../bot/cards/status-update-card.js';
import { composeDigest, digestPeriodAt } from '../../bot/domain/digest.js';
import type { Locale } from '../../bot/domain/locale.js';
import { translator } from '../../bot/i18n/translate.js';
import { buildSyntheticPortfolio } from '../../bot/seed/synthetic-portfolio.js';
import { digestInputFromSeed, trendFromSeed } from '../digest/seed-digest.js';
import { risk } from '../domain/builders.js';
import { allCards, largest, LINKS } from './all-cards.js';

const NOW = new Date('2026-11-30T07:00:00Z');
const TZ = 'Europe/Zurich';
const seed = buildSyntheticPortfolio({ projects: 1000, now: NOW, timeZone: TZ });
const PERIOD = digestPeriodAt(NOW, TZ);
export const DIGEST_1000 = {
  ...composeDigest(digestInputFromSeed(seed, PERIOD, NOW, TZ)),
  trend: trendFromSeed(seed, PERIOD),
};

function escalation(locale: Locale, line: string): EscalationCardView {
  return {
    locale,
    links: LINKS,
    risk: risk({
      id: 'r-1',
      projectId: 'p-1',
      title: line,
      likelihood: 5,
      impact: 5,
      status: 'escalated',
      mitigation: 'm'.repeat(4000),
      escalation: { reason: 'threshold', at: '2026-11-25T10:00:00.000Z', byId: 'p-owner' },
    }),
    project: { code: 'TR-07', title: line },
    ownerName: line,
    escalatedByName: 'Amina Diallo',
    threshold: 15,
    candidates: Array.from({ length: 50 }, (_, i) => ({ id: `p-${i}`, name: `Person ${i}` })),
  };
}

function proactiveCards(locale: Locale, line: string): Record<string, unknown> {
  const project = { id: 'p-1', code: 'TR-07', title: line };
  const form = statusUpdateFormCard({
    project,
    period: '2026-W48',
    previous: undefined,
    locale,
    links: LINKS,
    submissionKey: 'reminder:2026-W48:p-1',
  });
  const at = '2026-11-30T09:00:00Z';
  const esc = escalation(locale, line);
  return {
    digest: buildDigestCard(DIGEST_1000, { locale, links: LINKS, canNudge: true }),
    digestPreview: buildDigestCard(DIGEST_1000, { locale, links: LINKS, preview: true }),
    digestAcknowledged: buildDigestCard(DIGEST_1000, {
      locale,
      links: LINKS,
      canNudge: true,
      acknowledged: { name: line, at },
      nudged: 12,
    }),
    digestFirstWeek: buildDigestCard(
      { ...DIGEST_1000, firstPeriod: true, trend: DIGEST_1000.trend.slice(-1) },
      { locale, links: LINKS },
    ),
    reminder: buildReminderCard({ locale, links: LINKS, project, period: '2026-W48', form }),
    reminderSecond: buildReminderCard({
      locale,
      links: LINKS,
      project,
      period: '2026-W48',
      form,
      second: true,
      nudgedBy: line,
    }),
    reminderReceived: reminderReceivedCard({ locale, links: LINKS, project, period: '2026-W48' }),
    reminderAway: reminderAwayCard({ locale, period: '2026-W48' }),
    escalation: buildEscalationCard(esc),
    escalationManual: buildEscalationCard({
      ...esc,
      risk: { ...esc.risk, escalation: { reason: 'manual', acknowledgedAt: null } },
      project: null,
      ownerName: null,
    }),
    escalationAcknowledged: buildEscalationCard({
      ...esc,
      outcomes: [{ kind: 'acknowledged', byName: line, at }],
    }),
    escalationAccepted: buildEscalationCard({ ...esc, outcomes: [{ kind: 'accepted', byName: line, at }] }),
    escalationReassigned: buildEscalationCard({
      ...esc,
      outcomes: [{ kind: 'reassigned', byName: 'CTO', at, ownerName: line }],
    }),
    escalationStale: buildEscalationCard({ ...esc, stale: true }),
    escalationClosed: buildEscalationCard({ ...esc, risk: { ...esc.risk, status: 'closed' } }),
    escalationNoCandidates: buildEscalationCard({ ...esc, candidates: [] }),
  };
}

function extensionCards(locale: Locale, line: string): Record<string, unknown> {
  const t = translator(locale);
  const url = 'https://hub.example.org/#/projects/TR-07';
  return {
    extensionProject: projectResult(
      {
        code: 'TR-07',
        title: line,
        pillarName: line,
        phase: 'executing',
        health: 'amber',
        percentComplete: 40,
        daysSinceUpdate: 3,
        ownerName: line,
        openRisks: 3,
        url,
      },
      t,
      locale,
    ).content,
    extensionProjectBare: projectResult(
      { code: 'TR-07', title: line, pillarName: line, phase: 'proposed', openRisks: 0, url },
      t,
      locale,
    ).content,
    extensionRisk: riskResult(
      {
        title: line,
        projectCode: 'TR-07',
        projectTitle: line,
        score: 20,
        level: 'critical',
        status: 'escalated',
        ownerName: line,
        url,
      },
      t,
      locale,
    ).content,
  };
}

/** Every card the app can send in `locale`, by name. */
export function everyCard(locale: Locale): Record<string, unknown> {
  const text = largest(locale === 'ar' ? 'ق' : locale === 'zh' ? '变' : locale === 'ru' ? 'ж' : 'w');
  const t = translator(locale);
  return {
    ...allCards(locale, text),
    welcomeNotOnRoster: helpCard({
      mode: 'welcome',
      role: 'viewer',
      name: text.line.slice(0, 120),
      onRoster: false,
      locale,
      t,
      commands: [],
      links: LINKS,
    }),
    helpNotOnRoster: helpCard({
      mode: 'help',
      role: 'viewer',
      name: '',
      onRoster: false,
      locale,
      t,
      commands: [],
      links: LINKS,
    }),
    ...proactiveCards(locale, text.line),
    ...extensionCards(locale, text.line),
  };
}
