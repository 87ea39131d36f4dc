// Which URLs are links to a project page of this app (for link unfurling): the inverse of
// links.ts. Only the app's own web address (PUBLIC_URL host) with the hash route
// `#/projects/<code>`, and the Teams deep link to this app's tab whose subEntityId is
// `projects/<code>`. Everything else (other hosts, other apps, other routes) is not ours.
import { ProjectCode } from '../domain/project.js';
import type { LinkTarget } from './links.js';

export interface UnfurlTarget {
  /** host[:port] of PUBLIC_URL. */
  host: string;
  teamsAppId?: string;
}

const MAX_URL_CHARS = 2048;
const TEAMS_HOSTS = new Set(['teams.microsoft.com', 'teams.cloud.microsoft']);

export function extensionTarget(links: LinkTarget): UnfurlTarget {
  return { host: new URL(links.publicUrl).host.toLowerCase(), teamsAppId: links.teamsAppId };
}

function parse(url: string): URL | undefined {
  if (url.length > MAX_URL_CHARS) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function codeFromRoute(route: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(route);
  } catch {
    return undefined;
  }
  const match = /^\/?projects\/([^/?#]+)\/?(?:[?#].*)?$/.exec(decoded);
  if (!match?.[1]) return undefined;
  const code = ProjectCode.safeParse(match[1]);
  return code.success ? code.data : undefined;
}

/** The project code a tab URL points at, or undefined when the URL is not a project page of this app. */
export function projectCodeFromUrl(url: string, target: UnfurlTarget): string | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  const host = parsed.host.toLowerCase();
  if (host === target.host) {
    return parsed.hash.startsWith('#/') ? codeFromRoute(parsed.hash.slice(1)) : undefined;
  }
  if (TEAMS_HOSTS.has(host) && target.teamsAppId) {
    const m = /^\/l\/entity\/([^/]+)\/([^/]+)\/?$/.exec(parsed.pathname);
    if (!m?.[1] || decodeURIComponent(m[1]).toLowerCase() !== target.teamsAppId.toLowerCase())
      return undefined;
    const context = parsed.searchParams.get('context');
    if (!context || context.length > MAX_URL_CHARS) return undefined;
    try {
      const value: unknown = JSON.parse(context);
      const sub =
        typeof value === 'object' && value !== null && 'subEntityId' in value ? value.subEntityId : undefined;
      return typeof sub === 'string' ? codeFromRoute(sub) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
