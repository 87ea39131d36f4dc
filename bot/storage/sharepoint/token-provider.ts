// App-only tokens for Graph through msal-node: a client certificate, a client secret, or a managed
// identity (in that order of preference when several are configured). msal-node caches tokens and
// renews them before they expire; `forceRefresh` skips its cache after Graph refused a token.
//
// National clouds and local stand-ins: the authority is `<ENTRA_AUTHORITY_HOST>/<tenant>` and its host
// is given to msal-node as a known authority, so msal-node trusts it without calling the public
// cloud's instance discovery; it then reads `<authority>/v2.0/.well-known/openid-configuration` and
// posts to the token endpoint named there. The token is for the Graph resource the base URL points at
// (`https://graph.microsoft.us/.default` for GCC High, for example).
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import {
  ConfidentialClientApplication,
  ManagedIdentityApplication,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-node';
import { GraphRequestError } from './graph-error.js';
import { createHttpsNetworkModule } from './https-network-module.js';

export type CredentialMethod = 'client-certificate' | 'client-secret' | 'managed-identity';

export interface TokenProvider {
  readonly method: CredentialMethod | 'static';
  getToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

export interface AppCredentials {
  authorityHost: string;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  clientCertificatePath?: string;
  managedIdentityClientId?: string;
}

export interface TokenProviderDeps {
  /** Extra CA certificate(s), PEM, trusted for the token service (see https-network-module.ts). */
  trustedCa?: string | Buffer;
  readFile?: (path: string) => string;
}

export function credentialMethod(creds: AppCredentials): CredentialMethod | undefined {
  if (creds.clientCertificatePath) return 'client-certificate';
  if (creds.clientSecret) return 'client-secret';
  if (creds.managedIdentityClientId) return 'managed-identity';
  return undefined;
}

interface CertificateCredential {
  thumbprintSha256: string;
  privateKey: string;
  x5c: string;
}

const PRIVATE_KEY = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/;
const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads a PEM file holding the private key and the certificate (chain), as Azure Key Vault exports it. */
export function readCertificateCredential(pem: string, path: string): CertificateCredential {
  const key = PRIVATE_KEY.exec(pem)?.[0];
  const certs = pem.match(CERTIFICATE) ?? [];
  const leaf = certs[0];
  if (!key || !leaf) {
    throw new Error(
      `ENTRA_CLIENT_CERTIFICATE_PATH (${path}) must be a PEM file with an unencrypted private key and its certificate`,
    );
  }
  const thumbprintSha256 = new X509Certificate(leaf).fingerprint256.replace(/:/g, '');
  return { thumbprintSha256, privateKey: key, x5c: certs.join('\n') };
}

function graphResource(graphBaseUrl: string): string {
  return new URL(graphBaseUrl).origin;
}

function toGatewayError(error: unknown): GraphRequestError {
  const code =
    typeof error === 'object' && error !== null && 'errorCode' in error && typeof error.errorCode === 'string'
      ? error.errorCode
      : undefined;
  const refused =
    code !== undefined &&
    /invalid_client|unauthorized_client|invalid_grant|invalid_scope|invalid_request|invalid_resource/.test(
      code,
    );
  return new GraphRequestError(`could not get a Graph token${code ? ` (${code})` : ''}`, {
    kind: refused ? 'forbidden' : 'unavailable',
    status: refused ? 401 : 0,
    code,
    operation: 'token',
    cause: error,
  });
}

function accessToken(result: AuthenticationResult | null): string {
  if (!result?.accessToken) {
    throw new GraphRequestError('the token service returned no access token', {
      kind: 'unavailable',
      status: 0,
      operation: 'token',
    });
  }
  return result.accessToken;
}

export function createTokenProvider(
  creds: AppCredentials,
  graphBaseUrl: string,
  deps: TokenProviderDeps = {},
): TokenProvider {
  const method = credentialMethod(creds);
  const resource = graphResource(graphBaseUrl);
  const system: Configuration['system'] = deps.trustedCa
    ? { networkClient: createHttpsNetworkModule(deps.trustedCa) }
    : undefined;

  if (method === 'managed-identity') {
    const app = new ManagedIdentityApplication({
      managedIdentityIdParams: { userAssignedClientId: creds.managedIdentityClientId },
      system: system?.networkClient ? { networkClient: system.networkClient } : undefined,
    });
    return {
      method,
      getToken: async (options) => {
        try {
          return accessToken(
            await app.acquireToken({ resource, forceRefresh: options?.forceRefresh ?? false }),
          );
        } catch (error) {
          throw error instanceof GraphRequestError ? error : toGatewayError(error);
        }
      },
    };
  }

  if (!method || !creds.clientId || !creds.tenantId) {
    throw new Error(
      'Graph credentials are incomplete: set ENTRA_TENANT_ID, ENTRA_CLIENT_ID and ENTRA_CLIENT_CERTIFICATE_PATH or ENTRA_CLIENT_SECRET, or MANAGED_IDENTITY_CLIENT_ID',
    );
  }
  const authorityHost = creds.authorityHost.replace(/\/+$/, '');
  const auth: Configuration['auth'] = {
    clientId: creds.clientId,
    authority: `${authorityHost}/${creds.tenantId}`,
    knownAuthorities: [new URL(authorityHost).host],
  };
  if (method === 'client-certificate') {
    const path = creds.clientCertificatePath as string;
    const read = deps.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
    auth.clientCertificate = readCertificateCredential(read(path), path);
  } else {
    auth.clientSecret = creds.clientSecret;
  }
  const app = new ConfidentialClientApplication({ auth, system });
  const scopes = [`${resource}/.default`];
  return {
    method,
    getToken: async (options) => {
      try {
        return accessToken(
          await app.acquireTokenByClientCredential({ scopes, skipCache: options?.forceRefresh ?? false }),
        );
      } catch (error) {
        throw error instanceof GraphRequestError ? error : toGatewayError(error);
      }
    },
  };
}

/** A fixed token (tests that exercise the transport without an identity provider). */
export function staticTokenProvider(token: string): TokenProvider {
  return { method: 'static', getToken: () => Promise.resolve(token) };
}
