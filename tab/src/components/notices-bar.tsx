// The signed-in person's notices (GET /api/v1/me/notices): a change they saved while SharePoint was
// busy that SharePoint later refused (issue 12 item 10). Shown above every page until dismissed
// (for good, on the server); read when the tab opens, on each navigation and every minute.
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { EntityType } from '../../../bot/domain/audit.js';
import { projectTitle } from '../../../bot/domain/project.js';
import type { Notice } from '../api/endpoints.js';
import { useApp } from '../context.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { hrefOf, useRoute } from '../router.js';

/** How often an open tab asks again. */
export const NOTICE_POLL_MS = 60_000;

/** The project page's panel that shows each kind of item. */
const PANEL: Partial<Record<EntityType, string>> = {
  'status-update': 'updates',
  risk: 'risks',
  milestone: 'milestones',
  kpi: 'kpis',
  measurement: 'kpis',
};

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    paddingBlockStart: tokens.spacingVerticalM,
    maxWidth: '1400px',
    marginInline: 'auto',
  },
});

export function NoticesBar() {
  const styles = useStyles();
  const { api } = useApp();
  const { t, locale } = useI18n();
  const route = useRoute();
  const [notices, setNotices] = useState<readonly Notice[]>([]);

  const refresh = useCallback(() => {
    api.myNotices().then(
      (list) => setNotices(list.items),
      // A notice is a courtesy: a failed read leaves what is shown and tries again later.
      () => undefined,
    );
  }, [api]);

  // On opening, on every navigation (route changes), and while the tab stays open.
  useEffect(refresh, [refresh, route]);
  useEffect(() => {
    const timer = setInterval(refresh, NOTICE_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const dismiss = (id: string) => {
    setNotices((list) => list.filter((n) => n.id !== id));
    api.dismissNotice(id).then(
      () => undefined,
      () => refresh(),
    );
  };

  if (notices.length === 0) return null;
  return (
    <section aria-label={t('notices.label')} className={styles.list}>
      {notices.map((n) => {
        const entity = t(`audit.entity.${n.entity}` as MessageKey);
        // The project's title in the reader's language (a project notice's subject is that title).
        const subject = n.entity === 'project' && n.project ? projectTitle(n.project, locale) : n.subject;
        const body = n.project
          ? t('notices.writeRejected.body', {
              entity,
              subject,
              project: `${n.project.code} ${projectTitle(n.project, locale)}`,
            })
          : t('notices.writeRejected.bodyNoProject', { entity, subject: n.subject });
        return (
          <MessageBar key={n.id} intent="warning" layout="multiline" data-notice={n.id}>
            <MessageBarBody>
              <MessageBarTitle>{t('notices.writeRejected.title')}</MessageBarTitle>
              {body}{' '}
              {n.project ? (
                <Link href={hrefOf({ name: 'project', code: n.project.code, tab: PANEL[n.entity] })}>
                  {t('notices.open', { code: n.project.code })}
                </Link>
              ) : null}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  icon={<DismissRegular />}
                  aria-label={t('notices.dismiss')}
                  onClick={() => dismiss(n.id)}
                />
              }
            />
          </MessageBar>
        );
      })}
    </section>
  );
}
