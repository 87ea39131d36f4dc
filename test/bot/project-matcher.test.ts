import { describe, expect, it } from 'vitest';
import { matchProject } from '../../bot/teams/project-matcher.js';

const projects = [
  { id: 'p1', code: 'TR-07', title: 'New ITU website' },
  { id: 'p2', code: 'TR-09', title: 'ITU AI Hub' },
  { id: 'p3', code: 'TR-13', title: 'HR dashboards in Power BI' },
  { id: 'p4', code: 'TR-15', title: 'Financial dashboards with AI data aggregation' },
  { id: 'p5', code: 'AI-02', title: 'AI digital transformation' },
  { id: 'p6', code: 'CC-01', title: 'Data-Driven Decision Making' },
  { id: 'p7', code: 'TR-16', title: 'Financial transformation streams' },
];

const codeOf = (r: ReturnType<typeof matchProject<(typeof projects)[number]>>) =>
  r.kind === 'one'
    ? r.project.code
    : r.kind === 'many'
      ? r.candidates.map((p) => p.code)
      : { none: r.suggestions.map((p) => p.code) };

describe('project matching', () => {
  it.each([
    ['TR-07', 'TR-07'],
    ['tr07', 'TR-07'],
    ['tr 7', 'TR-07'],
    ['TR-007', 'TR-07'],
    ['website', 'TR-07'],
    ['Web', 'TR-07'],
    ['ai hub', 'TR-09'],
    ['data driven', 'CC-01'],
    ['décision', 'CC-01'],
    ['new itu website', 'TR-07'],
    ['power bi', 'TR-13'],
  ])('%s is %s', (query, code) => {
    expect(codeOf(matchProject(query, projects))).toBe(code);
  });

  it('asks which one when several match equally', () => {
    expect(codeOf(matchProject('dashboards', projects))).toEqual(['TR-13', 'TR-15']);
    expect(codeOf(matchProject('financial', projects))).toEqual(['TR-15', 'TR-16']);
  });

  it('suggests the closest when none matches', () => {
    expect(codeOf(matchProject('TR-77', projects))).toEqual({ none: expect.arrayContaining(['TR-07']) });
    expect(codeOf(matchProject('websit', projects))).toBe('TR-07');
    expect(codeOf(matchProject('wobsite', projects))).toEqual({ none: ['TR-07'] });
    expect(codeOf(matchProject('zzzz', projects))).toEqual({ none: [] });
  });

  it('never throws on hostile input', () => {
    for (const q of ['', ' ', '[x](http://a)', '<at>x</at>', '\u202e', 'a'.repeat(10_000), '()*+?.\\']) {
      expect(() => matchProject(q, projects)).not.toThrow();
    }
  });
});
