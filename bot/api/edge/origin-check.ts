// Cross-site requests: a browser sends a form or a script's request to another site with its own
// Origin. A state-changing request whose Origin is present and not the app's own is refused (403
// origin_refused) before any route runs. The app's own origin is PUBLIC_URL's; on a loopback
// address (local modes, tests) also the page's own loopback origin, as the browser reports it.
import type { Request } from 'restify';
import { isLoopbackHost } from '../../config.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? 'GET').toUpperCase());
}

export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** May this request change state, as far as its Origin says? */
export function originAllowed(req: Request, publicUrl: string): boolean {
  if (!isStateChanging(req.method)) return true;
  const origin = req.header('origin');
  if (origin === undefined || origin === '') return true;
  const given = originOf(origin);
  if (given === undefined) return false; // "null" (sandboxed frames, file: pages) and garbage
  if (given === originOf(publicUrl)) return true;
  // The same loopback page that served the tab (http://127.0.0.1:<port> while PUBLIC_URL says localhost).
  const host = req.header('host');
  const url = new URL(given);
  return (
    host !== undefined &&
    url.protocol === 'http:' &&
    isLoopbackHost(url.hostname) &&
    url.host === host.toLowerCase()
  );
}
