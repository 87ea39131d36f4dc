// Checks every seed must pass, demo or synthetic: each entity re-parses through its domain schema to
// itself, and every reference points at something in the seed. Each returns a list of problems, so a
// failing test names all of them at once.
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { Kpi, Measurement } from '../../bot/domain/kpi.js';
import { Milestone } from '../../bot/domain/milestone.js';
import { orgUnit } from '../../bot/domain/org-unit.js';
import { Person } from '../../bot/domain/person.js';
import { Project } from '../../bot/domain/project.js';
import { Risk } from '../../bot/domain/risk.js';
import { Settings } from '../../bot/domain/settings.js';
import { StatusUpdate } from '../../bot/domain/status-update.js';
import type { SeedData } from '../../bot/seed/seed-data.js';

function validate<T>(kind: string, schema: z.ZodType<T>, items: readonly T[], problems: string[]): void {
  for (const item of items) {
    const id = (item as { id?: string }).id ?? kind;
    const result = schema.safeParse(item);
    if (!result.success) {
      problems.push(
        `${kind} ${id}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    } else if (!isDeepStrictEqual(result.data, item)) {
      problems.push(`${kind} ${id}: parsing changes it`);
    }
  }
}

/** Schema problems: every entity parses, unchanged, through its domain schema. */
export function schemaProblems(data: SeedData): string[] {
  const problems: string[] = [];
  validate('person', Person, data.people, problems);
  validate('project', Project, data.projects, problems);
  validate('status update', StatusUpdate, data.statusUpdates, problems);
  validate('risk', Risk, data.risks, problems);
  validate('milestone', Milestone, data.milestones, problems);
  validate('kpi', Kpi, data.kpis, problems);
  validate('measurement', Measurement, data.measurements, problems);
  validate('settings', Settings, [data.settings], problems);
  return problems;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}

/** Reference and uniqueness problems. */
export function referenceProblems(data: SeedData): string[] {
  const problems: string[] = [];
  const people = new Map(data.people.map((p) => [p.id, p]));
  const projects = new Map(data.projects.map((p) => [p.id, p]));
  const kpis = new Map(data.kpis.map((k) => [k.id, k]));
  const person = (where: string, id: string | null | undefined) => {
    if (id != null && !people.has(id)) problems.push(`${where}: unknown person ${id}`);
  };
  const project = (where: string, id: string | null | undefined) => {
    if (id != null && !projects.has(id)) problems.push(`${where}: unknown project ${id}`);
  };

  const unique = (what: string, values: readonly string[]) => {
    for (const d of duplicates(values)) problems.push(`duplicate ${what}: ${d}`);
  };
  unique(
    'person id',
    data.people.map((p) => p.id),
  );
  unique(
    'person e-mail',
    data.people.map((p) => p.email.toLowerCase()),
  );
  unique(
    'person Entra id',
    data.people.flatMap((p) => (p.aadObjectId ? [p.aadObjectId] : [])),
  );
  unique(
    'project id',
    data.projects.map((p) => p.id),
  );
  unique(
    'project code',
    data.projects.map((p) => p.code),
  );
  unique(
    'status update id',
    data.statusUpdates.map((u) => u.id),
  );
  unique(
    'status update project+period',
    data.statusUpdates.map((u) => `${u.projectId}/${u.period}`),
  );
  unique(
    'risk id',
    data.risks.map((r) => r.id),
  );
  unique(
    'milestone id',
    data.milestones.map((m) => m.id),
  );
  unique(
    'kpi id',
    data.kpis.map((k) => k.id),
  );
  unique(
    'measurement id',
    data.measurements.map((m) => m.id),
  );

  for (const p of data.people)
    if (!orgUnit(p.orgUnit)) problems.push(`person ${p.id}: unknown org unit ${p.orgUnit}`);
  for (const p of data.projects) {
    const where = `project ${p.code}`;
    if (!orgUnit(p.orgUnit)) problems.push(`${where}: unknown org unit ${p.orgUnit}`);
    person(where, p.ownerId);
    person(where, p.sponsorId);
    for (const id of p.leadIds) person(where, id);
    for (const id of p.memberIds) person(where, id);
    for (const id of p.dependencies) {
      project(where, id);
      if (id === p.id) problems.push(`${where}: depends on itself`);
    }
    if (p.kind !== 'change-case' && p.memberIds.length > 0)
      problems.push(`${where}: members outside a change case`);
  }
  for (const u of data.statusUpdates) {
    const where = `status update ${u.id}`;
    project(where, u.projectId);
    person(where, u.authorId);
    for (const r of u.history) person(`${where} history`, r.authorId);
  }
  for (const r of data.risks) {
    const where = `risk ${r.id}`;
    project(where, r.projectId);
    person(where, r.ownerId);
    person(where, r.raisedById);
    person(where, r.escalation?.byId);
    person(where, r.escalation?.acknowledgedById);
    for (const h of r.history) person(`${where} history`, h.byId);
  }
  for (const m of data.milestones) project(`milestone ${m.id}`, m.projectId);
  for (const k of data.kpis) {
    project(`kpi ${k.id}`, k.projectId);
    person(`kpi ${k.id}`, k.ownerId);
  }
  for (const m of data.measurements) {
    if (!kpis.has(m.kpiId)) problems.push(`measurement ${m.id}: unknown kpi ${m.kpiId}`);
    person(`measurement ${m.id}`, m.byId);
  }
  for (const [pillar, leads] of Object.entries(data.settings.pillarLeads)) {
    for (const id of leads ?? []) person(`settings pillar lead ${pillar}`, id);
  }
  for (const id of data.settings.digestSubscribers) person('settings digest subscriber', id);
  return problems;
}

/** Stamps: version 1 and createdAt/updatedAt equal to the seed time. */
export function stampProblems(data: SeedData, nowIso: string): string[] {
  const problems: string[] = [];
  const all = [
    ...data.people,
    ...data.projects,
    ...data.statusUpdates,
    ...data.risks,
    ...data.milestones,
    ...data.kpis,
    ...data.measurements,
  ];
  for (const e of all) {
    if (e.version !== 1 || e.createdAt !== nowIso || e.updatedAt !== nowIso) problems.push(`${e.id}: stamps`);
  }
  if (data.settings.version !== 1 || data.settings.updatedAt !== nowIso) problems.push('settings: stamps');
  return problems;
}
