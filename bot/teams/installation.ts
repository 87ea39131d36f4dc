// Install and uninstall: the conversation reference is stored durably (digests, reminders and
// escalations are sent to it) and forgotten on uninstall.
import { TurnContext } from 'botbuilder';
import type { ConversationRecord } from '../ports/state.js';
import type { BotDeps } from './bot-deps.js';

function conversationType(value: string | undefined): ConversationRecord['conversationType'] {
  return value === 'channel' || value === 'groupChat' ? value : 'personal';
}

export async function rememberConversation(deps: BotDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const from = activity.from;
  const type = conversationType(activity.conversation?.conversationType);
  let personId: string | null = null;
  if (type === 'personal' && from?.aadObjectId) {
    const person = await deps.services.roster.resolve({ aadObjectId: from.aadObjectId });
    personId = (await deps.services.roster.findById(person.id)) ? person.id : null;
  }
  await deps.stateStore.conversations.upsert({
    personId,
    userKey: (from?.aadObjectId ?? from?.id ?? 'unknown').toLowerCase(),
    conversationId: activity.conversation.id,
    conversationType: type,
    tenantId: activity.conversation?.tenantId ?? null,
    serviceUrl: activity.serviceUrl,
    reference: TurnContext.getConversationReference(activity),
    updatedAt: deps.clock.now().toISOString(),
  });
}

export async function forgetConversation(deps: BotDeps, context: TurnContext): Promise<void> {
  await deps.stateStore.conversations.remove(context.activity.conversation.id);
}
