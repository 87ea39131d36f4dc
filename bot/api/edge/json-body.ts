// Request bodies, decided before any route runs: only JSON is accepted (application/json or a
// +json type, UTF-8); another media type is refused with 415 before a byte is read; the size limit
// holds for every request (413 from Content-Length, or as soon as a chunked body passes it); the
// body is read into memory, never written to disk; invalid UTF-8 is refused (400 invalid_encoding)
// instead of silently replaced, and so is text with lone surrogates or noncharacters.
import type { Request } from 'restify';
import { ValidationError } from '../../domain/errors.js';
import { HttpError } from '../problem.js';
import { badTextIssues } from './text-checks.js';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Has the request a body at all (a DELETE or an empty POST has none, whatever its Content-Type)? */
export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** application/json, application/<x>+json; charset, when given, must be UTF-8. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (!/^application\/(?:[a-z0-9.+-]+\+)?json$/.test(type)) return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/**
 * Checks what can be decided from the headers alone: the media type and the declared length. Throws
 * an HttpError (415, 413) so the caller answers before reading.
 */
export function checkBodyHeaders(req: Request, maxBytes: number): void {
  if (!hasBody(req)) return;
  if (!isJsonMediaType(req.headers['content-type'])) {
    throw new HttpError(415, 'unsupported_media_type', 'errors.unsupported_media_type');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, 'payload_too_large', 'errors.payload_too_large');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads and parses the JSON body into memory; resolves undefined when there is none. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  const { chunks, size } = await collect(req, maxBytes);
  if (size === 0) return undefined;
  let text: string;
  try {
    text = utf8.decode(Buffer.concat(chunks, size));
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'errors.invalid_encoding');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_json', 'errors.bad_json');
  }
  const issues = badTextIssues(value);
  if (issues.length > 0) throw new ValidationError(issues);
  return value;
}

/**
 * Collects the body in memory up to maxBytes. Past the limit it stops listening and refuses (413)
 * without destroying the socket, so the answer still reaches the client (sent with Connection: close).
 */
function collect(req: Request, maxBytes: number): Promise<{ chunks: Buffer[]; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        done();
        req.pause();
        reject(new HttpError(413, 'payload_too_large', 'errors.payload_too_large'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve({ chunks, size });
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
