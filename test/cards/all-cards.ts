// Every card the bot sends, built from view-models with the given user text in every place a person
// can write (titles, summaries, names), for the card checks and the hostile-text property.
import * as AC from 'adaptivecards';
import type { AdaptiveCardJson } from '../../bot/cards/card-kit.js';
import { chooserCard } from '../../bot/cards/chooser-card.js';
import { helpCard } from '../../bot/cards/help-card.js';
import type { LinkTarget } from '../../bot/cards/links.js';
import { portfolioCard } from '../../bot/cards/portfolio-card.js';
import { projectCard } from '../../bot/cards/project-card.js';
import { projectsCard } from '../../bot/cards/projects-card.js';
import { riskFormCard, riskReviewCard, riskSavedCard } from '../../bot/cards/risk-card.js';
import { risksCard } from '../../bot/cards/risks-card.js';
import {
  statusUpdateFormCard,
  statusUpdateSavedCard,
  type StatusUpdateView,
} from '../../bot/cards/status-update-card.js';
import type { Locale } from '../../bot/domain/locale.js';
import { PILLAR_CODES } from '../../bot/domain/pillar.js';
import type { PortfolioSummary } from '../../bot/domain/portfolio.js';
import { translator } from '../../bot/i18n/translate.js';
import { BOT_COMMANDS } from '../../bot/teams/command-catalog.js';
import { keywordOf, type CommandId } from '../../bot/teams/command-keywords.js';

export const LINKS: LinkTarget = {
  publicUrl: 'https://hub.example.org',
  teamsAppId: '11111111-2222-4333-8444-555555555555',
};

export interface UserText {
  /** A single line (titles, names): at most 200 characters in the domain. */
  line: string;
  /** Multi-line text (summaries, descriptions): at most 4000 characters in the domain. */
  text: string;
}

/** The largest content the domain accepts. */
export function largest(ch = 'ق'): UserText {
  return { line: ch.repeat(200), text: `${ch.repeat(79)}\n`.repeat(50) };
}

export function allCards(locale: Locale, u: UserText): Record<string, AdaptiveCardJson> {
  const t = translator(locale);
  const project = { id: 'p-1', code: 'TR-07', title: u.line };
  const update: StatusUpdateView & { submittedAt: string } = {
    period: '2026-W47',
    version: 3,
    health: 'amber',
    dimensions: { schedule: 'red', budget: 'green' },
    percentComplete: 42,
    summary: u.text.slice(0, 2000),
    achievements: u.text,
    nextSteps: u.text,
    blockers: u.text,
    submittedAt: '2026-11-20T10:00:00.000Z',
  };
  const keywords = {
    update: keywordOf('update', locale),
    risk: keywordOf('risk', locale),
    status: keywordOf('status', locale),
    risks: keywordOf('risks', locale),
  };
  const commands = BOT_COMMANDS.map((c) => ({
    id: c.id,
    keyword: keywordOf(c.id as CommandId, locale),
    args: c.args,
  }));
  const risk = {
    id: 'r-1',
    title: u.line,
    description: u.text,
    likelihood: 4 as const,
    impact: 5 as const,
    score: 20,
    level: 'critical' as const,
    status: 'escalated' as const,
    escalation: {
      reason: 'threshold' as const,
      at: '2026-11-25T14:00:00.000Z',
      byId: 'p-owner',
      acknowledgedAt: null,
      acknowledgedById: null,
    },
  };
  const counts = { green: 3, amber: 2, red: 1, unknown: 1 };
  const pillarSummary = {
    projects: 7,
    health: counts,
    previousHealth: counts,
    improved: 1,
    worsened: 2,
    updatesMissing: 1,
    overdue: 0,
    openRisks: 5,
    risksByLevel: { low: 1, medium: 1, high: 2, critical: 1 },
  };
  const summary: PortfolioSummary = {
    period: '2026-W48',
    pillars: PILLAR_CODES.map((pillar) => ({ pillar, ...pillarSummary })),
    totals: pillarSummary,
  };
  const draft = {
    projectId: 'p-1',
    title: u.line,
    description: u.text,
    category: 'delivery' as const,
    likelihood: 5 as const,
    impact: 5 as const,
    strategy: 'reduce' as const,
    mitigation: u.text,
    confidential: true,
  };
  return {
    welcome: helpCard({
      mode: 'welcome',
      role: 'owner',
      name: u.line.slice(0, 120),
      locale,
      t,
      commands,
      links: LINKS,
    }),
    help: helpCard({ mode: 'unknown', role: 'cto', name: u.line, locale, t, commands, links: LINKS }),
    projects: projectsCard({
      locale,
      t,
      period: '2026-W48',
      items: Array.from({ length: 40 }, (_, i) => ({
        code: `TR-${i + 10}`,
        title: u.line,
        health: (['green', 'amber', 'red', undefined] as const)[i % 4],
        percentComplete: i,
        daysSinceUpdate: i % 3 === 0 ? undefined : i,
        reporting: (['up-to-date', 'due', 'overdue', 'not-required'] as const)[i % 4]!,
        relation: (['owner', 'lead', 'member'] as const)[i % 3]!,
        canUpdate: i % 2 === 0,
      })),
      keywords,
      links: LINKS,
    }),
    projectsEmpty: projectsCard({ locale, t, period: '2026-W48', items: [], keywords, links: LINKS }),
    chooser: chooserCard({
      locale,
      t,
      prompt: t('bot.match.choose', { query: u.line.slice(0, 60) }),
      keyword: keywords.status,
      candidates: Array.from({ length: 20 }, (_, i) => ({ code: `TR-${i + 10}`, title: u.line })),
      links: LINKS,
    }),
    updateForm: statusUpdateFormCard({
      project,
      period: '2026-W48',
      previous: update,
      locale,
      links: LINKS,
      submissionKey: 'k-1',
    }),
    updateFormAmend: statusUpdateFormCard({
      project,
      period: '2026-W48',
      previous: update,
      existing: { ...update, period: '2026-W48' },
      locale,
      links: LINKS,
      submissionKey: 'k-1',
      issues: [u.line, u.line],
      values: { summary: u.text.slice(0, 2000) },
    }),
    updateFormFirst: statusUpdateFormCard({
      project,
      period: '2026-W48',
      previous: undefined,
      locale,
      links: LINKS,
      submissionKey: 'k-1',
    }),
    updateSaved: statusUpdateSavedCard({
      project,
      update,
      authorName: u.line,
      locale,
      links: LINKS,
      outcome: 'amended',
      updateKeyword: keywords.update,
      refreshFor: '29:user',
    }),
    updateStale: statusUpdateSavedCard({
      project,
      update,
      authorName: u.line,
      locale,
      links: LINKS,
      outcome: 'stale',
      updateKeyword: keywords.update,
    }),
    riskForm: riskFormCard({
      locale,
      links: LINKS,
      submissionKey: 'k-2',
      threshold: 15,
      project,
      proposed: false,
    }),
    riskFormChoices: riskFormCard({
      locale,
      links: LINKS,
      submissionKey: 'k-2',
      threshold: 15,
      projectChoices: Array.from({ length: 30 }, (_, i) => ({
        id: `p-${i}`,
        code: `TR-${i + 10}`,
        title: u.line,
      })),
      proposed: true,
      issues: [u.line],
      values: { title: u.line, description: u.text, mitigation: u.text },
    }),
    riskReview: riskReviewCard({ locale, links: LINKS, draft, project, submissionKey: 'k-2' }),
    riskSaved: riskSavedCard({ locale, links: LINKS, risk, project, replayed: false }),
    risks: risksCard({
      locale,
      t,
      risks: Array.from({ length: 30 }, (_, i) => ({ ...risk, id: `r-${i}`, projectCode: 'TR-07' })),
      links: LINKS,
    }),
    risksNone: risksCard({ locale, t, project, risks: [], links: LINKS }),
    project: projectCard({
      locale,
      t,
      project: {
        id: 'p-1',
        code: 'TR-07',
        title: u.line,
        phase: 'executing',
        pillar: 'SPT',
        dueDate: '2027-06-30',
      },
      latest: { ...update, period: '2026-W48' },
      previousHealth: 'green',
      milestones: Array.from({ length: 5 }, () => ({ title: u.line, dueDate: '2026-12-15' })),
      risks: Array.from({ length: 5 }, () => risk),
      kpis: Array.from({ length: 5 }, (_, i) => ({
        title: u.line,
        unit: '%',
        latest: i === 0 ? undefined : 1234.5,
        target: 95,
        targetDate: '2027-12-31',
        trend: (['no-data', 'achieved', 'on-track', 'behind'] as const)[i % 4]!,
      })),
      canUpdate: true,
      keywords,
      links: LINKS,
    }),
    projectBare: projectCard({
      locale,
      t,
      project: { id: 'p-1', code: 'TR-07', title: u.line, phase: 'proposed', pillar: 'GOV', dueDate: null },
      milestones: [],
      risks: [],
      kpis: [],
      canUpdate: false,
      keywords,
      links: LINKS,
    }),
    portfolio: portfolioCard({ locale, t, summary, links: LINKS }),
  };
}

/** What the adaptivecards library reports while parsing a card (unknown elements, bad values). */
export function parseWarnings(card: unknown): string[] {
  const ac = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  ac.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  return events;
}
