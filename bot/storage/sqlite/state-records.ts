// zod schemas for the bot-state records of bot/ports/state.ts, checked when they are written and when
// they are read back.
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { IsoDateTime } from '../../domain/primitives.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { ConversationRecord, RunRecord, RunStatus } from '../../ports/state.js';

const Key = z.string().min(1).max(512);

export const ConversationRecordSchema = z.object({
  personId: Key.nullable(),
  userKey: Key,
  conversationId: Key,
  conversationType: z.enum(['personal', 'groupChat', 'channel']),
  tenantId: Key.nullable(),
  serviceUrl: z.string().min(1).max(2048),
  reference: z.unknown(),
  updatedAt: IsoDateTime,
});

export const RUN_STATUSES = [
  'pending',
  'delivered',
  'throttled-then-delivered',
  'unreachable',
  'failed',
  'skipped',
] as const satisfies readonly RunStatus[];

export const RunKeySchema = z.object({ kind: Key, period: Key, recipientId: Key });

export const RunRecordSchema = RunKeySchema.extend({
  status: z.enum(RUN_STATUSES),
  attempts: z.number().int().min(0),
  detail: z.string().max(4000).nullable(),
  updatedAt: IsoDateTime,
  activityId: Key.nullable(),
});

export function parseConversationRecord(input: unknown): ConversationRecord {
  const result = ConversationRecordSchema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return { ...result.data, reference: result.data.reference };
}

export function parseRunRecord(input: unknown): RunRecord {
  const result = RunRecordSchema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}

/** An ISO instant as epoch milliseconds; ValidationError naming `path` otherwise. */
export function instantMs(value: string, path: string): number {
  const result = IsoDateTime.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error).map((i) => ({ ...i, path })));
  return Date.parse(result.data);
}
