// The Bot Framework adapter. With no BOT_ID (embedded mode, Agents Playground) authentication is off
// and the bot runs anonymously; otherwise single-tenant or user-assigned managed identity.
import {
  type ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { ValidationError } from '../domain/errors.js';
import { resolveLocale } from '../domain/locale.js';
import { t } from '../i18n/translate.js';
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
      // The person's roster language is not known here (the turn failed); Teams' locale is.
      await context.sendActivity({
        type: 'message',
        text: t(resolveLocale(context.activity.locale), 'bot.error.generic'),
        textFormat: 'plain',
      });
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}

/** The least an activity must have before the adapter sees it; anything else is a 400, not a crash. */
const ActivityEnvelope = z.object({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.object({ id: z.string().min(1).max(1024) }),
});

export async function processActivity(
  adapter: CloudAdapter,
  bot: ActivityHandler,
  req: Request,
  res: Response,
): Promise<void> {
  const envelope = ActivityEnvelope.safeParse(req.body);
  if (!envelope.success) {
    throw new ValidationError(
      envelope.error.issues.map((i) => ({
        path: i.path.join('.'),
        code: 'invalid',
        message: `not a Bot Framework activity: ${i.message}`,
      })),
    );
  }
  await adapter.process(req, res, (context) => bot.run(context));
}
