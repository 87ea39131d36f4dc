// The Bot Framework adapter. With no BOT_ID (embedded mode, Agents Playground) authentication is off
// and the bot runs anonymously; otherwise single-tenant or user-assigned managed identity.
import {
  type ActivityHandler,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Config } from '../config.js';
import { botFrameworkSettings } from './bot-framework-settings.js';
import { UnauthenticatedError, UnavailableError, ValidationError } from '../domain/errors.js';
import { resolveLocale } from '../domain/locale.js';
import { t } from '../i18n/translate.js';
import type { Logger } from '../platform/logger.js';

export function createBotAdapter(config: Pick<Config, 'bot'>, logger: Logger): CloudAdapter {
  const settings = botFrameworkSettings(config);
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(
    { ...settings, ...openIdMetadataSettings(config.bot.openIdMetadataUrl) },
    credentials,
  );
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

/**
 * BOT_OPENID_METADATA_URL: the keys of channel tokens from another metadata document (stand-ins in
 * tests). Setting one of these makes botbuilder expect them all, so the rest keep the public cloud's values.
 */
function openIdMetadataSettings(url: string | undefined): Record<string, string | boolean> {
  if (!url) return {};
  return {
    ValidateAuthority: true,
    // botframework-connector's AuthenticationConstants for the public cloud (not re-exported by botbuilder).
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: url,
    ToBotFromEmulatorOpenIdMetadataUrl: url,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** What the adapter answered, caught instead of written: its error texts are internal. */
interface AdapterAnswer {
  status: number;
  body: unknown;
}

const NETWORK_FAILURE =
  /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|fetch failed|socket hang up|network|metadata/i;

/**
 * Runs one activity through the adapter (the edge has checked its shape). The adapter writes its
 * answers to a stand-in response: a turn's own answer (200, an invoke response) is passed on; the
 * adapter's errors, whose text names internals (ENOTFOUND, stack details), become typed errors: a
 * refused token is unauthenticated (401), a token that could not be checked (the OpenID metadata or
 * keys unreachable) is unavailable (503), anything else an internal error (500). The text is logged only.
 */
export async function processActivity(
  adapter: CloudAdapter,
  bot: ActivityHandler,
  req: Request,
  res: Response,
): Promise<void> {
  const answer: AdapterAnswer = { status: 200, body: undefined };
  const standIn = {
    status(code: number) {
      answer.status = code;
      return standIn;
    },
    header() {
      return standIn;
    },
    send(body: unknown) {
      answer.body = body;
      return standIn;
    },
    end() {
      return standIn;
    },
  };
  await adapter.process(req, standIn as unknown as Response, (context) => bot.run(context));
  const detail = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
  if (answer.status === 401) throw new UnauthenticatedError('bot_token_refused', { cause: detail });
  if (answer.status >= 500) {
    if (NETWORK_FAILURE.test(detail)) throw new UnavailableError('bot token keys', { cause: detail });
    throw new Error(`the bot adapter answered ${answer.status}: ${detail}`);
  }
  if (answer.status >= 400)
    throw new ValidationError([{ path: '', code: 'invalid', message: detail.slice(0, 200) }]);
  if (answer.body === undefined || answer.body === null) {
    res.sendRaw(answer.status, '');
  } else {
    res.sendRaw(answer.status, typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), {
      'Content-Type':
        typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    });
  }
}
