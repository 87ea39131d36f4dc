// On-behalf-of (PLATFORM-FACTS D3/D4): exchanges the tab's validated SSO token for a token to call
// Microsoft Graph as the user, with msal-node's ConfidentialClientApplication. The authority is
// `<ENTRA_AUTHORITY_HOST>/<tenant>`, given to msal-node as a known authority (no cloud discovery), so
// national clouds and local stand-ins work. The Graph token never leaves the server.
//
// `invalid_grant` (consent missing, assertion expired or revoked) and `interaction_required` (MFA,
// device enrolment) become ConsentRequiredError: a 403 problem `consent_required` naming the scopes,
// from which the tab starts the consent flow. Any other failure is the token service being unavailable.
import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { ConsentRequiredError, UnavailableError } from '../../domain/errors.js';
import { createHttpsNetworkModule } from '../../storage/sharepoint/https-network-module.js';
import { readCertificateCredential } from '../../storage/sharepoint/token-provider.js';

export interface OnBehalfOf {
  /** A Graph token for the user behind `userToken` (already validated), for `scopes`. */
  acquire(userToken: string, scopes: readonly string[]): Promise<string>;
}

export interface OboSettings {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  clientCertificatePath?: string;
}

export interface OboDeps {
  /** Extra CA (PEM) trusted for the token service (local stand-ins in tests). */
  trustedCa?: string | Buffer;
  readFile?: (path: string) => string;
}

/** The delegated Graph scope for a Graph base URL, e.g. https://graph.microsoft.com/User.Read. */
export function graphScope(graphBaseUrl: string, permission: string): string {
  return `${new URL(graphBaseUrl).origin}/${permission}`;
}

function errorCodes(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const e = error as { errorCode?: unknown; subError?: unknown; errorMessage?: unknown };
  return [e.errorCode, e.subError].filter((c): c is string => typeof c === 'string' && c !== '');
}

/** Whether OBO can be configured (a client secret or certificate; a managed identity cannot do OBO). */
export function canUseOnBehalfOf(settings: Partial<OboSettings>): settings is OboSettings {
  return (
    !!settings.tenantId && !!settings.clientId && !!(settings.clientSecret || settings.clientCertificatePath)
  );
}

export function createOnBehalfOf(settings: OboSettings, deps: OboDeps = {}): OnBehalfOf {
  const authorityHost = settings.authorityHost.replace(/\/+$/, '');
  const auth: Configuration['auth'] = {
    clientId: settings.clientId,
    authority: `${authorityHost}/${settings.tenantId}`,
    knownAuthorities: [new URL(authorityHost).host],
  };
  if (settings.clientCertificatePath) {
    const read = deps.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
    auth.clientCertificate = readCertificateCredential(
      read(settings.clientCertificatePath),
      settings.clientCertificatePath,
    );
  } else {
    auth.clientSecret = settings.clientSecret;
  }
  const app = new ConfidentialClientApplication({
    auth,
    system: deps.trustedCa ? { networkClient: createHttpsNetworkModule(deps.trustedCa) } : undefined,
  });

  return {
    async acquire(userToken, scopes) {
      try {
        const result = await app.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: [...scopes] });
        if (!result?.accessToken) throw new Error('the token service returned no access token');
        return result.accessToken;
      } catch (error) {
        const codes = errorCodes(error);
        if (codes.includes('invalid_grant'))
          throw new ConsentRequiredError(scopes, 'invalid_grant', { cause: error });
        if (codes.includes('interaction_required') || codes.includes('consent_required'))
          throw new ConsentRequiredError(scopes, 'interaction_required', { cause: error });
        throw new UnavailableError('Entra ID token service', { cause: error });
      }
    },
  };
}
