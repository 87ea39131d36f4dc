// Card actions: Universal Action verbs (adaptiveCard/action invokes, or the Action.Submit fallback
// message carrying `verb`) dispatched through a typed table. Each verb validates its data with zod;
// verbs the bot does not own go to the plug-ins (bot/teams/extensions.ts). A stale card is answered
// with the current data, a replayed submission is stored once, a refused one explains why.
import { z } from 'zod';
import { riskReviewCard, riskSavedCard, PORTFOLIO_WIDE, type RiskDraft } from '../cards/risk-card.js';
import { statusUpdateSavedCard } from '../cards/status-update-card.js';
import { VERBS, type BotVerb } from '../cards/verbs.js';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.js';
import { Health } from '../domain/health.js';
import { Period } from '../domain/period.js';
import type { Project } from '../domain/project.js';
import { RiskCategory, riskScore, RiskStrategy, type Risk } from '../domain/risk.js';
import { HEALTH_DIMENSIONS, type StatusUpdate } from '../domain/status-update.js';
import { writeReporterOf } from '../ports/write-reporter.js';
import { keywordOf } from './command-keywords.js';
import { BotCommands } from './commands.js';
import type { BotTurn, CardActionResult } from './extensions.js';
import { errorText, issueLines, linkTarget, requestContext, updateRefusal } from './turn-kit.js';
import type { BotDeps } from './bot-deps.js';

/** Form values arrive as strings (Teams sends every input as text); absent and "" mean "not given". */
const optionalText = z
  .string()
  .max(20_000)
  .optional()
  .transform((s) => s ?? '');
const Key = z.string().min(1).max(128);
const ProjectRef = z.string().min(1).max(64);
const HealthInput = z.preprocess((v) => (v === '' ? undefined : v), Health.optional());

const StatusUpdateSubmitData = z.object({
  projectId: ProjectRef,
  period: Period,
  expectedVersion: z.coerce.number().int().min(0).max(1_000_000),
  submissionKey: Key,
  health: z.string().max(20).optional(),
  percentComplete: z.union([z.string().max(20), z.number()]).optional(),
  summary: optionalText,
  achievements: optionalText,
  nextSteps: optionalText,
  blockers: optionalText,
  schedule: HealthInput,
  budget: HealthInput,
  scope: HealthInput,
  resources: HealthInput,
});

const StatusUpdateRefreshData = z.object({ projectId: ProjectRef, period: Period });

const RatingInput = z.union([z.string().max(4), z.number()]).optional();
const RiskFormData = z.object({
  submissionKey: Key,
  projectId: ProjectRef.optional(),
  title: optionalText,
  description: optionalText,
  category: z.string().max(40).optional(),
  likelihood: RatingInput,
  impact: RatingInput,
  strategy: z.string().max(40).optional(),
  mitigation: optionalText,
  /** Input.Toggle: "true" or "false" (absent: not confidential). */
  confidential: z.enum(['true', 'false']).optional(),
});

/**
 * A verb's answer; `shared` is the read-only card that replaces the acted-on card for everyone in a
 * group chat or channel (the answer itself replaces it for the person who acted).
 */
export type ActionAnswer = CardActionResult & { shared?: Record<string, unknown> };

type Handler<T> = { data: z.ZodType<T>; handle(turn: BotTurn, data: T): Promise<ActionAnswer> };

export class CardActions {
  private readonly commands: BotCommands;
  private readonly table: { [V in BotVerb]: Handler<never> };

  constructor(private readonly deps: BotDeps) {
    this.commands = new BotCommands(deps);
    const entry = <T>(data: z.ZodType<T>, handle: (turn: BotTurn, data: T) => Promise<ActionAnswer>) =>
      ({ data, handle }) as unknown as Handler<never>;
    this.table = {
      [VERBS.statusUpdateSubmit]: entry(StatusUpdateSubmitData, (turn, d) => this.submitUpdate(turn, d)),
      [VERBS.statusUpdateRefresh]: entry(StatusUpdateRefreshData, (turn, d) => this.refreshUpdate(turn, d)),
      [VERBS.riskSubmit]: entry(RiskFormData, (turn, d) => this.submitRisk(turn, d, false)),
      [VERBS.riskConfirm]: entry(RiskFormData, (turn, d) => this.submitRisk(turn, d, true)),
      [VERBS.riskEdit]: entry(RiskFormData, (turn, d) => this.editRisk(turn, d)),
    };
  }

  /**
   * Runs a verb. `invalid` is the answer when the data does not fit the verb's schema (an invoke
   * error), `unknown` when no one handles the verb.
   */
  async dispatch(
    turn: BotTurn,
    verb: string,
    data: unknown,
  ): Promise<ActionAnswer | { kind: 'invalid'; text: string } | { kind: 'unknown'; text: string }> {
    const own = Object.hasOwn(this.table, verb) ? this.table[verb as BotVerb] : undefined;
    const plugin = own ? undefined : this.deps.extensions.verbs?.find((v) => v.verb === verb);
    const handler = (own ?? plugin) as Handler<unknown> | undefined;
    if (!handler) return { kind: 'unknown', text: turn.t('bot.action.unknown') };
    const parsed = handler.data.safeParse(data ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '-'}`)
        .join(', ');
      return { kind: 'invalid', text: turn.t('bot.action.invalid', { issues }) };
    }
    try {
      // A store that queues writes (SharePoint while Graph throttles) says so; the person is told
      // the change is saved and will sync, rather than being left to think it went through at once.
      const { value, queued } = await writeReporterOf(this.deps.services.deps.store).observe(() =>
        handler.handle(turn, parsed.data),
      );
      return queued.length > 0 ? withSyncNotice(value, turn.t('notices.write_queued')) : value;
    } catch (e) {
      if (e instanceof ForbiddenError || e instanceof ValidationError || e instanceof ConflictError) {
        return { kind: 'message', text: errorText(turn.locale, e) };
      }
      if (e instanceof Error && 'code' in e && (e as { code?: unknown }).code === 'not_found') {
        return { kind: 'message', text: errorText(turn.locale, e) };
      }
      throw e;
    }
  }

  private async project(id: string): Promise<Project | undefined> {
    return this.deps.services.projects.lookup.find(id);
  }

  private async savedUpdateCard(
    turn: BotTurn,
    project: Project,
    update: StatusUpdate,
    outcome: 'new' | 'amended' | 'replayed' | 'stale' | 'current',
  ): Promise<ActionAnswer> {
    // Usually the author is the person acting: no second roster read.
    const author =
      update.authorId === turn.actor.id
        ? turn.actor
        : await this.deps.services.roster.findById(update.authorId);
    const input = {
      project,
      update,
      authorName: author?.name ?? update.authorId,
      locale: turn.locale,
      links: linkTarget(this.deps.config),
      outcome,
      updateKeyword: keywordOf('update', turn.locale),
      timeZone: turn.actor.timeZone,
    };
    // The shared copy is for group chats and channels only.
    const stored =
      (outcome === 'new' || outcome === 'amended') &&
      turn.context.activity.conversation?.conversationType !== 'personal';
    return {
      kind: 'card',
      card: statusUpdateSavedCard({ ...input, refreshFor: turn.context.activity.from?.id }),
      ...(stored ? { shared: statusUpdateSavedCard(input) } : {}),
    };
  }

  private async submitUpdate(
    turn: BotTurn,
    d: z.infer<typeof StatusUpdateSubmitData>,
  ): Promise<ActionAnswer> {
    const project = await this.project(d.projectId);
    if (!project) return { kind: 'message', text: turn.t('bot.not_found.project') };
    const t = turn.t;
    const refusal = updateRefusal(turn, project);
    if (refusal) {
      return { kind: 'message', text: refusal };
    }
    const percent =
      d.percentComplete === undefined || d.percentComplete === '' ? undefined : Number(d.percentComplete);
    const body = {
      period: d.period,
      health: d.health === '' ? undefined : d.health,
      percentComplete: percent,
      summary: d.summary,
      achievements: d.achievements,
      nextSteps: d.nextSteps,
      blockers: d.blockers,
      dimensions: Object.fromEntries(
        HEALTH_DIMENSIONS.filter((k) => d[k]).map((k) => [k, d[k]]),
      ),
    };
    try {
      const result = await this.deps.services.statusUpdates.submit(requestContext(turn), project.id, body, {
        submissionKey: d.submissionKey,
        expectedVersion: d.expectedVersion,
      });
      const outcome = result.replayed ? 'replayed' : result.amended ? 'amended' : 'new';
      return this.savedUpdateCard(turn, project, result.update, outcome);
    } catch (e) {
      if (e instanceof ConflictError) {
        const current = await this.deps.services.statusUpdates.getForPeriod(
          requestContext(turn),
          project.id,
          d.period,
        );
        if (current) return this.savedUpdateCard(turn, project, current, 'stale');
      }
      if (e instanceof ValidationError) {
        const labels = {
          health: t('bot.update.health'),
          percentComplete: t('bot.update.percent'),
          summary: t('bot.update.summary'),
          achievements: t('bot.update.achievements'),
          nextSteps: t('bot.update.next_steps'),
          blockers: t('bot.update.blockers'),
          period: t('bot.update.title'),
        };
        const values = Object.fromEntries(
          Object.entries({
            ...d,
            percentComplete: d.percentComplete === undefined ? undefined : String(d.percentComplete),
          })
            .filter((e): e is [string, string] => typeof e[1] === 'string')
            .map(([k, v]) => [k, v.slice(0, 4000)]),
        );
        const card = await this.commands.updateForm(turn, project, {
          issues: issueLines(turn.locale, e.issues, labels),
          values,
          // Keep the week the person was reporting on, unless the week itself was refused.
          ...(e.issues.some((i) => i.path === 'period') ? {} : { period: d.period }),
        });
        return { kind: 'card', card };
      }
      throw e;
    }
  }

  private async refreshUpdate(
    turn: BotTurn,
    d: z.infer<typeof StatusUpdateRefreshData>,
  ): Promise<ActionAnswer> {
    const project = await this.project(d.projectId);
    if (!project) return { kind: 'message', text: turn.t('bot.not_found.project') };
    const current = await this.deps.services.statusUpdates.getForPeriod(
      requestContext(turn),
      project.id,
      d.period,
    );
    if (!current) return { kind: 'message', text: turn.t('bot.status.no_update') };
    return this.savedUpdateCard(turn, project, current, 'current');
  }

  /** The form's strings as a draft, or the localised problems. */
  private riskDraft(turn: BotTurn, d: z.infer<typeof RiskFormData>): { draft?: RiskDraft; issues: string[] } {
    const t = turn.t;
    const issues: string[] = [];
    const rating = (v: unknown, label: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        issues.push(`${label}: ${t('validation.invalid_value', { allowed: '1, 2, 3, 4, 5' })}`);
        return 3;
      }
      return n as 1 | 2 | 3 | 4 | 5;
    };
    const title = d.title.trim();
    if (title.length < 3)
      issues.push(`${t('bot.risk.field.title')}: ${t('validation.too_small.string', { minimum: 3 })}`);
    if (title.length > 200)
      issues.push(`${t('bot.risk.field.title')}: ${t('validation.too_big.string', { maximum: 200 })}`);
    const category = RiskCategory.safeParse(d.category || 'delivery');
    const strategy = RiskStrategy.safeParse(d.strategy || 'reduce');
    if (!category.success) issues.push(`${t('bot.risk.field.category')}: ${t('validation.invalid')}`);
    if (!strategy.success) issues.push(`${t('bot.risk.field.strategy')}: ${t('validation.invalid')}`);
    const draft: RiskDraft = {
      projectId: !d.projectId || d.projectId === PORTFOLIO_WIDE ? null : d.projectId,
      title,
      description: d.description,
      category: category.success ? category.data : 'delivery',
      likelihood: rating(d.likelihood, t('bot.risk.field.likelihood')),
      impact: rating(d.impact, t('bot.risk.field.impact')),
      strategy: strategy.success ? strategy.data : 'reduce',
      mitigation: d.mitigation,
      confidential: d.confidential === 'true',
    };
    return issues.length ? { issues } : { draft, issues };
  }

  private formValues(d: z.infer<typeof RiskFormData>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(d)
        .filter(([k, v]) => k !== 'submissionKey' && (typeof v === 'string' || typeof v === 'number'))
        .map(([k, v]) => [k, String(v).slice(0, 4000)]),
    );
  }

  private async submitRisk(
    turn: BotTurn,
    d: z.infer<typeof RiskFormData>,
    confirmed: boolean,
  ): Promise<ActionAnswer> {
    const { draft, issues } = this.riskDraft(turn, d);
    const project =
      d.projectId && d.projectId !== PORTFOLIO_WIDE ? await this.project(d.projectId) : undefined;
    if (d.projectId && d.projectId !== PORTFOLIO_WIDE && !project) {
      return { kind: 'message', text: turn.t('bot.not_found.project') };
    }
    if (!draft) {
      return {
        kind: 'card',
        card: await this.commands.riskForm(turn, project, { issues, values: this.formValues(d) }),
      };
    }
    const settings = await this.deps.services.settings.current();
    const escalates =
      turn.actor.role !== 'viewer' &&
      riskScore(draft.likelihood, draft.impact) >= settings.escalationThreshold;
    if (escalates && !confirmed) {
      return {
        kind: 'card',
        card: riskReviewCard({
          locale: turn.locale,
          links: linkTarget(this.deps.config),
          draft,
          project,
          submissionKey: d.submissionKey,
        }),
      };
    }
    try {
      const created = await this.deps.services.risks.raise(
        requestContext(turn),
        { ...draft, projectId: project?.id ?? null },
        d.submissionKey,
      );
      const card = riskSavedCard({
        locale: turn.locale,
        links: linkTarget(this.deps.config),
        risk: created.value satisfies Risk,
        project,
        replayed: created.replayed,
      });
      // A confidential risk is not shown to everyone in a group chat or channel.
      const share = !created.replayed && !created.value.confidential;
      return { kind: 'card', card, ...(share ? { shared: card } : {}) };
    } catch (e) {
      if (e instanceof ValidationError) {
        const t = turn.t;
        const labels = {
          title: t('bot.risk.field.title'),
          description: t('bot.risk.field.description'),
          mitigation: t('bot.risk.field.mitigation'),
          category: t('bot.risk.field.category'),
          strategy: t('bot.risk.field.strategy'),
        };
        const card = await this.commands.riskForm(turn, project, {
          issues: issueLines(turn.locale, e.issues, labels),
          values: this.formValues(d),
        });
        return { kind: 'card', card };
      }
      throw e;
    }
  }

  private async editRisk(turn: BotTurn, d: z.infer<typeof RiskFormData>): Promise<ActionAnswer> {
    const project =
      d.projectId && d.projectId !== PORTFOLIO_WIDE ? await this.project(d.projectId) : undefined;
    return {
      kind: 'card',
      card: await this.commands.riskForm(turn, project, { values: this.formValues(d) }),
    };
  }
}

/** The answer with the "saved, will sync" line: under the card's body, or after the message. */
function withSyncNotice(answer: ActionAnswer, notice: string): ActionAnswer {
  const block = {
    type: 'TextBlock',
    text: notice,
    wrap: true,
    isSubtle: true,
    size: 'Small',
    spacing: 'Medium',
  };
  const noted = (card: Record<string, unknown>) => ({
    ...card,
    body: [...(Array.isArray(card['body']) ? (card['body'] as unknown[]) : []), block],
  });
  if (answer.kind === 'message') return { ...answer, text: `${answer.text}\n\n${notice}` };
  return {
    ...answer,
    card: noted(answer.card),
    ...(answer.shared ? { shared: noted(answer.shared) } : {}),
  };
}
