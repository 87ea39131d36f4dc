// What a seed is: every entity of a portfolio, ready to be written through the repository ports.
// The builders (demo and synthetic) produce it; applySeed writes it. Every entity is valid against
// its domain schema and has version 1.
import type { Kpi, Measurement } from '../domain/kpi.js';
import type { Milestone } from '../domain/milestone.js';
import type { Person } from '../domain/person.js';
import type { Project } from '../domain/project.js';
import type { Risk } from '../domain/risk.js';
import type { Settings } from '../domain/settings.js';
import type { StatusUpdate } from '../domain/status-update.js';

export interface SeedData {
  people: Person[];
  projects: Project[];
  statusUpdates: StatusUpdate[];
  risks: Risk[];
  milestones: Milestone[];
  kpis: Kpi[];
  measurements: Measurement[];
  settings: Settings;
}

/** Entity counts of a seed, as printed by `npm run seed` and compared by the tests. */
export interface SeedCounts {
  people: number;
  projects: number;
  statusUpdates: number;
  risks: number;
  milestones: number;
  kpis: number;
  measurements: number;
}

export function countSeed(data: SeedData): SeedCounts {
  return {
    people: data.people.length,
    projects: data.projects.length,
    statusUpdates: data.statusUpdates.length,
    risks: data.risks.length,
    milestones: data.milestones.length,
    kpis: data.kpis.length,
    measurements: data.measurements.length,
  };
}
