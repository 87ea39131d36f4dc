// The jose validator on its own: where the metadata comes from and what happens when it cannot be read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntraTokenValidator } from '../../bot/api/auth/entra-token-validator.js';
import { UnauthenticatedError, UnavailableError } from '../../bot/domain/errors.js';
import { startSsoStandIn, type SsoStandIn } from './sso-stand-in.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';
const now = Math.floor(Date.now() / 1000);

let sso: SsoStandIn;
beforeAll(async () => {
  sso = await startSsoStandIn({ tenantId: TENANT, clientId: CLIENT });
});
afterAll(async () => {
  await sso.close();
});

const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: sso.v2Issuer,
  aud: CLIENT,
  iat: now - 60,
  exp: now + 600,
  oid: '00000000-0000-4000-8000-000000000002',
  tid: TENANT,
  scp: 'access_as_user',
  ...overrides,
});

describe('createEntraTokenValidator', () => {
  it('is unavailable (not unauthenticated) while the metadata cannot be read, and retries later', async () => {
    let down = true;
    const validator = createEntraTokenValidator({
      tenantId: TENANT,
      clientId: CLIENT,
      openIdConfigUrl: sso.openIdConfigUrl,
      fetch: (input, init) => (down ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    const token = await sso.sign(claims());
    await expect(validator.validate(token)).rejects.toBeInstanceOf(UnavailableError);
    down = false;
    await expect(validator.validate(token)).resolves.toMatchObject({
      tenantId: TENANT,
      scopes: ['access_as_user'],
    });
  });

  it('refuses a metadata document that is not an OpenID configuration', async () => {
    const validator = createEntraTokenValidator({
      tenantId: TENANT,
      clientId: CLIENT,
      openIdConfigUrl: 'https://login.example/metadata',
      fetch: () => Promise.resolve(new Response(JSON.stringify({ hello: 'world' }), { status: 200 })),
    });
    await expect(validator.validate(await sso.sign(claims()))).rejects.toBeInstanceOf(UnavailableError);
  });

  it('substitutes the configured tenant in tenant-independent metadata ({tenantid})', async () => {
    const common = {
      issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      jwks_uri: sso.openIdConfigUrl.replace('v2.0/.well-known/openid-configuration', 'discovery/v2.0/keys'),
    };
    const validator = createEntraTokenValidator({
      tenantId: TENANT,
      clientId: CLIENT,
      openIdConfigUrl: 'https://login.example/common/v2.0/.well-known/openid-configuration',
      fetch: () => Promise.resolve(new Response(JSON.stringify(common), { status: 200 })),
    });
    await expect(validator.validate(await sso.sign(claims()))).resolves.toMatchObject({ tenantId: TENANT });
    const other = claims({ iss: 'https://login.microsoftonline.com/{tenantid}/v2.0' });
    await expect(validator.validate(await sso.sign(other))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('returns the email from preferred_username, upn or email, only when it looks like one', async () => {
    const validator = createEntraTokenValidator({
      tenantId: TENANT,
      clientId: CLIENT,
      openIdConfigUrl: sso.openIdConfigUrl,
    });
    await expect(validator.validate(await sso.sign(claims({ upn: 'a@itu.example' })))).resolves.toMatchObject(
      { email: 'a@itu.example' },
    );
    await expect(
      validator.validate(await sso.sign(claims({ preferred_username: 'not-an-email' }))),
    ).resolves.toMatchObject({
      email: undefined,
    });
  });
});
