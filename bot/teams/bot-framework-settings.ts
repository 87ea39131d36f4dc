// The Bot Framework credentials of the turn and proactive adapters: single-tenant or user-assigned
// managed identity with a BOT_ID; with none (embedded mode, Agents Playground), anonymous.
import type { Config } from '../config.js';

// A type literal (not an interface), so that it fits botbuilder's string-indexed options.
export type BotFrameworkSettings = {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: string;
  MicrosoftAppTenantId: string;
};

export function botFrameworkSettings(config: Pick<Config, 'bot'>): BotFrameworkSettings {
  return config.bot.appId
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
}
