// The small parts of the SharePoint mode: list schema rules, the item codec, cached paging, the retry
// policy and the SQLite outbox.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../bot/domain/errors.js';
import { Project } from '../../bot/domain/project.js';
import { StatusUpdate, MAX_REVISIONS, revisionOf } from '../../bot/domain/status-update.js';
import { createSqliteOutbox, OUTBOX_FILE } from '../../bot/storage/outbox/sqlite-outbox.js';
import type { NewOutboxEntry } from '../../bot/storage/outbox/outbox.js';
import { pageOf, type SortKey } from '../../bot/storage/sharepoint/cached-page.js';
import {
  decodeFields,
  encodeFields,
  type EntityCodec,
} from '../../bot/storage/sharepoint/list-item-codec.js';
import {
  allColumns,
  columnDefinition,
  JSON_COLUMNS,
  LIST_SPECS,
  PEOPLE,
  PROJECTS,
  STATUS_UPDATES,
  type ListSpec,
} from '../../bot/storage/sharepoint/list-schema.js';
import { parseRetryAfter, retryDelayMs } from '../../bot/storage/sharepoint/retry-policy.js';
import { buildPerson, buildProject, buildStatusUpdate } from '../helpers/fixtures.js';

describe('list schema', () => {
  it.each(LIST_SPECS.map((s) => [s.title, s] as const))(
    '%s: valid names, at most 20 indexes, unique implies indexed',
    (_t, spec) => {
      const columns = allColumns(spec);
      expect(new Set(columns.map((c) => c.name)).size).toBe(columns.length);
      for (const c of columns) {
        expect(c.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
        expect(['Title', 'ID', 'Created', 'Modified', 'Author', 'Editor', 'ContentType']).not.toContain(
          c.name,
        );
        if (c.unique) expect(c.indexed).toBe(true);
      }
      expect(columns.filter((c) => c.indexed).length).toBeLessThanOrEqual(20);
      expect(columns.find((c) => c.name === 'EntityId')).toMatchObject({ indexed: true, unique: true });
    },
  );

  it('indexes the columns the app filters on: project, period, status, owner', () => {
    const indexed = (title: string) =>
      allColumns(LIST_SPECS.find((s) => s.title === title)!)
        .filter((c) => c.indexed)
        .map((c) => c.name);
    expect(indexed('Status updates')).toEqual(expect.arrayContaining(['ProjectId', 'Period', 'Health']));
    expect(indexed('Risks')).toEqual(expect.arrayContaining(['ProjectId', 'Status', 'OwnerId']));
    expect(indexed('Projects')).toEqual(expect.arrayContaining(['Phase', 'OwnerId', 'Pillar']));
  });

  it('never leaves a unique column empty: people without an Entra object id get distinct values', () => {
    const aad = allColumns(PEOPLE).find((c) => c.name === 'AadObjectId')!;
    expect(aad.unique).toBe(true);
    const a = aad.value!(buildPerson({ id: 'p-a', email: 'a@itu.example', aadObjectId: null }));
    const b = aad.value!(buildPerson({ id: 'p-b', email: 'b@itu.example', aadObjectId: null }));
    expect(a).toBe('none:p-a');
    expect(b).not.toBe(a);
    const guid = '6f1a2b3c-0000-4000-8000-000000000001';
    expect(aad.value!(buildPerson({ aadObjectId: guid }))).toBe(guid);
    // Every unique column of every list has a value for any entity (none returns null or '').
    for (const spec of LIST_SPECS)
      for (const c of allColumns(spec).filter((c) => c.unique && c.name !== 'EntityId'))
        expect([spec.title, c.name, c.value === undefined]).toEqual([spec.title, c.name, false]);
  });

  it('describes columns as Graph columnDefinitions with one type facet', () => {
    expect(columnDefinition(allColumns(PROJECTS).find((c) => c.name === 'Code')!)).toEqual({
      name: 'Code',
      displayName: 'Code',
      description: expect.any(String),
      indexed: true,
      enforceUniqueValues: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    });
    expect(columnDefinition(allColumns(PROJECTS).find((c) => c.name === 'EntityJson')!)).toMatchObject({
      text: { allowMultipleLines: true, textType: 'plain' },
    });
  });
});

describe('list item codec', () => {
  const projects: EntityCodec<Project> = {
    spec: PROJECTS,
    entity: 'project',
    schema: Project,
    idOf: (p) => p.id,
    versionOf: (p) => p.version,
  };
  const updates: EntityCodec<StatusUpdate> = {
    spec: STATUS_UPDATES,
    entity: 'status-update',
    schema: StatusUpdate,
    idOf: (u) => u.id,
    versionOf: (u) => u.version,
  };

  it('round-trips an entity and writes the typed columns', () => {
    const project = buildProject({ code: 'RT-1', title: 'A'.repeat(200) });
    const fields = encodeFields(projects, project, 'write-1');
    expect(fields).toMatchObject({
      EntityId: project.id,
      EntityVersion: 1,
      WriteId: 'write-1',
      Code: 'RT-1',
      EntityJson2: null,
    });
    expect(String(fields.Title).length).toBeLessThanOrEqual(255);
    expect(decodeFields(projects, fields)).toEqual({ ok: true, entity: project, writeId: 'write-1' });
  });

  it('spills a large entity over several columns, and compresses one too large for them', () => {
    const big = 'x'.repeat(3900);
    let update = buildStatusUpdate({
      projectId: 'p',
      summary: 'Long',
      achievements: big,
      nextSteps: big,
      blockers: big,
    });
    const revisions = Array.from({ length: 8 }, () => revisionOf(update));
    update = { ...update, history: revisions };
    const spilled = encodeFields(updates, update, 'w');
    expect(JSON_COLUMNS.filter((c) => typeof spilled[c] === 'string').length).toBeGreaterThan(1);
    expect(decodeFields(updates, spilled)).toMatchObject({ ok: true, entity: update });

    const huge = { ...update, history: Array.from({ length: MAX_REVISIONS }, () => revisionOf(update)) };
    const compressed = encodeFields(updates, huge, 'w');
    expect(String(compressed.EntityJson).startsWith('gz1:')).toBe(true);
    expect(decodeFields(updates, compressed)).toMatchObject({ ok: true, entity: huge });
  });

  it('refuses an entity too large even compressed', () => {
    const Thing = z.object({ id: z.string(), version: z.number(), blob: z.string() });
    type Thing = z.infer<typeof Thing>;
    const spec: ListSpec<Thing> = {
      key: 'settings',
      title: 'Things',
      description: '',
      titleOf: (t) => t.id,
      columns: [],
    };
    const codec: EntityCodec<Thing> = {
      spec,
      entity: 'thing',
      schema: Thing,
      idOf: (t) => t.id,
      versionOf: (t) => t.version,
    };
    // Random text does not compress: 400,000 characters exceed the four 60,000-character columns.
    const blob = Array.from({ length: 400_000 }, () =>
      String.fromCharCode(33 + Math.floor(Math.random() * 90)),
    ).join('');
    expect(() => encodeFields(codec, { id: 't', version: 1, blob }, 'w')).toThrow(ValidationError);
  });

  it('reports an item whose JSON is missing, not JSON, invalid, or of another id', () => {
    const project = buildProject();
    const fields = encodeFields(projects, project, 'w');
    expect(decodeFields(projects, undefined)).toMatchObject({ ok: false });
    expect(decodeFields(projects, { ...fields, EntityJson: null })).toMatchObject({
      ok: false,
      issues: [{ code: 'required' }],
    });
    expect(decodeFields(projects, { ...fields, EntityJson: '{not json' })).toMatchObject({
      ok: false,
      issues: [{ code: 'invalid_json' }],
    });
    expect(
      decodeFields(projects, { ...fields, EntityJson: JSON.stringify({ ...project, phase: 'dreaming' }) }),
    ).toMatchObject({
      ok: false,
      issues: [{ path: 'phase' }],
    });
    expect(decodeFields(projects, { ...fields, EntityId: 'someone-else' })).toMatchObject({ ok: false });
  });
});

describe('cached paging', () => {
  const order: ReadonlyArray<SortKey<{ id: string; n: number }>> = [
    { value: (x) => x.n, direction: 'desc' },
    { value: (x) => x.id, direction: 'asc' },
  ];
  const items = [5, 3, 5, 1, 3, 4].map((n, i) => ({ id: `i${i}`, n }));

  it('pages in order with keyset cursors, each item once', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageOf(items, 'test', order, { limit: 4, cursor });
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['i0', 'i2', 'i5', 'i1', 'i4', 'i3']);
  });

  it.each([
    'garbage!',
    Buffer.from('{"s":"other","k":[1,"a"]}').toString('base64url'),
    Buffer.from('{"s":"test","k":["x","a"]}').toString('base64url'),
  ])('refuses a cursor that is not its own (%s)', (cursor) => {
    expect(() => pageOf(items, 'test', order, { cursor })).toThrow(ValidationError);
  });
});

describe('retry policy', () => {
  const options = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000 };
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
  it('caps retries and refuses waits beyond the cap', () => {
    expect(retryDelayMs(options, 0, 2, () => 0)).toBe(2000);
    expect(retryDelayMs(options, 0, 20, () => 0)).toBeUndefined();
    expect(retryDelayMs(options, 3, 1, () => 0)).toBeUndefined();
    expect(retryDelayMs(options, 2, undefined, () => 1)).toBe(400);
    expect(retryDelayMs(options, 2, undefined, () => 0)).toBe(200);
  });
});

describe('SQLite outbox', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'th-outbox-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const entry = (n: number): NewOutboxEntry => ({
    key: `risks:create:r-${n}:v1`,
    list: 'risks',
    op: 'create',
    entityId: `r-${n}`,
    writeId: `w-${n}`,
    entity: { id: `r-${n}`, n },
    expectedVersion: null,
    enqueuedAt: '2026-03-02T09:00:00.000Z',
  });

  it('keeps entries in order, once per key, across reopening', async () => {
    const outbox = createSqliteOutbox({ dataDir: dir });
    for (const n of [1, 2, 3]) expect((await outbox.append(entry(n))).created).toBe(true);
    expect((await outbox.append(entry(2))).created).toBe(false);
    await outbox.close();
    const reopened = createSqliteOutbox({ dataDir: dir });
    expect(await reopened.size()).toBe(3);
    const [first, second] = await reopened.peek(2);
    expect([first?.entityId, second?.entityId]).toEqual(['r-1', 'r-2']);
    await reopened.recordFailure(first!.seq, 'Graph 503');
    await reopened.remove(first!.seq);
    await reopened.deadLetter(second!, 'changed meanwhile', '2026-03-02T10:00:00.000Z');
    expect((await reopened.peek(10)).map((e) => e.entityId)).toEqual(['r-3']);
    expect(await reopened.deadLetters()).toEqual([
      expect.objectContaining({ entityId: 'r-2', reason: 'changed meanwhile' }),
    ]);
    await reopened.close();
  });

  it('moves an entry that no longer reads to the dead letters instead of blocking the queue', async () => {
    const outbox = createSqliteOutbox({ dataDir: dir });
    await outbox.append(entry(1));
    await outbox.append(entry(2));
    const db = new Database(path.join(dir, OUTBOX_FILE));
    db.prepare("UPDATE outbox SET entity = '{broken' WHERE entity_id = 'r-1'").run();
    db.close();
    expect((await outbox.peek(10)).map((e) => e.entityId)).toEqual(['r-2']);
    expect(await outbox.size()).toBe(1);
    await outbox.close();
  });
});
