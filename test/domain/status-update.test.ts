import { describe, expect, it } from 'vitest';
import {
  amendStatusUpdate,
  hasSubmission,
  MAX_REVISIONS,
  prefillFrom,
  revisionOf,
  sameContent,
  StatusUpdate,
  StatusUpdateSubmit,
  type StatusUpdateContent,
  type StatusUpdateRevision,
} from '../../bot/domain/status-update.js';
import { statusUpdate } from './builders.js';

function revision(n: number, over: Partial<StatusUpdateRevision> = {}): StatusUpdateRevision {
  return {
    health: 'amber',
    dimensions: {},
    percentComplete: n,
    summary: `Revision ${n}`,
    achievements: '',
    nextSteps: '',
    blockers: '',
    authorId: 'owner-1',
    submittedAt: `2026-11-23T${String(n % 24).padStart(2, '0')}:00:00.000Z`,
    source: 'tab',
    submissionKey: `key-${n}`,
    ...over,
  };
}

describe('amendStatusUpdate: re-submitting in the same period', () => {
  it('puts the new content in place and keeps the earlier version in history', () => {
    const current = statusUpdate({ summary: 'First draft', submissionKey: 'k1', percentComplete: 40 });
    const amended = amendStatusUpdate(
      current,
      revision(2, { health: 'red', summary: 'Blocked by procurement' }),
    );
    expect(amended).toMatchObject({
      id: current.id,
      projectId: current.projectId,
      period: current.period,
      version: current.version,
      createdAt: current.createdAt,
      health: 'red',
      summary: 'Blocked by procurement',
      submissionKey: 'key-2',
      source: 'tab',
    });
    expect(amended.history).toEqual([revisionOf(current)]);
    expect(amended.history[0]).toMatchObject({
      summary: 'First draft',
      submissionKey: 'k1',
      percentComplete: 40,
    });
    expect(StatusUpdate.safeParse(amended).success).toBe(true);
  });

  it('keeps every earlier version, oldest first', () => {
    let update = statusUpdate({ summary: 'Revision 0', percentComplete: 0 });
    for (let n = 1; n <= 4; n++) update = amendStatusUpdate(update, revision(n));
    expect(update.summary).toBe('Revision 4');
    expect(update.history.map((h) => h.summary)).toEqual([
      'Revision 0',
      'Revision 1',
      'Revision 2',
      'Revision 3',
    ]);
  });

  it.each([
    [MAX_REVISIONS - 1, MAX_REVISIONS - 1, 'Revision 0'],
    [MAX_REVISIONS, MAX_REVISIONS, 'Revision 0'],
    [MAX_REVISIONS + 1, MAX_REVISIONS, 'Revision 1'],
    [MAX_REVISIONS + 10, MAX_REVISIONS, 'Revision 10'],
  ])('after %i amendments history holds %i versions, the oldest kept is %s', (amendments, length, oldest) => {
    let update = statusUpdate({ summary: 'Revision 0', percentComplete: 0 });
    for (let n = 1; n <= amendments; n++) update = amendStatusUpdate(update, revision(n));
    expect(update.history).toHaveLength(length);
    expect(update.history[0]!.summary).toBe(oldest);
    expect(update.history.at(-1)!.summary).toBe(`Revision ${amendments - 1}`);
    expect(update.summary).toBe(`Revision ${amendments}`);
    expect(StatusUpdate.safeParse(update).success).toBe(true);
  });

  it('does not change the update it was given', () => {
    const current = statusUpdate();
    const snapshot = structuredClone(current);
    amendStatusUpdate(current, revision(1));
    expect(current).toEqual(snapshot);
  });
});

describe('hasSubmission: replayed submissions', () => {
  const update = {
    ...statusUpdate({ submissionKey: 'current-key' }),
    history: [revision(1, { submissionKey: 'old-key' }), revision(2, { submissionKey: null })],
  };
  it.each<[string | null | undefined, boolean, string]>([
    ['current-key', true, 'the current version'],
    ['old-key', true, 'an earlier version in history'],
    ['other-key', false, 'never seen'],
    [null, false, 'no key'],
    [undefined, false, 'no key'],
    ['', false, 'an empty key never matches'],
  ])('%j -> %s (%s)', (key, expected) => {
    expect(hasSubmission(update, key)).toBe(expected);
  });

  it('an update without keys never matches', () => {
    expect(hasSubmission(statusUpdate({ submissionKey: null }), 'x')).toBe(false);
  });
});

describe('sameContent', () => {
  const base: StatusUpdateContent = {
    health: 'amber',
    dimensions: { schedule: 'red', budget: 'green' },
    percentComplete: 40,
    summary: 'Summary',
    achievements: 'Done things',
    nextSteps: 'Next things',
    blockers: 'None',
  };
  it.each<[string, Partial<StatusUpdateContent>, boolean]>([
    ['identical', {}, true],
    ['same dimensions in another object', { dimensions: { budget: 'green', schedule: 'red' } }, true],
    ['health', { health: 'red' }, false],
    ['percent complete', { percentComplete: 41 }, false],
    ['summary', { summary: 'Other' }, false],
    ['achievements', { achievements: 'Other' }, false],
    ['next steps', { nextSteps: 'Other' }, false],
    ['blockers', { blockers: 'Other' }, false],
    ['schedule health', { dimensions: { schedule: 'amber', budget: 'green' } }, false],
    ['budget health removed', { dimensions: { schedule: 'red' } }, false],
    ['scope health added', { dimensions: { schedule: 'red', budget: 'green', scope: 'green' } }, false],
  ])('%s -> %s', (_label, change, same) => {
    expect(sameContent(base, { ...base, ...change })).toBe(same);
    expect(sameContent({ ...base, ...change }, base)).toBe(same);
  });
});

describe('prefillFrom: a new update starts from the previous one', () => {
  it('nothing to start from', () => {
    expect(prefillFrom(undefined)).toEqual({});
  });

  it("copies the previous health, progress, summary, next steps and blockers; this week's achievements start empty", () => {
    const previous = statusUpdate({
      health: 'amber',
      dimensions: { budget: 'red' },
      percentComplete: 55,
      summary: 'Tender published',
      achievements: 'Published the tender',
      nextSteps: 'Evaluate bids',
      blockers: 'Legal review pending',
    });
    expect(prefillFrom(previous)).toEqual({
      health: 'amber',
      dimensions: { budget: 'red' },
      percentComplete: 55,
      summary: 'Tender published',
      achievements: '',
      nextSteps: 'Evaluate bids',
      blockers: 'Legal review pending',
    });
  });
});

describe('status update schemas', () => {
  const valid = { health: 'green', percentComplete: 40, summary: 'On plan.' };

  it('StatusUpdateSubmit accepts a minimal update and fills the defaults', () => {
    expect(StatusUpdateSubmit.parse(valid)).toEqual({
      ...valid,
      dimensions: {},
      achievements: '',
      nextSteps: '',
      blockers: '',
    });
    expect(StatusUpdateSubmit.parse({ ...valid, period: '2026-W53' }).period).toBe('2026-W53');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['health missing', { health: undefined }, 'health'],
    ['unknown health', { health: 'blue' }, 'health'],
    ['percent above 100', { percentComplete: 101 }, 'percentComplete'],
    ['negative percent', { percentComplete: -1 }, 'percentComplete'],
    ['fractional percent', { percentComplete: 40.5 }, 'percentComplete'],
    ['percent as text', { percentComplete: '40' }, 'percentComplete'],
    ['empty summary', { summary: '   ' }, 'summary'],
    ['summary over 2000 characters', { summary: 'x'.repeat(2001) }, 'summary'],
    ['blockers over 4000 characters', { blockers: 'x'.repeat(4001) }, 'blockers'],
    ['unknown dimension health', { dimensions: { budget: 'pink' } }, 'dimensions.budget'],
    ['unknown dimension', { dimensions: { quality: 'green' } }, 'dimensions'],
    ['a week 2025 does not have', { period: '2025-W53' }, 'period'],
    ['a period that is not a week', { period: '2026-11' }, 'period'],
    ['an unknown field', { authorId: 'someone-else' }, ''],
    ['a control character in the summary', { summary: 'ok\u0007' }, 'summary'],
  ])('StatusUpdateSubmit refuses %s (path %j)', (_label, change, path) => {
    const result = StatusUpdateSubmit.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('a stored update refuses more than MAX_REVISIONS earlier versions and an unknown source', () => {
    const update = statusUpdate();
    const tooMany = Array.from({ length: MAX_REVISIONS + 1 }, (_, n) => revision(n));
    expect(StatusUpdate.safeParse({ ...update, history: tooMany.slice(1) }).success).toBe(true);
    expect(StatusUpdate.safeParse({ ...update, history: tooMany }).success).toBe(false);
    expect(StatusUpdate.safeParse({ ...update, source: 'email' }).success).toBe(false);
  });
});
