// Tab SSO in AUTH_MODE=entra, end to end over HTTP: tokens signed with a local key published through
// local OpenID metadata, validated by the app's jose validator (signature, issuer, audience, expiry
// with five minutes of skew, scope, tenant) and mapped to the roster; on-behalf-of through msal-node
// against a local token endpoint, with invalid_grant / interaction_required as consent_required.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JWTPayload } from 'jose';
import type { Me } from '../../bot/domain/views.js';
import { startTestApp, TEST_NOW, type TestApp } from '../helpers/test-app.js';
import { startSsoStandIn, type SsoStandIn } from './sso-stand-in.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';
const OWNER_OID = '00000000-0000-4000-8000-000000000002';
const NOW = Math.floor(Date.parse(TEST_NOW) / 1000);

type Problem = {
  code: string;
  reason?: string;
  detail: string;
  type: string;
  status: number;
  scopes?: string[];
};

let sso: SsoStandIn;
let t: TestApp;

beforeAll(async () => {
  sso = await startSsoStandIn({ tenantId: TENANT, clientId: CLIENT });
  t = await startTestApp({
    env: {
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: TENANT,
      ENTRA_CLIENT_ID: CLIENT,
      ENTRA_CLIENT_SECRET: 'test-secret-value',
      ENTRA_APP_ID_URI: sso.appIdUri,
      ENTRA_OPENID_CONFIG_URL: sso.openIdConfigUrl,
      ENTRA_AUTHORITY_HOST: sso.authorityHost,
      GRAPH_BASE_URL: sso.graphBaseUrl,
    },
    trustedCa: sso.caCertPem,
  });
});
afterAll(async () => {
  await Promise.all([t?.close(), sso?.close()]);
});
afterEach(() => {
  // Fakes fail loudly: nothing the stand-ins did not understand was asked.
  expect(sso.unexpected).toEqual([]);
  sso.oboReply = undefined;
});

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: sso.v2Issuer,
    aud: CLIENT,
    iat: NOW - 60,
    nbf: NOW - 60,
    exp: NOW + 3600,
    oid: OWNER_OID,
    tid: TENANT,
    scp: 'access_as_user',
    preferred_username: 'olivia.owner@itu.example',
    name: 'Olivia Owner',
    ver: '2.0',
    ...overrides,
  };
}

function withoutClaim(name: string): JWTPayload {
  const c = claims();
  delete c[name];
  return c;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('valid tokens', () => {
  it('maps a v2 token to the roster persona by object id', async () => {
    const r = await t.json<Me>('/api/v1/me', bearer(await sso.sign(claims())));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      person: { id: 'p-owner', role: 'owner' },
      authMode: 'entra',
      guest: false,
    });
  });

  it('accepts the v1 issuer and the App ID URI as audience', async () => {
    const token = await sso.sign(
      claims({ iss: sso.v1Issuer, aud: sso.appIdUri, ver: '1.0', upn: 'olivia.owner@itu.example' }),
    );
    const r = await t.json<Me>('/api/v1/me', bearer(token));
    expect(r.status).toBe(200);
    expect(r.body.person.id).toBe('p-owner');
  });

  it('accepts a scope list that contains access_as_user', async () => {
    const r = await t.json<Me>(
      '/api/v1/me',
      bearer(await sso.sign(claims({ scp: 'User.Read access_as_user' }))),
    );
    expect(r.status).toBe(200);
  });

  it('accepts a token expired less than five minutes ago (clock skew)', async () => {
    const r = await t.json<Me>(
      '/api/v1/me',
      bearer(await sso.sign(claims({ iat: NOW - 4000, nbf: NOW - 4000, exp: NOW - 240 }))),
    );
    expect(r.status).toBe(200);
  });

  it('makes an unknown member of the tenant a viewer (guest)', async () => {
    const token = await sso.sign(
      claims({
        oid: '99999999-9999-4999-8999-999999999999',
        preferred_username: 'new.person@itu.example',
        name: 'New Person',
      }),
    );
    const r = await t.json<Me>('/api/v1/me', bearer(token));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ guest: true, person: { role: 'viewer', name: 'New Person' } });
  });
});

describe('refused tokens (401 problem)', () => {
  const noneToken = () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims())}.`;
  };
  const cases: Array<[string, () => Promise<string> | string, string]> = [
    ['a wrong signature', () => sso.sign(claims(), { key: sso.foreignKey }), 'invalid_signature'],
    [
      'an unknown key id',
      () => sso.sign(claims(), { kid: 'rotated-away', key: sso.foreignKey }),
      'unknown_signing_key',
    ],
    ['alg none', noneToken, 'algorithm_not_allowed'],
    [
      'a wrong audience',
      async () => sso.sign(claims({ aud: '33333333-3333-4333-8333-333333333333' })),
      'wrong_audience',
    ],
    [
      'the Graph audience',
      async () => sso.sign(claims({ aud: 'https://graph.microsoft.com' })),
      'wrong_audience',
    ],
    [
      'another tenant’s issuer',
      async () =>
        sso.sign(
          claims({ iss: 'https://login.microsoftonline.com/44444444-4444-4444-8444-444444444444/v2.0' }),
        ),
      'wrong_issuer',
    ],
    [
      'another tenant (tid)',
      async () => sso.sign(claims({ tid: '44444444-4444-4444-8444-444444444444' })),
      'wrong_tenant',
    ],
    [
      'expiry beyond the skew',
      async () => sso.sign(claims({ iat: NOW - 4000, nbf: NOW - 4000, exp: NOW - 360 })),
      'token_expired',
    ],
    [
      'not yet valid beyond the skew',
      async () => sso.sign(claims({ iat: NOW + 600, nbf: NOW + 600, exp: NOW + 4000 })),
      'token_not_yet_valid',
    ],
    ['a missing scope', async () => sso.sign(withoutClaim('scp')), 'missing_scope'],
    ['another scope only', async () => sso.sign(claims({ scp: 'User.Read' })), 'missing_scope'],
    ['no object id', async () => sso.sign(withoutClaim('oid')), 'invalid_claims'],
    ['no expiry', async () => sso.sign(withoutClaim('exp')), 'invalid_claims'],
    ['a malformed token', () => 'abc.def.ghi', 'malformed_token'],
  ];
  it.each(cases)('refuses %s', async (_label, make, reason) => {
    const r = await t.json<Problem>('/api/v1/me', bearer(await make()));
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: 'unauthenticated', reason });
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a request without a token', async () => {
    const r = await t.json<Problem>('/api/v1/me');
    expect(r.status).toBe(401);
  });

  it('refuses the development identity header even with a valid token', async () => {
    const r = await t.json<Problem>('/api/v1/me', {
      headers: { authorization: `Bearer ${await sso.sign(claims())}`, 'x-dev-user': 'p-cto' },
    });
    expect(r.status).toBe(401);
    expect(r.body.reason).toBe('development_identity_refused');
    const fr = await t.json<Problem>('/api/v1/me', { headers: { 'x-dev-user': 'p-cto' }, lang: 'fr' });
    expect(fr.body.detail).not.toBe(r.body.detail);
  });

  it('fetches the OpenID metadata once and the keys again only for an unknown key id', async () => {
    const before = sso.jwksRequests;
    await t.json('/api/v1/me', bearer(await sso.sign(claims())));
    await t.json('/api/v1/me', bearer(await sso.sign(claims())));
    expect(sso.jwksRequests).toBe(before);
  });
});

describe('on-behalf-of (GET /api/v1/me/graph-profile)', () => {
  it('reads the Graph profile as the user', async () => {
    const token = await sso.sign(claims({ jti: 'obo-ok' }));
    const r = await t.json<{ displayName: string; mail: string }>('/api/v1/me/graph-profile', bearer(token));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ displayName: 'Olivia Owner', mail: 'olivia.owner@itu.example' });
    const form = sso.tokenRequests.at(-1);
    expect(form?.get('assertion')).toBe(token);
    expect(form?.get('client_id')).toBe(CLIENT);
    expect(form?.get('scope')).toContain(`${new URL(sso.graphBaseUrl).origin}/User.Read`);
    // The delegated Graph token never reaches the client.
    expect(JSON.stringify(r.body)).not.toContain('graph-delegated-');
  });

  it.each([
    [
      'invalid_grant',
      {
        error: 'invalid_grant',
        error_description: 'AADSTS65001: The user or administrator has not consented to use the application.',
        error_codes: [65001],
        suberror: 'consent_required',
      },
    ],
    [
      'interaction_required',
      {
        error: 'interaction_required',
        error_description: 'AADSTS50076: you must use multi-factor authentication.',
        error_codes: [50076],
      },
    ],
  ])('turns %s into a consent_required problem (403, localised)', async (reason, body) => {
    sso.oboReply = () => ({ status: 400, body });
    const token = await sso.sign(claims({ jti: `obo-${reason}` }));
    const en = await t.json<Problem>('/api/v1/me/graph-profile', { ...bearer(token), lang: 'en' });
    expect(en.status).toBe(403);
    expect(en.body.type).toMatch(/consent_required$/);
    expect(en.body.code).toBe('consent_required');
    expect(en.body.reason).toBe(reason);
    expect(en.body.scopes).toEqual([`${new URL(sso.graphBaseUrl).origin}/User.Read`]);
    const ar = await t.json<Problem>('/api/v1/me/graph-profile', {
      ...bearer(await sso.sign(claims({ jti: `obo-${reason}-ar` }))),
      lang: 'ar',
    });
    expect(ar.status).toBe(403);
    expect(ar.body.detail).not.toBe(en.body.detail);
    expect(ar.body.detail).toMatch(/[\u0600-\u06FF]/);
  });

  it('answers 503 when the token service fails otherwise', async () => {
    sso.oboReply = () => ({
      status: 500,
      body: { error: 'temporarily_unavailable', error_description: 'AADSTS50000' },
    });
    const r = await t.json<Problem>(
      '/api/v1/me/graph-profile',
      bearer(await sso.sign(claims({ jti: 'obo-500' }))),
    );
    expect(r.status).toBe(503);
    expect(JSON.stringify(r.body)).not.toContain('test-secret-value');
  });

  it('is not offered without a valid token', async () => {
    const r = await t.json<Problem>('/api/v1/me/graph-profile');
    expect(r.status).toBe(401);
  });
});
