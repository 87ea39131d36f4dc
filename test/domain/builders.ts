// Valid domain objects for the domain tables, built through the schemas so that a fixture can never
// drift from what the schemas accept. Each takes the fields a case cares about.
import type { z } from 'zod';
import { Person } from '../../bot/domain/person.js';
import { Project } from '../../bot/domain/project.js';
import { Risk } from '../../bot/domain/risk.js';
import { StatusUpdate } from '../../bot/domain/status-update.js';

export const AT = '2026-11-23T09:00:00.000Z';

export function project(overrides: Partial<z.input<typeof Project>> = {}): Project {
  return Project.parse({
    id: 'p-1',
    code: 'TR-07',
    title: 'Enterprise resource planning upgrade',
    kind: 'project',
    pillar: 'SPT',
    orgUnit: 'IS',
    ownerId: 'owner-1',
    leadIds: ['lead-1'],
    phase: 'executing',
    startDate: '2026-01-05',
    dueDate: '2027-06-30',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function person(overrides: Partial<z.input<typeof Person>> = {}): Person {
  return Person.parse({
    id: 'person-1',
    name: 'Amina Diallo',
    email: 'amina.diallo@example.org',
    role: 'viewer',
    orgUnit: 'GS-TO',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function risk(overrides: Partial<z.input<typeof Risk>> = {}): Risk {
  const likelihood = overrides.likelihood ?? 2;
  const impact = overrides.impact ?? 2;
  const score = likelihood * impact;
  return Risk.parse({
    id: 'r-1',
    projectId: 'p-1',
    title: 'Vendor delivers late',
    likelihood,
    impact,
    score,
    level: score >= 15 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low',
    raisedById: 'owner-1',
    raisedAt: AT,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

export function statusUpdate(overrides: Partial<z.input<typeof StatusUpdate>> = {}): StatusUpdate {
  return StatusUpdate.parse({
    id: 'u-1',
    projectId: 'p-1',
    period: '2026-W48',
    health: 'green',
    percentComplete: 40,
    summary: 'On plan.',
    authorId: 'owner-1',
    submittedAt: AT,
    source: 'bot',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}
