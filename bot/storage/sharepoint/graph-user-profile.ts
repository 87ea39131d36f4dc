// The signed-in user's Microsoft 365 profile (GET /me), read with a delegated (on-behalf-of) token
// through the same Graph gateway as the lists: base URL, user agent, capped retries, one error type.
import { z } from 'zod';
import { ThrottledError, UnavailableError } from '../../domain/errors.js';
import { createGraphGateway, type GraphGatewayDeps } from './create-graph-gateway.js';
import { isGraphRequestError } from './graph-error.js';
import { staticTokenProvider } from './token-provider.js';

export const GraphUserProfileSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  officeLocation: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
});
export type GraphUserProfile = z.infer<typeof GraphUserProfileSchema>;

const MeShape = z
  .object({
    id: z.string(),
    displayName: z.string().nullish(),
    mail: z.string().nullish(),
    userPrincipalName: z.string().nullish(),
    jobTitle: z.string().nullish(),
    officeLocation: z.string().nullish(),
    preferredLanguage: z.string().nullish(),
  })
  .loose();

const SELECT = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'officeLocation',
  'preferredLanguage',
] as const;

export async function readSignedInUser(
  graphBaseUrl: string,
  delegatedToken: string,
  deps: Omit<GraphGatewayDeps, 'tokens'> = {},
): Promise<GraphUserProfile> {
  const gateway = createGraphGateway(
    { graphBaseUrl, credentials: { authorityHost: 'https://unused.invalid' } },
    { retry: { maxRetries: 2 }, timeoutMs: 10_000, ...deps, tokens: staticTokenProvider(delegatedToken) },
  );
  try {
    const me = MeShape.safeParse(await gateway.getMe(SELECT));
    if (!me.success) throw new UnavailableError('Microsoft Graph (unexpected /me response)');
    return {
      id: me.data.id,
      displayName: me.data.displayName ?? null,
      mail: me.data.mail ?? null,
      userPrincipalName: me.data.userPrincipalName ?? null,
      jobTitle: me.data.jobTitle ?? null,
      officeLocation: me.data.officeLocation ?? null,
      preferredLanguage: me.data.preferredLanguage ?? null,
    };
  } catch (error) {
    if (isGraphRequestError(error)) {
      if (error.kind === 'throttled') throw new ThrottledError(error.retryAfterSeconds);
      throw new UnavailableError('Microsoft Graph', { cause: error });
    }
    throw error;
  }
}
