// Who may call the API: the development identity in dev mode only; bearer tokens (validated by the
// configured TokenValidator) mapped to the roster in entra mode; the development identity refused there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../../bot/domain/errors.js';
import type { Me } from '../../bot/domain/views.js';
import type { TokenValidator } from '../../bot/api/auth/token-validator.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type ProblemBody = { code: string; reason?: string; detail: string };

describe('development mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('acts as the first CTO when no persona is chosen', async () => {
    const r = await t.json<Me>('/api/v1/me');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ person: { id: 'p-cto', role: 'cto' }, canAdminister: true, authMode: 'dev', currentPeriod: '2026-W48' });
  });

  it.each([
    ['p-owner', 'owner', false],
    ['p-changemaker', 'changemaker', false],
    ['p-viewer', 'viewer', false],
    ['p-analyst', 'cto', true],
  ])('acts as persona %s', async (id, role, admin) => {
    const r = await t.json<Me>('/api/v1/me', { as: id });
    expect(r.body).toMatchObject({ person: { id, role }, canAdminister: admin, guest: false });
  });

  it.each([['p-nobody'], ['bad id with spaces'], ['../../etc']])('refuses an unknown or malformed persona %s with 401', async (id) => {
    const r = await t.json<ProblemBody>('/api/v1/me', { headers: { 'x-dev-user': id } });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('entra mode', () => {
  const TENANT = '11111111-1111-4111-8111-111111111111';
  const validator: TokenValidator = {
    validate(token) {
      if (token === 'owner-token') return Promise.resolve({ aadObjectId: '00000000-0000-4000-8000-000000000002', tenantId: TENANT, scopes: ['access_as_user'] });
      if (token === 'stranger-token') {
        return Promise.resolve({ aadObjectId: '99999999-9999-4999-8999-999999999999', tenantId: TENANT, email: 'new.person@itu.example', name: 'New Person', scopes: ['access_as_user'] });
      }
      return Promise.reject(new UnauthenticatedError('invalid token'));
    },
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { AUTH_MODE: 'entra', ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222' },
      tokenValidator: validator,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['no header', {}],
    ['not bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['empty bearer', { authorization: 'Bearer ' }],
    ['garbage', { authorization: 'Bearer <script>' }],
    ['invalid token', { authorization: 'Bearer forged.token.value' }],
  ])('refuses %s with 401', async (_label, headers) => {
    const r = await t.json<ProblemBody>('/api/v1/projects', { headers });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthenticated');
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses the development identity, even with a valid token', async () => {
    const r = await t.json<ProblemBody>('/api/v1/me', { headers: { authorization: 'Bearer owner-token', 'x-dev-user': 'p-cto' } });
    expect(r.status).toBe(401);
    expect(r.body.reason).toBe('development_identity_refused');
  });

  it('maps a valid token to the roster person by Entra object id', async () => {
    const r = await t.json<Me>('/api/v1/me', { headers: { authorization: 'Bearer owner-token' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ person: { id: 'p-owner' }, guest: false, authMode: 'entra' });
  });

  it('treats tenant staff who are not on the roster as viewers', async () => {
    const me = await t.json<Me>('/api/v1/me', { headers: { authorization: 'Bearer stranger-token' } });
    expect(me.body).toMatchObject({ guest: true, canAdminister: false, person: { role: 'viewer', name: 'New Person' } });
    const edit = await t.json<ProblemBody>('/api/v1/projects/TR-07', {
      method: 'PATCH', headers: { authorization: 'Bearer stranger-token', 'if-match': '"1"' }, json: { title: 'Changed by a stranger' },
    });
    expect(edit.status).toBe(403);
  });

  it('keeps reference data public', async () => {
    expect((await t.call('/api/v1/reference')).status).toBe(200);
  });
});
