import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError, type FieldIssue } from '../../bot/domain/errors.js';
import { ProjectCreate } from '../../bot/domain/project.js';
import { RiskCreate } from '../../bot/domain/risk.js';
import { StatusUpdateSubmit } from '../../bot/domain/status-update.js';
import { parseInput, toFieldIssues } from '../../bot/domain/validation.js';

const project = {
  code: 'TR-07',
  title: 'Website redesign',
  kind: 'project',
  pillar: 'MAP',
  orgUnit: 'SPM-EAC',
  ownerId: 'owner-1',
};
const update = { health: 'green', percentComplete: 40, summary: 'On plan.' };

function issuesOf(schema: z.ZodType, input: unknown): FieldIssue[] {
  try {
    parseInput(schema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('parseInput: field issues with stable codes', () => {
  it.each<[string, z.ZodType, unknown, Omit<FieldIssue, 'message'>]>([
    [
      'a missing field is required',
      ProjectCreate,
      { ...project, title: undefined },
      { path: 'title', code: 'required' },
    ],
    [
      'null for a required field is required',
      StatusUpdateSubmit,
      { ...update, percentComplete: null },
      { path: 'percentComplete', code: 'required' },
    ],
    [
      'an empty required string is required (whatever its minimum)',
      ProjectCreate,
      { ...project, title: '' },
      { path: 'title', code: 'required' },
    ],
    [
      'a blank required string is required',
      ProjectCreate,
      { ...project, title: '   ' },
      { path: 'title', code: 'required' },
    ],
    [
      'a blank summary (minimum 1) is required',
      StatusUpdateSubmit,
      { ...update, summary: ' \n ' },
      { path: 'summary', code: 'required' },
    ],
    [
      'a value of the wrong type is invalid_type, not required',
      StatusUpdateSubmit,
      { ...update, percentComplete: '40' },
      { path: 'percentComplete', code: 'invalid_type', params: { expected: 'number' } },
    ],
    [
      'a short title is too_small with its minimum',
      ProjectCreate,
      { ...project, title: 'ab' },
      { path: 'title', code: 'too_small', params: { minimum: 3, origin: 'string' } },
    ],
    [
      'a long title is too_big with its maximum',
      ProjectCreate,
      { ...project, title: 'x'.repeat(201) },
      { path: 'title', code: 'too_big', params: { maximum: 200, origin: 'string' } },
    ],
    [
      'a rating above 5 is too_big',
      RiskCreate,
      { title: 'Vendor late', likelihood: 7, impact: 3 },
      { path: 'likelihood', code: 'too_big', params: { maximum: 5, origin: 'number' } },
    ],
    [
      'a percentage below 0 is too_small',
      StatusUpdateSubmit,
      { ...update, percentComplete: -5 },
      { path: 'percentComplete', code: 'too_small', params: { minimum: 0, origin: 'number' } },
    ],
    [
      'an unknown phase is invalid_value with the allowed list',
      ProjectCreate,
      { ...project, phase: 'archived' },
      {
        path: 'phase',
        code: 'invalid_value',
        params: { allowed: 'proposed, planning, executing, on-hold, closing, done, cancelled' },
      },
    ],
    [
      'a nested field has a dotted path',
      StatusUpdateSubmit,
      { ...update, dimensions: { budget: 'pink' } },
      { path: 'dimensions.budget', code: 'invalid_value', params: { allowed: 'green, amber, red' } },
    ],
    [
      'an unknown key in a strict schema',
      ProjectCreate,
      { ...project, isAdmin: true },
      { path: '', code: 'unrecognized_keys', params: { keys: 'isAdmin' } },
    ],
    [
      'an unknown key in a nested strict object',
      StatusUpdateSubmit,
      { ...update, dimensions: { quality: 'red' } },
      { path: 'dimensions', code: 'unrecognized_keys', params: { keys: 'quality' } },
    ],
    [
      'an array item has its index in the path',
      ProjectCreate,
      { ...project, leadIds: ['ok', 'not ok'] },
      { path: 'leadIds.1', code: 'invalid_format', params: { format: 'regex' } },
    ],
    [
      'an impossible date is invalid_format',
      ProjectCreate,
      { ...project, startDate: '2026-02-30' },
      { path: 'startDate', code: 'invalid_format', params: { format: 'date' } },
    ],
    [
      'a cross-field rule is custom on its field',
      ProjectCreate,
      { ...project, startDate: '2026-06-01', dueDate: '2026-05-31' },
      { path: 'dueDate', code: 'custom' },
    ],
    [
      'a refused character is custom',
      ProjectCreate,
      { ...project, title: 'Web\u202Esite' },
      { path: 'title', code: 'custom' },
    ],
    ['a body that is missing', ProjectCreate, undefined, { path: '', code: 'required' }],
    [
      'a body that is not an object',
      ProjectCreate,
      'TR-07',
      { path: '', code: 'invalid_type', params: { expected: 'object' } },
    ],
  ])('%s', (_label, schema, input, expected) => {
    const issues = issuesOf(schema, input);
    expect(issues).toContainEqual({ ...expected, message: expect.any(String) });
  });

  it('names every bad field at once', () => {
    const issues = issuesOf(ProjectCreate, { code: 'bad', kind: 'project', pillar: 'XYZ', orgUnit: 'NOPE' });
    expect(issues.map((i) => [i.path, i.code]).sort()).toEqual(
      [
        ['code', 'invalid_format'],
        ['orgUnit', 'custom'],
        ['ownerId', 'required'],
        ['pillar', 'invalid_value'],
        ['title', 'required'],
      ].sort(),
    );
  });

  it('returns the parsed value, with defaults, when the input is valid', () => {
    expect(parseInput(ProjectCreate, { ...project, code: ' tr-07 ' })).toMatchObject({
      code: 'TR-07',
      phase: 'proposed',
      leadIds: [],
    });
  });

  it('the ValidationError names each field in its log message and carries the code validation_failed', () => {
    try {
      parseInput(ProjectCreate, { ...project, title: '', pillar: 'XYZ' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).code).toBe('validation_failed');
      expect((e as Error).message).toMatch(/title: /);
      expect((e as Error).message).toMatch(/pillar: /);
    }
  });
});

describe('toFieldIssues on an error parsed without reportInput', () => {
  const schema = z.object({ name: z.string(), age: z.number() });
  it.each<[unknown, Array<[string, string]>]>([
    [
      {},
      [
        ['name', 'required'],
        ['age', 'required'],
      ],
    ],
    [
      { name: 3, age: 'x' },
      [
        ['name', 'invalid_type'],
        ['age', 'invalid_type'],
      ],
    ],
  ])('%j', (input, expected) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(toFieldIssues(result.error!).map((i) => [i.path, i.code])).toEqual(expected);
  });
});
