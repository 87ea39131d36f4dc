// The consent flow of on-behalf-of (PLATFORM-FACTS D4): when the API answers consent_required, the
// tab opens its consent page in the Teams authentication window (authentication.authenticate). That
// page sends the user to the Entra ID authorize endpoint with prompt=consent for the scopes the
// server named, and Entra returns to the consent-end page, which tells Teams the outcome. The code
// Entra returns is never redeemed: what matters is the consent it records. Pure functions here; the
// window itself is consent-window.ts.

/** Where Entra returns after consent (register it as a redirect URI of the app registration). */
export const CONSENT_END_PATH = '/auth/consent-end';

export interface ConsentRequest {
  tenantId: string;
  clientId: string;
  /** Delegated scopes, e.g. https://graph.microsoft.com/User.Read. */
  scopes: readonly string[];
  loginHint?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The consent page with what it needs in its query (the authentication window has no Teams context). */
export function consentPageUrl(page: string, request: ConsentRequest): string {
  const q = new URLSearchParams({
    tenant: request.tenantId,
    client: request.clientId,
    scope: request.scopes.join(' '),
  });
  if (request.loginHint) q.set('hint', request.loginHint);
  return `${page}${page.includes('?') ? '&' : '?'}${q.toString()}`;
}

/** Reads the request back on the consent page; undefined when a part is missing or malformed. */
export function consentRequestOf(search: string): ConsentRequest | undefined {
  const q = new URLSearchParams(search);
  const tenantId = q.get('tenant') ?? '';
  const clientId = q.get('client') ?? '';
  const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
  if (!GUID.test(tenantId) || !GUID.test(clientId) || scopes.length === 0) return undefined;
  return { tenantId, clientId, scopes, loginHint: q.get('hint') ?? undefined };
}

/**
 * The app's client id from the audience of its own SSO token: the client id itself, or the App ID
 * URI `api://<host>/<client id>`. Only read, never trusted: the server validates the token.
 */
export function clientIdFromToken(token: string | undefined): string | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { aud?: unknown };
    const aud = Array.isArray(claims.aud) ? (claims.aud[0] as unknown) : claims.aud;
    if (typeof aud !== 'string') return undefined;
    const tail = aud.split('/').filter(Boolean).pop() ?? '';
    return GUID.test(tail) ? tail : undefined;
  } catch {
    return undefined;
  }
}

export interface AuthorizeOptions {
  /** e.g. https://login.microsoftonline.com (national clouds have their own). */
  authorityHost: string;
  redirectUri: string;
  state: string;
  /** PKCE (S256), so that a redirect URI registered as a single-page application is accepted too. */
  codeChallenge: string;
}

export function authorizeUrl(request: ConsentRequest, options: AuthorizeOptions): string {
  const q = new URLSearchParams({
    client_id: request.clientId,
    response_type: 'code',
    response_mode: 'fragment',
    redirect_uri: options.redirectUri,
    scope: [...request.scopes, 'openid', 'profile'].join(' '),
    prompt: 'consent',
    state: options.state,
    code_challenge: options.codeChallenge,
    code_challenge_method: 'S256',
  });
  if (request.loginHint) q.set('login_hint', request.loginHint);
  const host = options.authorityHost.replace(/\/+$/, '');
  return `${host}/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/authorize?${q.toString()}`;
}

export type ConsentOutcome = { ok: true } | { ok: false; reason: string };

/** What Entra said on return (in the fragment, or the query for an error page). */
export function consentOutcome(hash: string, search: string, expectedState: string | null): ConsentOutcome {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const query = new URLSearchParams(search);
  const error = params.get('error') ?? query.get('error');
  if (error) return { ok: false, reason: error };
  if (!params.get('code')) return { ok: false, reason: 'no_code' };
  if (!expectedState || params.get('state') !== expectedState) return { ok: false, reason: 'state_mismatch' };
  return { ok: true };
}
