// A person's notices in the tab (bot/domain/notice.ts): what they read and dismiss, only their own,
// and how the notice of a queued write SharePoint refused names the item it was about.
import type { EntityType } from '../domain/audit.js';
import { NotFoundError } from '../domain/errors.js';
import type { Notice } from '../domain/notice.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/repositories.js';
import type { StateStore } from '../ports/state.js';
import type { RequestContext } from './context.js';

/** The item as the reader knows it: its title (a status update: its week) and its project. */
export interface NoticeTarget {
  subject: string;
  project: Notice['project'];
}

async function projectOf(store: Store, projectId: string | null | undefined): Promise<Notice['project']> {
  if (!projectId) return null;
  const project = await store.projects.get(projectId);
  if (!project) return null;
  const { id, code, title, titles } = project;
  return titles ? { id, code, title, titles } : { id, code, title };
}

/** Names the item a notice is about, from what is stored now (its id when it is not found). */
export async function describeTarget(
  store: Store,
  entity: EntityType,
  entityId: string,
  projectId: string | null,
): Promise<NoticeTarget> {
  const named = async (item: { title: string; projectId: string | null } | undefined) => ({
    subject: item?.title ?? entityId,
    project: await projectOf(store, item?.projectId ?? projectId),
  });
  switch (entity) {
    case 'project': {
      const project = await projectOf(store, entityId);
      return { subject: project?.title ?? entityId, project };
    }
    case 'status-update': {
      const update = await store.statusUpdates.get(entityId);
      return named(update && { title: update.period, projectId: update.projectId });
    }
    case 'risk':
      return named(await store.risks.get(entityId));
    case 'milestone':
      return named(await store.milestones.get(entityId));
    case 'kpi':
      return named(await store.kpis.get(entityId));
    case 'person': {
      const person = await store.people.get(entityId);
      return { subject: person?.name ?? entityId, project: null };
    }
    default:
      return named(undefined);
  }
}

export class NoticeService {
  constructor(private readonly deps: { state: StateStore; clock: Clock }) {}

  /** The caller's notices not yet dismissed, newest first. */
  mine(ctx: RequestContext): Promise<Notice[]> {
    return this.deps.state.notices.listOpen(ctx.actor.id);
  }

  /** Dismisses one of the caller's notices for good; someone else's or an unknown id is not found. */
  async dismiss(ctx: RequestContext, id: string): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    if (!(await this.deps.state.notices.dismiss(ctx.actor.id, id, at))) {
      throw new NotFoundError('notice', id);
    }
  }
}
