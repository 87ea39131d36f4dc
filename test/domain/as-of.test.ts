// The as-of rules: rewinding entities through their audit trail, risks through their score history
// and escalation record, milestones through completion dates and updates through their revisions.
import { describe, expect, it } from 'vitest';
import {
  earlierCutoff,
  instantCutoff,
  milestoneAsOf,
  periodCutoff,
  rewind,
  riskAsOf,
  trailsAfter,
  updateAsOf,
} from '../../bot/domain/as-of.js';
import type { AuditEvent } from '../../bot/domain/audit.js';
import { Milestone } from '../../bot/domain/milestone.js';
import { buildAuditEvent } from '../helpers/fixtures.js';
import { project, risk, statusUpdate } from './builders.js';

const TZ = 'Europe/Zurich';
const W48 = periodCutoff('2026-W48', TZ); // Monday 2026-11-30 00:00 in Geneva
const event = (o: Partial<AuditEvent>) =>
  buildAuditEvent({ entityType: 'risk', entityId: 'r-1', at: '2026-12-01T09:00:00.000Z', ...o });

describe('cutoffs', () => {
  it('the end of a week is Monday 00:00 in the organisation time zone', () => {
    expect(W48).toEqual({
      at: '2026-11-29T23:00:00.000Z',
      atMs: Date.parse('2026-11-29T23:00:00.000Z'),
      lastDay: '2026-11-29',
    });
    const now = instantCutoff(new Date('2026-11-25T14:00:00Z'), TZ);
    expect(earlierCutoff(W48, now)).toBe(now);
    expect(now.lastDay).toBe('2026-11-25');
  });
});

describe('rewind', () => {
  it('restores the earliest before-value of each field changed after the cutoff', () => {
    const p = project({ phase: 'done', ownerId: 'owner-2', titles: { fr: 'Titre' } });
    const trails = trailsAfter(
      [
        buildAuditEvent({
          entityType: 'project',
          entityId: p.id,
          at: '2026-12-02T09:00:00Z',
          action: 'update',
          changes: [{ field: 'phase', before: 'closing', after: 'done' }],
        }),
        buildAuditEvent({
          entityType: 'project',
          entityId: p.id,
          at: '2026-12-01T09:00:00Z',
          action: 'update',
          changes: [
            { field: 'phase', before: 'executing', after: 'closing' },
            { field: 'titles', before: null, after: { fr: 'Titre' } },
          ],
        }),
        buildAuditEvent({
          entityType: 'project',
          entityId: p.id,
          at: '2026-11-20T09:00:00Z',
          action: 'update',
          changes: [{ field: 'ownerId', before: 'owner-1', after: 'owner-2' }],
        }),
      ],
      W48,
    );
    const then = rewind(p, trails.get(`project:${p.id}`));
    expect(then?.phase).toBe('executing');
    expect(then?.ownerId).toBe('owner-2'); // changed before the cutoff: stays
    expect(then && 'titles' in then).toBe(false);
    expect(p.phase).toBe('done'); // the current entity is not touched
  });

  it('an entity created after the cutoff did not exist; a seeded one did', () => {
    const p = project();
    expect(
      rewind(p, [buildAuditEvent({ entityType: 'project', entityId: p.id, action: 'create' })]),
    ).toBeUndefined();
    expect(rewind(p, [buildAuditEvent({ entityType: 'project', entityId: p.id, action: 'seed' })])).toEqual(
      p,
    );
  });
});

describe('riskAsOf', () => {
  it('takes score from the history and undoes a later escalation', () => {
    const r = risk({
      likelihood: 5,
      impact: 4,
      status: 'escalated',
      raisedAt: '2026-11-20T09:00:00.000Z',
      escalation: { reason: 'threshold', at: '2026-12-01T09:00:00.000Z', byId: 'owner-1' },
      history: [
        { at: '2026-11-20T09:00:00.000Z', byId: 'owner-1', likelihood: 3, impact: 3, score: 9 },
        { at: '2026-12-01T09:00:00.000Z', byId: 'owner-1', likelihood: 5, impact: 4, score: 20 },
      ],
    });
    const then = riskAsOf(r, trailsAfter([], W48), W48);
    expect(then).toMatchObject({
      likelihood: 3,
      impact: 3,
      score: 9,
      level: 'medium',
      status: 'open',
      escalation: null,
    });
    expect(then?.history).toHaveLength(1);
  });

  it('reopens a risk closed later (audit) and leaves out one raised later', () => {
    const closed = risk({ status: 'closed', raisedAt: '2026-11-20T09:00:00.000Z' });
    const trails = trailsAfter(
      [event({ action: 'update', changes: [{ field: 'status', before: 'mitigating', after: 'closed' }] })],
      W48,
    );
    expect(riskAsOf(closed, trails, W48)?.status).toBe('mitigating');
    expect(riskAsOf(risk({ raisedAt: '2026-12-01T09:00:00.000Z' }), trails, W48)).toBeUndefined();
  });

  it('forgets an acknowledgement made later', () => {
    const r = risk({
      status: 'escalated',
      escalation: {
        reason: 'manual',
        at: '2026-11-25T09:00:00.000Z',
        byId: 'owner-1',
        acknowledgedAt: '2026-12-01T09:00:00.000Z',
        acknowledgedById: 'cto',
      },
    });
    expect(riskAsOf(r, trailsAfter([], W48), W48)?.escalation).toMatchObject({
      acknowledgedAt: null,
      acknowledgedById: null,
      reason: 'manual',
    });
  });
});

describe('milestoneAsOf and updateAsOf', () => {
  const m = (o: Partial<Milestone>) =>
    Milestone.parse({
      id: 'm-1',
      projectId: 'p-1',
      title: 'Go live',
      dueDate: '2026-11-27',
      status: 'planned',
      completedOn: null,
      version: 1,
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
      ...o,
    });
  it.each([
    ['done later: planned then', { status: 'done', completedOn: '2026-12-01' }, 'planned'],
    ['done within: done', { status: 'done', completedOn: '2026-11-27' }, 'done'],
    [
      'marked missed before its due date came: planned',
      { status: 'missed', dueDate: '2026-12-04' },
      'planned',
    ],
    ['missed when due: missed', { status: 'missed' }, 'missed'],
  ] as const)('%s', (_name, o, status) => {
    expect(milestoneAsOf(m(o), trailsAfter([], W48), W48)?.status).toBe(status);
  });

  it('reads an amended update as its revision of the time, and a late one as missing', () => {
    const amended = statusUpdate({
      health: 'red',
      submittedAt: '2026-12-01T09:00:00.000Z',
      history: [
        {
          health: 'amber',
          percentComplete: 30,
          summary: 'Before.',
          authorId: 'owner-1',
          submittedAt: '2026-11-27T09:00:00.000Z',
          source: 'bot',
        },
      ],
    });
    expect(updateAsOf(amended, W48)).toMatchObject({ health: 'amber', summary: 'Before.', history: [] });
    expect(updateAsOf(statusUpdate({ submittedAt: '2026-12-01T09:00:00.000Z' }), W48)).toBeUndefined();
    const onTime = statusUpdate({ submittedAt: '2026-11-27T09:00:00.000Z' });
    expect(updateAsOf(onTime, W48)).toBe(onTime);
  });
});
