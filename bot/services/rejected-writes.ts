// A write accepted while SharePoint was busy (X-Sync-Status: queued) and refused when replayed (the
// item changed meanwhile) never took effect. The audit records the rejection next to the write's own
// event, so that the history shows what took effect, and the author is told in the bot, in their
// language, and by a notice in the tab (kept until they dismiss it, notices.ts); the tab also shows
// the `sync-rejected` event in the item's history.
import { ENTITY_TYPES, type EntityType } from '../domain/audit.js';
import type { Locale } from '../domain/locale.js';
import { projectTitle } from '../domain/project.js';
import { t, type MessageKey } from '../i18n/translate.js';
import type { Messenger } from '../ports/messenger.js';
import type { StateStore } from '../ports/state.js';
import type { RejectedWriteNotice } from '../ports/write-reporter.js';
import { SYSTEM_ACTOR } from './audit-service.js';
import { describeTarget, type NoticeTarget } from './notices.js';
import type { Services } from './services.js';

export interface RejectedWriteDeps {
  services: Services;
  state: StateStore;
  messenger: Messenger;
  defaultLocale: Locale;
  logger: { warn(obj: object, msg: string): void };
}

const isEntityType = (value: string): value is EntityType =>
  (ENTITY_TYPES as readonly string[]).includes(value);

/**
 * The item as the bot message names it, as the tab's notice does: its title (a project's in the
 * reader's language), then its project's code.
 */
function nameOf(target: NoticeTarget, entity: EntityType, locale: Locale): string {
  const subject =
    entity === 'project' && target.project ? projectTitle(target.project, locale) : target.subject;
  const quoted = `“${subject}”`;
  if (!target.project) return quoted;
  return entity === 'project' ? `${target.project.code} ${quoted}` : `${quoted} · ${target.project.code}`;
}

/** Audits a rejected queued write and tells its author; never throws (it runs from a background replay). */
export async function reportRejectedWrite(
  deps: RejectedWriteDeps,
  write: RejectedWriteNotice,
): Promise<void> {
  if (!isEntityType(write.entity)) return;
  const { services } = deps;
  const store = services.deps.store;
  try {
    const history = await store.audit.list({ entityType: write.entity, entityId: write.entityId, limit: 10 });
    const authorId = history.items.find(
      (e) => e.actorId !== SYSTEM_ACTOR && e.action !== 'forbidden',
    )?.actorId;
    const projectId = history.items.find((e) => e.projectId)?.projectId ?? null;
    await services.audit.recordSystem(
      { entityType: write.entity, entityId: write.entityId, projectId },
      'sync-rejected',
      `queued ${write.op} refused by SharePoint: ${write.reason}`,
      SYSTEM_ACTOR,
      { after: { author: authorId ?? null } },
    );
    if (!authorId) return;
    const { clock, ids } = services.deps;
    const target = await describeTarget(store, write.entity, write.entityId, projectId);
    await deps.state.notices.add({
      id: ids.newId(),
      personId: authorId,
      kind: 'write-rejected',
      createdAt: clock.now().toISOString(),
      dismissedAt: null,
      entity: write.entity,
      entityId: write.entityId,
      op: write.op,
      ...target,
    });
    const [person, conversation] = await Promise.all([
      store.people.get(authorId),
      deps.state.conversations.getPersonal(authorId),
    ]);
    if (!conversation) return;
    const locale = person?.locale ?? deps.defaultLocale;
    await deps.messenger.send(conversation, {
      text: t(locale, 'notices.write_rejected', {
        entity: t(locale, `entity.${write.entity}` as MessageKey),
        id: nameOf(target, write.entity, locale),
      }),
    });
  } catch (err) {
    deps.logger.warn(
      { err, entity: write.entity, entityId: write.entityId },
      'could not report a rejected write',
    );
  }
}
