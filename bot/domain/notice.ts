// Notices for one person, shown in the tab until they dismiss them. Today one kind: a write the person
// made while SharePoint was busy (answered `X-Sync-Status: queued`) that SharePoint later refused, so
// it never took effect (issue 12 item 10). The bot tells them too; the notice stays in the tab.
import { z } from 'zod';
import { EntityType } from './audit.js';
import { IsoDateTime } from './primitives.js';
import { LocalizedTitles } from './project.js';

const Key = z.string().min(1).max(512);

export const NOTICE_KINDS = ['write-rejected'] as const;
export const NoticeKind = z.enum(NOTICE_KINDS);

/**
 * The project the item belongs to (or is), for the notice's words and its link to the tab: its titles in
 * the other languages too, so that each reader sees it in theirs (notices stored before have none).
 */
export const NoticeProject = z.object({
  id: Key,
  code: z.string().max(64),
  title: z.string().max(400),
  titles: LocalizedTitles.optional(),
});

export const Notice = z.object({
  id: Key,
  personId: Key,
  kind: NoticeKind,
  createdAt: IsoDateTime,
  dismissedAt: IsoDateTime.nullable(),
  /** What could not be saved: the kind of item, its id, and whether it was a new item or a change. */
  entity: EntityType,
  entityId: Key,
  op: z.enum(['create', 'update']),
  /** The item's title or name as stored now (or its id when it has none), for the reader. */
  subject: z.string().max(400),
  project: NoticeProject.nullable(),
});
export type Notice = z.infer<typeof Notice>;

/** GET /api/v1/me/notices. */
export const NoticeList = z.object({ items: z.array(Notice) });
export type NoticeList = z.infer<typeof NoticeList>;
