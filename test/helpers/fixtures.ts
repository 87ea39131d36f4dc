// Small builders of valid domain entities for tests. Each returns the entity parsed through its domain
// schema (so a fixture is always something a store must accept) with unique ids and codes; pass
// overrides for what a test cares about. Times are fixed: tests never depend on the wall clock.
import { AuditEvent } from '../../bot/domain/audit.js';
import { Kpi, Measurement } from '../../bot/domain/kpi.js';
import { Milestone } from '../../bot/domain/milestone.js';
import type { Period } from '../../bot/domain/period.js';
import { Person } from '../../bot/domain/person.js';
import { Project } from '../../bot/domain/project.js';
import { Risk, riskLevel, riskScore } from '../../bot/domain/risk.js';
import { defaultSettings, Settings } from '../../bot/domain/settings.js';
import { StatusUpdate } from '../../bot/domain/status-update.js';
import type { ConversationRecord, RunRecord } from '../../bot/ports/state.js';

/** The instant fixtures are created at (a Monday, in period 2026-W10). */
export const FIXTURE_TIME = '2026-03-02T09:00:00.000Z';
export const FIXTURE_PERIOD: Period = '2026-W10';
export const FIXTURE_ACTOR_ID = 'person-cto';

let sequence = 0;
function nextNumber(): number {
  sequence += 1;
  return sequence;
}

/** A new id, unique within the test file: `${prefix}-${n}`. */
export function fixtureId(prefix: string): string {
  return `${prefix}-${nextNumber()}`;
}

/** FIXTURE_TIME shifted by whole minutes, as an ISO instant. */
export function fixtureInstant(minutes: number): string {
  return new Date(Date.parse(FIXTURE_TIME) + minutes * 60_000).toISOString();
}

const stamps = { version: 1, createdAt: FIXTURE_TIME, updatedAt: FIXTURE_TIME };

/** Codes are FX-0001, FX-0002, ... in creation order. */
export function buildProject(overrides: Partial<Project> = {}): Project {
  const n = nextNumber();
  const id = overrides.id ?? `project-${n}`;
  return Project.parse({
    id,
    code: `FX-${String(n % 10_000).padStart(4, '0')}`,
    title: `Project ${id}`,
    kind: 'project',
    pillar: 'SPT',
    orgUnit: 'GS-TO',
    ownerId: 'person-owner',
    phase: 'executing',
    ...stamps,
    ...overrides,
  });
}

export function buildPerson(overrides: Partial<Person> = {}): Person {
  const id = overrides.id ?? fixtureId('person');
  return Person.parse({
    id,
    name: `Person ${id}`,
    email: `${id}@staff.example.org`,
    role: 'owner',
    orgUnit: 'GS-TO',
    ...stamps,
    ...overrides,
  });
}

export function buildStatusUpdate(
  overrides: Partial<StatusUpdate> & Pick<StatusUpdate, 'projectId'>,
): StatusUpdate {
  return StatusUpdate.parse({
    id: fixtureId('update'),
    period: FIXTURE_PERIOD,
    health: 'green',
    percentComplete: 40,
    summary: 'On track.',
    authorId: 'person-owner',
    submittedAt: FIXTURE_TIME,
    source: 'tab',
    ...stamps,
    ...overrides,
  });
}

/** Score and level follow likelihood and impact unless given. */
export function buildRisk(overrides: Partial<Risk> = {}): Risk {
  const likelihood = overrides.likelihood ?? 3;
  const impact = overrides.impact ?? 3;
  const score = overrides.score ?? riskScore(likelihood, impact);
  const id = overrides.id ?? fixtureId('risk');
  return Risk.parse({
    id,
    title: `Risk ${id}`,
    likelihood,
    impact,
    score,
    level: riskLevel(score),
    raisedById: 'person-owner',
    raisedAt: FIXTURE_TIME,
    ...stamps,
    ...overrides,
  });
}

export function buildMilestone(overrides: Partial<Milestone> & Pick<Milestone, 'projectId'>): Milestone {
  const id = overrides.id ?? fixtureId('milestone');
  return Milestone.parse({ id, title: `Milestone ${id}`, dueDate: '2026-06-30', ...stamps, ...overrides });
}

export function buildKpi(overrides: Partial<Kpi> = {}): Kpi {
  const id = overrides.id ?? fixtureId('kpi');
  return Kpi.parse({
    id,
    title: `KPI ${id}`,
    pillar: 'SPT',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 10, date: '2026-01-01' },
    target: { value: 80, date: '2026-12-31' },
    ...stamps,
    ...overrides,
  });
}

export function buildMeasurement(overrides: Partial<Measurement> & Pick<Measurement, 'kpiId'>): Measurement {
  return Measurement.parse({
    id: fixtureId('measurement'),
    date: '2026-03-01',
    value: 25,
    byId: 'person-owner',
    ...stamps,
    ...overrides,
  });
}

export function buildAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return AuditEvent.parse({
    id: fixtureId('audit'),
    at: FIXTURE_TIME,
    actorId: FIXTURE_ACTOR_ID,
    surface: 'api',
    entityType: 'project',
    entityId: 'project-x',
    action: 'update',
    ...overrides,
  });
}

export function buildSettings(overrides: Partial<Settings> = {}): Settings {
  return Settings.parse({ ...defaultSettings(FIXTURE_TIME), ...overrides });
}

export function buildConversation(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  const conversationId = overrides.conversationId ?? `a:${fixtureId('conversation')}`;
  return {
    personId: 'person-owner',
    userKey: `29:${conversationId}`,
    conversationId,
    conversationType: 'personal',
    tenantId: '00000000-0000-0000-0000-000000000001',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    reference: { conversation: { id: conversationId }, bot: { id: 'bot' }, channelId: 'msteams' },
    updatedAt: FIXTURE_TIME,
    ...overrides,
  };
}

export function buildRunRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    kind: 'digest',
    period: FIXTURE_PERIOD,
    recipientId: 'person-cto',
    status: 'delivered',
    attempts: 1,
    detail: null,
    updatedAt: FIXTURE_TIME,
    activityId: null,
    ...overrides,
  };
}
