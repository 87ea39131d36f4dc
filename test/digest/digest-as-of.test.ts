// Issue 15, item 2: the W48 digest reads the same whenever it is composed. Writes go through the real
// services on a SQLite store with a clock moved from W48 into W49; the digest for W48 composed on
// Monday morning and again on Wednesday after W49's changes must be identical, and must not show a
// risk raised in W49, a re-score or escalation made in W49, a risk closed in W49 as gone, a milestone
// completed in W49 as done, or a late update.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeDigest } from '../../bot/domain/digest.js';
import type { Risk } from '../../bot/domain/risk.js';
import { loadDigestInput } from '../../bot/scheduling/digest-job.js';
import { createHarness, ORG_TIME_ZONE, PROJECT, type Harness } from '../services/service-harness.js';

const W48_WED = '2026-11-25T14:00:00.000Z';
const W49_MON_0800 = new Date('2026-11-30T07:00:00.000Z');
const W49_WED = '2026-12-02T10:00:00.000Z';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: W48_WED });
});
afterEach(async () => {
  await h.cleanup();
});

const digestAt = async (now: Date) =>
  composeDigest(await loadDigestInput(h.store, '2026-W48', now, ORG_TIME_ZONE));

async function raise(title: string, likelihood: number, impact: number): Promise<Risk> {
  const { value } = await h.services.risks.raise(h.ctx.owner, {
    projectId: PROJECT.erp,
    title,
    likelihood,
    impact,
  });
  return value;
}

describe('the W48 digest as W48 stood at its end', () => {
  it('is the same on Monday and after W49 changes risks, milestones and updates', async () => {
    // W48: a high risk, a risk that will be closed, an update and a milestone due on Friday.
    const high = await raise('Vendor capacity is short for the data migration', 3, 4);
    const closing = await raise('Licence renewal may lapse before the cut-over', 2, 3);
    await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, {
      health: 'amber',
      percentComplete: 40,
      summary: 'Migration rehearsal slipped a week.',
      blockers: 'Vendor capacity.',
    });
    const milestone = (
      await h.services.milestones.create(h.ctx.owner, PROJECT.erp, {
        title: 'Data migration rehearsal',
        dueDate: '2026-11-27',
      })
    ).value;

    const monday = await digestAt(W49_MON_0800);

    // W49: a new critical risk (escalates), the high one re-scored to critical (escalates), the other
    // closed, the milestone completed, a late W48 update for another project and an amendment.
    h.clock.set(W49_WED);
    const fresh = await raise('Go-live window collides with the Council session', 4, 5);
    expect(fresh.status).toBe('escalated');
    const rescored = await h.services.risks.update(h.ctx.owner, high.id, { likelihood: 5, impact: 4 }, high.version);
    expect(rescored.status).toBe('escalated');
    await h.services.risks.update(h.ctx.owner, closing.id, { status: 'closed' }, closing.version);
    await h.services.milestones.update(
      h.ctx.owner,
      milestone.id,
      { status: 'done', completedOn: '2026-12-01' },
      milestone.version,
    );
    await h.services.statusUpdates.submit(h.ctx.owner, PROJECT.erp, {
      period: '2026-W48',
      health: 'red',
      percentComplete: 41,
      summary: 'Amended after the fact.',
    });

    const later = await digestAt(new Date(W49_WED));
    expect(later).toEqual(monday);

    // And what it says is W48's picture.
    const titles = (items: ReadonlyArray<{ title: string }>) => items.map((r) => r.title);
    expect(titles(later.risks.newItems)).toEqual([high.title, closing.title]);
    expect(later.risks.escalatedCount).toBe(0);
    expect(later.risks.topItems.map((r) => [r.title, r.score, r.level, r.status])).toEqual([
      [high.title, 12, 'high', 'open'],
      [closing.title, 6, 'medium', 'open'],
    ]);
    expect(later.movers.items.map((m) => [m.code, m.to])).toEqual([['TR-07', 'amber']]);
    expect(later.milestones.missed.map((m) => m.title)).toEqual(['Data migration rehearsal']);
  });

  it('a digest composed on Monday of W49 does not yet count W49 as the present', async () => {
    h.clock.set(W49_WED);
    await raise('Raised in W49 only', 4, 5);
    const d = await digestAt(new Date(W49_WED));
    expect(d.risks.newCount).toBe(0);
    expect(d.risks.openCount).toBe(0);
    expect(d.risks.escalatedCount).toBe(0);
    expect(d.totals.projects).toBeGreaterThan(0);
  });
});
