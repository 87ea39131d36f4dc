import { UnauthenticatedError } from '../../domain/errors.js';
import { Id } from '../../domain/primitives.js';
import { DEV_USER_HEADER, header, type Authenticator, type Headers, type Identity } from './authenticator.js';

/**
 * Development identity: only when the server runs with AUTH_MODE=dev (embedded mode). The persona is
 * a roster person id in the x-dev-user header; without it the default persona (DEV_DEFAULT_USER,
 * the demo CTO) acts, or the first CTO on the roster when that person does not exist.
 */
export class DevAuthenticator implements Authenticator {
  readonly mode = 'dev' as const;

  constructor(private readonly defaultPersonId?: string) {}

  authenticate(headers: Headers): Promise<Identity> {
    const raw = header(headers, DEV_USER_HEADER);
    if (raw === undefined || raw === '') return Promise.resolve({ kind: 'dev', personId: undefined, fallbackId: this.defaultPersonId });
    const parsed = Id.safeParse(raw);
    if (!parsed.success) return Promise.reject(new UnauthenticatedError('invalid development identity'));
    return Promise.resolve({ kind: 'dev', personId: parsed.data });
  }
}
