import { UnauthenticatedError } from '../../domain/errors.js';
import type { Person } from '../../domain/person.js';
import type { RosterService } from '../../services/roster-service.js';
import type { Identity } from './authenticator.js';

/** Matches an authenticated identity to the roster (unknown tenant staff become viewers). */
export async function resolveActor(identity: Identity, roster: RosterService): Promise<Person> {
  if (identity.kind === 'dev') {
    const person = identity.personId
      ? await roster.findById(identity.personId)
      : ((identity.fallbackId ? await roster.findById(identity.fallbackId) : undefined) ??
        (await roster.firstWithRole('cto')));
    if (!person)
      throw new UnauthenticatedError(identity.personId ? 'unknown development identity' : 'no roster yet');
    return person;
  }
  return roster.resolve({
    aadObjectId: identity.aadObjectId,
    email: identity.email,
    name: identity.name,
    tenantId: identity.tenantId,
  });
}
