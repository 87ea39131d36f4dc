// Activities at the bot's edge: the fields the handlers read must have the type the Bot Framework
// schema gives them (a numeric `text` or an object `locale` is a 400, not a TypeError in a turn).
// Unknown fields pass through untouched. An anonymous bot (no BOT_ID: local modes, the Agents
// Playground) answers only loopback service URLs: the reply would otherwise carry portfolio data,
// unauthenticated, to whatever host the activity names.
import { z } from 'zod';
import { isLoopbackHost } from '../../config.js';
import { ValidationError } from '../../domain/errors.js';
import { toFieldIssues } from '../../domain/validation.js';

const id = z.string().min(1).max(1024);
const text = (max: number) => z.string().max(max).nullish();

const Account = z.looseObject({
  id,
  name: text(512),
  aadObjectId: text(128),
  role: text(64),
});

const Activity = z.looseObject({
  type: z.string().min(1).max(64),
  id: text(1024),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.looseObject({
    id,
    name: text(512),
    conversationType: text(64),
    tenantId: text(128),
    isGroup: z.boolean().nullish(),
  }),
  from: Account.nullish(),
  recipient: Account.nullish(),
  text: text(100_000),
  textFormat: text(64),
  locale: text(64),
  name: text(256),
  action: text(64),
  replyToId: text(1024),
  timestamp: text(64),
  localTimestamp: text(64),
  localTimezone: text(128),
  entities: z
    .array(z.looseObject({ type: z.string().max(256) }))
    .max(100)
    .nullish(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(256) }))
    .max(50)
    .nullish(),
  membersAdded: z.array(Account).max(1000).nullish(),
  membersRemoved: z.array(Account).max(1000).nullish(),
  channelData: z.looseObject({}).nullish(),
});

/**
 * Throws a ValidationError (400) when the body is not an activity of the expected shape, or names a
 * non-loopback service URL while the bot is anonymous.
 */
export function checkActivity(body: unknown, options: { anonymousBot: boolean }): void {
  const parsed = Activity.safeParse(body);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error));
  if (options.anonymousBot && !isLoopbackHost(new URL(parsed.data.serviceUrl).hostname)) {
    throw new ValidationError([
      {
        path: 'serviceUrl',
        code: 'invalid_value',
        message: 'an anonymous bot (BOT_ID empty) answers only loopback service URLs',
        params: { allowed: 'http://localhost, http://127.0.0.1' },
      },
    ]);
  }
}
