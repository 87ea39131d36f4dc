// Projects of the transformation portfolio (PRODUCT.md section 2).
import { z } from 'zod';
import { type Locale, SUPPORTED_LOCALES } from './locale.js';
import { OrgUnitCode } from './org-unit.js';
import { PillarCode } from './pillar.js';
import { Id, IsoDate, IsoDateTime, line, patchOf, text, Version } from './primitives.js';

export const PROJECT_KINDS = ['accelerated-initiative', 'project', 'change-case'] as const;
export const ProjectKind = z.enum(PROJECT_KINDS);
export type ProjectKind = z.infer<typeof ProjectKind>;

export const PROJECT_PHASES = [
  'proposed',
  'planning',
  'executing',
  'on-hold',
  'closing',
  'done',
  'cancelled',
] as const;
export const ProjectPhase = z.enum(PROJECT_PHASES);
export type ProjectPhase = z.infer<typeof ProjectPhase>;

/** Phases in which a weekly status update is expected. */
export const REPORTING_PHASES: ReadonlySet<ProjectPhase> = new Set(['planning', 'executing', 'closing']);

export const ProjectCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,5}-\d{1,4}$/, { error: 'expected a project code such as TR-07' });

const Money = z.number().finite().min(0).max(1e12);

/**
 * Optional titles in the other official languages (`title` is the reference title, usually English).
 * A reader sees the title of their language where one exists (`projectTitle`).
 */
export const LocalizedTitles = z
  .object(
    Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, line(200, 3).optional()])) as Record<
      Locale,
      z.ZodOptional<ReturnType<typeof line>>
    >,
  )
  .strict();
export type LocalizedTitles = z.infer<typeof LocalizedTitles>;

const ProjectShape = z.object({
  code: ProjectCode,
  title: line(200, 3),
  kind: ProjectKind,
  pillar: PillarCode,
  orgUnit: OrgUnitCode,
  ownerId: Id,
  leadIds: z.array(Id).max(20).default([]),
  sponsorId: Id.nullable().default(null),
  phase: ProjectPhase.default('proposed'),
  startDate: IsoDate.nullable().default(null),
  dueDate: IsoDate.nullable().default(null),
  budgetChf: Money.nullable().default(null),
  spendChf: Money.nullable().default(null),
  description: text(4000).default(''),
  dependencies: z.array(Id).max(50).default([]),
  memberIds: z.array(Id).max(500).default([]),
  titles: LocalizedTitles.optional(),
});

function datesInOrder(p: { startDate?: string | null; dueDate?: string | null }): boolean {
  return !p.startDate || !p.dueDate || p.startDate <= p.dueDate;
}
const DATE_ORDER = { error: 'the due date must not be before the start date', path: ['dueDate'] };

export const Project = ProjectShape.extend({
  id: Id,
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).refine(datesInOrder, DATE_ORDER);
export type Project = z.infer<typeof Project>;

export const ProjectCreate = ProjectShape.extend({ id: Id.optional() })
  .strict()
  .refine(datesInOrder, DATE_ORDER);
export type ProjectCreate = z.input<typeof ProjectCreate>;

/** Editable fields; `code` is stable once created. */
export const ProjectPatch = patchOf(ProjectShape.omit({ code: true })).strict();
export type ProjectPatch = z.input<typeof ProjectPatch>;

export function isProjectOwner(personId: string, project: Pick<Project, 'ownerId' | 'leadIds'>): boolean {
  return project.ownerId === personId || project.leadIds.includes(personId);
}

export function isProjectMember(personId: string, project: Pick<Project, 'memberIds'>): boolean {
  return project.memberIds.includes(personId);
}

export function expectsReporting(project: Pick<Project, 'phase'>): boolean {
  return REPORTING_PHASES.has(project.phase);
}

/** The project's title in the reader's language where one exists, else the reference title. */
export function projectTitle(project: Pick<Project, 'title' | 'titles'>, locale: Locale): string {
  return project.titles?.[locale] ?? project.title;
}

/** Every title the project carries, reference first (for matching words in any language). */
export function allProjectTitles(project: Pick<Project, 'title' | 'titles'>): string[] {
  const others = project.titles ? Object.values(project.titles).filter((t): t is string => !!t) : [];
  return [project.title, ...others.filter((t) => t !== project.title)];
}
