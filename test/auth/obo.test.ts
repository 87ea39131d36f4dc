// On-behalf-of with a certificate credential (a signed client assertion instead of a secret).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOnBehalfOf, canUseOnBehalfOf, graphScope } from '../../bot/api/auth/obo.js';
import { ConsentRequiredError } from '../../bot/domain/errors.js';
import { createSelfSignedCertificate } from '../graph-emulator/self-signed-cert.js';
import { startSsoStandIn, type SsoStandIn } from './sso-stand-in.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';

let sso: SsoStandIn;
beforeAll(async () => {
  sso = await startSsoStandIn({ tenantId: TENANT, clientId: CLIENT });
});
afterAll(async () => {
  expect(sso.unexpected).toEqual([]);
  await sso.close();
});

describe('createOnBehalfOf', () => {
  it('exchanges the user token with a certificate credential', async () => {
    const cert = createSelfSignedCertificate('transformation-hub-client');
    const obo = createOnBehalfOf(
      {
        authorityHost: sso.authorityHost,
        tenantId: TENANT,
        clientId: CLIENT,
        clientCertificatePath: cert.bundlePath,
      },
      { trustedCa: sso.caCertPem },
    );
    const scope = graphScope('https://graph.microsoft.us/v1.0', 'User.Read');
    expect(scope).toBe('https://graph.microsoft.us/User.Read');
    await expect(obo.acquire('user-assertion-1', [scope])).resolves.toMatch(/^graph-delegated-/);
    const form = sso.tokenRequests.at(-1);
    expect(form?.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(form?.get('client_assertion')).toBeTruthy();
    expect(form?.get('client_secret')).toBeNull();
    expect(form?.get('assertion')).toBe('user-assertion-1');
  });

  it('maps a consent refusal to ConsentRequiredError with the scopes', async () => {
    sso.oboReply = () => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'AADSTS65001', suberror: 'consent_required' },
    });
    const obo = createOnBehalfOf(
      { authorityHost: sso.authorityHost, tenantId: TENANT, clientId: CLIENT, clientSecret: 's' },
      { trustedCa: sso.caCertPem },
    );
    const error = await obo
      .acquire('user-assertion-2', ['https://graph.microsoft.com/User.Read'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({
      reason: 'invalid_grant',
      scopes: ['https://graph.microsoft.com/User.Read'],
    });
    sso.oboReply = undefined;
  });

  it('is offered only with a secret or a certificate (a managed identity cannot do on-behalf-of)', () => {
    expect(canUseOnBehalfOf({ tenantId: TENANT, clientId: CLIENT, authorityHost: 'https://x' })).toBe(false);
    expect(
      canUseOnBehalfOf({ tenantId: TENANT, clientId: CLIENT, clientSecret: 's', authorityHost: 'https://x' }),
    ).toBe(true);
  });
});
