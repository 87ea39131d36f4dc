// The activity handler. This version greets and delegates the message extension; the conversations
// (router, commands, cards, card actions) are built in the bot issue on top of the same services,
// with plug-ins (bot/teams/extensions.ts) for the digest, reminders and the message extension.
import {
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type AppBasedLinkQuery,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';
import type { Clock } from '../ports/clock.js';
import type { StateStore } from '../ports/state.js';
import { resolveLocale } from '../domain/locale.js';
import { translator } from '../i18n/translate.js';
import type { Logger } from '../platform/logger.js';
import type { Services } from '../services/services.js';
import type { BotExtensions, BotTurn } from './extensions.js';

export interface BotDeps {
  services: Services;
  stateStore: StateStore;
  config: Config;
  logger: Logger;
  clock: Clock;
  extensions: BotExtensions;
}

export class TransformationBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      const turn = await this.resolveTurn(context);
      await context.sendActivity(`Hello ${turn.actor.name}, this is Transformation Hub.`);
      await next();
    });
  }

  /** Who is speaking and in which language (person preference, else Teams locale, else default). */
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
