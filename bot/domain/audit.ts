// Audit events: who changed what, through which surface, with before/after of each changed field.
// Forbidden attempts are recorded too.
import { z } from 'zod';
import { Id, IsoDateTime } from './primitives.js';
import { Surface } from './status-update.js';

export const ENTITY_TYPES = [
  'project',
  'status-update',
  'risk',
  'milestone',
  'kpi',
  'measurement',
  'person',
  'settings',
] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'amend',
  'escalate',
  'acknowledge',
  'forbidden',
  'seed',
  'nudge',
  // Reliability: a proactive send found in flight at an instance's crash; a queued write SharePoint refused.
  'uncertain-send',
  'sync-rejected',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const FieldChange = z.object({
  field: z.string().max(100),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const AuditEvent = z.object({
  id: Id,
  at: IsoDateTime,
  actorId: Id,
  surface: Surface,
  entityType: EntityType,
  entityId: Id,
  /** The project an event belongs to, so a project's history is one query. */
  projectId: Id.nullable().default(null),
  action: AuditAction,
  changes: z.array(FieldChange).max(100).default([]),
  /** For `forbidden`: the rule that refused; for others, an optional note. */
  reason: z.string().max(200).nullable().default(null),
  correlationId: z.string().max(100).nullable().default(null),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

const IGNORED_FIELDS = new Set(['version', 'createdAt', 'updatedAt', 'history']);

/** The JSON form with object keys sorted and undefined read as null, so that key order never counts as a change. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => [k, canonical(o[k])]),
    );
  }
  return v ?? null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Field-level differences between two versions of an entity (top-level fields). */
export function diffFields(before: object | undefined, after: object | undefined): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !IGNORED_FIELDS.has(k))
    .sort();
  return keys
    .filter((k) => !same(b[k], a[k]))
    .map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}
