// The declared filters of a SQLite list query become the WHERE clause and its parameters.
import { describe, expect, it } from 'vitest';
import { whereOf, type ListFilters } from '../../bot/storage/sqlite/list-filters.js';

interface Query {
  limit?: number;
  projectId?: string;
  status?: readonly string[];
  minScore?: number;
  dueTo?: string;
  portfolioWide?: boolean;
  active?: boolean;
  ownerOrLeadId?: string;
}

const FILTERS: ListFilters<Query> = {
  projectId: { column: 'project_id', op: '=' },
  status: { column: 'status', op: 'in' },
  minScore: { column: 'score', op: '>=' },
  dueTo: { column: 'due_date', op: '<=' },
  portfolioWide: { op: 'flag', sql: 'project_id IS NULL' },
  active: { column: 'active', op: '=' },
  ownerOrLeadId: { op: 'sql', sql: '(owner_id = ? OR lead_id = ?)' },
};

describe('whereOf', () => {
  it.each<[string, Query, string[], unknown[]]>([
    ['nothing asked: no condition', {}, [], []],
    ['paging fields are not filters', { limit: 5 }, [], []],
    ['equality', { projectId: 'prj-1' }, ['project_id = ?'], ['prj-1']],
    [
      'one of a list, as JSON',
      { status: ['open', 'escalated'] },
      ['status IN (SELECT value FROM json_each(?))'],
      ['["open","escalated"]'],
    ],
    ['bounds', { minScore: 15, dueTo: '2026-12-31' }, ['score >= ?', 'due_date <= ?'], [15, '2026-12-31']],
    ['a flag only when true', { portfolioWide: true }, ['project_id IS NULL'], []],
    ['a false flag adds nothing', { portfolioWide: false }, [], []],
    ['zero is a value', { minScore: 0 }, ['score >= ?'], [0]],
    ['a boolean compared as 1 or 0', { active: false }, ['active = ?'], [0]],
    ['a true boolean is 1', { active: true }, ['active = ?'], [1]],
    [
      'a condition binds the value to each ?',
      { ownerOrLeadId: 'p-1' },
      ['(owner_id = ? OR lead_id = ?)'],
      ['p-1', 'p-1'],
    ],
  ])('%s', (_name, query, where, params) => {
    expect(whereOf(FILTERS, query)).toEqual({ where, params });
  });
});
