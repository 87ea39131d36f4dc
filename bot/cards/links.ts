// Links from cards into the tab. Inside Teams a deep link opens the personal tab at a route (the
// tab reads the route from the context's subPageId); without a Teams app id (Agents Playground,
// local development) the link opens the tab's web address at the same hash route.
//
// Routes (shared with the tab's router): my-work, portfolio, projects/<code>, risks,
// risks?project=<code>, admin, admin/unreachable.

export interface LinkTarget {
  /** Public base URL of the app (PUBLIC_URL), e.g. https://hub.example.org. */
  publicUrl: string;
  /** Teams app id from the manifest; undefined in local development. */
  teamsAppId?: string;
}

/** The personal tab a route belongs to (manifest staticTabs entityId). */
function entityFor(route: string): 'my-work' | 'portfolio' {
  return route.startsWith('my-work') ? 'my-work' : 'portfolio';
}

export function tabWebUrl(target: LinkTarget, route: string): string {
  return `${target.publicUrl.replace(/\/+$/, '')}/#/${route.replace(/^\/+/, '')}`;
}

export function tabLink(target: LinkTarget, route: string): string {
  const webUrl = tabWebUrl(target, route);
  if (!target.teamsAppId) return webUrl;
  const entity = entityFor(route);
  const context = JSON.stringify({ subEntityId: route });
  return (
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(target.teamsAppId)}/${entity}` +
    `?webUrl=${encodeURIComponent(webUrl)}&context=${encodeURIComponent(context)}`
  );
}
