// Creates or updates the lists of list-schema.ts on a site, idempotently: a missing list is created
// with its columns, a missing column is added, a column that should be indexed (or unique) and is not
// is changed. Nothing is ever deleted or re-typed: a column whose type differs from the schema is
// reported as a problem for a person to resolve (changing a column's type can lose data).
import type { GraphGateway, RawColumn, RawList } from './graph-gateway.js';
import {
  allColumns,
  columnDefinition,
  LIST_SPECS,
  listDisplayName,
  type ColumnKind,
  type ColumnSpec,
  type ListSpec,
} from './list-schema.js';

export type ProvisionChange =
  | { action: 'create-list'; list: string; columns: number; indexed: string[] }
  | { action: 'create-column'; list: string; column: string; kind: ColumnKind; indexed: boolean }
  | {
      action: 'update-column';
      list: string;
      column: string;
      set: { indexed?: boolean; enforceUniqueValues?: boolean };
    };

export interface ProvisionResult {
  siteId: string;
  dryRun: boolean;
  changes: ProvisionChange[];
  /** Differences provisioning will not fix by itself. */
  problems: string[];
}

export interface ProvisionOptions {
  siteId: string;
  prefix: string;
  dryRun: boolean;
  specs?: ReadonlyArray<ListSpec<never>>;
}

export function kindOfColumn(column: RawColumn): ColumnKind | undefined {
  if (column.text) return column.text.allowMultipleLines ? 'note' : 'text';
  if (column.number) return 'number';
  if (column.boolean) return 'boolean';
  if (column.dateTime) return 'dateTime';
  return undefined;
}

function listBody(displayName: string, spec: ListSpec<never>): Record<string, unknown> {
  return {
    displayName,
    description: spec.description,
    columns: allColumns(spec).map(columnDefinition),
    list: { template: 'genericList' },
  };
}

function columnChanges(
  list: string,
  wanted: ReadonlyArray<ColumnSpec<never>>,
  existing: readonly RawColumn[],
  problems: string[],
): ProvisionChange[] {
  const changes: ProvisionChange[] = [];
  for (const column of wanted) {
    const current = existing.find((c) => c.name === column.name);
    if (!current) {
      changes.push({
        action: 'create-column',
        list,
        column: column.name,
        kind: column.kind,
        indexed: column.indexed,
      });
      continue;
    }
    const kind = kindOfColumn(current);
    if (kind !== column.kind) {
      problems.push(
        `"${list}" column ${column.name} is ${kind ?? 'of another type'}, expected ${column.kind}`,
      );
      continue;
    }
    const set: { indexed?: boolean; enforceUniqueValues?: boolean } = {};
    // A unique column must be indexed; SharePoint refuses enforceUniqueValues otherwise.
    if ((column.indexed || column.unique) && current.indexed !== true) set.indexed = true;
    if (column.unique && current.enforceUniqueValues !== true) set.enforceUniqueValues = true;
    if (Object.keys(set).length > 0)
      changes.push({ action: 'update-column', list, column: column.name, set });
  }
  return changes;
}

export async function provisionLists(
  gateway: GraphGateway,
  options: ProvisionOptions,
): Promise<ProvisionResult> {
  const { siteId, prefix, dryRun } = options;
  const specs = options.specs ?? LIST_SPECS;
  await gateway.getSite(siteId);
  const lists = await gateway.listLists(siteId);
  const byName = new Map<string, RawList>();
  for (const list of lists) if (list.displayName) byName.set(list.displayName, list);

  const changes: ProvisionChange[] = [];
  const problems: string[] = [];
  for (const spec of specs) {
    const name = listDisplayName(prefix, spec);
    const wanted = allColumns(spec);
    let list = byName.get(name);
    if (!list) {
      changes.push({
        action: 'create-list',
        list: name,
        columns: wanted.length,
        indexed: wanted.filter((c) => c.indexed || c.unique).map((c) => c.name),
      });
      if (dryRun) continue;
      list = await gateway.createList(siteId, listBody(name, spec));
      // SharePoint may create the columns without their index; check, and fix below without
      // reporting what was just created as a second change.
      const created = await gateway.listColumns(siteId, list.id);
      for (const change of columnChanges(name, wanted, created, problems)) {
        await apply(gateway, siteId, list.id, wanted, change, created);
      }
      continue;
    }
    const existing = await gateway.listColumns(siteId, list.id);
    for (const change of columnChanges(name, wanted, existing, problems)) {
      changes.push(change);
      if (!dryRun) await apply(gateway, siteId, list.id, wanted, change, existing);
    }
  }
  return { siteId, dryRun, changes, problems };
}

async function apply(
  gateway: GraphGateway,
  siteId: string,
  listId: string,
  wanted: ReadonlyArray<ColumnSpec<never>>,
  change: ProvisionChange,
  existing?: readonly RawColumn[],
): Promise<void> {
  if (change.action === 'create-column') {
    const column = wanted.find((c) => c.name === change.column);
    if (column) await gateway.createColumn(siteId, listId, columnDefinition(column));
    return;
  }
  if (change.action === 'update-column') {
    const columns = existing ?? (await gateway.listColumns(siteId, listId));
    const current = columns.find((c) => c.name === change.column);
    if (current) await gateway.updateColumn(siteId, listId, current.id, change.set);
  }
}

/** Human-readable lines for the provisioning command. */
export function describeProvisioning(result: ProvisionResult): string[] {
  const lines = [`Site ${result.siteId}${result.dryRun ? ' (dry run: nothing is changed)' : ''}`];
  const verb = result.dryRun ? 'would ' : '';
  for (const change of result.changes) {
    switch (change.action) {
      case 'create-list':
        lines.push(
          `+ ${verb}create list "${change.list}" with ${change.columns} columns (indexed: ${change.indexed.join(', ')})`,
        );
        break;
      case 'create-column':
        lines.push(
          `+ ${verb}add column "${change.list}".${change.column} (${change.kind}${change.indexed ? ', indexed' : ''})`,
        );
        break;
      case 'update-column':
        lines.push(
          `~ ${verb}set ${Object.keys(change.set).join(' and ')} on column "${change.list}".${change.column}`,
        );
        break;
    }
  }
  for (const problem of result.problems) lines.push(`! ${problem}`);
  if (result.changes.length === 0 && result.problems.length === 0) {
    lines.push('No changes: every list, column and index is in place.');
  }
  return lines;
}
