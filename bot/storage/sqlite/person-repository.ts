import { Person } from '../../domain/person.js';
import type { PersonQuery, PersonRepository } from '../../ports/repositories.js';
import type { SortKey } from './keyset-page.js';
import type { SqliteContext } from './sqlite-context.js';
import { createVersionedTable, type Listing } from './versioned-table.js';

// Names sort case-insensitively; e-mail addresses and Entra object ids are looked up case-insensitively
// and are unique on the roster.
const ORDER: readonly SortKey[] = [
  { column: 'sort_name', direction: 'asc', type: 'text' },
  { column: 'id', direction: 'asc', type: 'text' },
];

const PERSON_LISTING: Listing<PersonQuery> = {
  scope: 'people.list',
  order: ORDER,
  filters: { role: { column: 'role', op: '=' }, active: { column: 'active', op: '=' } },
};

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
    ...table.repository(PERSON_LISTING),

    getByAadObjectId: (aadObjectId) =>
      ctx.run(() => table.findOne('aad_object_id = ?', [aadObjectId.trim().toLowerCase()])),

    getByEmail: (email) => ctx.run(() => table.findOne('email_key = ?', [email.trim().toLowerCase()])),
  };
}
