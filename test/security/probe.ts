// Helpers for the security probes: raw HTTP requests (bodies fetch will not send as they are:
// chunked, invalid UTF-8, a declared length), a log recorder, and the entra-mode settings.
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { UnauthenticatedError } from '../../bot/domain/errors.js';
import type { TokenValidator } from '../../bot/api/auth/token-validator.js';
import { createLogger, type Logger } from '../../bot/platform/logger.js';

export const TENANT = '11111111-1111-4111-8111-111111111111';
export const ENTRA_ENV = {
  AUTH_MODE: 'entra',
  ENTRA_TENANT_ID: TENANT,
  ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
};

/** Accepts `owner-token` (the demo owner) and `cto-token`; refuses anything else. */
export const validator: TokenValidator = {
  validate(token) {
    if (token === 'owner-token')
      return Promise.resolve({
        aadObjectId: '00000000-0000-4000-8000-000000000002',
        tenantId: TENANT,
        scopes: ['access_as_user'],
      });
    if (token === 'cto-token')
      return Promise.resolve({
        aadObjectId: '00000000-0000-4000-8000-000000000001',
        tenantId: TENANT,
        scopes: ['access_as_user'],
      });
    return Promise.reject(new UnauthenticatedError('invalid token'));
  },
};

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * Sends a request with exactly these headers and body chunks. Without a content-length header the
 * body goes chunked. The answer is read even when the server closes the connection mid-upload.
 */
export function raw(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; chunks?: Array<Buffer | string> },
): Promise<RawAnswer> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as never,
          });
        });
      },
    );
    // The server may answer and close before the whole upload is sent: that is the point.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    for (const c of options.chunks ?? []) req.write(c);
    req.end();
  });
}

/** A multipart/form-data body with one file part of `size` bytes, as a browser form or curl -F sends it. */
export function multipart(size: number): { headers: Record<string, string>; body: Buffer } {
  const boundary = '----th-probe-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, Buffer.alloc(size, 0x61), tail]);
  return {
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(body.length),
    },
    body,
  };
}

export interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

/** A logger whose JSON lines the test can read. */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as LogLine);
      done();
    },
  });
  return { logger: createLogger({ log: { level: 'debug', format: 'json' } }, sink), lines };
}
