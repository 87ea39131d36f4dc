// The bot's own text commands. Each answers with a card or a polite sentence; permissions and data
// come from the services, words from the catalogue, cards from bot/cards.
import { randomUUID } from 'node:crypto';
import { chooserCard } from '../cards/chooser-card.js';
import { helpCard, type HelpCommand } from '../cards/help-card.js';
import { portfolioCard } from '../cards/portfolio-card.js';
import { projectCard } from '../cards/project-card.js';
import { projectsCard } from '../cards/projects-card.js';
import { riskFormCard } from '../cards/risk-card.js';
import { risksCard } from '../cards/risks-card.js';
import { statusUpdateFormCard } from '../cards/status-update-card.js';
import { isLocale, LOCALE_NAMES, resolveLocale, SUPPORTED_LOCALES, type Locale } from '../domain/locale.js';
import { canPostStatusUpdate, isCto } from '../domain/permissions.js';
import type { Period } from '../domain/period.js';
import { projectTitle, type Project } from '../domain/project.js';
import { compareRisks, isActiveRisk } from '../domain/risk.js';
import { translator } from '../i18n/translate.js';
import { collectAll } from '../ports/paging.js';
import { BOT_COMMANDS } from './command-catalog.js';
import { keywordOf, normalise, type CommandId } from './command-keywords.js';
import type { BotTurn } from './extensions.js';
import { matchProject } from './project-matcher.js';
import {
  conversationScope,
  linkTarget,
  quote,
  requestContext,
  sendCard,
  sendText,
  teamsName,
  updateRefusal,
} from './turn-kit.js';
import type { BotDeps } from './bot-deps.js';

const ACTIVE_RISK = ['proposed', 'open', 'mitigating', 'escalated'] as const;

/** The commands shown in help for a role, with keywords in the person's language. */
export function helpCommands(turn: BotTurn): HelpCommand[] {
  const cto = isCto(turn.actor);
  const scope = conversationScope(turn.context);
  return BOT_COMMANDS.filter((c) => c.id !== 'help' && (!c.ctoOnly || cto) && c.scopes.includes(scope))
    .filter((c) => (c.id === 'digest' ? cto : c.id === 'away' ? turn.actor.role !== 'viewer' : true))
    .filter((c) => c.id !== 'unsubscribe' && c.id !== 'unreachable')
    .map((c) => ({ id: c.id, keyword: keywordOf(c.id as CommandId, turn.locale), args: c.args }));
}

export class BotCommands {
  constructor(private readonly deps: BotDeps) {}

  private get links() {
    return linkTarget(this.deps.config);
  }

  async help(turn: BotTurn, mode: 'welcome' | 'help' | 'unknown' = 'help'): Promise<void> {
    // Someone not on the roster is greeted by their Teams name and told who can add them.
    const onRoster = !!(await this.deps.services.roster.findById(turn.actor.id));
    await sendCard(
      turn.context,
      helpCard({
        mode,
        role: turn.actor.role,
        name: onRoster ? turn.actor.name : await teamsName(turn.context),
        onRoster,
        locale: turn.locale,
        t: turn.t,
        commands: helpCommands(turn),
        links: this.links,
      }),
    );
  }

  /** Every project, for matching (the portfolio is small enough to match in memory). */
  private async allProjects(): Promise<Project[]> {
    return collectAll((page) => this.deps.services.deps.store.projects.list(page));
  }

  /**
   * Resolves the project named in `args`: one project, or undefined after telling the person
   * (chooser card for several, a sentence with suggestions for none).
   */
  async resolveProject(turn: BotTurn, args: string, commandId: CommandId): Promise<Project | undefined> {
    // An exact code is one indexed read; anything else is matched against the whole portfolio.
    const code = args.trim();
    if (/^[a-z]{2,5}-\d{1,4}$/i.test(code)) {
      const exact = await this.deps.services.projects.lookup.find(code);
      if (exact) return exact;
    }
    const projects = await this.allProjects();
    const result = matchProject(args, projects);
    if (result.kind === 'one') return result.project;
    const t = turn.t;
    if (result.kind === 'many') {
      await sendCard(
        turn.context,
        chooserCard({
          locale: turn.locale,
          t,
          prompt: t('bot.match.choose', { query: quote(args) }),
          keyword: keywordOf(commandId, turn.locale),
          candidates: result.candidates,
          links: this.links,
        }),
      );
      return undefined;
    }
    const suggestions = result.suggestions.map((p) => p.code);
    const list = new Intl.ListFormat(turn.locale, { type: 'disjunction' }).format(suggestions);
    await sendText(
      turn.context,
      [
        t('bot.match.none', { query: quote(args) }),
        suggestions.length ? t('bot.match.suggest', { list }) : t('bot.match.hint'),
      ].join(' '),
    );
    return undefined;
  }

  async projects(turn: BotTurn): Promise<void> {
    const projects = await this.deps.services.myWork.myProjects(requestContext(turn));
    const period = this.deps.services.projects.currentPeriod();
    await sendCard(
      turn.context,
      projectsCard({
        locale: turn.locale,
        t: turn.t,
        period,
        items: projects.map((o) => ({
          code: o.project.code,
          title: projectTitle(o.project, turn.locale),
          health: o.health,
          percentComplete: o.percentComplete,
          daysSinceUpdate: o.daysSinceUpdate,
          reporting: o.reporting,
          relation: o.relation,
          canUpdate: canPostStatusUpdate(turn.actor, o.project).allowed,
        })),
        keywords: {
          update: keywordOf('update', turn.locale),
          risk: keywordOf('risk', turn.locale),
          status: keywordOf('status', turn.locale),
        },
        links: this.links,
      }),
    );
  }

  async update(turn: BotTurn, args: string): Promise<void> {
    const t = turn.t;
    let project: Project | undefined;
    if (!args) {
      const projects = await this.deps.services.myWork.myProjects(requestContext(turn));
      const mine = projects.filter((o) => canPostStatusUpdate(turn.actor, o.project).allowed);
      const due = mine.filter((o) => o.reporting === 'due' || o.reporting === 'overdue');
      const candidates = due.map((o) => o.project);
      if (candidates.length === 0) return sendText(turn.context, t('bot.update.nothing_due'));
      if (candidates.length > 1) {
        return sendCard(
          turn.context,
          chooserCard({
            locale: turn.locale,
            t,
            prompt: t('bot.update.choose'),
            keyword: keywordOf('update', turn.locale),
            candidates,
            links: this.links,
          }),
        );
      }
      project = candidates[0];
    } else {
      project = await this.resolveProject(turn, args, 'update');
    }
    if (!project) return;
    const refusal = updateRefusal(turn, project);
    if (refusal) {
      return sendText(turn.context, refusal);
    }
    await sendCard(turn.context, await this.updateForm(turn, project));
  }

  async updateForm(
    turn: BotTurn,
    project: Project,
    extra: { issues?: string[]; values?: Record<string, string>; period?: Period } = {},
  ) {
    // A form for a past week (a late update, e.g. from a reminder) stays on that week.
    const { period, ...shown } = extra;
    const draft = await this.deps.services.statusUpdates.draft(requestContext(turn), project.id, period);
    return statusUpdateFormCard({
      project,
      period: draft.period,
      previous: draft.previous,
      existing: draft.existing,
      locale: turn.locale,
      links: this.links,
      submissionKey: `bot-${randomUUID()}`,
      ...shown,
    });
  }

  async risk(turn: BotTurn, args: string): Promise<void> {
    let project: Project | undefined;
    if (args) {
      project = await this.resolveProject(turn, args, 'risk');
      if (!project) return;
    }
    await sendCard(turn.context, await this.riskForm(turn, project));
  }

  async riskForm(
    turn: BotTurn,
    project: Project | undefined,
    extra: { issues?: string[]; values?: Record<string, string> } = {},
  ) {
    const settings = await this.deps.services.settings.current();
    const choices = project
      ? []
      : (await this.deps.services.myWork.myProjects(requestContext(turn))).map((o) => o.project);
    return riskFormCard({
      locale: turn.locale,
      links: this.links,
      submissionKey: `bot-${randomUUID()}`,
      threshold: settings.escalationThreshold,
      project,
      projectChoices: choices,
      proposed: turn.actor.role === 'viewer',
      ...extra,
    });
  }

  async risks(turn: BotTurn, args: string): Promise<void> {
    let project: Project | undefined;
    if (args) {
      project = await this.resolveProject(turn, args, 'risks');
      if (!project) return;
    }
    const ctx = requestContext(turn);
    const risks = await collectAll((page) =>
      this.deps.services.risks.list(ctx, { projectId: project?.id, status: [...ACTIVE_RISK], ...page }),
    );
    const codes = project ? undefined : new Map((await this.allProjects()).map((p) => [p.id, p.code]));
    await sendCard(
      turn.context,
      risksCard({
        locale: turn.locale,
        t: turn.t,
        project,
        risks: risks
          .filter(isActiveRisk)
          .sort(compareRisks)
          .map((r) => ({ ...r, projectCode: r.projectId ? codes?.get(r.projectId) : undefined })),
        links: this.links,
      }),
    );
  }

  async status(turn: BotTurn, args: string): Promise<void> {
    if (!args) {
      // The person's own projects as a chooser; the example alone for people without any.
      const mine = (await this.deps.services.myWork.myProjects(requestContext(turn))).map((o) => o.project);
      const example = `${keywordOf('status', turn.locale)} ${mine[0]?.code ?? 'TR-07'}`;
      if (mine.length === 0) return sendText(turn.context, turn.t('bot.match.need_project', { example }));
      return sendCard(
        turn.context,
        chooserCard({
          locale: turn.locale,
          t: turn.t,
          prompt: turn.t('bot.match.need_project', { example }),
          keyword: keywordOf('status', turn.locale),
          candidates: mine,
          links: this.links,
        }),
      );
    }
    const project = await this.resolveProject(turn, args, 'status');
    if (!project) return;
    const ctx = requestContext(turn);
    const s = this.deps.services;
    const today = this.deps.clock.now().toISOString().slice(0, 10);
    const [updates, milestones, risks, kpis] = await Promise.all([
      s.statusUpdates.listByProject(ctx, project.id, { limit: 2 }),
      s.milestones.list(ctx, { projectId: project.id, status: ['planned'], dueFrom: today, limit: 3 }),
      s.risks.list(ctx, { projectId: project.id, status: ['open', 'mitigating', 'escalated'], limit: 3 }),
      s.kpis.withProgress(ctx, { projectId: project.id }),
    ]);
    const [latest, before] = updates.items;
    await sendCard(
      turn.context,
      projectCard({
        locale: turn.locale,
        t: turn.t,
        project,
        latest,
        previousHealth: before?.health,
        milestones: milestones.items,
        risks: risks.items,
        kpis: kpis.map((k) => ({
          title: k.kpi.title,
          unit: k.kpi.unit,
          latest: k.progress.latest?.value,
          target: k.kpi.target.value,
          targetDate: k.kpi.target.date,
          trend: k.progress.trend,
        })),
        canUpdate: canPostStatusUpdate(turn.actor, project).allowed,
        keywords: {
          update: keywordOf('update', turn.locale),
          risk: keywordOf('risk', turn.locale),
          risks: keywordOf('risks', turn.locale),
        },
        links: this.links,
      }),
    );
  }

  async portfolio(turn: BotTurn): Promise<void> {
    const summary = await this.deps.services.projects.summary(requestContext(turn));
    await sendCard(
      turn.context,
      portfolioCard({ locale: turn.locale, t: turn.t, summary, links: this.links }),
    );
  }

  async language(turn: BotTurn, args: string): Promise<void> {
    const codes = SUPPORTED_LOCALES.join(', ');
    const wanted = args ? languageFrom(args) : undefined;
    if (!args) {
      return sendText(
        turn.context,
        turn.t('bot.language.current', { language: LOCALE_NAMES[turn.locale], codes }),
      );
    }
    if (wanted === undefined) {
      return sendText(turn.context, turn.t('bot.language.unknown', { code: quote(args), codes }));
    }
    const person = await this.deps.services.roster.findById(turn.actor.id);
    if (!person) return sendText(turn.context, turn.t('bot.language.guest'));
    await this.deps.services.roster.update(
      requestContext(turn),
      person.id,
      { locale: wanted },
      person.version,
    );
    if (wanted === null) {
      const teams = resolveLocale(turn.context.activity.locale, this.deps.config.defaultLocale);
      return sendText(turn.context, translator(teams)('bot.language.reset'));
    }
    await sendText(turn.context, translator(wanted)('bot.language.set'));
  }
}

const RESET_WORDS = new Set(['auto', 'teams', 'reset', 'default']);

/** A locale code, a BCP 47 tag or a language's own name; null to follow Teams again. */
export function languageFrom(text: string): Locale | null | undefined {
  const v = normalise(text);
  if (RESET_WORDS.has(v)) return null;
  if (isLocale(v)) return v;
  const byName = SUPPORTED_LOCALES.find((l) => normalise(LOCALE_NAMES[l]) === v);
  if (byName) return byName;
  const NAMES: Record<string, Locale> = {
    english: 'en',
    anglais: 'en',
    inglés: 'en',
    ingles: 'en',
    french: 'fr',
    francais: 'fr',
    francés: 'fr',
    frances: 'fr',
    spanish: 'es',
    espagnol: 'es',
    español: 'es',
    arabic: 'ar',
    arabe: 'ar',
    árabe: 'ar',
    russian: 'ru',
    russe: 'ru',
    ruso: 'ru',
    chinese: 'zh',
    chinois: 'zh',
    chino: 'zh',
  };
  if (NAMES[v]) return NAMES[v];
  if (/^[a-z]{2}[-_][a-z0-9]{2,8}$/.test(v)) {
    const l = resolveLocale(v, 'en');
    return v.startsWith(l) ? l : undefined;
  }
  return undefined;
}
