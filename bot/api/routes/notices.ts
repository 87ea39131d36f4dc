// The caller's notices in the tab (a queued write SharePoint refused, issue 12 item 10): read them,
// dismiss one for good. Each person sees and dismisses only their own.
import { NoticeList } from '../../domain/notice.js';
import type { NoticeService } from '../../services/notices.js';
import { route, type RouteSpec } from '../route.js';

export function noticeRoutes(notices: NoticeService): RouteSpec<unknown>[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/me/notices',
      operationId: 'listMyNotices',
      summary:
        'My notices not yet dismissed, newest first: changes I saved while SharePoint was busy that it later refused',
      tag: 'me',
      response: { kind: 'json', schema: NoticeList, name: 'NoticeList' },
      handler: async ({ ctx }) => ({ body: { items: await notices.mine(ctx) } }),
    }),
    route({
      method: 'post',
      path: '/api/v1/me/notices/:id/dismiss',
      operationId: 'dismissNotice',
      summary: 'Dismiss one of my notices for good (404 when I have no notice with this id)',
      tag: 'me',
      response: { kind: 'empty' },
      handler: async ({ ctx, params }) => {
        await notices.dismiss(ctx, params.id ?? '');
        return { status: 204, body: undefined };
      },
    }),
  ];
}
