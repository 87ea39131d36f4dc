import { describe, expect, it } from 'vitest';
import { AuditEvent, diffFields, type FieldChange } from '../../bot/domain/audit.js';

describe('diffFields', () => {
  it.each<[string, object | undefined, object | undefined, FieldChange[]]>([
    ['no change', { title: 'A', phase: 'executing' }, { title: 'A', phase: 'executing' }, []],
    [
      'one field',
      { title: 'A', phase: 'planning' },
      { title: 'A', phase: 'executing' },
      [{ field: 'phase', before: 'planning', after: 'executing' }],
    ],
    [
      'several fields, sorted by name',
      { title: 'A', budgetChf: 1, phase: 'planning' },
      { title: 'B', budgetChf: 2, phase: 'planning' },
      [
        { field: 'budgetChf', before: 1, after: 2 },
        { field: 'title', before: 'A', after: 'B' },
      ],
    ],
    [
      'version, timestamps and history are ignored',
      { title: 'A', version: 1, createdAt: 'x', updatedAt: 'y', history: [1] },
      { title: 'A', version: 2, createdAt: 'x2', updatedAt: 'y2', history: [1, 2] },
      [],
    ],
    [
      'a nested change is reported on its top-level field, whole',
      { dimensions: { budget: 'green', schedule: 'amber' } },
      { dimensions: { budget: 'red', schedule: 'amber' } },
      [
        {
          field: 'dimensions',
          before: { budget: 'green', schedule: 'amber' },
          after: { budget: 'red', schedule: 'amber' },
        },
      ],
    ],
    [
      'the same nested object with its keys in another order is no change',
      { dimensions: { budget: 'green', schedule: 'amber' }, baseline: { value: 1, date: '2026-01-01' } },
      { dimensions: { schedule: 'amber', budget: 'green' }, baseline: { date: '2026-01-01', value: 1 } },
      [],
    ],
    [
      'a list reordered is a change',
      { leadIds: ['a', 'b'] },
      { leadIds: ['b', 'a'] },
      [{ field: 'leadIds', before: ['a', 'b'], after: ['b', 'a'] }],
    ],
    [
      'an added field',
      { title: 'A' },
      { title: 'A', sponsorId: 's-1' },
      [{ field: 'sponsorId', before: null, after: 's-1' }],
    ],
    [
      'a removed field',
      { title: 'A', sponsorId: 's-1' },
      { title: 'A' },
      [{ field: 'sponsorId', before: 's-1', after: null }],
    ],
    [
      'undefined and null are the same (both shown as null)',
      { sponsorId: undefined },
      { sponsorId: null },
      [],
    ],
    [
      'a value set to null',
      { sponsorId: 's-1' },
      { sponsorId: null },
      [{ field: 'sponsorId', before: 's-1', after: null }],
    ],
    [
      'creation: every field is new',
      undefined,
      { title: 'A', version: 1 },
      [{ field: 'title', before: null, after: 'A' }],
    ],
    ['nothing on either side', undefined, undefined, []],
    [
      '0 and false are values, not absence',
      { budgetChf: 0, active: false },
      { budgetChf: null, active: true },
      [
        { field: 'active', before: false, after: true },
        { field: 'budgetChf', before: 0, after: null },
      ],
    ],
  ])('%s', (_label, before, after, expected) => {
    expect(diffFields(before, after)).toEqual(expected);
  });
});

describe('AuditEvent schema', () => {
  const valid = {
    id: 'a-1',
    at: '2026-11-23T09:00:00.000Z',
    actorId: 'owner-1',
    surface: 'tab',
    entityType: 'project',
    entityId: 'p-1',
    action: 'update',
    changes: [{ field: 'title', before: 'A', after: 'B' }],
  };

  it('accepts an event and fills the defaults', () => {
    expect(AuditEvent.parse(valid)).toMatchObject({ projectId: null, reason: null, correlationId: null });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown surface', { surface: 'email' }, 'surface'],
    ['an unknown entity type', { entityType: 'comment' }, 'entityType'],
    ['an unknown action', { action: 'delete' }, 'action'],
    [
      'too many changes',
      { changes: Array.from({ length: 101 }, (_, i) => ({ field: `f${i}`, before: 1, after: 2 })) },
      'changes',
    ],
    ['a reason over 200 characters', { action: 'forbidden', reason: 'x'.repeat(201) }, 'reason'],
  ])('refuses %s', (_label, change, path) => {
    const result = AuditEvent.safeParse({ ...valid, ...change });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
