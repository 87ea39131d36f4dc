// What every handler of a turn needs: the service request context, the tab link target, sending a
// card, and the polite, localised sentence for an error (never the raw error message).
import { randomUUID } from 'node:crypto';
import { CardFactory, MessageFactory, TeamsInfo, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/card-kit.js';
import type { LinkTarget } from '../cards/links.js';
import type { Config } from '../config.js';
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FieldIssue,
} from '../domain/errors.js';
import type { Locale } from '../domain/locale.js';
import { canPostStatusUpdate } from '../domain/permissions.js';
import type { Project } from '../domain/project.js';
import { hasKey, issueMessage, t as translate, type MessageKey } from '../i18n/translate.js';
import type { RequestContext } from '../services/context.js';
import type { CommandScope } from './command-catalog.js';
import type { BotTurn } from './extensions.js';

export function requestContext(turn: BotTurn): RequestContext {
  return {
    actor: turn.actor,
    surface: 'bot',
    correlationId: turn.context.activity.id ?? randomUUID(),
    locale: turn.locale,
  };
}

export function linkTarget(config: Pick<Config, 'server' | 'bot'>): LinkTarget {
  return { publicUrl: config.server.publicUrl, teamsAppId: config.bot.teamsAppId };
}

export function cardAttachment(card: AdaptiveCardJson) {
  return CardFactory.adaptiveCard(card);
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
}

/**
 * The speaker's name as Teams knows it: the activity's `from.name`, else (install events often carry
 * only ids) the member record from the Bot Connector. Empty when neither is available.
 */
export async function teamsName(context: TurnContext): Promise<string> {
  const from = context.activity.from;
  if (from?.name?.trim()) return from.name.trim();
  if (!from?.id || context.activity.channelId !== 'msteams') return '';
  try {
    return (await TeamsInfo.getMember(context, from.id)).name?.trim() ?? '';
  } catch {
    return '';
  }
}

/** A plain-text reply (never rendered as markdown, so echoed words cannot become links). */
export async function sendText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({ type: 'message', text, textFormat: 'plain' });
}

/** Words from the user, made safe to quote back in a sentence: letters, digits, spaces, dashes. */
export function quote(text: string): string {
  const safe = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s.-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...safe].slice(0, 60).join('');
}

export { issueMessage };

/** "Summary: This field is required." for each issue, with the form's own field labels. */
export function issueLines(
  locale: Locale,
  issues: readonly FieldIssue[],
  labels: Record<string, string>,
): string[] {
  return issues.map((i) => {
    const field = labels[i.path.split('.')[0] ?? ''] ?? labels[i.path];
    return field ? `${field}: ${issueMessage(locale, i)}` : issueMessage(locale, i);
  });
}

/** The sentence for an application error, in the person's language. */
export function errorText(locale: Locale, error: unknown): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  if (error instanceof ForbiddenError) {
    const key = `errors.forbidden.${error.reason}`;
    return hasKey(key) ? t(key) : t('errors.forbidden');
  }
  if (error instanceof NotFoundError) {
    const entity = hasKey(`entity.${error.entity}`)
      ? t(`entity.${error.entity}` as MessageKey)
      : error.entity;
    return t('errors.not_found', { entity });
  }
  if (error instanceof ValidationError) {
    return `${t('errors.validation_failed')} ${error.issues.map((i) => issueMessage(locale, i)).join(' ')}`;
  }
  if (error instanceof AppError) {
    const key = `errors.${error.code}`;
    return hasKey(key) ? t(key, { correlationId: '-' }) : t('bot.error.generic');
  }
  return t('bot.error.generic');
}

/**
 * Why this person may not post the status update of a project, in their language (undefined when
 * they may): not an owner or lead gets the explanation with the risk alternative; anything else
 * (an inactive person) gets the reason's own message.
 */
export function updateRefusal(turn: BotTurn, project: Project): string | undefined {
  const decision = canPostStatusUpdate(turn.actor, project);
  if (decision.allowed) return undefined;
  return decision.reason === 'not_project_owner'
    ? turn.t('bot.update.forbidden', { code: project.code })
    : errorText(turn.locale, new ForbiddenError(decision.reason));
}

/** The manifest scope a conversation belongs to (a channel is the "team" scope). */
export function conversationScope(context: TurnContext): CommandScope {
  const type = context.activity.conversation?.conversationType;
  if (type === 'channel') return 'team';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}
