// Install and uninstall: the conversation reference is stored durably (digests, reminders and
// escalations are sent to it) and forgotten on uninstall. It is also refreshed from every incoming
// activity (Microsoft asks bots to keep serviceUrl current), so someone whose install event was
// missed, or whose state store was restored, is reachable again once they write to the bot. The
// refresh writes only when something changed, and remembers what it saw so most turns read nothing.
import { TurnContext } from 'botbuilder';
import type { ConversationRecord } from '../ports/state.js';
import type { BotDeps } from './bot-deps.js';

function conversationType(value: string | undefined): ConversationRecord['conversationType'] {
  return value === 'channel' || value === 'groupChat' ? value : 'personal';
}

async function conversationRecord(deps: BotDeps, context: TurnContext): Promise<ConversationRecord> {
  const activity = context.activity;
  const from = activity.from;
  const type = conversationType(activity.conversation?.conversationType);
  let personId: string | null = null;
  if (type === 'personal' && from?.aadObjectId) {
    const person = await deps.services.roster.resolve({ aadObjectId: from.aadObjectId });
    personId = (await deps.services.roster.findById(person.id)) ? person.id : null;
  }
  return {
    personId,
    userKey: (from?.aadObjectId ?? from?.id ?? 'unknown').toLowerCase(),
    conversationId: activity.conversation.id,
    conversationType: type,
    tenantId: activity.conversation?.tenantId ?? null,
    serviceUrl: activity.serviceUrl,
    reference: TurnContext.getConversationReference(activity),
    updatedAt: deps.clock.now().toISOString(),
  };
}

export async function rememberConversation(deps: BotDeps, context: TurnContext): Promise<void> {
  await deps.stateStore.conversations.upsert(await conversationRecord(deps, context));
}

export async function forgetConversation(deps: BotDeps, context: TurnContext): Promise<void> {
  await deps.stateStore.conversations.remove(context.activity.conversation.id);
}

/** What a proactive message depends on; the activity id and the time of the turn are left out. */
function stableParts(r: ConversationRecord): string {
  const { activityId: _activityId, ...reference } = (r.reference ?? {}) as Record<string, unknown>;
  return JSON.stringify([r.personId, r.userKey, r.conversationType, r.tenantId, r.serviceUrl, reference]);
}

/** True when the activity removes the bot (the uninstall handlers forget the conversation). */
function isRemoval(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === 'installationUpdate') return typeof a.action === 'string' && a.action.startsWith('remove');
  return (a.membersRemoved ?? []).some((m) => m.id === a.recipient?.id);
}

/** Conversations already checked in this process, by id: what they looked like. Bounded. */
export type SeenConversations = Map<string, string>;
const MAX_SEEN = 10_000;

/**
 * Stores the conversation reference of the activity when it is new or changed: every personal chat
 * (someone whose install was missed is recorded once they write), and group chats and channels the
 * bot already knows (their service URL kept current; thread replies are not conversations).
 */
export async function refreshConversation(
  deps: BotDeps,
  context: TurnContext,
  seen: SeenConversations,
): Promise<void> {
  const activity = context.activity;
  const id = activity.conversation?.id;
  if (!id || !activity.serviceUrl || isRemoval(context) || id.includes(';messageid=')) return;
  const personal = conversationType(activity.conversation.conversationType) === 'personal';
  const fingerprint = JSON.stringify([
    activity.serviceUrl,
    activity.from?.id,
    activity.from?.aadObjectId,
    activity.recipient?.id,
    activity.conversation.tenantId,
    activity.channelId,
  ]);
  if (seen.get(id) === fingerprint) return;
  const stored = await deps.stateStore.conversations.get(id);
  if (!stored && !personal) return;
  const record = await conversationRecord(deps, context);
  if (!stored || stableParts(stored) !== stableParts(record)) {
    await deps.stateStore.conversations.upsert(record);
  }
  // A personal chat of someone not on the roster is checked again next time: once the Office adds
  // them, their next message links the conversation to their person id.
  if (!personal || record.personId) {
    if (seen.size >= MAX_SEEN) seen.clear();
    seen.set(id, fingerprint);
  }
}
