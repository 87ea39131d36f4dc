// JSON documents in blobs with optimistic concurrency on their ETags: create only if absent
// (If-None-Match: *), replace only if unchanged (If-Match), as botbuilder's BlobsStorage does
// (PLATFORM-FACTS G6). What is read back is parsed with zod: stored data is untrusted.
import { RestError, type ContainerClient } from '@azure/storage-blob';
import { UnavailableError } from '../../domain/errors.js';
import type { z } from 'zod';

export type ReadResult<T> = { value: T; etag: string } | { invalid: true; etag: string } | undefined;

function status(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

/** Conflicts of conditional writes: 409 (already exists) or 412 (condition not met), 404 (gone). */
function isConditionFailure(error: unknown): boolean {
  const code = status(error);
  return code === 409 || code === 412 || code === 404;
}

/**
 * Failures that say the storage service cannot be reached or is failing (network errors, timeouts,
 * 5xx, 429): UnavailableError, which the API answers 503 `unavailable`. Others pass unchanged.
 */
export function toBlobError(error: unknown): unknown {
  if (error instanceof UnavailableError) return error;
  const code = status(error);
  if (code === undefined || code >= 500 || code === 429 || code === 408) {
    return new UnavailableError('Azure Blob Storage', { cause: error });
  }
  return error;
}

async function mapped<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    throw toBlobError(error);
  }
}

export class BlobJson {
  constructor(readonly container: ContainerClient) {}

  async read<T>(name: string, schema: z.ZodType<T>): Promise<ReadResult<T>> {
    let buffer: Buffer;
    let etag: string;
    try {
      const blob = this.container.getBlockBlobClient(name);
      const response = await blob.download();
      const chunks: Buffer[] = [];
      for await (const chunk of response.readableStreamBody ?? []) chunks.push(chunk as Buffer);
      buffer = Buffer.concat(chunks);
      etag = response.etag ?? '';
    } catch (error) {
      if (status(error) === 404) return undefined;
      throw toBlobError(error);
    }
    let json: unknown;
    try {
      json = JSON.parse(buffer.toString('utf8'));
    } catch {
      return { invalid: true, etag };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { value: parsed.data, etag } : { invalid: true, etag };
  }

  private async upload(
    name: string,
    value: unknown,
    conditions: { ifNoneMatch?: string; ifMatch?: string },
    metadata?: Record<string, string>,
  ): Promise<boolean> {
    const body = JSON.stringify(value);
    try {
      await this.container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
        conditions,
        metadata,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return true;
    } catch (error) {
      if ((conditions.ifMatch || conditions.ifNoneMatch) && isConditionFailure(error)) return false;
      throw toBlobError(error);
    }
  }

  /** Creates the blob unless it exists; false when it exists. */
  create(name: string, value: unknown, metadata?: Record<string, string>): Promise<boolean> {
    return this.upload(name, value, { ifNoneMatch: '*' }, metadata);
  }

  /** Replaces the blob if its ETag is still `etag`; false when someone changed (or deleted) it. */
  replace(name: string, value: unknown, etag: string, metadata?: Record<string, string>): Promise<boolean> {
    return this.upload(name, value, { ifMatch: etag }, metadata);
  }

  async put(name: string, value: unknown, metadata?: Record<string, string>): Promise<void> {
    await this.upload(name, value, {}, metadata);
  }

  /** Deletes the blob (only at `etag` when given); false when it was not there or changed. */
  async delete(name: string, etag?: string): Promise<boolean> {
    try {
      await this.container
        .getBlockBlobClient(name)
        .delete({ conditions: etag ? { ifMatch: etag } : undefined });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw toBlobError(error);
    }
  }

  /** Blob names under a prefix, in name order, with their metadata. */
  async list(prefix: string): Promise<Array<{ name: string; metadata: Record<string, string> }>> {
    return mapped(async () => {
      const out: Array<{ name: string; metadata: Record<string, string> }> = [];
      for await (const blob of this.container.listBlobsFlat({ prefix, includeMetadata: true })) {
        out.push({ name: blob.name, metadata: blob.metadata ?? {} });
      }
      return out;
    });
  }
}

/** One path segment of a blob name: any key, safely. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
