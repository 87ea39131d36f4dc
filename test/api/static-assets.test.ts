// The tab's files: the build's precompressed siblings served by Accept-Encoding (with Vary), hashed
// assets immutable for a year, index.html revalidated with an ETag and 304, HEAD without a body, and
// no path (encoded or not) leaving the directory.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import restify, { type Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedCodings, etagMatches, registerStaticAssets } from '../../bot/api/static-assets.js';
import { precompressDir } from '../../tab/precompress.js';

const root = mkdtempSync(path.join(tmpdir(), 'th-static-'));
const dist = path.join(root, 'dist');
const SCRIPT = `export const words = ${JSON.stringify('portfolio '.repeat(400))};\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body>${'<p>tab</p>'.repeat(50)}</body></html>`;
let server: Server;
let port: number;
const failures: unknown[] = [];

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // node:http sends the path as given (no normalisation of ../), unlike fetch.
    const req = request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  mkdirSync(path.join(dist, '.vite'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'app-Ab12Cd34.js'), SCRIPT);
  writeFileSync(path.join(dist, 'assets', 'tiny-Zz99Yy88.js'), 'x');
  writeFileSync(path.join(dist, '.vite', 'manifest.json'), '{}');
  writeFileSync(path.join(root, 'secret.txt'), 'not for the web');
  const result = await precompressDir(dist);
  expect(result.files).toBe(3);
  expect(result.br).toBeLessThan(result.raw);

  server = restify.createServer();
  server.get('/api/v1/things', (_req, res, next) => {
    res.sendRaw(200, 'api', {});
    next();
  });
  registerStaticAssets(server, {
    dir: dist,
    notFound: (_req, res) => {
      res.sendRaw(404, 'missing', { 'Content-Type': 'text/plain' });
    },
    failed: (_req, e) => {
      failures.push(e);
    },
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = server.address().port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
  });
  rmSync(root, { recursive: true, force: true });
});

describe('precompressed tab files', () => {
  it('writes brotli and gzip siblings only where they are smaller, and not for dot folders', () => {
    expect(
      brotliDecompressSync(readFileSync(path.join(dist, 'assets', 'app-Ab12Cd34.js.br'))).toString(),
    ).toBe(SCRIPT);
    expect(gunzipSync(readFileSync(path.join(dist, 'assets', 'app-Ab12Cd34.js.gz'))).toString()).toBe(SCRIPT);
    expect(() => readFileSync(path.join(dist, 'assets', 'tiny-Zz99Yy88.js.br'))).toThrow();
    expect(() => readFileSync(path.join(dist, '.vite', 'manifest.json.br'))).toThrow();
  });

  it('sends brotli to a client that accepts it, gzip to one that accepts only gzip, plain otherwise', async () => {
    const br = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const refused = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');

    const plain = await get('/assets/app-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(SCRIPT);

    // A file too small to gain from compression is sent as it is.
    const tiny = await get('/assets/tiny-Zz99Yy88.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('x');
  });

  it('caches hashed assets for a year as immutable and revalidates index.html', async () => {
    const asset = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.etag).toBeUndefined();
    const index = await get('/', { 'accept-encoding': 'br' });
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(brotliDecompressSync(index.body).toString()).toBe(INDEX);
  });

  it('answers 304 to a matching If-None-Match on index.html, per encoding', async () => {
    const first = await get('/', { 'accept-encoding': 'br' });
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect((await get('/', { 'accept-encoding': 'br', 'if-none-match': `W/${etag}, "other"` })).status).toBe(
      304,
    );
    // The gzip representation has its own tag: the brotli one does not validate it.
    const gz = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gz.status).toBe(200);
    expect(gz.headers.etag).not.toBe(etag);
    // A changed file (a new build) gets a new tag: the old one no longer validates it.
    const plainEtag = (await get('/')).headers.etag ?? '';
    expect((await get('/', { 'if-none-match': plainEtag })).status).toBe(304);
    writeFileSync(path.join(dist, 'index.html'), `${INDEX}<!-- a new build -->`);
    rmSync(path.join(dist, 'index.html.br'));
    rmSync(path.join(dist, 'index.html.gz'));
    const fresh = await get('/', { 'accept-encoding': 'br', 'if-none-match': plainEtag });
    expect(fresh.status).toBe(200);
    expect(fresh.headers['content-encoding']).toBeUndefined();
    expect(fresh.body.toString()).toContain('a new build');
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });

  it('serves index.html for routes of the app, and refuses what is not a file of the tab', async () => {
    const route = await get('/auth/consent-end');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('<!doctype html>');
    expect(route.headers['cache-control']).toBe('no-cache');
    for (const p of [
      '/assets/missing-00000000.js',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/.vite/manifest.json',
      '/assets/app-Ab12Cd34.js.br',
      '/index.html%00.js',
      '/api/v1/unknown',
    ]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(res.body.toString(), p).not.toContain('not for the web');
    }
    expect((await get('/api/v1/things')).body.toString()).toBe('api');
    expect(failures).toEqual([]);
  });
});

describe('content negotiation rules', () => {
  it('reads Accept-Encoding with q-values and *', () => {
    expect([...acceptedCodings('gzip, deflate, br, zstd')].sort()).toEqual(['br', 'deflate', 'gzip', 'zstd']);
    expect([...acceptedCodings('br;q=0, gzip;q=1.0')]).toEqual(['gzip']);
    expect([...acceptedCodings('*')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedCodings('*, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedCodings(undefined)]).toEqual([]);
    expect([...acceptedCodings('identity')]).toEqual(['identity']);
  });

  it('compares entity tags weakly', () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", "a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });
});
