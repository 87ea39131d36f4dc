// The Bot Framework adapter. With no BOT_ID (embedded mode, Agents Playground) authentication is off
// and the bot runs anonymously; otherwise single-tenant or user-assigned managed identity.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../platform/logger.js';

export function createBotAdapter(config: Pick<Config, 'bot'>, logger: Logger): CloudAdapter {
  const settings = config.bot.appId
    ? {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.type === 'SingleTenant' ? (config.bot.password ?? '') : '',
        MicrosoftAppType: config.bot.type,
        MicrosoftAppTenantId: config.bot.tenantId ?? '',
      }
    : {
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppTenantId: '',
      };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      { err: error, activityType: context.activity.type, conversationId: context.activity.conversation?.id },
      'bot turn failed',
    );
    try {
      await context.sendActivity('Sorry, something went wrong on our side. Please try again.');
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}
