// Time-limited exclusive leases as small blobs (leases/<name>.json = holder and expiry) changed only
// by compare-and-swap on the blob's ETag, so two instances cannot both hold one.
//
// Why not Azure's own blob leases: they last 15 to 60 seconds (or forever) by the storage service's
// clock, while the port takes any ttl and judges expiry by the caller's clock (`now`), as the embedded
// store does and as the contract tests it. ETag compare-and-swap gives the same exclusivity with the
// port's semantics; instances should run with synchronised clocks and a ttl well above the skew.
import { z } from 'zod';
import type { LeaseStore } from '../../ports/state.js';
import { checkLeaseRequest } from '../lease-request.js';
import type { BlobJson } from './blob-json.js';
import { segment } from './blob-json.js';

const Lease = z.object({ holder: z.string(), expiresAtMs: z.number() });
const leaseBlob = (name: string) => `leases/${segment(name)}.json`;
const MAX_CAS_ATTEMPTS = 20;

export function createBlobLeaseStore(blobs: BlobJson): LeaseStore {
  return {
    acquire: async (name, holder, ttlMs, now) => {
      const nowMs = checkLeaseRequest(name, holder, ttlMs, now);
      const lease = { holder, expiresAtMs: Math.floor(nowMs + ttlMs) };
      const blob = leaseBlob(name);
      for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
        const current = await blobs.read(blob, Lease);
        if (!current) {
          if (await blobs.create(blob, lease)) return true;
          continue;
        }
        const free =
          'invalid' in current || current.value.holder === holder || current.value.expiresAtMs <= nowMs;
        if (!free) return false;
        if (await blobs.replace(blob, lease, current.etag)) return true;
      }
      return false;
    },

    release: async (name, holder) => {
      const blob = leaseBlob(name);
      const current = await blobs.read(blob, Lease);
      if (current && !('invalid' in current) && current.value.holder === holder)
        await blobs.delete(blob, current.etag);
    },
  };
}
