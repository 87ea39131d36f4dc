// Item 1 of issue 12: request bodies. Only JSON reaches /api/v1 and /api/messages: another media type
// is refused with 415 before the body is read, nothing is written to the temporary directory, and
// the size limit holds for every request (declared or chunked).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ENTRA_ENV, multipart, raw, validator } from './probe.js';

const MB = 1024 * 1024;
let dev: TestApp;
let entra: TestApp;
let uploads: string;

beforeAll(async () => {
  [dev, entra] = await Promise.all([
    startTestApp(),
    startTestApp({ env: ENTRA_ENV, tokenValidator: validator }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev.close(), entra.close()]);
});
// Where a multipart parser would put the file (os.tmpdir() reads TMPDIR on every call).
beforeAll(() => {
  uploads = mkdtempSync(path.join(tmpdir(), 'th-uploads-'));
  vi.stubEnv('TMPDIR', uploads);
});
afterEach(() => expect(readdirSync(uploads)).toEqual([]));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(uploads, { recursive: true, force: true });
});

describe('a 20 MB multipart upload', () => {
  it.each([
    ['POST /api/v1/risks without a token (entra)', () => entra, '/api/v1/risks'],
    ['POST /api/v1/risks (dev)', () => dev, '/api/v1/risks'],
    ['POST /api/messages', () => dev, '/api/messages'],
  ])('%s: 415 before the body is read, nothing on disk', async (_label, app, target) => {
    const { headers, body } = multipart(20 * MB);
    const r = await raw(app().baseUrl, target, { headers, chunks: [body] });
    expect(r.status).toBe(415);
    expect(r.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(r.headers.connection).toBe('close');
  });
});

describe('media types', () => {
  it.each([
    ['application/x-www-form-urlencoded', 'title=x&projectId=TR-07'],
    ['text/plain', '{"title":"x"}'],
    ['application/xml', '<risk/>'],
    ['application/json; charset=iso-8859-1', '{"title":"x"}'],
  ])('%s is refused with 415', async (type, body) => {
    const r = await raw(dev.baseUrl, '/api/v1/risks', {
      headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) },
      chunks: [body],
    });
    expect(r.status).toBe(415);
  });

  it('a body without a Content-Type is refused with 415', async () => {
    const r = await raw(dev.baseUrl, '/api/v1/me/away', {
      headers: { 'content-length': '2' },
      chunks: ['{}'],
    });
    expect(r.status).toBe(415);
  });

  it('application/json with charset=utf-8 is accepted', async () => {
    const body = JSON.stringify({});
    const r = await raw(dev.baseUrl, '/api/v1/me/away', {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) },
      chunks: [body],
    });
    expect(r.status).toBe(200);
  });
});

describe('size limit (1 MB) for every body', () => {
  const big = JSON.stringify({ title: 'x'.repeat(2 * MB) });

  it('a declared JSON body over the limit: 413', async () => {
    const r = await raw(dev.baseUrl, '/api/v1/risks', {
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      chunks: [big],
    });
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('a chunked JSON body over the limit: 413, answered although the upload goes on', async () => {
    const chunks = Array.from({ length: 8 }, () => 'x'.repeat(MB / 2));
    const r = await raw(dev.baseUrl, '/api/v1/risks', {
      headers: { 'content-type': 'application/json' },
      chunks: ['{"title":"', ...chunks, '"}'],
    });
    expect(r.status).toBe(413);
  });

  it('a chunked multipart body: 415', async () => {
    const { headers, body } = multipart(4 * MB);
    const r = await raw(dev.baseUrl, '/api/messages', {
      headers: { 'content-type': headers['content-type']! },
      chunks: [body.subarray(0, MB), body.subarray(MB)],
    });
    expect(r.status).toBe(415);
  });
});
