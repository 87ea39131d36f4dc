// Validates the Entra ID access token the Teams tab gets from `authentication.getAuthToken` (SSO),
// as PLATFORM-FACTS D5 describes: the signature against the keys named by the tenant's OpenID
// metadata (ENTRA_OPENID_CONFIG_URL, read once and cached), RS256 only, the issuer of the configured
// tenant (the v2.0 form from the metadata, and the v1.0 form `https://sts.windows.net/{tid}/`), the
// audience (the app's client id or its App ID URI), the expiry with five minutes of clock skew, the
// `access_as_user` scope, and `tid` equal to the configured tenant. Every refusal is an
// UnauthenticatedError with a stable reason (a 401 problem); when the metadata or the keys cannot be
// fetched the API is unavailable (503), not the caller unauthenticated.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { UnauthenticatedError, UnavailableError } from '../../domain/errors.js';
import type { TokenValidator, ValidatedToken } from './token-validator.js';

export const REQUIRED_SCOPE = 'access_as_user';
export const CLOCK_TOLERANCE_SECONDS = 5 * 60;
const METADATA_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface EntraTokenValidatorOptions {
  tenantId: string;
  clientId: string;
  /** e.g. api://hub.example.org/<client id>; tokens for either audience are accepted. */
  appIdUri?: string;
  openIdConfigUrl: string;
  /** The app's clock (tests use a fixed one); default the system clock. */
  now?: () => Date;
  /** For the metadata document; default global fetch. */
  fetch?: typeof fetch;
  /** Per request to the metadata and key endpoints; default 5 s. */
  timeoutMs?: number;
}

const OpenIdMetadata = z.object({ issuer: z.string().min(1), jwks_uri: z.url() }).loose();

const Guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Claims = z
  .object({
    oid: z.string().regex(Guid),
    tid: z.string().regex(Guid),
    scp: z.string().optional(),
    preferred_username: z.string().max(320).optional(),
    upn: z.string().max(320).optional(),
    email: z.string().max(320).optional(),
    name: z.string().max(256).optional(),
  })
  .loose();

interface Resolved {
  issuers: string[];
  keys: ReturnType<typeof createRemoteJWKSet>;
  loadedAt: number;
}

/** The reason a jose error gives, in the app's stable terms. */
function reasonOf(error: unknown): string | undefined {
  if (error instanceof errors.JWTExpired) return 'token_expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'wrong_issuer';
    if (error.claim === 'aud') return 'wrong_audience';
    if (error.claim === 'nbf' || error.claim === 'iat') return 'token_not_yet_valid';
    return 'invalid_claims';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'invalid_signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown_signing_key';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'ambiguous_signing_key';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return 'algorithm_not_allowed';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed_token';
  return undefined;
}

export function createEntraTokenValidator(options: EntraTokenValidatorOptions): TokenValidator {
  const tenantId = options.tenantId.toLowerCase();
  const audiences = [options.clientId, options.appIdUri].filter((a): a is string => !!a);
  const now = options.now ?? (() => new Date());
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let pending: Promise<Resolved> | undefined;

  async function load(): Promise<Resolved> {
    let body: unknown;
    try {
      const response = await fetchFn(options.openIdConfigUrl, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`OpenID metadata answered ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new UnavailableError('Entra ID metadata', { cause: error });
    }
    const metadata = OpenIdMetadata.safeParse(body);
    if (!metadata.success) throw new UnavailableError('Entra ID metadata (not an OpenID configuration)');
    // Tenant-independent metadata (common, organizations) names the issuer with a {tenantid}
    // placeholder: substitute the configured tenant and match exactly (PLATFORM-FACTS D5).
    const v2 = metadata.data.issuer.replace(/\{tenantid\}/gi, tenantId);
    return {
      issuers: [...new Set([v2, `https://sts.windows.net/${tenantId}/`])],
      keys: createRemoteJWKSet(new URL(metadata.data.jwks_uri), {
        timeoutDuration: timeoutMs,
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
      }),
      loadedAt: Date.now(),
    };
  }

  function resolved(): Promise<Resolved> {
    const current = pending;
    if (current) return current;
    const next = load().then(
      (r) => r,
      (error: unknown) => {
        // A failed load is not cached: the next request tries again.
        pending = undefined;
        throw error;
      },
    );
    pending = next;
    return next;
  }

  return {
    async validate(token: string): Promise<ValidatedToken> {
      let meta = await resolved();
      if (Date.now() - meta.loadedAt > METADATA_MAX_AGE_MS) {
        pending = undefined;
        meta = await resolved();
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, meta.keys, {
          algorithms: ['RS256'],
          issuer: meta.issuers,
          audience: audiences,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: now(),
          requiredClaims: ['exp', 'iss', 'aud'],
        }));
      } catch (error) {
        const reason = reasonOf(error);
        if (reason) throw new UnauthenticatedError(reason);
        if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
          throw new UnavailableError('Entra ID signing keys', { cause: error });
        if (error instanceof errors.JOSEError) throw new UnauthenticatedError('invalid_token');
        // The key endpoint could not be reached (network): the service, not the caller, is at fault.
        throw new UnavailableError('Entra ID signing keys', { cause: error });
      }
      const claims = Claims.safeParse(payload);
      if (!claims.success) throw new UnauthenticatedError('invalid_claims');
      if (claims.data.tid.toLowerCase() !== tenantId) throw new UnauthenticatedError('wrong_tenant');
      const scopes = (claims.data.scp ?? '').split(' ').filter(Boolean);
      if (!scopes.includes(REQUIRED_SCOPE)) throw new UnauthenticatedError('missing_scope');
      const email = claims.data.preferred_username ?? claims.data.upn ?? claims.data.email;
      return {
        aadObjectId: claims.data.oid.toLowerCase(),
        tenantId: claims.data.tid.toLowerCase(),
        email: email && email.includes('@') ? email : undefined,
        name: claims.data.name,
        scopes,
      };
    },
  };
}
