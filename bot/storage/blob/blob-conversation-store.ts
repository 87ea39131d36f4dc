// Conversation references in blobs: conversations/<id>.json holds the record; for personal chats of a
// known person an empty index blob by-person/<person>/<conversation> carries the conversation type and
// time in its metadata, so getPersonal is one listing (plus one read) instead of reading them all.
import { z } from 'zod';
import type { ConversationRecord, ConversationStore } from '../../ports/state.js';
import { ConversationRecordSchema, parseConversationRecord } from '../sqlite/state-records.js';
import type { BlobJson } from './blob-json.js';
import { segment } from './blob-json.js';

const CONVERSATIONS = 'conversations/';
const BY_PERSON = 'by-person/';

const IndexMetadata = z.object({ conversationtype: z.string(), updatedat: z.string() });

const conversationBlob = (id: string) => `${CONVERSATIONS}${segment(id)}.json`;
const indexBlob = (personId: string, conversationId: string) =>
  `${BY_PERSON}${segment(personId)}/${segment(conversationId)}`;

export function createBlobConversationStore(
  blobs: BlobJson,
  onInvalid: (name: string) => void,
): ConversationStore {
  const read = async (conversationId: string) => {
    const result = await blobs.read(conversationBlob(conversationId), ConversationRecordSchema);
    if (result && 'invalid' in result) {
      onInvalid(conversationBlob(conversationId));
      return undefined;
    }
    return result ? result.value : undefined;
  };

  return {
    upsert: async (input) => {
      const record = parseConversationRecord(input);
      const previous = await read(record.conversationId);
      await blobs.put(conversationBlob(record.conversationId), record);
      if (previous?.personId && previous.personId !== record.personId) {
        await blobs.delete(indexBlob(previous.personId, record.conversationId));
      }
      if (record.personId) {
        await blobs.put(
          indexBlob(record.personId, record.conversationId),
          {},
          {
            conversationtype: record.conversationType,
            updatedat: record.updatedAt,
          },
        );
      }
    },

    remove: async (conversationId) => {
      const previous = await read(conversationId);
      if (previous?.personId) await blobs.delete(indexBlob(previous.personId, conversationId));
      await blobs.delete(conversationBlob(conversationId));
    },

    getPersonal: async (personId) => {
      const prefix = `${BY_PERSON}${segment(personId)}/`;
      const candidates = (await blobs.list(prefix))
        .map((b) => ({
          id: decodeURIComponent(b.name.slice(prefix.length)),
          meta: IndexMetadata.safeParse(b.metadata),
        }))
        .filter((c) => c.meta.success && c.meta.data.conversationtype === 'personal')
        .sort((a, b) => Date.parse(b.meta.data?.updatedat ?? '') - Date.parse(a.meta.data?.updatedat ?? ''));
      for (const candidate of candidates) {
        const record = await read(candidate.id);
        if (record && record.personId === personId && record.conversationType === 'personal') return record;
      }
      return undefined;
    },

    get: (conversationId) => read(conversationId),

    list: async () => {
      const out: ConversationRecord[] = [];
      for (const { name } of await blobs.list(CONVERSATIONS)) {
        const id = decodeURIComponent(name.slice(CONVERSATIONS.length).replace(/\.json$/, ''));
        const record = await read(id);
        if (record) out.push(record);
      }
      return out;
    },
  };
}
