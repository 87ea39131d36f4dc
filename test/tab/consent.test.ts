// The consent window of the on-behalf-of flow: the consent page sends the user to Entra ID with
// prompt=consent for the scopes the server named (PKCE, state kept in the window's session), and the
// consent-end page tells Teams the outcome, refusing a reply whose state is not the one sent.
import { describe, expect, it, vi } from 'vitest';
import {
  clientIdFromToken,
  consentOutcome,
  consentPageUrl,
  consentRequestOf,
} from '../../tab/src/auth/consent.js';
import { runConsentWindow, type ConsentWindowDeps } from '../../tab/src/auth/consent-window.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';
const SCOPE = 'https://graph.microsoft.com/User.Read';

function windowDeps(url: string, stored: Record<string, string> = {}) {
  const u = new URL(url);
  const store = new Map(Object.entries(stored));
  const deps = {
    location: { pathname: u.pathname, search: u.search, hash: u.hash, origin: u.origin, assign: vi.fn() },
    storage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
    random: vi.fn().mockReturnValueOnce('state-1').mockReturnValueOnce('verifier-1'),
    challenge: vi.fn(() => Promise.resolve('challenge-1')),
    notify: vi.fn(() => Promise.resolve()),
    fail: vi.fn(),
  } satisfies ConsentWindowDeps;
  return { deps, store };
}

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = (aud: unknown) => `${b64({ alg: 'RS256' })}.${b64({ aud })}.signature`;

describe('consent request', () => {
  it('round-trips through the consent page URL', () => {
    const url = consentPageUrl('/auth/consent', {
      tenantId: TENANT,
      clientId: CLIENT,
      scopes: [SCOPE],
      loginHint: 'a@itu.example',
    });
    expect(consentRequestOf(url.split('?')[1] ?? '')).toEqual({
      tenantId: TENANT,
      clientId: CLIENT,
      scopes: [SCOPE],
      loginHint: 'a@itu.example',
    });
  });

  it.each([
    ['no tenant', `client=${CLIENT}&scope=${SCOPE}`],
    ['a malformed client id', `tenant=${TENANT}&client=evil.example&scope=${SCOPE}`],
    ['no scope', `tenant=${TENANT}&client=${CLIENT}`],
  ])('is refused with %s', (_label, search) => {
    expect(consentRequestOf(search)).toBeUndefined();
  });

  it.each([
    ['the client id', CLIENT, CLIENT],
    ['the App ID URI', `api://hub.example.org/${CLIENT}`, CLIENT],
    ['a list', [CLIENT], CLIENT],
    ['something else', 'https://graph.microsoft.com', undefined],
  ])('reads the client id from an SSO token whose audience is %s', (_label, aud, expected) => {
    expect(clientIdFromToken(token(aud))).toBe(expected);
  });

  it('reads nothing from a missing or malformed token', () => {
    expect(clientIdFromToken(undefined)).toBeUndefined();
    expect(clientIdFromToken('not-a-token')).toBeUndefined();
    expect(clientIdFromToken('a.%%%.c')).toBeUndefined();
  });
});

describe('the consent window', () => {
  it('sends the user to Entra ID for consent to the named scopes, remembering the state', async () => {
    const { deps, store } = windowDeps(
      `https://hub.example.org/auth/consent?tenant=${TENANT}&client=${CLIENT}&scope=${encodeURIComponent(SCOPE)}&hint=a%40itu.example`,
    );
    await runConsentWindow(deps);
    const target = new URL(deps.location.assign.mock.calls[0]![0] as string);
    expect(`${target.origin}${target.pathname}`).toBe(
      `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
    );
    expect(Object.fromEntries(target.searchParams)).toEqual({
      client_id: CLIENT,
      response_type: 'code',
      response_mode: 'fragment',
      redirect_uri: 'https://hub.example.org/auth/consent-end',
      scope: `${SCOPE} openid profile`,
      prompt: 'consent',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
      login_hint: 'a@itu.example',
    });
    expect(deps.challenge).toHaveBeenCalledWith('verifier-1');
    expect(store.get('th.consentState')).toBe('state-1');
  });

  it('uses the configured authority host (national clouds)', async () => {
    const { deps } = windowDeps(
      `https://hub.example.org/auth/consent?tenant=${TENANT}&client=${CLIENT}&scope=x`,
    );
    await runConsentWindow({ ...deps, authorityHost: 'https://login.microsoftonline.us/' });
    expect(deps.location.assign.mock.calls[0]![0]).toMatch(
      new RegExp(`^https://login\\.microsoftonline\\.us/${TENANT}/oauth2/v2\\.0/authorize\\?`),
    );
  });

  it('goes nowhere without a valid request', async () => {
    const { deps } = windowDeps('https://hub.example.org/auth/consent?tenant=x');
    await runConsentWindow(deps);
    expect(deps.location.assign).not.toHaveBeenCalled();
    expect(deps.fail).toHaveBeenCalledWith('invalid_consent_request');
  });

  it.each([
    ['consent given', '#code=abc&state=state-1', '', { ok: true }],
    ['consent declined', '#error=access_denied&state=state-1', '', { ok: false, reason: 'access_denied' }],
    ['an error in the query', '', '?error=invalid_request', { ok: false, reason: 'invalid_request' }],
    ['another state', '#code=abc&state=forged', '', { ok: false, reason: 'state_mismatch' }],
    ['no code', '#state=state-1', '', { ok: false, reason: 'no_code' }],
  ])('tells Teams the outcome on return: %s', async (_label, hash, search, outcome) => {
    const { deps, store } = windowDeps(`https://hub.example.org/auth/consent-end${search}${hash}`, {
      'th.consentState': 'state-1',
    });
    await runConsentWindow(deps);
    expect(deps.notify).toHaveBeenCalledWith(outcome);
    expect(store.has('th.consentState')).toBe(false);
  });

  it('refuses a return it did not start', () => {
    expect(consentOutcome('#code=abc&state=s', '', null)).toEqual({ ok: false, reason: 'state_mismatch' });
  });
});
