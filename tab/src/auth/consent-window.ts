// The pages of the Teams authentication window (opened by the tab with authentication.authenticate):
// /auth/consent sends the user to Entra ID for consent, /auth/consent-end reports the outcome to
// Teams. Loaded instead of the app on those two paths; teams-js is only needed on the second.
import { authorizeUrl, CONSENT_END_PATH, consentOutcome, consentRequestOf } from './consent.js';

const STATE_KEY = 'th.consentState';
const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export interface ConsentWindowDeps {
  location: Pick<Location, 'pathname' | 'search' | 'hash' | 'origin' | 'assign'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Random URL-safe string (state and PKCE verifier). */
  random: () => string;
  /** base64url(SHA-256(verifier)). */
  challenge: (verifier: string) => Promise<string>;
  /** authentication.notifySuccess / notifyFailure after app.initialize. */
  notify: (outcome: { ok: true } | { ok: false; reason: string }) => Promise<void>;
  /** Shown when the window cannot do its job (opened without a request). */
  fail: (reason: string) => void;
  authorityHost?: string;
}

export async function runConsentWindow(deps: ConsentWindowDeps): Promise<void> {
  const { location } = deps;
  if (location.pathname.startsWith(CONSENT_END_PATH)) {
    const outcome = consentOutcome(location.hash, location.search, deps.storage.getItem(STATE_KEY));
    deps.storage.removeItem(STATE_KEY);
    await deps.notify(outcome);
    return;
  }
  const request = consentRequestOf(location.search);
  if (!request) {
    deps.fail('invalid_consent_request');
    return;
  }
  const state = deps.random();
  deps.storage.setItem(STATE_KEY, state);
  location.assign(
    authorizeUrl(request, {
      authorityHost: deps.authorityHost ?? DEFAULT_AUTHORITY_HOST,
      redirectUri: `${location.origin}${CONSENT_END_PATH}`,
      state,
      codeChallenge: await deps.challenge(deps.random()),
    }),
  );
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The browser's dependencies. */
export function browserConsentWindowDeps(): ConsentWindowDeps {
  return {
    location: window.location,
    storage: window.sessionStorage,
    random: () => base64url(crypto.getRandomValues(new Uint8Array(32))),
    challenge: async (verifier) =>
      base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))),
    notify: async (outcome) => {
      const { app, authentication } = await import('@microsoft/teams-js');
      await app.initialize();
      if (outcome.ok) authentication.notifySuccess();
      else authentication.notifyFailure(outcome.reason);
    },
    fail: (reason) => {
      document.body.textContent = `Transformation Hub: ${reason}`;
    },
    authorityHost: import.meta.env.VITE_ENTRA_AUTHORITY_HOST as string | undefined,
  };
}
