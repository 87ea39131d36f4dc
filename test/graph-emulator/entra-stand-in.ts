// A local stand-in for Entra ID's v2.0 endpoints, enough for msal-node's client-credentials flow with
// a known authority (PLATFORM-FACTS G8): the OpenID configuration document and the token endpoint
// (client secret, or a client assertion signed with a registered certificate), plus the App Service
// managed identity endpoint msal-node's ManagedIdentityApplication calls. Tokens are random strings
// that the Graph side of the emulator accepts; anything else is refused like Entra ID refuses it.
import { constants, createHash, randomBytes, verify, X509Certificate } from 'node:crypto';

export interface RegisteredApp {
  clientId: string;
  clientSecret?: string;
  /** PEM of the certificate whose private key signs client assertions. */
  certificatePem?: string;
}

export interface TokenIssue {
  clientId: string;
  scope: string;
  method: 'secret' | 'certificate' | 'managed-identity';
}

export interface StandInResponse {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

function b64urlJson(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

export class EntraStandIn {
  readonly apps = new Map<string, RegisteredApp>();
  readonly issued = new Map<string, TokenIssue>();
  readonly identityHeader = randomBytes(16).toString('hex');

  constructor(
    readonly tenantId: string,
    private readonly origin: () => string,
  ) {}

  register(app: RegisteredApp): void {
    this.apps.set(app.clientId, app);
  }

  /** Registers a token for tests that drive the transport with a fixed token. */
  accept(token: string, clientId = 'static'): void {
    this.issued.set(token, { clientId, scope: 'static', method: 'secret' });
  }

  private issue(issue: TokenIssue): StandInResponse {
    const token = `emulated.${randomBytes(24).toString('base64url')}`;
    this.issued.set(token, issue);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token },
    };
  }

  private refuse(error: string, description: string, status = 401): StandInResponse {
    return { status, body: { error, error_description: description, error_codes: [7000215] } };
  }

  openIdConfiguration(tenant: string): StandInResponse {
    const base = `${this.origin()}/${tenant}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${base}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${this.origin()}/oidc/userinfo`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat'],
        tenant_region_scope: 'EU',
        cloud_instance_name: 'emulator.local',
      },
    };
  }

  token(tenant: string, form: URLSearchParams): StandInResponse {
    if (tenant !== this.tenantId)
      return this.refuse('invalid_tenant', `AADSTS90002: Tenant '${tenant}' not found.`, 400);
    if (form.get('grant_type') !== 'client_credentials') {
      return this.refuse('unsupported_grant_type', 'AADSTS70003: only client_credentials is emulated', 400);
    }
    const clientId = form.get('client_id') ?? '';
    const scope = form.get('scope') ?? '';
    const app = this.apps.get(clientId);
    if (!app)
      return this.refuse(
        'unauthorized_client',
        `AADSTS700016: Application '${clientId}' was not found.`,
        400,
      );
    if (!scope.split(' ').some((s) => s.endsWith('/.default'))) {
      return this.refuse(
        'invalid_scope',
        'AADSTS1002012: the client credentials flow needs a /.default scope',
        400,
      );
    }
    const secret = form.get('client_secret');
    if (secret !== null) {
      if (!app.clientSecret || secret !== app.clientSecret) {
        return this.refuse('invalid_client', 'AADSTS7000215: Invalid client secret provided.');
      }
      return this.issue({ clientId, scope, method: 'secret' });
    }
    const assertion = form.get('client_assertion');
    if (
      assertion !== null &&
      form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    ) {
      const problem = this.checkAssertion(app, assertion, `${this.origin()}/${tenant}/oauth2/v2.0/token`);
      if (problem) return this.refuse('invalid_client', problem);
      return this.issue({ clientId, scope, method: 'certificate' });
    }
    return this.refuse('invalid_client', 'AADSTS7000216: client_assertion or client_secret is required.');
  }

  /** A client assertion (RFC 7523) signed by the registered certificate's key, for this audience. */
  private checkAssertion(app: RegisteredApp, jwt: string, audience: string): string | undefined {
    if (!app.certificatePem) return 'AADSTS700027: no certificate registered for the application';
    const [h, p, s] = jwt.split('.');
    if (!h || !p || !s) return 'AADSTS700027: malformed client assertion';
    let header: Record<string, unknown>;
    let payload: Record<string, unknown>;
    try {
      header = b64urlJson(h) as Record<string, unknown>;
      payload = b64urlJson(p) as Record<string, unknown>;
    } catch {
      return 'AADSTS700027: malformed client assertion';
    }
    const cert = new X509Certificate(app.certificatePem);
    const sha256 = createHash('sha256').update(cert.raw).digest('base64url');
    if (header['x5t#S256'] !== sha256) return 'AADSTS700027: the certificate thumbprint does not match';
    const signed = Buffer.from(`${h}.${p}`);
    const signature = Buffer.from(s, 'base64url');
    const key = cert.publicKey;
    let ok = false;
    if (header.alg === 'PS256') {
      ok = verify(
        'sha256',
        signed,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        signature,
      );
    } else if (header.alg === 'RS256') {
      ok = verify('sha256', signed, key, signature);
    }
    if (!ok) return 'AADSTS700027: the client assertion signature is invalid';
    if (payload.aud !== audience) return 'AADSTS700027: wrong audience in the client assertion';
    if (payload.iss !== app.clientId || payload.sub !== app.clientId) return 'AADSTS700027: wrong issuer';
    if (typeof payload.exp !== 'number' || payload.exp * 1000 < Date.now())
      return 'AADSTS700027: the assertion expired';
    return undefined;
  }

  /** App Service managed identity (api-version 2019-08-01), as msal-node's AppService source calls it. */
  managedIdentity(query: URLSearchParams, header: string | undefined): StandInResponse {
    if (header !== this.identityHeader)
      return { status: 401, body: { error: 'invalid_request', error_description: 'bad X-IDENTITY-HEADER' } };
    const resource = query.get('resource');
    const clientId = query.get('client_id') ?? 'system-assigned';
    if (query.get('api-version') !== '2019-08-01' || !resource) {
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'api-version and resource are required' },
      };
    }
    const token = `emulated-mi.${randomBytes(24).toString('base64url')}`;
    this.issued.set(token, { clientId, scope: resource, method: 'managed-identity' });
    return {
      status: 200,
      body: {
        access_token: token,
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource,
        token_type: 'Bearer',
        client_id: clientId,
      },
    };
  }
}
