// Administration (Transformation Office): roster and roles, digest and reminder schedules, the
// escalation threshold, and the people proactive messages could not reach. One file a section
// (pages/admin/); this page is the tabs between them.
import { makeStyles, MessageBar, MessageBarBody, Tab, TabList, tokens } from '@fluentui/react-components';
import { RunHistory } from '../components/run-history.js';
import { useApp } from '../context.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { navigate } from '../router.js';
import { kindKey } from './admin/kinds.js';
import { RosterSection } from './admin/roster-section.js';
import { SettingsSection } from './admin/settings-section.js';
import { UnreachableSection } from './admin/unreachable-section.js';

const SECTIONS = ['roster', 'settings', 'unreachable'] as const;
type Section = (typeof SECTIONS)[number];

const useStyles = makeStyles({
  tabs: { marginBlockEnd: tokens.spacingVerticalL },
});

export default function AdminPage({ section }: { section?: string }) {
  const styles = useStyles();
  const { me } = useApp();
  const { t } = useI18n();
  const current: Section = (SECTIONS as readonly string[]).includes(section ?? '')
    ? (section as Section)
    : 'roster';
  if (!me.canAdminister) {
    return (
      <MessageBar intent="warning" role="alert">
        <MessageBarBody>{t('admin.forbidden')}</MessageBarBody>
      </MessageBar>
    );
  }
  const kindLabel = (kind: string) => {
    const key = kindKey(kind);
    return key ? t(key) : kind;
  };
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <TabList
        className={styles.tabs}
        selectedValue={current}
        onTabSelect={(_, d) =>
          navigate({ name: 'admin', section: d.value === 'roster' ? undefined : String(d.value) })
        }
      >
        {SECTIONS.map((s) => (
          <Tab key={s} value={s}>
            {t(`admin.tab.${s}` as MessageKey)}
          </Tab>
        ))}
      </TabList>
      {current === 'roster' ? <RosterSection /> : null}
      {current === 'settings' ? <SettingsSection /> : null}
      {current === 'unreachable' ? (
        <>
          <UnreachableSection kindLabel={kindLabel} />
          <RunHistory kindLabel={kindLabel} />
        </>
      ) : null}
    </>
  );
}
