// Seams between the conversational bot (router, cards) and the features that plug into it: the
// digest and reminders add commands and card verbs, the message extension answers its invokes.
// The router (transformation-bot.ts) owns parsing, locale, actor resolution and error replies;
// a plug-in only gets a resolved turn and returns what to send.
import type { TurnContext } from 'botbuilder';
import type { ZodType } from 'zod';
import type { Locale } from '../domain/locale.js';
import type { Person } from '../domain/person.js';
import type { Translator } from '../i18n/translate.js';

/** One turn after the router has resolved who is speaking and in which language. */
export interface BotTurn {
  readonly context: TurnContext;
  readonly actor: Person;
  readonly locale: Locale;
  readonly t: Translator;
}

/** A text command (its id is a CommandSpec id from command-catalog.ts). */
export interface CommandHandler {
  readonly id: string;
  /** `args` is the text after the keyword, trimmed (may be empty). */
  handle(turn: BotTurn, args: string): Promise<void>;
}

/** What an Adaptive Card action answers: a card that replaces the one acted on, or a message. */
export type CardActionResult =
  { kind: 'card'; card: Record<string, unknown> } | { kind: 'message'; text: string };

/** A Universal Action verb (Action.Execute, also reached through the Action.Submit fallback). */
export interface CardVerbHandler<T = unknown> {
  readonly verb: string;
  /** Validates `action.data` (without the `verb` field). */
  readonly data: ZodType<T>;
  handle(turn: BotTurn, data: T): Promise<CardActionResult>;
}

/** Message extension invokes (composeExtension/query and composeExtension/queryLink). */
export interface MessageExtensionHandler {
  /** Returns the `composeExtension` result object (MessagingExtensionResult). */
  query(
    turn: BotTurn,
    query: { commandId: string; parameters: { name: string; value: unknown }[]; skip: number; count: number },
  ): Promise<Record<string, unknown>>;
  queryLink(turn: BotTurn, url: string): Promise<Record<string, unknown>>;
}

export interface BotExtensions {
  readonly commands?: readonly CommandHandler[];
  readonly verbs?: readonly CardVerbHandler<never>[];
  readonly messageExtension?: MessageExtensionHandler;
}
