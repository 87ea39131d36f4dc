// GET /api/v1/me/graph-profile: the caller's Microsoft 365 profile, read from Graph as the user
// through on-behalf-of. Registered only with AUTH_MODE=entra and a client secret or certificate
// (a managed identity cannot do on-behalf-of). Without consent the answer is a 403 problem
// `consent_required` naming the scopes, from which the tab starts the consent flow.
import { UnauthenticatedError } from '../../domain/errors.js';
import {
  GraphUserProfileSchema,
  type GraphUserProfile,
} from '../../storage/sharepoint/graph-user-profile.js';
import { route } from '../route.js';

export interface GraphProfileDeps {
  /** Delegated scopes requested for Graph, e.g. ["https://graph.microsoft.com/User.Read"]. */
  scopes: readonly string[];
  acquire(userToken: string, scopes: readonly string[]): Promise<string>;
  read(delegatedToken: string): Promise<GraphUserProfile>;
}

export function graphProfileRoutes(deps: GraphProfileDeps) {
  return [
    route({
      method: 'get',
      path: '/api/v1/me/graph-profile',
      operationId: 'getMyGraphProfile',
      summary:
        'My Microsoft 365 profile, read from Microsoft Graph on my behalf (403 consent_required until consented)',
      tag: 'me',
      response: { kind: 'json', schema: GraphUserProfileSchema, name: 'GraphUserProfile' },
      handler: async ({ bearerToken }) => {
        if (!bearerToken) throw new UnauthenticatedError('missing bearer token');
        const graphToken = await deps.acquire(bearerToken, deps.scopes);
        return { body: await deps.read(graphToken), headers: { 'Cache-Control': 'private, no-store' } };
      },
    }),
  ];
}
