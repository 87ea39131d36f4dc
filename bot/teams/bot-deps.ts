// What the bot's handlers need, in a file of its own so that the activity handler and the handlers it
// dispatches to (commands, card actions, installation) all depend on it without depending on each other.
import type { Config } from '../config.js';
import type { Logger } from '../platform/logger.js';
import type { Clock } from '../ports/clock.js';
import type { StateStore } from '../ports/state.js';
import type { Services } from '../services/services.js';
import type { BotExtensions } from './extensions.js';

export interface BotDeps {
  services: Services;
  stateStore: StateStore;
  config: Config;
  logger: Logger;
  clock: Clock;
  extensions: BotExtensions;
}
