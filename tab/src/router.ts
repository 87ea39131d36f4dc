// Hash routes, shared with the bot's deep links (bot/cards/links.ts): my-work, portfolio,
// projects/<code>, risks[?project=<code>], admin, admin/unreachable, config.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'my-work' }
  | { name: 'portfolio'; pillar?: string }
  | { name: 'project'; code: string; tab?: string }
  | { name: 'risks'; project?: string }
  | { name: 'admin'; section?: string }
  | { name: 'config' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?');
  const query = new URLSearchParams(queryPart);
  const segments = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const [first, second, third] = segments;
  switch (first) {
    case undefined:
    case 'portfolio':
      return { name: 'portfolio', pillar: query.get('pillar') ?? undefined };
    case 'my-work':
      return { name: 'my-work' };
    case 'projects':
      return second ? { name: 'project', code: second, tab: third } : { name: 'portfolio' };
    case 'risks':
      return { name: 'risks', project: query.get('project') ?? undefined };
    case 'admin':
      return { name: 'admin', section: second };
    case 'config':
      return { name: 'config' };
    default:
      return { name: 'not-found', path: pathPart };
  }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'my-work':
      return '#/my-work';
    case 'portfolio':
      return route.pillar ? `#/portfolio?pillar=${encodeURIComponent(route.pillar)}` : '#/portfolio';
    case 'project':
      return `#/projects/${encodeURIComponent(route.code)}${route.tab ? `/${route.tab}` : ''}`;
    case 'risks':
      return route.project ? `#/risks?project=${encodeURIComponent(route.project)}` : '#/risks';
    case 'admin':
      return route.section ? `#/admin/${route.section}` : '#/admin';
    case 'config':
      return '#/config';
    case 'not-found':
      return `#/${route.path}`;
  }
}

export function navigate(route: Route | string): void {
  window.location.hash = typeof route === 'string' ? route : hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
