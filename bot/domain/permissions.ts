// Who may do what (PRODUCT.md section 1), as pure functions of the acting person and the data. The
// services call these once per write; no surface repeats them.
import type { ForbiddenReason } from './errors.js';
import type { Kpi } from './kpi.js';
import type { Person } from './person.js';
import { isProjectMember, isProjectOwner, type Project } from './project.js';
import type { Risk, RiskStatus } from './risk.js';
import type { Settings } from './settings.js';

export type Decision = { allowed: true } | { allowed: false; reason: ForbiddenReason };

const ALLOW: Decision = { allowed: true };
const deny = (reason: ForbiddenReason): Decision => ({ allowed: false, reason });

type Actor = Pick<Person, 'id' | 'role' | 'active'>;

function active(actor: Actor): Decision | undefined {
  return actor.active ? undefined : deny('inactive_person');
}

export function isCto(actor: Actor): boolean {
  return actor.active && actor.role === 'cto';
}

/** Portfolio-level administration: roster, settings, creating projects, sending the digest. */
export function canAdminister(actor: Actor): Decision {
  return active(actor) ?? (actor.role === 'cto' ? ALLOW : deny('role_required_cto'));
}

export function canEditProject(actor: Actor, project: Pick<Project, 'ownerId' | 'leadIds'>): Decision {
  return (
    active(actor) ??
    (actor.role === 'cto' || isProjectOwner(actor.id, project) ? ALLOW : deny('not_project_owner'))
  );
}

/**
 * Status updates: the CTO, the project's owner and leads, and, for change cases, their members
 * (ChangeMakers contribute to the change cases they belong to).
 */
export function canPostStatusUpdate(
  actor: Actor,
  project: Pick<Project, 'ownerId' | 'leadIds' | 'memberIds' | 'kind'>,
): Decision {
  const inactive = active(actor);
  if (inactive) return inactive;
  if (actor.role === 'cto' || isProjectOwner(actor.id, project)) return ALLOW;
  if (project.kind === 'change-case' && isProjectMember(actor.id, project)) return ALLOW;
  return deny('not_project_owner');
}

export const canManageMilestones = canPostStatusUpdate;

/** Anyone on the roster may raise a risk; what status it starts in depends on who raised it. */
export function canRaiseRisk(actor: Actor): Decision {
  return active(actor) ?? ALLOW;
}

/**
 * Status of a newly raised risk: viewers raise a concern that lands as `proposed` for the owner to
 * triage; everyone else raises an `open` risk.
 */
export function initialRiskStatus(
  actor: Actor,
  project: Pick<Project, 'ownerId' | 'leadIds'> | undefined,
): RiskStatus {
  if (actor.role === 'cto') return 'open';
  if (project && isProjectOwner(actor.id, project)) return 'open';
  if (actor.role === 'changemaker' || actor.role === 'owner') return 'open';
  return 'proposed';
}

/** Editing and triaging a risk: the CTO, the project's owner and leads, and the risk's own owner. */
export function canEditRisk(
  actor: Actor,
  risk: Pick<Risk, 'ownerId'>,
  project: Pick<Project, 'ownerId' | 'leadIds'> | undefined,
): Decision {
  const inactive = active(actor);
  if (inactive) return inactive;
  if (actor.role === 'cto') return ALLOW;
  if (project && isProjectOwner(actor.id, project)) return ALLOW;
  if (risk.ownerId === actor.id) return ALLOW;
  return deny('not_risk_editor');
}

/** Project KPIs: CTO and project owners; pillar KPIs: CTO and the pillar's leads; plus the KPI's owner. */
export function canEditKpi(
  actor: Actor,
  kpi: Pick<Kpi, 'ownerId' | 'pillar' | 'projectId'>,
  project: Pick<Project, 'ownerId' | 'leadIds'> | undefined,
  settings: Pick<Settings, 'pillarLeads'>,
): Decision {
  const inactive = active(actor);
  if (inactive) return inactive;
  if (actor.role === 'cto') return ALLOW;
  if (kpi.ownerId === actor.id) return ALLOW;
  if (project && isProjectOwner(actor.id, project)) return ALLOW;
  if (kpi.pillar && (settings.pillarLeads[kpi.pillar] ?? []).includes(actor.id)) return ALLOW;
  return deny('not_kpi_editor');
}

/**
 * Reading a risk: every active roster person, except for a confidential risk, which only the CTO, the
 * risk's owner and the person who raised it, the project's owner and leads and the leads of the
 * project's pillar may read. Every surface that shows risks asks this (API, bot, search, digest, agent).
 */
export function canReadRisk(
  actor: Actor,
  risk: Pick<Risk, 'confidential' | 'ownerId' | 'raisedById'>,
  project: Pick<Project, 'ownerId' | 'leadIds' | 'pillar'> | undefined,
  settings: Pick<Settings, 'pillarLeads'>,
): Decision {
  const inactive = active(actor);
  if (inactive) return inactive;
  if (!risk.confidential || actor.role === 'cto') return ALLOW;
  if (risk.ownerId === actor.id || risk.raisedById === actor.id) return ALLOW;
  if (project && isProjectOwner(actor.id, project)) return ALLOW;
  if (project && (settings.pillarLeads[project.pillar] ?? []).includes(actor.id)) return ALLOW;
  return deny('confidential_risk');
}

/** Reading: the portfolio is transparent to every active roster person. */
export function canRead(actor: Actor): Decision {
  return active(actor) ?? ALLOW;
}

/** Changing who owns or leads a project: the CTO or the project's current owner (not its leads). */
export function canReassignProject(actor: Actor, project: Pick<Project, 'ownerId'>): Decision {
  return (
    active(actor) ??
    (actor.role === 'cto' || project.ownerId === actor.id ? ALLOW : deny('not_project_owner'))
  );
}

/** Nudging a project's owner for their update: the CTO, or a lead of the project's pillar. */
export function canNudgeOwner(
  actor: Actor,
  project: Pick<Project, 'pillar'>,
  settings: Pick<Settings, 'pillarLeads'>,
): Decision {
  const inactive = active(actor);
  if (inactive) return inactive;
  if (actor.role === 'cto' || settings.pillarLeads[project.pillar]?.includes(actor.id)) return ALLOW;
  return deny('role_required_cto');
}
