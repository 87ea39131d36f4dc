// Per-person notices in blobs: notices/<person>/<id>.json holds the notice; its metadata says when it
// was created and whether it was dismissed, so "my open notices" is one listing of the person's prefix
// (plus a read of each open one). A dismissed notice stays (dismissed), so it never comes back.
import { Notice } from '../../domain/notice.js';
import type { NoticeStore } from '../../ports/state.js';
import { parseNotice } from '../sqlite/state-records.js';
import type { BlobJson } from './blob-json.js';
import { segment } from './blob-json.js';

const NOTICES = 'notices/';

const personPrefix = (personId: string) => `${NOTICES}${segment(personId)}/`;
const noticeBlob = (personId: string, id: string) => `${personPrefix(personId)}${segment(id)}.json`;
const metadataOf = (notice: Notice) => ({
  createdat: notice.createdAt,
  dismissed: notice.dismissedAt ? 'true' : 'false',
});

export function createBlobNoticeStore(blobs: BlobJson, onInvalid: (name: string) => void): NoticeStore {
  const read = async (name: string) => {
    const result = await blobs.read(name, Notice);
    if (result && 'invalid' in result) {
      onInvalid(name);
      return undefined;
    }
    return result;
  };

  return {
    add: async (input) => {
      const notice = parseNotice(input);
      // Create only: a notice already stored (perhaps dismissed) is left as it is.
      await blobs.create(noticeBlob(notice.personId, notice.id), notice, metadataOf(notice));
    },

    listOpen: async (personId, limit = 20) => {
      const open = (await blobs.list(personPrefix(personId)))
        .filter((b) => b.metadata.dismissed !== 'true')
        .sort((a, b) => Date.parse(b.metadata.createdat ?? '') - Date.parse(a.metadata.createdat ?? ''));
      const out: Notice[] = [];
      for (const blob of open) {
        if (out.length >= limit) break;
        const result = await read(blob.name);
        if (result && result.value.personId === personId && !result.value.dismissedAt) out.push(result.value);
      }
      return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    },

    dismiss: async (personId, id, at) => {
      const name = noticeBlob(personId, id);
      // Optimistic concurrency: a concurrent dismissal of the same notice is the same outcome.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const result = await read(name);
        if (!result || result.value.personId !== personId) return false;
        if (result.value.dismissedAt) return true;
        const dismissed = parseNotice({ ...result.value, dismissedAt: at });
        if (await blobs.replace(name, dismissed, result.etag, metadataOf(dismissed))) return true;
      }
      return true;
    },
  };
}
