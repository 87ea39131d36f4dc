// Local stand-ins for the tab SSO tests: Entra ID's OpenID metadata and signing keys (HTTP, read with
// fetch by the jose validator), Entra ID's token endpoint for on-behalf-of (HTTPS with a self-signed
// certificate, because msal-node refuses http:// authorities), and Microsoft Graph's GET /me. Tokens
// are signed with keys generated here (jose). Anything unexpected is answered 501 and recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { createSelfSignedCertificate } from '../graph-emulator/self-signed-cert.js';

export interface OboReply {
  status: number;
  body: unknown;
}

export interface SsoStandIn {
  tenantId: string;
  clientId: string;
  appIdUri: string;
  /** ENTRA_OPENID_CONFIG_URL (v2.0 metadata on the HTTP side). */
  openIdConfigUrl: string;
  /** ENTRA_AUTHORITY_HOST (HTTPS; trust `caCertPem`). */
  authorityHost: string;
  graphBaseUrl: string;
  caCertPem: string;
  kid: string;
  v2Issuer: string;
  v1Issuer: string;
  /** Requests that no handler understood. */
  unexpected: string[];
  /** Form bodies posted to the token endpoint. */
  tokenRequests: URLSearchParams[];
  jwksRequests: number;
  /** What the token endpoint answers next (default: a delegated Graph token). */
  oboReply?: (form: URLSearchParams) => OboReply;
  /** Signs a token with the published key (or another key, to forge). */
  sign(claims: JWTPayload, options?: { kid?: string; key?: CryptoKey; alg?: string }): Promise<string>;
  /** A second key pair that is not published. */
  foreignKey: CryptoKey;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startSsoStandIn(ids: { tenantId: string; clientId: string }): Promise<SsoStandIn> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const kid = 'test-key-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const tls = createSelfSignedCertificate('localhost', { subjectAltName: 'IP:127.0.0.1,DNS:localhost' });
  let httpOrigin = '';
  let httpsOrigin = '';

  const standIn: SsoStandIn = {
    tenantId: ids.tenantId,
    clientId: ids.clientId,
    appIdUri: `api://hub.example.org/${ids.clientId}`,
    openIdConfigUrl: '',
    authorityHost: '',
    graphBaseUrl: '',
    caCertPem: tls.certPem,
    kid,
    v2Issuer: `https://login.microsoftonline.com/${ids.tenantId}/v2.0`,
    v1Issuer: `https://sts.windows.net/${ids.tenantId}/`,
    unexpected: [],
    tokenRequests: [],
    jwksRequests: 0,
    foreignKey: foreign.privateKey,
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? kid, typ: 'JWT' })
        .sign(options.key ?? privateKey),
    close: async () => {
      const stop = (s: Server | HttpsServer) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        });
      await Promise.all([stop(http), stop(https)]);
    },
  };

  // The HTTP side: OpenID metadata, keys, Graph /me.
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const line = `${req.method} ${url.pathname}`;
    if (req.method === 'GET' && url.pathname === `/${ids.tenantId}/v2.0/.well-known/openid-configuration`) {
      return reply(res, 200, {
        issuer: standIn.v2Issuer,
        jwks_uri: `${httpOrigin}/${ids.tenantId}/discovery/v2.0/keys`,
        token_endpoint: `${httpsOrigin}/${ids.tenantId}/oauth2/v2.0/token`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.method === 'GET' && url.pathname === `/${ids.tenantId}/discovery/v2.0/keys`) {
      standIn.jwksRequests += 1;
      return reply(res, 200, { keys: [jwk] });
    }
    if (req.method === 'GET' && url.pathname === '/v1.0/me') {
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer graph-delegated-')) {
        return reply(res, 401, {
          error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
        });
      }
      return reply(res, 200, {
        id: '00000000-0000-4000-8000-000000000002',
        displayName: 'Olivia Owner',
        mail: 'olivia.owner@itu.example',
        userPrincipalName: 'olivia.owner@itu.example',
        jobTitle: 'Project lead',
        officeLocation: 'Geneva',
        preferredLanguage: 'fr-CH',
      });
    }
    standIn.unexpected.push(line);
    reply(res, 501, { error: 'not_emulated', line });
  });

  // The HTTPS side: the authority msal-node talks to for on-behalf-of.
  const https = createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'https://localhost');
      const base = `${httpsOrigin}/${ids.tenantId}`;
      if (req.method === 'GET' && url.pathname === `/${ids.tenantId}/v2.0/.well-known/openid-configuration`) {
        return reply(res, 200, {
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          issuer: `${base}/v2.0`,
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          token_endpoint_auth_methods_supported: [
            'client_secret_post',
            'private_key_jwt',
            'client_secret_basic',
          ],
        });
      }
      if (req.method === 'POST' && url.pathname === `/${ids.tenantId}/oauth2/v2.0/token`) {
        const form = new URLSearchParams(await readBody(req));
        standIn.tokenRequests.push(form);
        if (
          form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' ||
          form.get('requested_token_use') !== 'on_behalf_of'
        ) {
          standIn.unexpected.push(`POST token grant_type=${form.get('grant_type')}`);
          return reply(res, 400, {
            error: 'unsupported_grant_type',
            error_description: 'only on-behalf-of is emulated',
          });
        }
        const answer = standIn.oboReply?.(form) ?? {
          status: 200,
          body: {
            token_type: 'Bearer',
            scope: form.get('scope'),
            expires_in: 3599,
            ext_expires_in: 3599,
            access_token: `graph-delegated-${Math.random().toString(36).slice(2)}`,
          },
        };
        return reply(res, answer.status, answer.body);
      }
      standIn.unexpected.push(`${req.method} https ${url.pathname}`);
      reply(res, 501, { error: 'not_emulated' });
    })();
  });

  const listen = (server: Server | HttpsServer) =>
    new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  httpOrigin = `http://127.0.0.1:${await listen(http)}`;
  httpsOrigin = `https://127.0.0.1:${await listen(https)}`;
  standIn.openIdConfigUrl = `${httpOrigin}/${ids.tenantId}/v2.0/.well-known/openid-configuration`;
  standIn.authorityHost = httpsOrigin;
  standIn.graphBaseUrl = `${httpOrigin}/v1.0`;
  return standIn;
}
