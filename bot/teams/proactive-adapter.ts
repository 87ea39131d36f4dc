// The adapter proactive sends go through. Two differences from the turn adapter (adapter.ts):
// - the Bot Connector client's own retry policies (Azure core pipeline: up to 3 retries of 429 and
//   5xx) are removed, so that ProactiveSender is the one place that retries, with its cap, its
//   Retry-After ceiling and the rate limiter in front of every attempt, and so that a 429 is seen
//   and recorded as "throttled";
// - no onTurnError: a failed send must reach the sender rather than be answered to the user.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { ClaimsIdentity, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import type { Config } from '../config.js';
import { botFrameworkSettings } from './bot-framework-settings.js';

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { phase?: 'Retry' }): unknown } };
}

/** Removes the retry phase from a connector client's HTTP pipeline (botbuilder 4.23 compat layer). */
export function withoutBuiltInRetries(client: ConnectorClient): ConnectorClient {
  (client as unknown as PipelineHolder).client?.pipeline?.removePolicy({ phase: 'Retry' });
  return client;
}

export function createProactiveAdapter(config: Pick<Config, 'bot'>): CloudAdapter {
  const settings = botFrameworkSettings(config);
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity: ClaimsIdentity): ConnectorFactory => {
    const factory = createConnectorFactory(identity);
    return {
      create: async (serviceUrl: string, audience?: string) =>
        withoutBuiltInRetries(await factory.create(serviceUrl, audience)),
    };
  };
  return new CloudAdapter(auth);
}
