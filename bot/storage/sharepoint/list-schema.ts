// The SharePoint lists of the Microsoft 365 mode, as code: one definition per list with its columns,
// their types, which are indexed and which are unique. Provisioning (provision-lists.ts) creates
// exactly this; the repositories write and read exactly this.
//
// Mapping choice: every item stores the whole validated entity as JSON in multi-line text columns
// (`EntityJson`, spilling into `EntityJson2..4` for large entities), next to typed columns that copy
// the fields people filter and sort on in SharePoint views and that the app may filter on through
// Graph. The JSON is the source of truth; the typed columns are projections rewritten on every write.
// Why not one column per field: the domain has nested and repeated values (status-update history,
// risk score history and escalation, project leads and members, KPI baseline and target, settings
// schedules) that SharePoint columns cannot hold without lossy flattening, and every new domain field
// would need a column migration on a production site. With JSON + zod on every read the mapping is
// lossless, a list item that was edited by hand into something invalid is detected (and skipped), and
// the typed columns stay few, indexed where the app filters (project, period, status, owner) and
// readable in SharePoint. Edits made to typed columns in the SharePoint UI are not read back.
//
// Indexes: SharePoint refuses $filter on non-indexed columns (PLATFORM-FACTS F1, F3) and allows at
// most 20 indexes per list. `EntityId` (our id, unique + indexed) is what the store filters on when it
// checks whether a replayed write already landed.
import type { AuditEvent } from '../../domain/audit.js';
import type { Kpi, Measurement } from '../../domain/kpi.js';
import type { Milestone } from '../../domain/milestone.js';
import type { Person } from '../../domain/person.js';
import type { Project } from '../../domain/project.js';
import type { Risk } from '../../domain/risk.js';
import type { Settings } from '../../domain/settings.js';
import type { StatusUpdate } from '../../domain/status-update.js';

export type ColumnKind = 'text' | 'note' | 'number' | 'boolean' | 'dateTime';
export type FieldValue = string | number | boolean | null;

export interface ColumnSpec<T> {
  /** Internal name (also the display name); letters and digits only. */
  name: string;
  kind: ColumnKind;
  indexed: boolean;
  unique: boolean;
  description: string;
  /** The value written for an entity; absent for the columns the codec fills (EntityId, EntityJson...). */
  value?: (entity: T) => FieldValue;
}

export type ListKey =
  | 'projects'
  | 'statusUpdates'
  | 'risks'
  | 'milestones'
  | 'kpis'
  | 'measurements'
  | 'people'
  | 'audit'
  | 'settings';

export interface ListSpec<T> {
  key: ListKey;
  /** Display name after SHAREPOINT_LIST_PREFIX, e.g. "Projects" -> "TH Projects". */
  title: string;
  description: string;
  /** The value of the built-in Title column (single line, at most 255 characters). */
  titleOf: (entity: T) => string;
  /** The list's own columns, besides the common ones. */
  columns: ReadonlyArray<ColumnSpec<T>>;
}

/** Single-line text columns hold at most 255 characters (columnDefinition text.maxLength). */
export const TEXT_MAX_LENGTH = 255;
/** Characters per EntityJson column; multi-line text holds 63,999 (kept below that). */
export const JSON_CHUNK_LENGTH = 60_000;
export const JSON_COLUMNS = ['EntityJson', 'EntityJson2', 'EntityJson3', 'EntityJson4'] as const;

export const ENTITY_ID_COLUMN = 'EntityId';
export const ENTITY_VERSION_COLUMN = 'EntityVersion';
/** A fresh id per write: tells "our earlier attempt landed" from "someone wrote the same thing". */
export const WRITE_ID_COLUMN = 'WriteId';

/** Columns every list has, filled by the codec. */
export const COMMON_COLUMNS: ReadonlyArray<ColumnSpec<never>> = [
  {
    name: ENTITY_ID_COLUMN,
    kind: 'text',
    indexed: true,
    unique: true,
    description: 'Transformation Hub id of the record (unique). Do not edit.',
  },
  {
    name: ENTITY_VERSION_COLUMN,
    kind: 'number',
    indexed: false,
    unique: false,
    description: 'Version for optimistic concurrency. Do not edit.',
  },
  {
    name: WRITE_ID_COLUMN,
    kind: 'text',
    indexed: false,
    unique: false,
    description: 'Id of the write that stored this version (idempotent retries). Do not edit.',
  },
  ...JSON_COLUMNS.map((name, i) => ({
    name,
    kind: 'note' as const,
    indexed: false,
    unique: false,
    description:
      i === 0
        ? 'The whole record as JSON, validated on every read (source of truth). Do not edit.'
        : 'Continuation of EntityJson for large records. Do not edit.',
  })),
];

const text = <T>(
  name: string,
  description: string,
  value: (e: T) => FieldValue,
  indexed = false,
): ColumnSpec<T> => ({
  name,
  kind: 'text',
  indexed,
  unique: false,
  description,
  value,
});
const indexedText = <T>(name: string, description: string, value: (e: T) => FieldValue): ColumnSpec<T> =>
  text(name, description, value, true);

export const PROJECTS: ListSpec<Project> = {
  key: 'projects',
  title: 'Projects',
  description: 'Transformation portfolio projects (Transformation Hub).',
  titleOf: (p) => `${p.code} ${p.title}`,
  columns: [
    {
      name: 'Code',
      kind: 'text',
      indexed: true,
      unique: true,
      description: 'Project code, e.g. TR-07.',
      value: (p) => p.code,
    },
    indexedText('Pillar', 'Pillar code.', (p) => p.pillar),
    indexedText('Phase', 'Phase (the project status).', (p) => p.phase),
    indexedText('OwnerId', 'Roster id of the owner.', (p) => p.ownerId),
    text('Kind', 'Project kind.', (p) => p.kind),
    text('OrgUnit', 'Org unit code.', (p) => p.orgUnit),
    text('DueDate', 'Due date (YYYY-MM-DD).', (p) => p.dueDate),
    {
      name: 'Titles',
      kind: 'note',
      indexed: false,
      unique: false,
      description: 'The title in the other languages, one "language: title" per line (copy of EntityJson).',
      value: (p) => localizedTitlesText(p.titles),
    },
  ],
};

/** "ar: ...\nfr: ..." for the Titles column; null when the project has no other titles. */
export function localizedTitlesText(titles: Project['titles']): string | null {
  const lines = Object.entries(titles ?? {})
    .filter(([, v]) => !!v)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([locale, v]) => `${locale}: ${v}`);
  return lines.length ? lines.join('\n') : null;
}

export const STATUS_UPDATES: ListSpec<StatusUpdate> = {
  key: 'statusUpdates',
  title: 'Status updates',
  description: 'Weekly project status updates (Transformation Hub).',
  titleOf: (u) => `${u.projectId} ${u.period}`,
  columns: [
    indexedText('ProjectId', 'Project id.', (u) => u.projectId),
    indexedText('Period', 'Reporting period (ISO week).', (u) => u.period),
    {
      name: 'ProjectPeriod',
      kind: 'text',
      indexed: true,
      unique: true,
      description: 'Project id and period: one update per project per period.',
      value: (u) => `${u.projectId}/${u.period}`,
    },
    indexedText('Health', 'Overall health (the update status).', (u) => u.health),
    indexedText('AuthorId', 'Roster id of the author.', (u) => u.authorId),
    {
      name: 'PercentComplete',
      kind: 'number',
      indexed: false,
      unique: false,
      description: 'Percent complete.',
      value: (u) => u.percentComplete,
    },
    {
      name: 'SubmittedAt',
      kind: 'dateTime',
      indexed: false,
      unique: false,
      description: 'Submitted at.',
      value: (u) => u.submittedAt,
    },
  ],
};

export const RISKS: ListSpec<Risk> = {
  key: 'risks',
  title: 'Risks',
  description: 'Project and portfolio risks (Transformation Hub).',
  // A confidential risk's title stays out of the list views (its EntityJson keeps it for the app).
  titleOf: (r) => (r.confidential ? `Confidential risk ${r.id}` : r.title),
  columns: [
    indexedText('ProjectId', 'Project id (empty for portfolio-wide risks).', (r) => r.projectId),
    indexedText('Status', 'Risk status.', (r) => r.status),
    indexedText('OwnerId', 'Roster id of the risk owner.', (r) => r.ownerId),
    {
      name: 'Score',
      kind: 'number',
      indexed: false,
      unique: false,
      description: 'Likelihood x impact.',
      value: (r) => r.score,
    },
    text('Level', 'Risk level.', (r) => r.level),
    {
      name: 'RaisedAt',
      kind: 'dateTime',
      indexed: false,
      unique: false,
      description: 'Raised at.',
      value: (r) => r.raisedAt,
    },
    {
      name: 'Confidential',
      kind: 'boolean',
      indexed: false,
      unique: false,
      description:
        'Readable only by the CTO, the risk owner, the project owner and leads and the pillar leads.',
      value: (r) => r.confidential,
    },
  ],
};

export const MILESTONES: ListSpec<Milestone> = {
  key: 'milestones',
  title: 'Milestones',
  description: 'Project milestones (Transformation Hub).',
  titleOf: (m) => m.title,
  columns: [
    indexedText('ProjectId', 'Project id.', (m) => m.projectId),
    indexedText('Status', 'Milestone status.', (m) => m.status),
    indexedText('DueDate', 'Due date (YYYY-MM-DD).', (m) => m.dueDate),
  ],
};

export const KPIS: ListSpec<Kpi> = {
  key: 'kpis',
  title: 'KPIs',
  description: 'Key performance indicators with baseline and target (Transformation Hub).',
  titleOf: (k) => k.title,
  columns: [
    indexedText('ProjectId', 'Project id (empty for pillar KPIs).', (k) => k.projectId),
    indexedText('Pillar', 'Pillar code (empty for project KPIs).', (k) => k.pillar),
    indexedText('OwnerId', 'Roster id of the KPI owner.', (k) => k.ownerId),
    text('Unit', 'Unit.', (k) => k.unit),
  ],
};

export const MEASUREMENTS: ListSpec<Measurement> = {
  key: 'measurements',
  title: 'KPI measurements',
  description: 'Measurements of KPIs over time (Transformation Hub).',
  titleOf: (m) => `${m.kpiId} ${m.date}`,
  columns: [
    indexedText('KpiId', 'KPI id.', (m) => m.kpiId),
    indexedText('MeasuredOn', 'Date of the measurement (YYYY-MM-DD).', (m) => m.date),
    indexedText('ById', 'Roster id of whoever recorded it.', (m) => m.byId),
    {
      name: 'Value',
      kind: 'number',
      indexed: false,
      unique: false,
      description: 'Measured value.',
      value: (m) => m.value,
    },
  ],
};

export const PEOPLE: ListSpec<Person> = {
  key: 'people',
  title: 'Roster',
  description: 'People of the Transformation Hub roster and their roles.',
  titleOf: (p) => p.name,
  columns: [
    {
      name: 'EmailKey',
      kind: 'text',
      indexed: true,
      unique: true,
      description: 'E-mail address, lower case (unique).',
      value: (p) => p.email.toLowerCase(),
    },
    {
      name: 'AadObjectId',
      kind: 'text',
      indexed: true,
      unique: true,
      description:
        'Entra object id; "none:<entity id>" for people without one, so uniqueness never depends on how SharePoint treats empty values.',
      value: (p) => p.aadObjectId ?? `none:${p.id}`,
    },
    indexedText('Role', 'Role.', (p) => p.role),
    {
      name: 'Active',
      kind: 'boolean',
      indexed: false,
      unique: false,
      description: 'Active on the roster.',
      value: (p) => p.active,
    },
    text('OrgUnit', 'Org unit code.', (p) => p.orgUnit),
  ],
};

export const AUDIT: ListSpec<AuditEvent> = {
  key: 'audit',
  title: 'Audit',
  description: 'Audit trail of every change (append-only) (Transformation Hub).',
  titleOf: (e) => `${e.action} ${e.entityType} ${e.entityId}`,
  columns: [
    { name: 'At', kind: 'dateTime', indexed: true, unique: false, description: 'When.', value: (e) => e.at },
    indexedText('ActorId', 'Roster id of who acted.', (e) => e.actorId),
    indexedText('TargetType', 'Type of the changed record.', (e) => e.entityType),
    indexedText('TargetId', 'Id of the changed record.', (e) => e.entityId),
    indexedText('ProjectId', 'Project the change belongs to.', (e) => e.projectId),
    text('Action', 'Action.', (e) => e.action),
    text('Surface', 'Surface (bot, tab, api...).', (e) => e.surface),
  ],
};

export const SETTINGS: ListSpec<Settings> = {
  key: 'settings',
  title: 'Settings',
  description: 'Portfolio settings of the Transformation Hub (one item).',
  titleOf: () => 'Settings',
  columns: [],
};

/** Every list, in provisioning order. */
export const LIST_SPECS: ReadonlyArray<ListSpec<never>> = [
  PROJECTS,
  STATUS_UPDATES,
  RISKS,
  MILESTONES,
  KPIS,
  MEASUREMENTS,
  PEOPLE,
  AUDIT,
  SETTINGS,
];

export function listDisplayName(prefix: string, spec: Pick<ListSpec<never>, 'title'>): string {
  return `${prefix}${spec.title}`;
}

/** The list's columns including the common ones, as provisioned. */
export function allColumns<T>(spec: ListSpec<T>): ReadonlyArray<ColumnSpec<T>> {
  return [...(COMMON_COLUMNS as ReadonlyArray<ColumnSpec<T>>), ...spec.columns];
}

export function isIndexed(spec: ListSpec<never>, column: string): boolean {
  return allColumns(spec).some((c) => c.name === column && c.indexed);
}

/** A Graph columnDefinition for a column (list-create and columns POST bodies). */
export function columnDefinition(column: ColumnSpec<never>): Record<string, unknown> {
  const base = {
    name: column.name,
    displayName: column.name,
    description: column.description,
    indexed: column.indexed,
    enforceUniqueValues: column.unique,
  };
  switch (column.kind) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: TEXT_MAX_LENGTH } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, textType: 'plain' } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
  }
}
