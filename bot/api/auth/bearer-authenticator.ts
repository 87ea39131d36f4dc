import { UnauthenticatedError } from '../../domain/errors.js';
import { DEV_USER_HEADER, header, type Authenticator, type Headers, type Identity } from './authenticator.js';
import type { TokenValidator } from './token-validator.js';

/** Entra ID mode: every request needs `Authorization: Bearer <token>`; the development identity is refused. */
export class BearerAuthenticator implements Authenticator {
  readonly mode = 'entra' as const;

  constructor(private readonly validator: TokenValidator) {}

  async authenticate(headers: Headers): Promise<Identity> {
    if (header(headers, DEV_USER_HEADER) !== undefined)
      throw new UnauthenticatedError('development_identity_refused');
    const auth = header(headers, 'authorization');
    const match = auth ? /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i.exec(auth.trim()) : null;
    if (!match?.[1])
      throw new UnauthenticatedError(auth ? 'malformed authorization header' : 'missing bearer token');
    const token = match[1];
    const claims = await this.validator.validate(token);
    return {
      kind: 'entra',
      aadObjectId: claims.aadObjectId,
      tenantId: claims.tenantId,
      email: claims.email,
      name: claims.name,
      token,
    };
  }
}
