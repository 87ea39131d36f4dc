// RiskService over SQLite: who may raise (and in which status), edit and acknowledge risks; scoring;
// escalation to the CTO (audit event + published event) exactly when the rule says; idempotent raising.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, type ForbiddenReason } from '../../bot/domain/errors.js';
import type { Risk, RiskCreate, RiskStatus } from '../../bot/domain/risk.js';
import {
  changeOf,
  createHarness,
  expectOneAudit,
  expectRefused,
  ID,
  NOW,
  PROJECT,
  rejectionOf,
  type Harness,
  type Who,
} from './service-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

type Expected = 'allow' | ForbiddenReason;

const input = (over: Partial<RiskCreate> = {}): RiskCreate => ({
  projectId: PROJECT.erp,
  title: 'Key vendor may miss the cut-over date',
  category: 'delivery',
  likelihood: 2,
  impact: 3,
  ...over,
});

/** A stored risk to edit, raised by the CTO (below the threshold unless told otherwise). */
async function raised(over: Partial<RiskCreate> = {}, who: Who = 'cto'): Promise<Risk> {
  return (await h.services.risks.raise(h.ctx[who], input(over))).value;
}

describe('risks.raise: everyone active may raise; a viewer raises a proposed concern', () => {
  const cases: Array<[Who, string, Expected, RiskStatus?]> = [
    ['cto', PROJECT.erp, 'allow', 'open'],
    ['owner', PROJECT.erp, 'allow', 'open'],
    ['lead', PROJECT.erp, 'allow', 'open'],
    ['changemaker', PROJECT.erp, 'allow', 'open'],
    ['changemaker', PROJECT.changeCase, 'allow', 'open'],
    ['changemaker2', PROJECT.web, 'allow', 'open'],
    ['pillarLead', PROJECT.erp, 'allow', 'open'],
    ['viewer', PROJECT.erp, 'allow', 'proposed'],
    ['viewer', PROJECT.changeCase, 'allow', 'proposed'],
    ['inactive', PROJECT.erp, 'inactive_person'],
  ];

  it.each(cases)('%s on %s: %s %s', async (who, projectId, expected, status) => {
    const run = () => h.services.risks.raise(h.ctx[who], input({ projectId }));
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, { entityType: 'risk', entityId: 'new', projectId });
      return;
    }
    const project = (await h.store.projects.get(projectId))!;
    const w = await h.watch();
    const { value, replayed } = await run();
    expect(replayed).toBe(false);
    expect(value).toEqual({
      ...input({ projectId }),
      id: value.id,
      description: '',
      strategy: 'reduce',
      mitigation: '',
      ownerId: project.ownerId, // defaults to the project's owner
      status,
      residualLikelihood: null,
      residualImpact: null,
      reviewDate: null,
      confidential: false,
      score: 6,
      level: 'medium',
      raisedById: ID[who],
      raisedAt: NOW,
      escalation: null,
      history: [{ at: NOW, byId: ID[who], likelihood: 2, impact: 3, score: 6 }],
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await h.store.risks.get(value.id)).toEqual(value);
    const event = await expectOneAudit(w, who, {
      action: 'create',
      entityType: 'risk',
      entityId: value.id,
      projectId,
    });
    expect(changeOf(event, 'status')).toEqual({ before: null, after: status });
    expect(w.events()).toEqual([{ type: 'risk.raised', riskId: value.id, projectId, at: NOW }]);
  });

  it('a portfolio-wide risk has no project and no default owner', async () => {
    const { value } = await h.services.risks.raise(h.ctx.changemaker, input({ projectId: null }));
    expect(value).toMatchObject({ projectId: null, ownerId: null, status: 'open' });
  });

  it("a viewer's concern never escalates, whatever its score or the escalate flag", async () => {
    const w = await h.watch();
    const { value } = await h.services.risks.raise(
      h.ctx.viewer,
      input({ likelihood: 5, impact: 5, escalate: true }),
    );
    expect(value).toMatchObject({ status: 'proposed', score: 25, level: 'critical', escalation: null });
    expect((await w.audit()).map((e) => e.action)).toEqual(['create']);
    expect(w.events().map((e) => e.type)).toEqual(['risk.raised']);
  });
});

describe('risk scoring and escalation', () => {
  const scoring: Array<[number, number, number, Risk['level'], 'escalates' | 'stays']> = [
    [1, 1, 1, 'low', 'stays'],
    [2, 2, 4, 'low', 'stays'],
    [1, 5, 5, 'medium', 'stays'],
    [3, 3, 9, 'medium', 'stays'],
    [2, 5, 10, 'high', 'stays'],
    [3, 4, 12, 'high', 'stays'],
    [5, 3, 15, 'critical', 'escalates'], // exactly the default threshold
    [4, 4, 16, 'critical', 'escalates'],
    [5, 5, 25, 'critical', 'escalates'],
  ];

  it.each(scoring)(
    'raised at %i x %i: score %i, %s, %s',
    async (likelihood, impact, score, level, outcome) => {
      const w = await h.watch();
      const risk = await raised({ likelihood, impact }, 'owner');
      expect(risk).toMatchObject({ score, level });
      const stored = (await h.store.risks.get(risk.id))!;
      const audit = await w.audit();
      if (outcome === 'stays') {
        expect(stored).toMatchObject({ status: 'open', escalation: null });
        expect(audit.map((e) => e.action)).toEqual(['create']);
        expect(w.events().map((e) => e.type)).toEqual(['risk.raised']);
        return;
      }
      expect(stored).toMatchObject({
        status: 'escalated',
        escalation: {
          reason: 'threshold',
          at: NOW,
          byId: ID.owner,
          acknowledgedAt: null,
          acknowledgedById: null,
        },
      });
      expect(audit.map((e) => e.action)).toEqual(['create', 'escalate']);
      expect(audit[1]).toMatchObject({
        actorId: ID.owner,
        entityType: 'risk',
        entityId: risk.id,
        projectId: PROJECT.erp,
        reason: 'threshold',
      });
      expect(w.events()).toEqual([
        { type: 'risk.raised', riskId: risk.id, projectId: PROJECT.erp, at: NOW },
        { type: 'risk.escalated', riskId: risk.id, projectId: PROJECT.erp, reason: 'threshold', at: NOW },
      ]);
    },
  );

  it('an explicit escalate flag escalates a low risk (reason manual)', async () => {
    const w = await h.watch();
    const risk = await raised({ likelihood: 1, impact: 2, escalate: true }, 'lead');
    expect(risk).toMatchObject({
      status: 'escalated',
      score: 2,
      escalation: { reason: 'manual', byId: ID.lead },
    });
    expect(w.events().map((e) => e.type)).toEqual(['risk.raised', 'risk.escalated']);
  });

  it('an update crossing the threshold from below escalates once; later edits do not re-escalate', async () => {
    const risk = await raised({ likelihood: 3, impact: 4 }); // 12, open
    expect(risk.status).toBe('open');

    h.clock.advance(60_000);
    const crossing = await h.watch();
    const up = await h.services.risks.update(h.ctx.owner, risk.id, { likelihood: 4 }, 1); // 16
    const at = h.clock.now().toISOString();
    expect(up).toMatchObject({
      score: 16,
      level: 'critical',
      status: 'escalated',
      escalation: { reason: 'threshold', at, byId: ID.owner },
      version: 2,
    });
    expect(up.history.map((c) => c.score)).toEqual([12, 16]);
    const audit = await crossing.audit();
    expect(audit.map((e) => e.action)).toEqual(['update', 'escalate']);
    expect(changeOf(audit[0]!, 'score')).toEqual({ before: 12, after: 16 });
    expect(changeOf(audit[0]!, 'status')).toEqual({ before: 'open', after: 'escalated' });
    expect(crossing.events()).toEqual([
      { type: 'risk.escalated', riskId: risk.id, projectId: PROJECT.erp, reason: 'threshold', at },
    ]);

    // The owner moves it on: mitigating, then a higher score, then new mitigation text.
    const quiet = await h.watch();
    const mitigating = await h.services.risks.update(
      h.ctx.owner,
      risk.id,
      { status: 'mitigating', mitigation: 'Second vendor on standby.' },
      2,
    );
    expect(mitigating).toMatchObject({ status: 'mitigating', escalation: up.escalation });
    const higher = await h.services.risks.update(h.ctx.lead, risk.id, { impact: 5 }, 3); // 20
    expect(higher).toMatchObject({ status: 'mitigating', score: 20, escalation: up.escalation });
    await h.services.risks.update(h.ctx.owner, risk.id, { description: 'Vendor staff turnover.' }, 4);
    expect((await quiet.audit()).map((e) => e.action)).toEqual(['update', 'update', 'update']);
    expect(quiet.events()).toEqual([]);

    // Brought below the threshold and back above it: a new crossing, a new escalation.
    await h.services.risks.update(h.ctx.owner, risk.id, { likelihood: 2, impact: 4 }, 5); // 8
    h.clock.advance(60_000);
    const again = await h.services.risks.update(h.ctx.owner, risk.id, { likelihood: 4 }, 6); // 16
    expect(again).toMatchObject({
      status: 'escalated',
      escalation: { reason: 'threshold', at: h.clock.now().toISOString() },
    });
    expect(h.events.published.filter((e) => e.type === 'risk.escalated')).toHaveLength(2);
  });

  it('editing an escalated risk (still escalated) does not re-escalate', async () => {
    const risk = await raised({ likelihood: 5, impact: 4 }); // 20, escalated on raise
    const w = await h.watch();
    const edited = await h.services.risks.update(h.ctx.cto, risk.id, { likelihood: 5, impact: 5 }, 1);
    expect(edited).toMatchObject({ status: 'escalated', score: 25, escalation: risk.escalation });
    const again = await h.services.risks.update(h.ctx.cto, risk.id, { escalate: true }, 2);
    expect(again.escalation).toEqual(risk.escalation);
    expect((await w.audit()).map((e) => e.action)).toEqual(['update', 'update']);
    expect(w.events()).toEqual([]);
  });

  it('an explicit escalate on update escalates a risk below the threshold (reason manual)', async () => {
    const risk = await raised({ likelihood: 2, impact: 2 });
    const w = await h.watch();
    const escalated = await h.services.risks.update(h.ctx.owner, risk.id, { escalate: true }, 1);
    expect(escalated).toMatchObject({
      status: 'escalated',
      escalation: { reason: 'manual', byId: ID.owner },
    });
    expect((await w.audit()).map((e) => e.action)).toEqual(['update', 'escalate']);
    expect(w.events().map((e) => e.type)).toEqual(['risk.escalated']);
  });

  const triage: Array<[string, RiskStatus, 'escalates' | 'stays']> = [
    ['open', 'open', 'escalates'],
    ['mitigating', 'mitigating', 'escalates'],
    ['closed', 'closed', 'stays'],
  ];
  it.each(triage)('a proposed concern at 16 triaged to %s by the owner: %s', async (_n, status, outcome) => {
    const concern = await raised({ likelihood: 4, impact: 4 }, 'viewer');
    expect(concern.status).toBe('proposed');
    const w = await h.watch();
    const triaged = await h.services.risks.update(h.ctx.owner, concern.id, { status }, 1);
    if (outcome === 'stays') {
      expect(triaged).toMatchObject({ status, escalation: null });
      expect(w.events()).toEqual([]);
      return;
    }
    expect(triaged).toMatchObject({
      status: 'escalated',
      escalation: { reason: 'threshold', byId: ID.owner },
    });
    expect((await w.audit()).map((e) => e.action)).toEqual(['update', 'escalate']);
    expect(w.events().map((e) => e.type)).toEqual(['risk.escalated']);
  });

  const thresholds: Array<[number, number, number, 'escalates' | 'stays']> = [
    [10, 3, 3, 'stays'], // 9
    [10, 2, 5, 'escalates'], // 10
    [20, 4, 4, 'stays'], // 16: below a raised threshold
    [20, 4, 5, 'escalates'], // 20
  ];
  it.each(thresholds)(
    'with the threshold set to %i, a %i x %i risk %s',
    async (threshold, likelihood, impact, outcome) => {
      const settings = await h.services.settings.get(h.ctx.cto);
      await h.services.settings.update(h.ctx.cto, { escalationThreshold: threshold }, settings.version);
      const risk = await raised({ likelihood, impact }, 'owner');
      expect(risk.status).toBe(outcome === 'escalates' ? 'escalated' : 'open');
    },
  );
});

describe('risks.update: the CTO, the project owner and leads, and the risk owner', () => {
  // A risk on TR-12 (owned by the pillar lead) whose risk owner is the second changemaker.
  const cases: Array<[Who, Expected]> = [
    ['cto', 'allow'],
    ['pillarLead', 'allow'], // owner of TR-12
    ['changemaker2', 'allow'], // the risk's owner
    ['owner', 'not_risk_editor'],
    ['lead', 'not_risk_editor'],
    ['changemaker', 'not_risk_editor'], // raised it, does not own it
    ['viewer', 'not_risk_editor'],
    ['inactive', 'inactive_person'],
  ];

  it.each(cases)('%s: %s', async (who, expected) => {
    const risk = await raised({ projectId: PROJECT.web, ownerId: ID.changemaker2 }, 'changemaker');
    const run = () =>
      h.services.risks.update(
        h.ctx[who],
        risk.id,
        { likelihood: 3, mitigation: 'Weekly vendor check-in.' },
        1,
      );
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: 'risk',
        entityId: risk.id,
        projectId: PROJECT.web,
      });
      return;
    }
    h.clock.advance(60_000);
    const at = h.clock.now().toISOString();
    const w = await h.watch();
    const stored = await run();
    expect(stored).toEqual({
      ...risk,
      likelihood: 3,
      score: 9,
      mitigation: 'Weekly vendor check-in.',
      history: [...risk.history, { at, byId: ID[who], likelihood: 3, impact: 3, score: 9 }],
      version: 2,
      updatedAt: at,
    });
    expect(await h.store.risks.get(risk.id)).toEqual(stored);
    await expectOneAudit(w, who, {
      action: 'update',
      entityType: 'risk',
      entityId: risk.id,
      projectId: PROJECT.web,
      changes: [
        { field: 'likelihood', before: 2, after: 3 },
        { field: 'mitigation', before: '', after: 'Weekly vendor check-in.' },
        { field: 'score', before: 6, after: 9 },
      ],
    });
  });

  it('a viewer may not triage their own concern; the project owner may', async () => {
    const concern = await raised({}, 'viewer');
    await expectRefused(
      h,
      'viewer',
      () => h.services.risks.update(h.ctx.viewer, concern.id, { status: 'open' }, 1),
      'not_risk_editor',
      { entityType: 'risk', entityId: concern.id, projectId: PROJECT.erp },
    );
    expect((await h.services.risks.update(h.ctx.lead, concern.id, { status: 'open' }, 1)).status).toBe(
      'open',
    );
  });

  it('a stale version is a ConflictError carrying the current risk', async () => {
    const risk = await raised();
    const current = await h.services.risks.update(h.ctx.owner, risk.id, { impact: 4 }, 1);
    const w = await h.watch();
    const error = await rejectionOf(h.services.risks.update(h.ctx.lead, risk.id, { impact: 2 }, 1));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(current);
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
  });
});

describe('risks.acknowledge: the CTO only, once', () => {
  const cases: Array<[Who, Expected]> = [
    ['cto', 'allow'],
    ['owner', 'role_required_cto'],
    ['lead', 'role_required_cto'],
    ['changemaker', 'role_required_cto'],
    ['viewer', 'role_required_cto'],
    ['pillarLead', 'role_required_cto'],
    ['inactive', 'inactive_person'],
  ];

  it.each(cases)('%s: %s', async (who, expected) => {
    const risk = await raised({ likelihood: 5, impact: 5 }, 'owner');
    const run = () => h.services.risks.acknowledge(h.ctx[who], risk.id, 1);
    if (expected !== 'allow') {
      await expectRefused(h, who, run, expected, {
        entityType: 'risk',
        entityId: risk.id,
        projectId: PROJECT.erp,
      });
      return;
    }
    h.clock.advance(5 * 60_000);
    const at = h.clock.now().toISOString();
    const w = await h.watch();
    const acknowledged = await run();
    expect(acknowledged).toEqual({
      ...risk,
      escalation: { ...risk.escalation!, acknowledgedAt: at, acknowledgedById: ID.cto },
      version: 2,
      updatedAt: at,
    });
    expect(await h.store.risks.get(risk.id)).toEqual(acknowledged);
    await expectOneAudit(w, who, {
      action: 'acknowledge',
      entityType: 'risk',
      entityId: risk.id,
      projectId: PROJECT.erp,
      changes: [{ field: 'escalation', before: risk.escalation, after: acknowledged.escalation }],
    });

    // Acknowledging again (a second click, a stale card) changes nothing.
    h.clock.advance(60_000);
    const again = await h.watch();
    expect(await h.services.risks.acknowledge(h.ctx.cto, risk.id, 1)).toEqual(acknowledged);
    await again.expectNothingStored();
    expect(await again.audit()).toEqual([]);
  });
});

describe('risks.raise: idempotency', () => {
  it('the same key twice: same id, replayed, one stored risk, one audit trail, one set of events', async () => {
    const first = await h.services.risks.raise(h.ctx.owner, input({ likelihood: 4, impact: 4 }), 'card-7');
    const w = await h.watch();
    const again = await h.services.risks.raise(h.ctx.owner, input({ likelihood: 4, impact: 4 }), 'card-7');
    expect(again).toEqual({ value: first.value, replayed: true });
    await w.expectNothingStored();
    expect(await w.audit()).toEqual([]);
    expect(w.events()).toEqual([]);
    expect((await h.store.risks.list({ projectId: PROJECT.erp })).items).toHaveLength(1);
    expect((await h.auditLog()).map((e) => e.action)).toEqual(['create', 'escalate']);
  });

  it('a double-click (two concurrent raises with one key) stores one risk and escalates once', async () => {
    const [a, b] = await Promise.all([
      h.services.risks.raise(h.ctx.lead, input({ likelihood: 5, impact: 4 }), 'card-9'),
      h.services.risks.raise(h.ctx.lead, input({ likelihood: 5, impact: 4 }), 'card-9'),
    ]);
    expect(a.value).toEqual(b.value);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect((await h.store.risks.list({ projectId: PROJECT.erp })).items).toHaveLength(1);
    expect((await h.auditLog()).map((e) => e.action)).toEqual(['create', 'escalate']);
    expect(h.events.published.map((e) => e.type)).toEqual(['risk.raised', 'risk.escalated']);
  });

  it('the same key from two people raises two risks (keys are per person)', async () => {
    const a = await h.services.risks.raise(h.ctx.owner, input(), 'card-7');
    const b = await h.services.risks.raise(h.ctx.lead, input(), 'card-7');
    expect(a.value.id).not.toBe(b.value.id);
    expect(b.replayed).toBe(false);
    expect((await h.store.risks.list({ projectId: PROJECT.erp })).items).toHaveLength(2);
  });

  it('an unknown risk owner is refused, nothing stored', async () => {
    const w = await h.watch();
    const error = await rejectionOf(h.services.risks.raise(h.ctx.owner, input({ ownerId: 'p-nobody' })));
    expect(error).toMatchObject({
      code: 'validation_failed',
      issues: [expect.objectContaining({ path: 'ownerId' })],
    });
    await w.expectNothingStored();
  });
});

describe('reads', () => {
  it('the register highest score first, by project code or status; one risk; refused when inactive', async () => {
    const low = await raised({ likelihood: 1, impact: 2 });
    const high = await raised({ likelihood: 4, impact: 3 });
    const other = await raised({ projectId: PROJECT.web, likelihood: 2, impact: 2 });
    const byProject = await h.services.risks.list(h.ctx.viewer, { projectId: 'tr-07' });
    expect(byProject.items.map((r) => r.id)).toEqual([high.id, low.id]);
    const all = await h.services.risks.list(h.ctx.changemaker, { status: ['open'] });
    expect(all.items.map((r) => r.id)).toEqual([high.id, other.id, low.id]);
    expect(await h.services.risks.get(h.ctx.viewer, other.id)).toEqual(other);
    await expect(h.services.risks.get(h.ctx.viewer, 'no-such-risk')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expectRefused(
      h,
      'inactive',
      () => h.services.risks.get(h.ctx.inactive, other.id),
      'inactive_person',
      {
        entityType: 'risk',
        entityId: other.id,
      },
    );
  });
});
