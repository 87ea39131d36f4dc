// The role matrix of PRODUCT.md section 1, one row per kind of person, one column per decision.
import { describe, expect, it } from 'vitest';
import type { ForbiddenReason } from '../../bot/domain/errors.js';
import {
  canAdminister,
  canEditKpi,
  canEditProject,
  canEditRisk,
  canManageMilestones,
  canPostStatusUpdate,
  canRaiseRisk,
  canRead,
  canReadRisk,
  canReassignProject,
  initialRiskStatus,
  isCto,
  type Decision,
} from '../../bot/domain/permissions.js';
import type { Person } from '../../bot/domain/person.js';
import type { RiskStatus } from '../../bot/domain/risk.js';
import { project } from './builders.js';

type Actor = Pick<Person, 'id' | 'role' | 'active'>;

const actors = {
  cto: { id: 'cto-1', role: 'cto', active: true },
  'owner of the project': { id: 'owner-1', role: 'owner', active: true },
  'lead of the project': { id: 'lead-1', role: 'owner', active: true },
  'owner role, not this project': { id: 'owner-2', role: 'owner', active: true },
  'changemaker, member of the change case': { id: 'cm-1', role: 'changemaker', active: true },
  'changemaker, not a member': { id: 'cm-2', role: 'changemaker', active: true },
  viewer: { id: 'viewer-1', role: 'viewer', active: true },
  'viewer who leads the project': { id: 'viewer-2', role: 'viewer', active: true },
  'inactive cto': { id: 'cto-2', role: 'cto', active: false },
  'inactive owner of the project': { id: 'owner-1', role: 'owner', active: false },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

// A regular project and a change case, both owned by owner-1 and led by lead-1 and viewer-2; cm-1 is
// listed as a member of both (membership only counts for change cases).
const regular = project({
  kind: 'project',
  ownerId: 'owner-1',
  leadIds: ['lead-1', 'viewer-2'],
  memberIds: ['cm-1'],
});
const changeCase = project({
  id: 'cc-1',
  code: 'CM-03',
  kind: 'change-case',
  ownerId: 'owner-1',
  leadIds: ['lead-1', 'viewer-2'],
  memberIds: ['cm-1'],
});
// A risk on the regular project whose risk owner is cm-2; a portfolio-wide risk with no owner.
const projectRisk = { ownerId: 'cm-2' };
const portfolioRisk = { ownerId: null };
// KPIs: one of the project, one of the PAC pillar (led by cm-1), one owned by viewer-1.
const projectKpi = { ownerId: null, pillar: null, projectId: regular.id };
const pillarKpi = { ownerId: null, pillar: 'PAC' as const, projectId: null };
const ownedKpi = { ownerId: 'viewer-1', pillar: 'GOV' as const, projectId: null };
const settings = { pillarLeads: { PAC: ['cm-1'] } };

const decisions = {
  canAdminister: (a: Actor) => canAdminister(a),
  'canEditProject (project)': (a: Actor) => canEditProject(a, regular),
  'canPostStatusUpdate (project)': (a: Actor) => canPostStatusUpdate(a, regular),
  'canPostStatusUpdate (change case)': (a: Actor) => canPostStatusUpdate(a, changeCase),
  'canManageMilestones (project)': (a: Actor) => canManageMilestones(a, regular),
  'canManageMilestones (change case)': (a: Actor) => canManageMilestones(a, changeCase),
  canRaiseRisk: (a: Actor) => canRaiseRisk(a),
  'canEditRisk (project risk owned by cm-2)': (a: Actor) => canEditRisk(a, projectRisk, regular),
  'canEditRisk (portfolio-wide risk)': (a: Actor) => canEditRisk(a, portfolioRisk, undefined),
  'canEditKpi (project KPI)': (a: Actor) => canEditKpi(a, projectKpi, regular, settings),
  'canEditKpi (pillar KPI, cm-1 leads the pillar)': (a: Actor) =>
    canEditKpi(a, pillarKpi, undefined, settings),
  'canEditKpi (KPI owned by viewer-1)': (a: Actor) => canEditKpi(a, ownedKpi, undefined, settings),
  canRead: (a: Actor) => canRead(a),
} satisfies Record<string, (a: Actor) => Decision>;
type DecisionName = keyof typeof decisions;

type Expected = 'allow' | ForbiddenReason;
const Y = 'allow';
const OWN: Expected = 'not_project_owner';
const RISK: Expected = 'not_risk_editor';
const KPI: Expected = 'not_kpi_editor';
const CTO: Expected = 'role_required_cto';
const OFF: Expected = 'inactive_person';

// Columns in the order of `decisions`.
// prettier-ignore
const matrix: Record<ActorName, Expected[]> = {
  //                                          admin  proj   post   postCC mile   mileCC raise  riskP  riskW  kpiP   kpiPil kpiOwn read
  cto:                                       [Y,     Y,     Y,     Y,     Y,     Y,     Y,     Y,     Y,     Y,     Y,     Y,     Y],
  'owner of the project':                    [CTO,   Y,     Y,     Y,     Y,     Y,     Y,     Y,     RISK,  Y,     KPI,   KPI,   Y],
  'lead of the project':                     [CTO,   Y,     Y,     Y,     Y,     Y,     Y,     Y,     RISK,  Y,     KPI,   KPI,   Y],
  'owner role, not this project':            [CTO,   OWN,   OWN,   OWN,   OWN,   OWN,   Y,     RISK,  RISK,  KPI,   KPI,   KPI,   Y],
  'changemaker, member of the change case':  [CTO,   OWN,   OWN,   Y,     OWN,   Y,     Y,     RISK,  RISK,  KPI,   Y,     KPI,   Y],
  'changemaker, not a member':               [CTO,   OWN,   OWN,   OWN,   OWN,   OWN,   Y,     Y,     RISK,  KPI,   KPI,   KPI,   Y],
  viewer:                                    [CTO,   OWN,   OWN,   OWN,   OWN,   OWN,   Y,     RISK,  RISK,  KPI,   KPI,   Y,     Y],
  'viewer who leads the project':            [CTO,   Y,     Y,     Y,     Y,     Y,     Y,     Y,     RISK,  Y,     KPI,   KPI,   Y],
  'inactive cto':                            [OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF],
  'inactive owner of the project':           [OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF,   OFF],
};

describe('the role matrix', () => {
  const names = Object.keys(decisions) as DecisionName[];
  const cases = (Object.keys(matrix) as ActorName[]).flatMap((actor) =>
    names.map((decision, i) => ({ actor, decision, expected: matrix[actor][i]! })),
  );

  it('has one column per decision', () => {
    for (const row of Object.values(matrix)) expect(row).toHaveLength(names.length);
  });

  it.each(cases)('$actor / $decision -> $expected', ({ actor, decision, expected }) => {
    const result = decisions[decision](actors[actor]);
    expect(result).toEqual(expected === 'allow' ? { allowed: true } : { allowed: false, reason: expected });
  });
});

describe('initialRiskStatus: viewers raise concerns for triage, everyone else raises open risks', () => {
  it.each<[ActorName, RiskStatus, RiskStatus]>([
    // actor, on the project, portfolio-wide
    ['cto', 'open', 'open'],
    ['owner of the project', 'open', 'open'],
    ['lead of the project', 'open', 'open'],
    ['owner role, not this project', 'open', 'open'],
    ['changemaker, member of the change case', 'open', 'open'],
    ['changemaker, not a member', 'open', 'open'],
    ['viewer', 'proposed', 'proposed'],
    ['viewer who leads the project', 'open', 'proposed'],
  ])('%s -> %s on the project, %s portfolio-wide', (actor, onProject, portfolioWide) => {
    expect(initialRiskStatus(actors[actor], regular)).toBe(onProject);
    expect(initialRiskStatus(actors[actor], undefined)).toBe(portfolioWide);
  });
});

describe('isCto', () => {
  it.each<[ActorName, boolean]>([
    ['cto', true],
    ['inactive cto', false],
    ['owner of the project', false],
    ['viewer', false],
  ])('%s -> %s', (actor, expected) => {
    expect(isCto(actors[actor])).toBe(expected);
  });
});

describe('canReassignProject: the CTO or the current owner, not the leads', () => {
  it.each<[ActorName, Expected]>([
    ['cto', 'allow'],
    ['owner of the project', 'allow'],
    ['lead of the project', 'not_project_owner'],
    ['owner role, not this project', 'not_project_owner'],
    ['changemaker, member of the change case', 'not_project_owner'],
    ['viewer who leads the project', 'not_project_owner'],
    ['inactive owner of the project', 'inactive_person'],
  ])('%s -> %s', (actor, expected) => {
    expect(canReassignProject(actors[actor], regular)).toEqual(
      expected === 'allow' ? { allowed: true } : { allowed: false, reason: expected },
    );
  });
});

describe('canReadRisk: a confidential risk is for the CTO, its owner and raiser, the project owner and leads, the pillar leads', () => {
  const spt = project({ pillar: 'SPT' });
  const settings = { pillarLeads: { SPT: ['owner-2'] } };
  const secret = { confidential: true, ownerId: 'cm-2', raisedById: 'viewer-1' };
  it.each<[ActorName, boolean]>([
    ['cto', true],
    ['owner of the project', true],
    ['lead of the project', true],
    ['owner role, not this project', true], // the SPT pillar lead
    ['changemaker, not a member', true], // the risk's owner
    ['viewer', true], // who raised it
    ['changemaker, member of the change case', false],
    ['inactive cto', false],
  ])('%s -> %s', (actor, expected) => {
    const decision = canReadRisk(actors[actor], secret, spt, settings);
    expect(decision.allowed).toBe(expected);
    if (!expected && actors[actor].active)
      expect(decision).toEqual({ allowed: false, reason: 'confidential_risk' });
  });

  it('a risk that is not confidential is for every active person', () => {
    const open = { ...secret, confidential: false };
    expect(canReadRisk(actors['changemaker, member of the change case'], open, spt, settings).allowed).toBe(
      true,
    );
    expect(canReadRisk(actors['inactive owner of the project'], open, spt, settings).allowed).toBe(false);
  });

  it('a confidential portfolio-wide risk is for the CTO and its owner', () => {
    expect(canReadRisk(actors.cto, secret, undefined, settings).allowed).toBe(true);
    expect(canReadRisk(actors['owner of the project'], secret, undefined, settings).allowed).toBe(false);
  });
});
