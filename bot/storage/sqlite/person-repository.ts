import { Person } from '../../domain/person.js';
import type { Page } from '../../ports/paging.js';
import type { PersonQuery, PersonRepository } from '../../ports/repositories.js';
import { selectPage, type SortKey } from './keyset-page.js';
import type { SqliteContext, SqlValue } from './sqlite-context.js';
import { createVersionedTable, type StoredVersionedRow } from './versioned-table.js';

// Names sort case-insensitively; e-mail addresses and Entra object ids are looked up case-insensitively
// and are unique on the roster.
const ORDER: readonly SortKey[] = [
  { column: 'sort_name', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

export function createPersonRepository(ctx: SqliteContext): PersonRepository {
  const table = createVersionedTable<Person>(ctx, {
    table: 'people',
    entity: 'person',
    schema: Person,
    columns: {
      email_key: (p) => p.email.toLowerCase(),
      aad_object_id: (p) => p.aadObjectId,
      role: (p) => p.role,
      active: (p) => (p.active ? 1 : 0),
      sort_name: (p) => p.name.toLowerCase(),
    },
    uniqueKeys: { email_key: (p) => p.email.toLowerCase(), aad_object_id: (p) => p.aadObjectId ?? '' },
  });

  return {
    ...table.crud,

    getByAadObjectId: (aadObjectId) =>
      ctx.run(() => table.findOne('aad_object_id = ?', [aadObjectId.trim().toLowerCase()])),

    getByEmail: (email) => ctx.run(() => table.findOne('email_key = ?', [email.trim().toLowerCase()])),

    list: (query: PersonQuery = {}): Promise<Page<Person>> =>
      ctx.run(() => {
        const where: string[] = [];
        const params: SqlValue[] = [];
        if (query.role !== undefined) {
          where.push('role = ?');
          params.push(query.role);
        }
        if (query.active !== undefined) {
          where.push('active = ?');
          params.push(query.active ? 1 : 0);
        }
        const { rows, nextCursor } = selectPage<StoredVersionedRow>(ctx, {
          scope: 'people.list',
          from: 'people',
          select: 'id, version, data',
          where,
          params,
          order: ORDER,
          page: query,
        });
        return { items: table.parseRows(rows), nextCursor };
      }),
  };
}
