// A versioned table parses a stored row through its schema once: a row read back with exactly the
// text and version this table wrote (or already validated as its own parse) is not parsed again,
// and any other text or version is (hand edits, another instance's writes, rows a default fills in).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FieldIssue } from '../../bot/domain/errors.js';
import { MEMORY_DATABASE, openDatabase, type SqliteDatabase } from '../../bot/storage/sqlite/database.js';
import { createSqliteContext } from '../../bot/storage/sqlite/sqlite-context.js';
import {
  createKnownRows,
  createVersionedTable,
  KNOWN_ROWS_LIMIT,
  type VersionedTable,
} from '../../bot/storage/sqlite/versioned-table.js';

const Thing = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  name: z.string().min(1),
  note: z.string().default(''),
});
type Thing = z.infer<typeof Thing>;

let db: SqliteDatabase;
let parses: number;
let reports: Array<{ id: string; issues: FieldIssue[] }>;
let table: VersionedTable<Thing>;

function openTable(): VersionedTable<Thing> {
  const ctx = createSqliteContext(db, (_t, id, issues) => reports.push({ id, issues }));
  const counted = Thing.transform((t) => {
    parses += 1;
    return t;
  });
  return createVersionedTable<Thing>(ctx, {
    table: 'things',
    entity: 'thing',
    schema: counted,
    columns: { name: (t) => t.name },
  });
}

beforeEach(() => {
  db = openDatabase({ dataDir: '.', fileName: MEMORY_DATABASE });
  db.exec(
    'CREATE TABLE things (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL, name TEXT)',
  );
  parses = 0;
  reports = [];
  table = openTable();
});
afterEach(() => db.close());

describe('rows a table wrote are read back without a second parse', () => {
  it('after create and update, get returns equal fresh objects without parsing', async () => {
    const created = await table.crud.create({ id: 't1', version: 1, name: 'One', note: '' });
    expect(parses).toBe(1);
    const a = await table.crud.get('t1');
    const b = await table.crud.get('t1');
    expect(parses).toBe(1);
    expect(a).toEqual(created);
    expect(a).not.toBe(b);
    a!.name = 'changed by a caller';
    expect((await table.crud.get('t1'))?.name).toBe('One');

    const updated = await table.crud.update({ ...created, name: 'Two' }, 1);
    expect(parses).toBe(2);
    expect(await table.crud.getMany(['t1'])).toEqual([updated]);
    expect(parses).toBe(2);
    expect(updated.version).toBe(2);
  });

  it('a row changed behind the table is parsed again, and reported when invalid', async () => {
    await table.crud.create({ id: 't1', version: 1, name: 'One', note: '' });
    db.prepare(`UPDATE things SET data = json_set(data, '$.name', 'Edited') WHERE id = 't1'`).run();
    expect((await table.crud.get('t1'))?.name).toBe('Edited');
    expect(parses).toBe(2);
    // Validated and its own parse: remembered from now on.
    await table.crud.get('t1');
    expect(parses).toBe(2);

    db.prepare(`UPDATE things SET data = json_set(data, '$.name', '') WHERE id = 't1'`).run();
    expect(await table.crud.get('t1')).toBeUndefined();
    expect(reports).toEqual([{ id: 't1', issues: [expect.objectContaining({ path: 'name' })] }]);
  });

  it('the same text under another version is parsed again (the version column is authoritative)', async () => {
    await table.crud.create({ id: 't1', version: 1, name: 'One', note: '' });
    db.prepare(`UPDATE things SET version = 0 WHERE id = 't1'`).run();
    expect(await table.crud.get('t1')).toBeUndefined();
    expect(reports[0]?.issues[0]?.path).toBe('version');
  });

  it('a row whose parse differs from its text (a default filled in) is parsed on every read', async () => {
    db.prepare(`INSERT INTO things (id, version, data, name) VALUES ('t2', 1, ?, 'Old')`).run(
      JSON.stringify({ id: 't2', version: 1, name: 'Old' }),
    );
    expect(await table.crud.get('t2')).toEqual({ id: 't2', version: 1, name: 'Old', note: '' });
    expect(await table.crud.get('t2')).toEqual({ id: 't2', version: 1, name: 'Old', note: '' });
    expect(parses).toBe(2);
  });

  it('another table instance (another connection, another process) knows nothing and parses', async () => {
    await table.crud.create({ id: 't1', version: 1, name: 'One', note: '' });
    const other = openTable();
    await other.crud.get('t1');
    expect(parses).toBe(2);
  });
});

describe('createKnownRows', () => {
  it('matches id, version and exact text only', () => {
    const known = createKnownRows();
    known.remember({ id: 'a', version: 2, data: '{"x":1}' });
    expect(known.has({ id: 'a', version: 2, data: '{"x":1}' })).toBe(true);
    expect(known.has({ id: 'a', version: 3, data: '{"x":1}' })).toBe(false);
    expect(known.has({ id: 'a', version: 2, data: '{"x":2}' })).toBe(false);
    expect(known.has({ id: 'b', version: 2, data: '{"x":1}' })).toBe(false);
    known.remember({ id: 'a', version: 3, data: '{"x":3}' });
    expect(known.has({ id: 'a', version: 2, data: '{"x":1}' })).toBe(false);
    expect(known.size).toBe(1);
    known.forget('a');
    expect(known.size).toBe(0);
  });

  it('is bounded by rows and by text, forgetting the oldest first', () => {
    const known = createKnownRows();
    for (let i = 0; i < KNOWN_ROWS_LIMIT.rows + 5; i++)
      known.remember({ id: `r${i}`, version: 1, data: '{}' });
    expect(known.size).toBe(KNOWN_ROWS_LIMIT.rows);
    expect(known.has({ id: 'r0', version: 1, data: '{}' })).toBe(false);
    expect(known.has({ id: `r${KNOWN_ROWS_LIMIT.rows + 4}`, version: 1, data: '{}' })).toBe(true);

    const big = 'x'.repeat(Math.floor(KNOWN_ROWS_LIMIT.chars / 2));
    known.remember({ id: 'big1', version: 1, data: big });
    known.remember({ id: 'big2', version: 1, data: big });
    known.remember({ id: 'big3', version: 1, data: big });
    expect(known.has({ id: 'big1', version: 1, data: big })).toBe(false);
    expect(known.has({ id: 'big3', version: 1, data: big })).toBe(true);
    // Larger than the whole budget: never kept.
    known.remember({ id: 'huge', version: 1, data: `${big}${big}x` });
    expect(known.has({ id: 'huge', version: 1, data: `${big}${big}x` })).toBe(false);
  });
});
