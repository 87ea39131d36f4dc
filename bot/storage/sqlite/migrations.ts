// The schema of the embedded database, as an ordered list of migrations. Migration n brings the
// database from `PRAGMA user_version` n-1 to n. Never edit a released migration; append a new one.
//
// Every versioned entity table has the same core: `id`, `version` (optimistic concurrency) and `data`
// (the entity as JSON, validated by the domain schema on every read). The other columns are copies of
// the fields that queries filter or sort on, so that each listing is an indexed SQL query.
import type Database from 'better-sqlite3';

export interface Migration {
  /** 1-based; equals the array position + 1. */
  readonly version: number;
  readonly name: string;
  readonly up: string | ((db: Database.Database) => void);
}

const PORTFOLIO = `
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  data TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  pillar TEXT NOT NULL,
  phase TEXT NOT NULL,
  kind TEXT NOT NULL,
  org_unit TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  lead_ids TEXT NOT NULL DEFAULT '[]',
  member_ids TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX projects_pillar ON projects (pillar, code);
CREATE INDEX projects_phase ON projects (phase, code);
CREATE INDEX projects_owner ON projects (owner_id);
CREATE INDEX projects_org_unit ON projects (org_unit);

CREATE TABLE status_updates (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  data TEXT NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects (id),
  period TEXT NOT NULL,
  UNIQUE (project_id, period)
) STRICT;
CREATE INDEX status_updates_period ON status_updates (period, project_id);

CREATE TABLE risks (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  data TEXT NOT NULL,
  project_id TEXT REFERENCES projects (id),
  status TEXT NOT NULL,
  owner_id TEXT,
  score INTEGER NOT NULL,
  raised_at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX risks_order ON risks (score DESC, raised_at_ms DESC, id);
CREATE INDEX risks_project ON risks (project_id);
CREATE INDEX risks_owner ON risks (owner_id);
CREATE INDEX risks_status ON risks (status);

CREATE TABLE milestones (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  data TEXT NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects (id),
  status TEXT NOT NULL,
  due_date TEXT NOT NULL
) STRICT;
CREATE INDEX milestones_project ON milestones (project_id, due_date, id);
CREATE INDEX milestones_due ON milestones (due_date, id);

CREATE TABLE kpis (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  data TEXT NOT NULL,
  project_id TEXT REFERENCES projects (id),
  pillar TEXT,
  sort_title TEXT NOT NULL
) STRICT;
CREATE INDEX kpis_order ON kpis (sort_title, id);
CREATE INDEX kpis_project ON kpis (project_id);
CREATE INDEX kpis_pillar ON kpis (pillar);

CREATE TABLE measurements (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  data TEXT NOT NULL,
  kpi_id TEXT NOT NULL REFERENCES kpis (id),
  date TEXT NOT NULL
) STRICT;
CREATE INDEX measurements_order ON measurements (kpi_id, date, id);

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  data TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  aad_object_id TEXT UNIQUE,
  role TEXT NOT NULL,
  active INTEGER NOT NULL,
  sort_name TEXT NOT NULL
) STRICT;
CREATE INDEX people_order ON people (sort_name, id);
CREATE INDEX people_role ON people (role);

CREATE TABLE audit_events (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  project_id TEXT,
  actor_id TEXT NOT NULL
) STRICT;
CREATE INDEX audit_order ON audit_events (at_ms DESC, id DESC);
CREATE INDEX audit_entity ON audit_events (entity_type, entity_id, at_ms);
CREATE INDEX audit_project ON audit_events (project_id, at_ms);
CREATE INDEX audit_actor ON audit_events (actor_id, at_ms);

CREATE TABLE settings (
  id TEXT PRIMARY KEY CHECK (id = 'settings'),
  version INTEGER NOT NULL CHECK (version >= 1),
  data TEXT NOT NULL
) STRICT;
`;

const BOT_STATE = `
CREATE TABLE conversations (
  conversation_id TEXT PRIMARY KEY,
  person_id TEXT,
  user_key TEXT NOT NULL,
  conversation_type TEXT NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX conversations_person ON conversations (person_id, conversation_type, updated_at_ms);

CREATE TABLE runs (
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  recipient_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  detail TEXT,
  updated_at TEXT NOT NULL,
  activity_id TEXT,
  claimed_at_ms INTEGER,
  PRIMARY KEY (kind, period, recipient_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX runs_status ON runs (status);

CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`;

// Confidential risks (readable by the CTO, the risk's owner and raiser, the project's owner and leads,
// the pillar's leads): a copy of the flag beside the JSON, filled from the rows already stored.
const RISK_CONFIDENTIAL = `
ALTER TABLE risks ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));
UPDATE risks SET confidential = CASE WHEN json_extract(data, '$.confidential') = 1 THEN 1 ELSE 0 END;
`;

// Each project's facts (bot/domain/read-model.ts), maintained in the transaction of every write that
// changes them (read-models.ts); a database that predates them is filled when the store opens.
const READ_MODELS = `
CREATE TABLE project_facts (
  project_id TEXT PRIMARY KEY REFERENCES projects (id),
  pillar TEXT NOT NULL,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX project_facts_pillar ON project_facts (pillar, project_id);
CREATE INDEX risks_project_status ON risks (project_id, status, score);
CREATE INDEX milestones_project_status ON milestones (project_id, status, due_date, id);
`;

// Notices for one person until they dismiss them (a queued write SharePoint refused, issue 12 item 10).
const NOTICES = `
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  dismissed_at_ms INTEGER,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX notices_person_open ON notices (person_id, dismissed_at_ms, created_at_ms);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'portfolio tables', up: PORTFOLIO },
  { version: 2, name: 'bot state tables', up: BOT_STATE },
  {
    version: 3,
    name: 'run claims held by an instance; uncertain sends',
    up: 'ALTER TABLE runs ADD COLUMN holder TEXT; ALTER TABLE runs ADD COLUMN uncertain TEXT;',
  },
  { version: 4, name: 'risk confidential flag', up: RISK_CONFIDENTIAL },
  { version: 5, name: 'read models', up: READ_MODELS },
  { version: 6, name: 'per-person notices', up: NOTICES },
];
