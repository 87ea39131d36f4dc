// Serves the built tab (tab/dist): the precompressed sibling (`.br`, `.gz`, written at build time by
// tab/precompress.ts) that the client accepts, with `Vary: Accept-Encoding`; content-hashed files under
// /assets/ cached for a year as immutable; everything else (index.html, the SPA fallback) revalidated
// with a strong ETag and answered 304 when unchanged. Paths never leave the directory.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Encodings the build writes, best first, with the suffix of their file. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type ContentCoding = (typeof ENCODINGS)[number]['name'];

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const NOT_BUILT =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Transformation Hub</title></head>' +
  '<body><h1>Transformation Hub</h1><p>The tab has not been built. Run <code>npm run build</code>.</p></body></html>';

/**
 * The codings of `Accept-Encoding` the client takes (q > 0), honouring `identity;q=0` is not needed:
 * the plain file is always a valid answer. `*` accepts any coding not listed.
 */
export function acceptedCodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  let star = false;
  for (const part of (header ?? '').split(',')) {
    const [rawName = '', ...params] = part.trim().split(';');
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    const ok = q === undefined || Number(q) > 0;
    if (name === '*') star = ok;
    else (ok ? accepted : refused).add(name);
  }
  if (star) for (const e of ENCODINGS) if (!refused.has(e.name)) accepted.add(e.name);
  return accepted;
}

/** True when an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

interface Variant {
  file: string;
  coding?: ContentCoding;
  size: number;
  mtimeMs: number;
}

export interface StaticAssetsOptions {
  /** The built tab; when missing (or not built), `/` explains how to build it. */
  dir?: string;
  /** Answers a request that names no file: API paths and missing hashed assets. */
  notFound: (req: Request, res: Response) => void;
  /** Reports a file that could not be read (answered 500). */
  failed: (req: Request, error: unknown) => void;
}

/** Registers GET and HEAD for `/` and `/*` (register the API first: restify matches in order). */
export function registerStaticAssets(server: Server, options: StaticAssetsOptions): void {
  const dir = options.dir ? path.resolve(options.dir) : undefined;
  // Content hashes of the files ETags were computed for, by path, size and modification time.
  const etags = new Map<string, { key: string; etag: string }>();

  async function fileAt(file: string): Promise<Variant | undefined> {
    try {
      const s = await stat(file);
      return s.isFile() ? { file, size: s.size, mtimeMs: s.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  async function etagOf(v: Variant): Promise<string> {
    const key = `${v.size}:${v.mtimeMs}`;
    const known = etags.get(v.file);
    if (known?.key === key) return known.etag;
    const hash = createHash('sha256')
      .update(await readFile(v.file))
      .digest('base64url')
      .slice(0, 27);
    const etag = `"${hash}${v.coding ? `-${v.coding}` : ''}"`;
    etags.set(v.file, { key, etag });
    return etag;
  }

  /** The file a URL path names inside the directory, or why not. */
  function resolvePath(urlPath: string): { file?: string; refuse?: true } {
    if (!dir) return {};
    // Dot segments (".vite", "..") and NUL never name a served file; precompressed siblings are not
    // addressed directly either.
    const segments = urlPath.split('/').filter(Boolean);
    if (urlPath.includes('\0') || segments.some((s) => s.startsWith('.') || s.includes('\\')))
      return { refuse: true };
    if (/\.(br|gz)$/.test(urlPath)) return { refuse: true };
    const candidate = path.resolve(dir, `.${urlPath === '/' ? '/index.html' : urlPath}`);
    if (!candidate.startsWith(dir + path.sep)) return { refuse: true };
    return { file: candidate };
  }

  const serve = async (req: Request, res: Response): Promise<void> => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(req.getPath());
    } catch {
      urlPath = '/';
    }
    if (urlPath.startsWith('/api/')) return options.notFound(req, res);
    const index = dir ? await fileAt(path.join(dir, 'index.html')) : undefined;
    if (!dir || !index) {
      res.sendRaw(200, NOT_BUILT, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': REVALIDATE,
      });
      return;
    }
    const { file, refuse } = resolvePath(urlPath);
    const found = file ? await fileAt(file) : undefined;
    const hashed = urlPath.startsWith('/assets/');
    // A missing hashed file (an old page after a deployment) must not receive the HTML page as script.
    if (refuse || (hashed && !found)) return options.notFound(req, res);
    const plain = found ?? index;
    const ext = path.extname(plain.file);

    let chosen: Variant = plain;
    const accepted = acceptedCodings(req.header('accept-encoding'));
    for (const e of ENCODINGS) {
      if (!accepted.has(e.name)) continue;
      const sibling = await fileAt(plain.file + e.suffix);
      if (sibling) {
        chosen = { ...sibling, coding: e.name };
        break;
      }
    }
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': hashed ? IMMUTABLE : REVALIDATE,
      Vary: 'Accept-Encoding',
    };
    if (chosen.coding) headers['Content-Encoding'] = chosen.coding;
    // An immutable file is never revalidated (its name changes with its content): no tag to compute.
    const etag = hashed ? undefined : await etagOf(chosen);
    if (etag) headers.ETag = etag;
    if (etag && etagMatches(req.header('if-none-match'), etag)) {
      res.sendRaw(304, '', headers);
      return;
    }
    headers['Content-Length'] = String(chosen.size);
    const body = req.method === 'HEAD' ? '' : await readFile(chosen.file);
    res.sendRaw(200, body, headers);
  };

  const handler = (req: Request, res: Response, next: (err?: false) => void) => {
    serve(req, res).then(
      () => next(false),
      (e: unknown) => {
        if (!res.headersSent) res.sendRaw(500, '', { 'Cache-Control': 'no-store' });
        options.failed(req, e);
        next(false);
      },
    );
  };
  for (const p of ['/', '/*']) {
    server.get(p, handler);
    server.head(p, handler);
  }
}
