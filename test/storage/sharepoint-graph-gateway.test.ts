import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphRequestError, toDomainError } from '../../bot/storage/sharepoint/graph-error.js';
import type { BatchRequest, GraphGateway } from '../../bot/storage/sharepoint/graph-gateway.js';
import { LIST_SPECS } from '../../bot/storage/sharepoint/list-schema.js';
import { provisionLists } from '../../bot/storage/sharepoint/provision-lists.js';
import { NotFoundError, ThrottledError, UnavailableError } from '../../bot/domain/errors.js';
import {
  createTokenProvider,
  readCertificateCredential,
} from '../../bot/storage/sharepoint/token-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../graph-emulator/emulated-gateway.js';
import { createSelfSignedCertificate } from '../graph-emulator/self-signed-cert.js';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';

const SITE =
  'contoso.sharepoint.com,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222';

describe('Graph gateway against the emulator', () => {
  let emulator: GraphEmulator;
  let listId: string;
  let env: EmulatedGateway;
  let gateway: GraphGateway;

  beforeAll(async () => {
    emulator = await GraphEmulator.start({ siteId: SITE, maxPageSize: 5, defaultPageSize: 5 });
    const setup = emulatedGateway(emulator);
    await provisionLists(setup.gateway, {
      siteId: SITE,
      prefix: 'GW ',
      dryRun: false,
      specs: LIST_SPECS.slice(0, 1),
    });
    listId = emulator.model.list(SITE, 'GW Projects').id;
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => {
    env = emulatedGateway(emulator, { pageSize: 5 });
    gateway = env.gateway;
    emulator.resetCounts();
  });
  afterEach(() => {
    emulator.faults.clear();
    expect(emulator.unexpected).toEqual([]);
  });

  const create = (n: number, prefix: string): BatchRequest[] =>
    Array.from({ length: n }, (_, i) =>
      gateway.createItemRequest(SITE, listId, {
        Title: `${prefix} ${i}`,
        EntityId: `${prefix}-${i}`,
        EntityVersion: 1,
      }),
    );

  it('sends 45 writes as 3 JSON batches of at most 20 and returns one result per request, in order', async () => {
    const outcomes = await gateway.batch(create(45, 'batch'));
    expect(emulator.count('$batch')).toBe(3);
    expect(emulator.count('items.create', { inBatch: true })).toBe(45);
    expect(outcomes).toHaveLength(45);
    outcomes.forEach((o, i) => {
      expect(o.status).toBe(201);
      expect((o.body as { fields: { EntityId: string } }).fields.EntityId).toBe(`batch-${i}`);
    });
  });

  it('follows @odata.nextLink through small pages until every item is read', async () => {
    await gateway.batch(create(12, 'page'));
    emulator.resetCounts();
    const found = await gateway.findItems(SITE, listId, 'EntityId', 'page-3');
    expect(found.map((i) => i.fields?.EntityId)).toEqual(['page-3']);
    const delta = await gateway.delta(SITE, listId);
    expect(delta.items.length).toBeGreaterThanOrEqual(12);
    expect(emulator.count('items.delta')).toBe(Math.ceil(delta.items.length / 5));
    expect(delta.full).toBe(true);
  });

  it('waits the Retry-After the server asked for before retrying (429 and 503)', async () => {
    emulator.faults.inject({ type: 'status', status: 429, retryAfterSeconds: 7 }, { ops: ['site.get'] });
    emulator.faults.inject({ type: 'status', status: 503, retryAfterSeconds: 2 }, { ops: ['site.get'] });
    await gateway.getSite(SITE);
    expect(env.sleeps).toHaveLength(2);
    // Retry-After plus at most 10% jitter (random is 0.5 here).
    expect(env.sleeps[0]).toBe(7350);
    expect(env.sleeps[1]).toBe(2100);
    expect(emulator.count('site.get')).toBe(3);
  });

  it('backs off with jitter when 429 carries no Retry-After, and retries resets and timeouts', async () => {
    const quick = emulatedGateway(emulator, { timeoutMs: 300, retry: { baseDelayMs: 100 } });
    emulator.faults.inject({ type: 'status', status: 429 }, { ops: ['site.get'] });
    emulator.faults.inject({ type: 'reset' }, { ops: ['site.get'] });
    emulator.faults.inject({ type: 'timeout' }, { ops: ['site.get'] });
    await quick.gateway.getSite(SITE);
    // attempt n waits between half and all of 100 * 2^n; random 0.5 gives three quarters.
    expect(quick.sleeps).toEqual([75, 150, 300]);
    expect(emulator.count('site.get')).toBe(4);
  });

  it('gives up after the retry cap with a throttled error carrying Retry-After', async () => {
    const capped = emulatedGateway(emulator, { retry: { maxRetries: 2 } });
    emulator.faults.inject(
      { type: 'status', status: 429, retryAfterSeconds: 1 },
      { ops: ['site.get'], times: 10 },
    );
    const error = await capped.gateway.getSite(SITE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ kind: 'throttled', status: 429, retryAfterSeconds: 1 });
    expect(capped.sleeps).toHaveLength(2);
    expect(emulator.count('site.get')).toBe(3);
    expect(toDomainError(error, { entity: 'project', id: 'p' })).toBeInstanceOf(ThrottledError);
  });

  it('does not hold a request for a Retry-After longer than the cap', async () => {
    emulator.faults.inject({ type: 'status', status: 503, retryAfterSeconds: 3600 }, { ops: ['site.get'] });
    const error = await gateway.getSite(SITE).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'throttled', retryAfterSeconds: 3600 });
    expect(env.sleeps).toEqual([]);
  });

  it('retries only the throttled requests of a batch, after their Retry-After', async () => {
    emulator.faults.inject(
      { type: 'status', status: 429, retryAfterSeconds: 3 },
      { ops: ['items.create'], times: 2 },
    );
    const outcomes = await gateway.batch(create(4, 'partial'));
    expect(outcomes.map((o) => o.status)).toEqual([201, 201, 201, 201]);
    expect(emulator.count('$batch')).toBe(2);
    expect(emulator.count('items.create', { inBatch: true })).toBe(6);
    expect(env.sleeps).toEqual([3150]);
  });

  it('answers each request of a batch as soon as its own outcome is final, while a throttled one waits', async () => {
    let release!: () => void;
    const waiting = new Promise<void>((resolve) => (release = resolve));
    const held = emulatedGateway(emulator, { pageSize: 5, sleep: () => waiting });
    emulator.faults.inject({ type: 'status', status: 429, retryAfterSeconds: 1 }, { ops: ['items.create'] });
    const early: Array<[number, number]> = [];
    const call = held.gateway.batch(create(45, 'overlap'), (i, outcome) => early.push([i, outcome.status]));
    // Everything but the throttled request is answered while its Retry-After wait is still held open.
    await expect.poll(() => early.length, { timeout: 10_000 }).toBe(44);
    expect(early.every(([, status]) => status === 201)).toBe(true);
    release();
    const outcomes = await call;
    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 45 }, () => 201));
  });

  it('normalises errors: not found, conflict (412), duplicate, forbidden, unavailable', async () => {
    const notFound = await gateway.getItem(SITE, listId, '99999').catch((e: unknown) => e);
    expect(notFound).toMatchObject({ kind: 'not_found', status: 404 });
    expect(toDomainError(notFound, { entity: 'project', id: 'x' })).toBeInstanceOf(NotFoundError);

    const [created] = await gateway.batch(create(1, 'etag'));
    const item = created?.body as { id: string; eTag: string };
    const [first] = await gateway.batch([
      gateway.updateItemRequest(SITE, listId, item.id, { Title: 'a' }, item.eTag),
    ]);
    expect(first?.status).toBe(200);
    const [stale] = await gateway.batch([
      gateway.updateItemRequest(SITE, listId, item.id, { Title: 'b' }, item.eTag),
    ]);
    expect(stale?.error).toMatchObject({ kind: 'conflict', status: 412 });

    const [dup] = await gateway.batch(create(1, 'etag'));
    expect(dup?.error).toMatchObject({ kind: 'duplicate', status: 409 });

    const unauthorised = emulatedGateway(emulator);
    emulator.entra.apps.delete(unauthorised.clientId);
    const refused = await unauthorised.gateway.getSite(SITE).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'forbidden' });
    expect(toDomainError(refused, { entity: 'project', id: 'x' })).toBeInstanceOf(UnavailableError);

    const down = emulatedGateway(emulator, { retry: { maxRetries: 1 } });
    emulator.faults.inject({ type: 'status', status: 503 }, { ops: ['site.get'], times: 2 });
    expect(await down.gateway.getSite(SITE).catch((e: unknown) => e)).toMatchObject({
      kind: 'unavailable',
      status: 503,
    });
  });

  it('refuses a filter on a column that is not indexed (as Graph does), and never needs one', async () => {
    const error = await gateway.findItems(SITE, listId, 'Kind', 'project').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid', status: 400 });
    expect((error as Error).message).toContain(
      'cannot be referenced in filter or orderby as it is not indexed',
    );
  });

  it('sends the descriptive User-Agent and never logs the token or the client secret', async () => {
    emulator.faults.inject({ type: 'status', status: 429, retryAfterSeconds: 1 }, { ops: ['site.get'] });
    await gateway.getSite(SITE);
    const agents = emulator.requests.filter((r) => r.op === 'site.get').map((r) => r.userAgent);
    expect(agents.every((a) => /^NONISV\|ITU\|TransformationHub\/\d+\.\d+\.\d+/.test(a ?? ''))).toBe(true);
    const logged = JSON.stringify(env.logs);
    expect(env.logs.length).toBeGreaterThan(0);
    expect(logged).not.toContain(env.clientSecret);
    for (const token of emulator.entra.issued.keys()) expect(logged).not.toContain(token);
    expect(logged).not.toMatch(/Bearer|authorization/i);
  });

  it('restarts a delta enumeration where Graph says when the token has expired (410 Gone)', async () => {
    const first = await gateway.delta(SITE, listId);
    await gateway.batch(create(2, 'gone'));
    emulator.expireDeltaTokens();
    const again = await gateway.delta(SITE, listId, first.deltaLink);
    expect(again.full).toBe(true);
    expect(again.items.length).toBe(first.items.length + 2);
    const quiet = await gateway.delta(SITE, listId, again.deltaLink);
    expect(quiet).toMatchObject({ items: [], deletedIds: [], full: false });
  });

  it('gets app-only tokens with a client certificate (signed assertion), from a PEM file', async () => {
    const cert = createSelfSignedCertificate('th-test-client');
    emulator.registerApp({ clientId: 'cert-app', certificatePem: cert.certPem });
    const tokens = createTokenProvider(
      {
        authorityHost: emulator.authorityHost,
        tenantId: emulator.tenantId,
        clientId: 'cert-app',
        clientCertificatePath: cert.bundlePath,
      },
      emulator.graphBaseUrl,
      { trustedCa: emulator.caCertPem },
    );
    expect(tokens.method).toBe('client-certificate');
    const token = await tokens.getToken();
    expect(emulator.entra.issued.get(token)).toMatchObject({ clientId: 'cert-app', method: 'certificate' });
    expect(() => readCertificateCredential(cert.certPem, 'cert.pem')).toThrow(
      /private key and its certificate/,
    );
  });
});
