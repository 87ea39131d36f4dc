import { describe, expect, it } from 'vitest';
import {
  expectsReporting,
  isProjectMember,
  isProjectOwner,
  Project,
  ProjectCode,
  ProjectCreate,
  ProjectPatch,
  PROJECT_PHASES,
} from '../../bot/domain/project.js';
import { project } from './builders.js';

const valid = {
  code: 'TR-07',
  title: 'Website redesign',
  kind: 'accelerated-initiative',
  pillar: 'MAP',
  orgUnit: 'SPM-EAC',
  ownerId: 'owner-1',
  leadIds: ['lead-1'],
  phase: 'executing',
  startDate: '2026-01-05',
  dueDate: '2026-12-18',
  budgetChf: 600_000,
  spendChf: 350_000,
  description: 'A new www.itu.int.',
};

describe('ProjectCreate', () => {
  it('accepts a full project', () => {
    expect(ProjectCreate.parse(valid)).toMatchObject({
      code: 'TR-07',
      budgetChf: 600_000,
      dependencies: [],
      memberIds: [],
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['start and due on the same day', { startDate: '2026-03-01', dueDate: '2026-03-01' }],
    ['no dates', { startDate: null, dueDate: null }],
    ['a due date without a start date', { startDate: null }],
    ['a lower-case code with spaces (normalised)', { code: ' tr-07 ' }],
    ['a change case with members', { kind: 'change-case', memberIds: ['cm-1', 'cm-2'] }],
    ['no budget', { budgetChf: null, spendChf: null }],
    ['overspent (spend above budget is information, not an error)', { spendChf: 700_000 }],
    ['a Regional Office', { orgUnit: 'RO-AFR' }],
  ])('accepts %s', (_label, change) => {
    expect(ProjectCreate.safeParse({ ...valid, ...change }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a due date before the start date', { startDate: '2026-06-01', dueDate: '2026-05-31' }, 'dueDate'],
    ['a code without a number', { code: 'TR' }, 'code'],
    ['a code without a hyphen', { code: 'TR07' }, 'code'],
    ['a code with a six-letter prefix', { code: 'TRANSF-01' }, 'code'],
    ['a code with five digits', { code: 'TR-12345' }, 'code'],
    ['an unknown org unit', { orgUnit: 'NASA' }, 'orgUnit'],
    ['an org unit in the wrong case', { orgUnit: 'br' }, 'orgUnit'],
    ['an unknown pillar', { pillar: 'FIN' }, 'pillar'],
    ['an unknown kind', { kind: 'programme' }, 'kind'],
    ['an unknown phase', { phase: 'archived' }, 'phase'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a title on two lines', { title: 'Website\nredesign' }, 'title'],
    ['a description over 4000 characters', { description: 'x'.repeat(4001) }, 'description'],
    ['a negative budget', { budgetChf: -1 }, 'budgetChf'],
    ['an infinite spend', { spendChf: Infinity }, 'spendChf'],
    ['a budget given as text', { budgetChf: '600000' }, 'budgetChf'],
    ['more than 20 leads', { leadIds: Array.from({ length: 21 }, (_, i) => `lead-${i}`) }, 'leadIds'],
    ['an invalid owner id', { ownerId: 'owner 1' }, 'ownerId'],
    ['an impossible start date', { startDate: '2026-02-30' }, 'startDate'],
    ['a field the client may not set', { version: 3 }, ''],
  ])('refuses %s (path %j)', (_label, change, path) => {
    const result = ProjectCreate.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each([
    ['TR-07', 'TR-07'],
    ['tr-7', 'TR-7'],
    ['  ai-0001 ', 'AI-0001'],
  ])('ProjectCode %j -> %j', (input, expected) => {
    expect(ProjectCode.parse(input)).toBe(expected);
  });

  it('a stored project is held to the date order too', () => {
    const stored = project();
    expect(Project.safeParse({ ...stored, startDate: '2027-01-01', dueDate: '2026-12-31' }).success).toBe(
      false,
    );
  });
});

describe('ProjectPatch: a field left out stays as it is', () => {
  it.each<[string, Record<string, unknown>]>([
    ['title only', { title: 'New title' }],
    ['phase only', { phase: 'on-hold' }],
    ['clearing the sponsor', { sponsorId: null }],
    ['replacing the leads', { leadIds: ['lead-2'] }],
    ['nothing', {}],
  ])('%s parses to exactly the fields sent', (_label, patch) => {
    expect(ProjectPatch.parse(patch)).toEqual(patch);
  });

  it('merging a title-only patch over a project keeps its phase, leads, dates and budget', () => {
    const stored = project({
      phase: 'executing',
      leadIds: ['lead-1'],
      budgetChf: 600_000,
      startDate: '2026-01-05',
    });
    const merged = Project.parse({
      ...stored,
      ...ProjectPatch.parse({ title: 'Website redesign, phase 2' }),
    });
    expect(merged).toEqual({ ...stored, title: 'Website redesign, phase 2' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['the code, which is stable once created', { code: 'TR-08' }],
    ['an unknown field', { colour: 'blue' }],
    ['an unknown phase', { phase: 'archived' }],
    ['an empty title', { title: '' }],
  ])('refuses %s', (_label, patch) => {
    expect(ProjectPatch.safeParse(patch).success).toBe(false);
  });
});

describe('ownership, membership and reporting phases', () => {
  const p = { ownerId: 'owner-1', leadIds: ['lead-1', 'lead-2'], memberIds: ['cm-1'] };
  it.each([
    ['owner-1', true, false],
    ['lead-2', true, false],
    ['cm-1', false, true],
    ['someone', false, false],
  ])('%s: owner %s, member %s', (id, owner, member) => {
    expect(isProjectOwner(id, p)).toBe(owner);
    expect(isProjectMember(id, p)).toBe(member);
  });

  it.each(
    PROJECT_PHASES.map((phase) => [phase, ['planning', 'executing', 'closing'].includes(phase)] as const),
  )('phase %s expects weekly updates: %s', (phase, expected) => {
    expect(expectsReporting({ phase })).toBe(expected);
  });
});
