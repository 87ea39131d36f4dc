// Bot state in Azure Blob Storage (STATE_STORE=blob): conversation references, run records, leases
// and per-person notices in one container (created when missing). Azurite locally, the storage
// account in the cloud.
import type { ContainerClient } from '@azure/storage-blob';
import { UnavailableError } from '../../domain/errors.js';
import type { StateStore } from '../../ports/state.js';
import { blobContainer, type BlobSettings } from './blob-container.js';
import { BlobJson } from './blob-json.js';
import { createBlobConversationStore } from './blob-conversation-store.js';
import { createBlobLeaseStore } from './blob-lease-store.js';
import { createBlobNoticeStore } from './blob-notice-store.js';
import { createBlobRunStore } from './blob-run-store.js';

export interface BlobStateStoreDeps {
  container?: ContainerClient;
  claimTimeoutMs?: number;
  /** Told about each blob that no longer validates (the read skips it). */
  onInvalidBlob?: (name: string) => void;
}

export async function createBlobStateStore(
  settings: BlobSettings,
  deps: BlobStateStoreDeps = {},
): Promise<StateStore> {
  const container = deps.container ?? blobContainer(settings);
  try {
    await container.createIfNotExists();
  } catch (error) {
    throw new UnavailableError('Azure Blob Storage', { cause: error });
  }
  const blobs = new BlobJson(container);
  const onInvalid = (name: string) => {
    try {
      deps.onInvalidBlob?.(name);
    } catch {
      // reporting must not fail the read
    }
  };
  return {
    conversations: createBlobConversationStore(blobs, onInvalid),
    runs: createBlobRunStore(blobs, { claimTimeoutMs: deps.claimTimeoutMs, onInvalid }),
    leases: createBlobLeaseStore(blobs),
    notices: createBlobNoticeStore(blobs, onInvalid),
    ping: async () => {
      try {
        await container.getProperties();
      } catch (error) {
        throw new UnavailableError('Azure Blob Storage', { cause: error });
      }
    },
    close: () => Promise.resolve(),
  };
}
