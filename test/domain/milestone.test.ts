import { describe, expect, it } from 'vitest';
import {
  effectiveMilestoneStatus,
  isDueWithin,
  Milestone,
  MilestoneCreate,
  MilestonePatch,
  type MilestoneStatus,
} from '../../bot/domain/milestone.js';

const TODAY = '2026-11-25';

describe('effectiveMilestoneStatus', () => {
  it.each<[MilestoneStatus, string, MilestoneStatus, string]>([
    ['planned', '2026-11-24', 'missed', 'planned and due yesterday'],
    ['planned', '2026-11-25', 'planned', 'planned and due today is not missed yet'],
    ['planned', '2026-11-26', 'planned', 'planned and due tomorrow'],
    ['planned', '2025-11-25', 'missed', 'planned and due a year ago'],
    ['done', '2026-11-01', 'done', 'done late stays done'],
    ['done', '2026-12-31', 'done', 'done early stays done'],
    ['missed', '2026-12-31', 'missed', 'marked missed stays missed'],
  ])('%s, due %s -> %s (%s)', (status, dueDate, expected) => {
    expect(effectiveMilestoneStatus({ status, dueDate }, TODAY)).toBe(expected);
  });
});

describe('isDueWithin(today, last day)', () => {
  const LAST = '2026-12-02';
  it.each<[MilestoneStatus, string, boolean, string]>([
    ['planned', '2026-11-24', false, 'yesterday: already past'],
    ['planned', '2026-11-25', true, 'today: first day included'],
    ['planned', '2026-11-30', true, 'inside the window'],
    ['planned', '2026-12-02', true, 'last day included'],
    ['planned', '2026-12-03', false, 'the day after the window'],
    ['done', '2026-11-30', false, 'done milestones are not due'],
    ['missed', '2026-11-30', false, 'missed milestones are not due'],
  ])('%s, due %s -> %s (%s)', (status, dueDate, expected) => {
    expect(isDueWithin({ status, dueDate }, TODAY, LAST)).toBe(expected);
  });

  it('across a year end', () => {
    expect(isDueWithin({ status: 'planned', dueDate: '2027-01-02' }, '2026-12-28', '2027-01-03')).toBe(true);
    expect(isDueWithin({ status: 'planned', dueDate: '2027-01-04' }, '2026-12-28', '2027-01-03')).toBe(false);
  });
});

describe('milestone schemas', () => {
  const stored = {
    id: 'm-1',
    projectId: 'p-1',
    title: 'Go-live of the new website',
    dueDate: '2026-12-15',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it.each<[string, Record<string, unknown>, string | null]>([
    ['planned without a completion date', {}, null],
    ['done with a completion date', { status: 'done', completedOn: '2026-12-10' }, null],
    ['done without a completion date', { status: 'done' }, 'completedOn'],
    ['done with a null completion date', { status: 'done', completedOn: null }, 'completedOn'],
    ['an unknown status', { status: 'late' }, 'status'],
    ['an impossible due date', { dueDate: '2026-11-31' }, 'dueDate'],
    ['a title that is too short', { title: 'Go' }, 'title'],
  ])('Milestone: %s', (_label, change, path) => {
    const result = Milestone.safeParse({ ...stored, ...change });
    if (path === null) expect(result.success).toBe(true);
    else expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['done, the service fills in today', { status: 'done' }, true],
    ['done with a date', { status: 'done', completedOn: '2026-11-20' }, true],
    ['done while clearing the completion date', { status: 'done', completedOn: null }, false],
    ['moving to another project', { projectId: 'p-2' }, false],
    ['back to planned, clearing the date', { status: 'planned', completedOn: null }, true],
  ])('MilestonePatch: %s -> %s', (_label, patch, ok) => {
    expect(MilestonePatch.safeParse(patch).success).toBe(ok);
  });

  it.each<[string, Record<string, unknown>]>([
    ['title only', { title: 'Go-live, second wave' }],
    ['due date only', { dueDate: '2027-01-15' }],
    ['nothing', {}],
  ])('MilestonePatch of %s parses to exactly the fields sent', (_label, patch) => {
    expect(MilestonePatch.parse(patch)).toEqual(patch);
  });

  it('renaming a done milestone keeps it done with its completion date', () => {
    const done = Milestone.parse({ ...stored, status: 'done', completedOn: '2026-12-10' });
    const merged = Milestone.parse({ ...done, ...MilestonePatch.parse({ title: 'Go-live of www.itu.int' }) });
    expect(merged).toEqual({ ...done, title: 'Go-live of www.itu.int' });
  });

  it('MilestoneCreate is strict and defaults to planned', () => {
    expect(
      MilestoneCreate.parse({ projectId: 'p-1', title: 'Kick-off', dueDate: '2026-12-01' }),
    ).toMatchObject({
      status: 'planned',
      completedOn: null,
    });
    expect(
      MilestoneCreate.safeParse({ projectId: 'p-1', title: 'Kick-off', dueDate: '2026-12-01', owner: 'x' })
        .success,
    ).toBe(false);
  });
});
