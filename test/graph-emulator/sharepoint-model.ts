// The in-memory SharePoint behind the Graph emulator: sites, lists, columns, list items with ETags,
// and a change log for delta queries. It follows the documented behaviour (PLATFORM-FACTS F1-F9):
// - list items carry an eTag '"{GUID},N"' that changes on every update; PATCH .../fields with a
//   non-matching If-Match is refused with 412 and changes nothing;
// - fieldValueSets leave out empty values and give dateTime columns as UTC with seconds precision;
// - single-line text holds at most 255 characters; unknown or read-only fields are refused (400);
// - a column with enforceUniqueValues refuses a second item with the same value (409), and must be
//   indexed;
// - delta enumerates every item then returns a deltaLink; a later call returns the latest state of
//   items changed since, and deleted items with the `deleted` facet; `token=latest` returns no items
//   and a fresh deltaLink; an invalidated token is answered 410 Gone with a Location to start over.
import { randomUUID } from 'node:crypto';

export type FieldValue = string | number | boolean | null;

export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ColumnFacets {
  text?: { allowMultipleLines?: boolean; maxLength?: number; textType?: string; [k: string]: unknown };
  number?: Record<string, unknown>;
  boolean?: Record<string, unknown>;
  dateTime?: Record<string, unknown>;
}

export interface Column extends ColumnFacets {
  id: string;
  name: string;
  displayName: string;
  description: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  readOnly: boolean;
  hidden: boolean;
  required: boolean;
}

export interface Item {
  id: string;
  guid: string;
  /** Bumped on every update; the eTag's suffix. */
  revision: number;
  fields: Record<string, FieldValue>;
  created: string;
  modified: string;
  changeSeq: number;
}

export interface List {
  id: string;
  displayName: string;
  name: string;
  description: string;
  template: string;
  created: string;
  columns: Column[];
  items: Map<string, Item>;
  nextItemId: number;
  changeSeq: number;
  tombstones: Array<{ id: string; seq: number }>;
}

export interface Site {
  id: string;
  displayName: string;
  lists: Map<string, List>;
}

/** Multi-line text: SharePoint's documented 63,999-character limit for "Multiple lines of text". */
export const NOTE_MAX_LENGTH = 63_999;
export const TEXT_MAX_LENGTH = 255;

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function builtInColumns(): Column[] {
  const col = (name: string, facets: ColumnFacets, readOnly: boolean, required = false): Column => ({
    id: randomUUID(),
    name,
    displayName: name === 'ID' ? 'ID' : name,
    description: '',
    indexed: false,
    enforceUniqueValues: false,
    readOnly,
    hidden: false,
    required,
    ...facets,
  });
  return [
    col('Title', { text: { allowMultipleLines: false, maxLength: TEXT_MAX_LENGTH } }, false, true),
    col('ID', { number: {} }, true),
    col('Modified', { dateTime: {} }, true),
    col('Created', { dateTime: {} }, true),
    col('ContentType', { text: {} }, true),
    col('Attachments', { boolean: {} }, true),
  ];
}

export function etagOf(item: Item): string {
  return `"{${item.guid.toUpperCase()}},${item.revision}"`;
}

function columnKind(c: Column): 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'other' {
  if (c.text) return c.text.allowMultipleLines ? 'note' : 'text';
  if (c.number) return 'number';
  if (c.boolean) return 'boolean';
  if (c.dateTime) return 'dateTime';
  return 'other';
}

export class SharePointModel {
  readonly sites = new Map<string, Site>();
  private readonly uniqueIndexes = new WeakMap<Column, Map<string, string>>();

  addSite(id: string, displayName = 'Transformation Office'): Site {
    const site: Site = { id, displayName, lists: new Map() };
    this.sites.set(id, site);
    return site;
  }

  site(id: string): Site {
    const site = this.sites.get(id);
    if (!site) throw new EmulatorHttpError(404, 'itemNotFound', 'Requested site could not be found');
    return site;
  }

  /** By id or by title (both are documented for GET /sites/{site-id}/lists/{list-id | list-title}). */
  list(siteId: string, idOrTitle: string): List {
    const site = this.site(siteId);
    const byId = site.lists.get(idOrTitle);
    if (byId) return byId;
    for (const list of site.lists.values()) if (list.displayName === idOrTitle) return list;
    throw new EmulatorHttpError(404, 'itemNotFound', 'The specified list was not found');
  }

  createList(
    siteId: string,
    body: { displayName: string; description?: string; template: string; columns: Column[] },
  ): List {
    const site = this.site(siteId);
    for (const list of site.lists.values()) {
      if (list.displayName.toLowerCase() === body.displayName.toLowerCase()) {
        throw new EmulatorHttpError(
          409,
          'nameAlreadyExists',
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.',
        );
      }
    }
    const list: List = {
      id: randomUUID(),
      displayName: body.displayName,
      name: body.displayName.replace(/[^A-Za-z0-9]/g, ''),
      description: body.description ?? '',
      template: body.template,
      created: now(),
      columns: builtInColumns(),
      items: new Map(),
      nextItemId: 1,
      changeSeq: 0,
      tombstones: [],
    };
    for (const column of body.columns) this.addColumn(list, column);
    site.lists.set(list.id, list);
    return list;
  }

  addColumn(list: List, column: Column): Column {
    if (list.columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase())) {
      throw new EmulatorHttpError(
        409,
        'nameAlreadyExists',
        `A duplicate field name "${column.name}" was found.`,
      );
    }
    if (column.enforceUniqueValues && !column.indexed) {
      throw new EmulatorHttpError(
        400,
        'invalidRequest',
        'You must index this column before enforcing unique values.',
      );
    }
    list.columns.push(column);
    return column;
  }

  updateColumn(
    list: List,
    columnId: string,
    patch: Partial<Pick<Column, 'indexed' | 'enforceUniqueValues' | 'description' | 'required' | 'hidden'>>,
  ): Column {
    const column = list.columns.find((c) => c.id === columnId);
    if (!column) throw new EmulatorHttpError(404, 'itemNotFound', 'Column not found');
    const next = { ...column, ...patch };
    if (next.enforceUniqueValues && !next.indexed) {
      throw new EmulatorHttpError(
        400,
        'invalidRequest',
        'You must index this column before enforcing unique values.',
      );
    }
    Object.assign(column, patch);
    this.uniqueIndexes.delete(column);
    return column;
  }

  column(list: List, name: string): Column | undefined {
    return list.columns.find((c) => c.name === name);
  }

  /** Validates and normalises written field values (the documented column types). */
  private normalise(list: List, fields: Record<string, unknown>): Record<string, FieldValue> {
    const out: Record<string, FieldValue> = {};
    for (const [name, raw] of Object.entries(fields)) {
      if (name === '@odata.etag') continue;
      const column = this.column(list, name);
      if (!column) throw new EmulatorHttpError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (column.readOnly) throw new EmulatorHttpError(400, 'invalidRequest', `Field '${name}' is read-only`);
      if (raw === null || raw === undefined || raw === '') {
        out[name] = null;
        continue;
      }
      const kind = columnKind(column);
      const bad = () => new EmulatorHttpError(400, 'invalidRequest', `Invalid value for field '${name}'`);
      switch (kind) {
        case 'text':
        case 'note': {
          if (typeof raw !== 'string') throw bad();
          const max = kind === 'text' ? (column.text?.maxLength ?? TEXT_MAX_LENGTH) : NOTE_MAX_LENGTH;
          if (raw.length > max) {
            throw new EmulatorHttpError(
              400,
              'invalidRequest',
              `The value of field '${name}' exceeds ${max} characters`,
            );
          }
          out[name] = raw;
          break;
        }
        case 'number':
          if (typeof raw !== 'number' || !Number.isFinite(raw)) throw bad();
          out[name] = raw;
          break;
        case 'boolean':
          if (typeof raw !== 'boolean') throw bad();
          out[name] = raw;
          break;
        case 'dateTime': {
          if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) throw bad();
          out[name] = new Date(raw).toISOString().replace(/\.\d{3}Z$/, 'Z');
          break;
        }
        default:
          throw bad();
      }
    }
    return out;
  }

  private uniqueKey(value: FieldValue | undefined): string | undefined {
    if (value === null || value === undefined) return undefined;
    return typeof value === 'string' ? `s:${value.toLowerCase()}` : `${typeof value}:${String(value)}`;
  }

  /** Unique column values (without letter case) -> item id; rebuilt when a column changes. */
  private uniqueIndex(list: List, column: Column): Map<string, string> {
    let index = this.uniqueIndexes.get(column);
    if (!index) {
      index = new Map();
      for (const item of list.items.values()) {
        const key = this.uniqueKey(item.fields[column.name]);
        if (key !== undefined) index.set(key, item.id);
      }
      this.uniqueIndexes.set(column, index);
    }
    return index;
  }

  private reindex(list: List, item: Item, previous: Record<string, FieldValue> | undefined): void {
    for (const column of list.columns) {
      const index = this.uniqueIndexes.get(column);
      if (!index) continue;
      const old = this.uniqueKey(previous?.[column.name]);
      if (old !== undefined && index.get(old) === item.id) index.delete(old);
      const key = this.uniqueKey(item.fields[column.name]);
      if (key !== undefined && list.items.has(item.id)) index.set(key, item.id);
    }
  }

  private checkUnique(list: List, fields: Record<string, FieldValue>, exceptId?: string): void {
    for (const column of list.columns) {
      if (!column.enforceUniqueValues) continue;
      const key = this.uniqueKey(fields[column.name]);
      if (key === undefined) continue;
      const holder = this.uniqueIndex(list, column).get(key);
      if (holder !== undefined && holder !== exceptId) {
        throw new EmulatorHttpError(
          409,
          'nameAlreadyExists',
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
        );
      }
    }
  }

  createItem(list: List, fields: Record<string, unknown>): Item {
    const values = this.normalise(list, fields);
    this.checkUnique(list, values);
    const id = String(list.nextItemId++);
    const at = now();
    const item: Item = {
      id,
      guid: randomUUID(),
      revision: 1,
      fields: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
      created: at,
      modified: at,
      changeSeq: ++list.changeSeq,
    };
    list.items.set(id, item);
    this.reindex(list, item, undefined);
    return item;
  }

  item(list: List, id: string): Item {
    const item = list.items.get(id);
    if (!item) throw new EmulatorHttpError(404, 'itemNotFound', 'The resource could not be found.');
    return item;
  }

  updateItem(list: List, id: string, fields: Record<string, unknown>, ifMatch: string | undefined): Item {
    const item = this.item(list, id);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etagOf(item)) {
      throw new EmulatorHttpError(
        412,
        'preconditionFailed',
        'ETag mismatch: the item was changed by someone else.',
      );
    }
    const values = this.normalise(list, fields);
    const merged = { ...item.fields, ...values };
    this.checkUnique(list, merged, id);
    const previous = item.fields;
    item.fields = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
    this.reindex(list, item, previous);
    item.revision++;
    item.modified = now();
    item.changeSeq = ++list.changeSeq;
    return item;
  }

  deleteItem(list: List, id: string, ifMatch: string | undefined): void {
    const item = this.item(list, id);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etagOf(item)) {
      throw new EmulatorHttpError(
        412,
        'preconditionFailed',
        'ETag mismatch: the item was changed by someone else.',
      );
    }
    list.items.delete(id);
    this.reindex(list, item, item.fields);
    list.tombstones.push({ id, seq: ++list.changeSeq });
  }

  /** The fieldValueSet Graph returns: built-ins, then the item's non-empty values. */
  fieldsOf(list: List, item: Item, select?: readonly string[]): Record<string, unknown> {
    const all: Record<string, unknown> = {
      '@odata.etag': etagOf(item),
      id: item.id,
      ContentType: 'Item',
      Modified: item.modified,
      Created: item.created,
      AuthorLookupId: '6',
      EditorLookupId: '6',
      _UIVersionString: `${item.revision}.0`,
      Attachments: false,
      Edit: '',
      LinkTitleNoMenu: item.fields.Title ?? '',
      LinkTitle: item.fields.Title ?? '',
      ItemChildCount: '0',
      FolderChildCount: '0',
      ...item.fields,
    };
    if (!select) return all;
    const out: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
    for (const name of select) if (name in all) out[name] = all[name];
    return out;
  }

  itemResource(
    siteId: string,
    list: List,
    item: Item,
    options: { expandFields: boolean; select?: readonly string[] },
  ): Record<string, unknown> {
    const resource: Record<string, unknown> = {
      '@odata.etag': etagOf(item),
      createdDateTime: item.created,
      eTag: etagOf(item),
      id: item.id,
      lastModifiedDateTime: item.modified,
      webUrl: `https://contoso.sharepoint.com/sites/TO/Lists/${list.name}/${item.id}_.000`,
      createdBy: { user: { displayName: 'Transformation Hub' } },
      lastModifiedBy: { user: { displayName: 'Transformation Hub' } },
      parentReference: { id: list.id, siteId },
      contentType: { id: '0x0100', name: 'Item' },
    };
    if (options.expandFields) resource.fields = this.fieldsOf(list, item, options.select);
    return resource;
  }

  columnResource(column: Column): Record<string, unknown> {
    const { id, name, displayName, description, indexed, enforceUniqueValues, readOnly, hidden, required } =
      column;
    const facets: ColumnFacets = {};
    if (column.text) facets.text = column.text;
    if (column.number) facets.number = column.number;
    if (column.boolean) facets.boolean = column.boolean;
    if (column.dateTime) facets.dateTime = column.dateTime;
    return {
      columnGroup: 'Custom Columns',
      description,
      displayName,
      enforceUniqueValues,
      hidden,
      id,
      indexed,
      name,
      readOnly,
      required,
      ...facets,
    };
  }

  listResource(list: List, select?: readonly string[]): Record<string, unknown> {
    const all: Record<string, unknown> = {
      '@odata.etag': `"${list.id},1"`,
      createdDateTime: list.created,
      description: list.description,
      displayName: list.displayName,
      id: list.id,
      lastModifiedDateTime: list.created,
      name: list.name,
      webUrl: `https://contoso.sharepoint.com/sites/TO/Lists/${list.name}`,
      list: { contentTypesEnabled: false, hidden: false, template: list.template },
    };
    if (!select) return all;
    return Object.fromEntries(Object.entries(all).filter(([k]) => select.includes(k)));
  }
}
