import { Person } from '../../domain/person.js';
import type { Page } from '../../ports/paging.js';
import type { PersonQuery, PersonRepository } from '../../ports/repositories.js';
import { pageOf, type SortKey } from './cached-page.js';
import { PEOPLE } from './list-schema.js';
import { SharePointListTable, type StoreContext } from './sharepoint-list-table.js';

// Names sort case-insensitively; e-mail addresses and Entra object ids are unique on the roster and
// looked up without letter case (as in the embedded store).
const ORDER: ReadonlyArray<SortKey<Person>> = [
  { value: (p) => p.name.toLowerCase(), direction: 'asc' },
  { value: (p) => p.id, direction: 'asc' },
];

export function personTable(ctx: StoreContext): SharePointListTable<Person> {
  return new SharePointListTable(ctx, {
    codec: { spec: PEOPLE, entity: 'person', schema: Person, idOf: (p) => p.id, versionOf: (p) => p.version },
    uniqueKeys: [{ of: (p) => p.email.toLowerCase() }, { of: (p) => p.aadObjectId }],
  });
}

export function createPersonRepository(table: SharePointListTable<Person>): PersonRepository {
  return {
    ...table.crud(),

    getByAadObjectId: async (aadObjectId) => {
      const wanted = aadObjectId.trim().toLowerCase();
      return (await table.all()).find((p) => p.aadObjectId === wanted);
    },

    getByEmail: async (email) => {
      const wanted = email.trim().toLowerCase();
      return (await table.all()).find((p) => p.email.toLowerCase() === wanted);
    },

    list: async (query: PersonQuery = {}): Promise<Page<Person>> => {
      const matches = (await table.all()).filter(
        (p) =>
          (query.role === undefined || p.role === query.role) &&
          (query.active === undefined || p.active === query.active),
      );
      return pageOf(matches, 'people.list', ORDER, query);
    },
  };
}
