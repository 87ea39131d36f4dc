// The activity handler: resolves who is speaking and in which language, then dispatches. Messages go
// to the command router (commands.ts) or, when they carry a card's Action.Submit data, to the card
// actions (card-actions.ts) like adaptiveCard/action invokes; install and uninstall store and forget
// the conversation reference; the message extension is delegated to its plug-in.
import {
  ActivityTypes,
  type AppBasedLinkQuery,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { resolveLocale } from '../domain/locale.js';
import { translator } from '../i18n/translate.js';
import { CardActions } from './card-actions.js';
import { BOT_COMMANDS } from './command-catalog.js';
import { keywordOf, parseCommand, type CommandId } from './command-keywords.js';
import { BotCommands } from './commands.js';
import type { BotTurn, CardActionResult } from './extensions.js';
import {
  forgetConversation,
  refreshConversation,
  rememberConversation,
  type SeenConversations,
} from './installation.js';
import { cardAttachment, conversationScope, errorText, sendText } from './turn-kit.js';
import { BotTurnLimit, throttledInvoke } from './turn-limit.js';
import type { AdaptiveCardJson } from '../cards/card-kit.js';
import type { BotDeps } from './bot-deps.js';

const MAX_TEXT = 2000;

/** The text of a message without the bot's @mention (channels, group chats) and markup. */
export function messageText(context: TurnContext): string {
  const activity = context.activity;
  let text = activity.text ?? '';
  if (activity.recipient?.id) text = TurnContext.removeMentionText(activity, activity.recipient.id) ?? text;
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .slice(0, MAX_TEXT)
    .trim();
}

interface SubmitValue {
  verb: string;
  data: Record<string, unknown>;
}

/** An Action.Submit fallback posts a message whose value carries `verb`; imBack values do not. */
function submitValue(value: unknown): SubmitValue | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { verb, ...data } = value as Record<string, unknown>;
  return typeof verb === 'string' && verb.length <= 100 ? { verb, data } : undefined;
}

/** A message that only carries cards (no words): what Teams sends when a card is shared into a chat. */
function isSharedCard(context: TurnContext): boolean {
  return (context.activity.attachments ?? []).some(
    (a) => typeof a.contentType === 'string' && a.contentType.startsWith('application/vnd.microsoft.card.'),
  );
}

export class TransformationBot extends TeamsActivityHandler {
  private readonly commands: BotCommands;
  private readonly actions: CardActions;
  private readonly seen: SeenConversations = new Map();
  private readonly turnLimit: BotTurnLimit;

  constructor(private readonly deps: BotDeps) {
    super();
    this.turnLimit = new BotTurnLimit(deps.config.bot.turnsPerMinute, () => deps.clock.now().getTime());
    this.commands = new BotCommands(deps);
    this.actions = new CardActions(deps);

    // Every activity keeps the stored conversation reference current (written only when changed);
    // a storage failure here never stops the turn.
    this.onTurn(async (context, next) => {
      try {
        await refreshConversation(this.deps, context, this.seen);
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'could not refresh the conversation reference');
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const turn = await this.resolveTurn(context);
      try {
        const submit = submitValue(context.activity.value);
        const text = messageText(context);
        if (submit) await this.onSubmit(turn, submit);
        else if (!text && isSharedCard(context)) {
          // A card someone posted here (e.g. picked from the message extension): nothing was asked.
        } else await this.onText(turn, text);
      } catch (error) {
        this.deps.logger.error(
          { err: error, conversationId: context.activity.conversation?.id },
          'bot command failed',
        );
        await sendText(context, errorText(turn.locale, error));
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        await rememberConversation(this.deps, context);
        const turn = await this.resolveTurn(context);
        await this.commands.help(turn, 'welcome');
      }
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersRemoved ?? []).some((m) => m.id === botId)) {
        await forgetConversation(this.deps, context);
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await rememberConversation(this.deps, context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await forgetConversation(this.deps, context);
      await next();
    });
  }

  /** Who is speaking and in which language (person preference, else Teams locale, else default). */
  /** Every turn passes the per-person limit first (turn-limit.ts); past it no handler runs. */
  override async run(context: TurnContext): Promise<void> {
    const decision = this.turnLimit.decide(context.activity);
    if (decision.kind === 'pass') return super.run(context);
    if (decision.kind === 'drop') return;
    const turn = await this.resolveTurn(context);
    const text = turn.t('bot.too_fast', { seconds: decision.retryAfterSeconds });
    this.deps.logger.warn(
      { from: context.activity.from?.aadObjectId ?? context.activity.from?.id, type: context.activity.type },
      'bot turns past the per-person limit',
    );
    if (decision.kind === 'tell') await sendText(context, text);
    else
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: throttledInvoke(context.activity.name, text),
      });
  }

  protected async resolveTurn(context: TurnContext): Promise<BotTurn> {
    const from = context.activity.from;
    const actor = await this.deps.services.roster.resolve({
      aadObjectId: from?.aadObjectId,
      name: from?.name,
      tenantId: context.activity.conversation?.tenantId,
    });
    const locale = actor.locale ?? resolveLocale(context.activity.locale, this.deps.config.defaultLocale);
    return { context, actor, locale, t: translator(locale) };
  }

  private async onText(turn: BotTurn, text: string): Promise<void> {
    const parsed = parseCommand(text);
    if (!parsed) {
      // A bare project code ("TR-07") shows the project; anything else gets the help card.
      if (/^[a-z]{2,5}[\s-]?\d{1,4}$/i.test(text)) return this.commands.status(turn, text);
      return this.commands.help(turn, text ? 'unknown' : 'help');
    }
    await this.runCommand(turn, parsed.id, parsed.args);
  }

  /** The commands this bot implements; the others go to the plug-ins by id. */
  private readonly own: Partial<Record<CommandId, (turn: BotTurn, args: string) => Promise<void>>> = {
    help: (turn) => this.commands.help(turn),
    projects: (turn) => this.commands.projects(turn),
    update: (turn, args) => this.commands.update(turn, args),
    risk: (turn, args) => this.commands.risk(turn, args),
    risks: (turn, args) => this.commands.risks(turn, args),
    status: (turn, args) => this.commands.status(turn, args),
    portfolio: (turn) => this.commands.portfolio(turn),
    language: (turn, args) => this.commands.language(turn, args),
  };

  private async runCommand(turn: BotTurn, id: CommandId, args: string): Promise<void> {
    // Personal commands (digest preview, away, subscriptions...) are not answered where others read.
    const scope = conversationScope(turn.context);
    if (!BOT_COMMANDS.find((c) => c.id === id)?.scopes.includes(scope)) {
      return sendText(
        turn.context,
        turn.t('bot.command.personal_only', { keyword: keywordOf(id, turn.locale) }),
      );
    }
    const own = this.own[id];
    if (own) return own(turn, args);
    const plugin = this.deps.extensions.commands?.find((h) => h.id === id);
    if (!plugin) return sendText(turn.context, turn.t('bot.command.not_available'));
    return plugin.handle(turn, args);
  }

  /** Action.Submit fallback: the same verbs; the answer replaces the card when possible. */
  private async onSubmit(turn: BotTurn, submit: SubmitValue): Promise<void> {
    const result = await this.actions.dispatch(turn, submit.verb, submit.data);
    const context = turn.context;
    if (result.kind !== 'card') return sendText(context, result.text);
    const replyToId = context.activity.replyToId;
    if (replyToId) {
      try {
        await context.updateActivity({
          ...MessageFactory.attachment(cardAttachment(result.card as AdaptiveCardJson)),
          id: replyToId,
        });
        return;
      } catch (error) {
        this.deps.logger.warn(
          { err: error },
          'could not update the card in place; sending it as a new message',
        );
      }
    }
    await context.sendActivity(MessageFactory.attachment(cardAttachment(result.card as AdaptiveCardJson)));
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const turn = await this.resolveTurn(context);
    const value = context.activity.value as
      { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined;
    const action = value?.action;
    if (!action || typeof action.verb !== 'string' || action.verb.length > 100) {
      return invokeError(400, 'BadRequest', turn.t('bot.action.unknown'));
    }
    try {
      const result = await this.actions.dispatch(turn, action.verb, action.data);
      if (result.kind === 'invalid') return invokeError(400, 'BadRequest', result.text);
      if (result.kind === 'unknown') return invokeError(400, 'NotSupported', result.text);
      if (result.shared) await this.shareInConversation(context, result.shared);
      return invokeResult(result);
    } catch (error) {
      this.deps.logger.error({ err: error, verb: action.verb }, 'card action failed');
      return invokeError(500, 'InternalError', errorText(turn.locale, error));
    }
  }

  /**
   * In a group chat or channel, the card acted on becomes the read-only result for everyone (the
   * invoke answer replaces it only for the person who acted). A failure is logged, not fatal.
   */
  private async shareInConversation(context: TurnContext, card: Record<string, unknown>): Promise<void> {
    const type = context.activity.conversation?.conversationType;
    const cardId = context.activity.replyToId;
    if (!cardId || type === undefined || type === 'personal') return;
    try {
      await context.updateActivity({
        ...MessageFactory.attachment(cardAttachment(card as AdaptiveCardJson)),
        id: cardId,
      });
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not update the card for the whole conversation');
    }
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const handler = this.deps.extensions.messageExtension;
    if (!handler) return super.handleTeamsMessagingExtensionQuery(context, query);
    const turn = await this.resolveTurn(context);
    const result = await handler.query(turn, {
      commandId: query.commandId ?? '',
      parameters: (query.parameters ?? []).map((p) => ({ name: p.name ?? '', value: p.value as unknown })),
      skip: query.queryOptions?.skip ?? 0,
      count: query.queryOptions?.count ?? 25,
    });
    return { composeExtension: result };
  }

  protected override async handleTeamsAppBasedLinkQuery(
    context: TurnContext,
    query: AppBasedLinkQuery,
  ): Promise<MessagingExtensionResponse> {
    const handler = this.deps.extensions.messageExtension;
    if (!handler) return super.handleTeamsAppBasedLinkQuery(context, query);
    const turn = await this.resolveTurn(context);
    return { composeExtension: await handler.queryLink(turn, query.url ?? '') };
  }
}

// The Universal Action model: the HTTP status is 200 and the outcome is in the body's statusCode.
function invokeResult(result: CardActionResult): InvokeResponse {
  return result.kind === 'card'
    ? {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card },
      }
    : {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text },
      };
}

function invokeError(statusCode: 400 | 500, code: string, message: string): InvokeResponse {
  return {
    status: 200,
    body: { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}
