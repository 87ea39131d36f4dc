// Needs attention (My work, CTO and pillar leads): escalated risks awaiting acknowledgement with
// Acknowledge / Accept / Reassign (the escalation card's service and versions, so card and tab
// agree), overdue updates with the owner and weeks late kept apart from updates merely due this week,
// and a nudge to the owner.
import {
  Button,
  Card,
  CardHeader,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Attention, LateUpdate, PendingEscalation } from '../api/endpoints.js';
import { asApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n } from '../i18n/index.js';
import { hrefOf } from '../router.js';
import { LevelBadge } from './level-badge.js';

const useStyles = makeStyles({
  card: { gridColumn: '1 / -1' },
  sections: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 380px), 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: tokens.colorNeutralStroke3,
  },
  title: { flexGrow: 1, flexBasis: '12em', minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  h3: { marginBlock: tokens.spacingVerticalS },
});

type Notice = { intent: 'success' | 'warning' | 'error'; text: string };

export function NeedsAttention({ attention, onChanged }: { attention: Attention; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice | undefined>();
  const say = (n: Notice) => setNotice(n);
  return (
    <Card className={styles.card} data-testid="needs-attention">
      <CardHeader header={<h2>{t('attention.title')}</h2>} />
      {attention.scope === 'pillars' ? (
        <Text className={styles.meta}>
          {t('attention.scopePillars', { pillars: attention.pillars.join(', ') })}
        </Text>
      ) : null}
      {notice ? (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.sections}>
        <section aria-labelledby="attention-escalations">
          <h3 id="attention-escalations" className={styles.h3}>
            {t('attention.escalations', { count: attention.escalations.length })}
          </h3>
          {attention.escalations.length === 0 ? <Text>{t('attention.noEscalations')}</Text> : null}
          <ul className={styles.list}>
            {attention.escalations.map((e) => (
              <EscalationItem
                key={e.risk.id}
                item={e}
                canAct={attention.canAct}
                onDone={(n) => {
                  say(n);
                  onChanged();
                }}
              />
            ))}
          </ul>
        </section>
        <LateList
          id="attention-overdue"
          title={t('attention.overdue', { count: attention.overdue.length })}
          empty={t('attention.noOverdue')}
          items={attention.overdue}
          onNotice={say}
        />
        <LateList
          id="attention-due"
          title={t('attention.due', { count: attention.due.length })}
          empty={t('attention.noDue')}
          items={attention.due}
          onNotice={say}
        />
      </div>
    </Card>
  );
}

function EscalationItem({
  item,
  canAct,
  onDone,
}: {
  item: PendingEscalation;
  canAct: boolean;
  onDone: (n: Notice) => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const people = usePeople(api);
  const { t } = useI18n();
  const { risk, project } = item;
  const [busy, setBusy] = useState(false);
  const [reassigning, setReassigning] = useState(false);
  const [ownerId, setOwnerId] = useState('');
  const act = async (action: 'acknowledge' | 'accept' | 'reassign') => {
    setBusy(true);
    try {
      const saved = await api.actOnEscalation(
        risk.id,
        action === 'reassign' ? { action, ownerId } : { action },
        risk.version,
      );
      const owner = saved.value.ownerId ? (people.get(saved.value.ownerId)?.name ?? saved.value.ownerId) : '';
      onDone({ intent: 'success', text: t(`attention.done.${action}`, { title: risk.title, owner }) });
    } catch (e) {
      const error = asApiError(e, t('error.generic'));
      onDone({
        intent: error.isConflict ? 'warning' : 'error',
        text: error.isConflict ? t('attention.changed', { title: risk.title }) : error.message,
      });
    } finally {
      setBusy(false);
    }
  };
  const selectId = `reassign-${risk.id}`;
  return (
    <li className={styles.item} data-escalation={risk.id}>
      <LevelBadge level={risk.level} score={risk.score} />
      <span className={styles.title}>
        {risk.title}
        {project ? (
          <>
            {' · '}
            <Link href={hrefOf({ name: 'project', code: project.code, tab: 'risks' })}>{project.code}</Link>
          </>
        ) : null}
      </span>
      <Text size={200} className={styles.meta}>
        {t('attention.escalatedBy', { name: item.escalatedByName, owner: item.ownerName ?? '—' })}
      </Text>
      {canAct ? (
        <div className={styles.actions}>
          <Button
            size="small"
            appearance="primary"
            disabled={busy}
            aria-label={t('attention.acknowledgeOf', { title: risk.title })}
            onClick={() => void act('acknowledge')}
          >
            {t('attention.acknowledge')}
          </Button>
          <Button
            size="small"
            disabled={busy}
            aria-label={t('attention.acceptOf', { title: risk.title })}
            onClick={() => void act('accept')}
          >
            {t('attention.accept')}
          </Button>
          {reassigning ? (
            <>
              <label htmlFor={selectId} className={styles.meta}>
                {t('attention.newOwner')}
              </label>
              <Select id={selectId} size="small" value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
                <option value="">{t('common.notSet')}</option>
                {[...people.values()]
                  .filter((p) => p.active && p.role !== 'viewer' && p.id !== risk.ownerId)
                  .sort((a, b) => a.name.localeCompare(b.name))
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
              </Select>
              <Button
                size="small"
                appearance="primary"
                disabled={busy || !ownerId}
                onClick={() => void act('reassign')}
              >
                {t('attention.reassignConfirm')}
              </Button>
            </>
          ) : (
            <Button
              size="small"
              disabled={busy}
              aria-label={t('attention.reassignOf', { title: risk.title })}
              onClick={() => setReassigning(true)}
            >
              {t('attention.reassign')}
            </Button>
          )}
        </div>
      ) : null}
    </li>
  );
}

function LateList({
  id,
  title,
  empty,
  items,
  onNotice,
}: {
  id: string;
  title: string;
  empty: string;
  items: readonly LateUpdate[];
  onNotice: (n: Notice) => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | undefined>();
  const nudge = async (o: LateUpdate) => {
    setBusy(o.project.id);
    try {
      const { value } = await api.nudge(o.project.id);
      const key = value.sent
        ? 'attention.nudged'
        : value.already
          ? 'attention.nudgedAlready'
          : 'attention.nudgeUnreachable';
      onNotice({
        intent: value.sent || value.already ? 'success' : 'warning',
        text: t(key, { name: o.ownerName }),
      });
    } catch (e) {
      onNotice({ intent: 'error', text: asApiError(e, t('error.generic')).message });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={styles.h3}>
        {title}
      </h3>
      {items.length === 0 ? <Text>{empty}</Text> : null}
      <ul className={styles.list}>
        {items.map((o) => (
          <li key={o.project.id} className={styles.item} data-late={o.project.code}>
            <Link href={hrefOf({ name: 'project', code: o.project.code, tab: 'updates' })}>
              {o.project.code}
            </Link>
            <span className={styles.title}>{o.project.title}</span>
            <Text size={200}>{o.ownerName}</Text>
            {o.weeksLate > 0 ? (
              <Text size={200} className={styles.late}>
                {t('attention.weeksLate', { count: o.weeksLate })}
              </Text>
            ) : null}
            <Button
              size="small"
              disabled={busy === o.project.id}
              aria-label={t('attention.nudgeOf', { name: o.ownerName, code: o.project.code })}
              onClick={() => void nudge(o)}
            >
              {t('attention.nudge')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
