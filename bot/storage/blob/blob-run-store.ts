// Run records in blobs, one per (kind, period, recipient): runs/<kind>/<period>/<recipient>.json.
// claim() is a compare-and-swap on the blob's ETag (create with If-None-Match: *, replace with
// If-Match), so of several instances claiming one key exactly one wins. Same rules as the embedded
// store (decideClaim in state-records.ts): a key is claimable when it has no record, when its last run
// failed, or when its `pending` claim is older than the claim timeout (the claimer crashed), and for
// claimFor also when another instance holds it (the caller holds the run's lease; a `sending` claim is
// then reported uncertain); a delivery or final outcome blocks it.
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { toFieldIssues } from '../../domain/validation.js';
import type { Claim, RunRecord, RunStore } from '../../ports/state.js';
import {
  decideClaim,
  instantMs,
  parseRunRecord,
  RunKeySchema,
  RunRecordSchema,
  withoutEmpty,
} from '../sqlite/state-records.js';
import type { BlobJson } from './blob-json.js';
import { segment } from './blob-json.js';

export const DEFAULT_CLAIM_TIMEOUT_MS = 15 * 60_000;

const RUNS = 'runs/';
const StoredRun = RunRecordSchema.extend({ claimedAtMs: z.number().nullable() });
type StoredRun = z.infer<typeof StoredRun>;
type RunKey = { kind: string; period: string; recipientId: string };

function checkKey(key: RunKey): RunKey {
  const result = RunKeySchema.safeParse(key);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}

const runBlob = (k: RunKey) =>
  `${RUNS}${segment(k.kind)}/${segment(k.period)}/${segment(k.recipientId)}.json`;

function publicRecord(stored: StoredRun): RunRecord {
  const { claimedAtMs: _claimed, ...record } = stored;
  return withoutEmpty(record);
}

/** Compare-and-swap attempts before giving up on a key others keep changing. */
const MAX_CAS_ATTEMPTS = 20;

export function createBlobRunStore(
  blobs: BlobJson,
  options: { claimTimeoutMs?: number; onInvalid: (name: string) => void },
): RunStore {
  const claimTimeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;

  const read = async (name: string) => {
    const result = await blobs.read(name, StoredRun);
    if (result && 'invalid' in result) options.onInvalid(name);
    return result;
  };

  const claimOnce = async (key: RunKey, at: string, holder: string | undefined): Promise<Claim> => {
    const k = checkKey(key);
    const atMs = instantMs(at, 'at');
    const name = runBlob(k);
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const current = await read(name);
      if (current && 'invalid' in current) return { claimed: false };
      const decision = decideClaim(k, current?.value, { atMs, holder, claimTimeoutMs });
      if (!decision) return { claimed: false };
      const written = current
        ? await blobs.replace(name, decision.next, current.etag)
        : await blobs.create(name, decision.next);
      if (written) return decision.result;
    }
    return { claimed: false };
  };

  return {
    claim: async (key, at) => (await claimOnce(key, at, undefined)).claimed,

    claimFor: (key, claim) => claimOnce(key, claim.at, claim.holder),

    record: async (input) => {
      const r = parseRunRecord(input);
      const name = runBlob(r);
      const active = r.status === 'pending' || r.status === 'sending';
      const heartbeat = active ? instantMs(r.updatedAt, 'updatedAt') : null;
      for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
        const current = await read(name);
        if (!current) {
          if (await blobs.create(name, { ...r, claimedAtMs: heartbeat })) return;
          continue;
        }
        const previousClaim = 'invalid' in current ? null : current.value.claimedAtMs;
        if (await blobs.replace(name, { ...r, claimedAtMs: heartbeat ?? previousClaim }, current.etag))
          return;
      }
      throw new Error(`run record ${name} kept changing; not recorded`);
    },

    get: async (key) => {
      const result = await read(runBlob(checkKey(key)));
      return result && !('invalid' in result) ? publicRecord(result.value) : undefined;
    },

    list: async (filter) => {
      let prefix = RUNS;
      if (filter.kind !== undefined) {
        prefix += `${segment(filter.kind)}/`;
        if (filter.period !== undefined) prefix += `${segment(filter.period)}/`;
      }
      const out: RunRecord[] = [];
      for (const { name } of await blobs.list(prefix)) {
        const result = await read(name);
        if (!result || 'invalid' in result) continue;
        const r = publicRecord(result.value);
        if (filter.kind !== undefined && r.kind !== filter.kind) continue;
        if (filter.period !== undefined && r.period !== filter.period) continue;
        if (filter.status !== undefined && r.status !== filter.status) continue;
        out.push(r);
      }
      const key = (r: RunRecord) => [r.kind, r.period, r.recipientId];
      return out.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
        return 0;
      });
    },
  };
}
