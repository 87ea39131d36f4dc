import { UnauthenticatedError } from '../../domain/errors.js';

/** The claims the app relies on, from a validated Entra ID access token. */
export interface ValidatedToken {
  aadObjectId: string;
  tenantId: string;
  email?: string;
  name?: string;
  scopes: readonly string[];
}

/** Validates an Entra ID access token (signature, issuer, audience, expiry, scope). */
export interface TokenValidator {
  validate(token: string): Promise<ValidatedToken>;
}

/** Used until a real validator is configured: refuses every token, so nothing is accepted unchecked. */
export const refuseAllTokens: TokenValidator = {
  validate: () => Promise.reject(new UnauthenticatedError('token validation is not configured')),
};
