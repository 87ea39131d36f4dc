// Administration (Transformation Office): roster and roles, digest and reminder schedules, the
// escalation threshold, and the people proactive messages could not reach.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  shorthands,
  Switch,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ORG_UNITS } from '../../../bot/domain/org-unit.js';
import { PILLAR_CODES, pillarName, type PillarCode } from '../../../bot/domain/pillar.js';
import { ROLES, type Person, type Role } from '../../../bot/domain/person.js';
import {
  Settings as SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../bot/domain/settings.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { ConflictPanel, type ConflictRow } from '../components/conflict-panel.js';
import { ErrorView } from '../components/error-view.js';
import { Loading } from '../components/loading.js';
import { RunHistory } from '../components/run-history.js';
import { PersonEditor } from '../components/person-editor.js';
import { PersonPicker } from '../components/person-picker.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { newKey } from '../ids.js';
import { navigate } from '../router.js';

const SECTIONS = ['roster', 'settings', 'unreachable'] as const;
const REASONS: ReadonlySet<string> = new Set(['not-installed', 'blocked', 'gone', 'no-conversation']);
/** The proactive message kinds the pipeline records (reminder-2: the second nudge). */
function kindKey(kind: string): MessageKey | undefined {
  if (kind === 'digest') return 'admin.kind.digest';
  if (kind === 'reminder') return 'admin.kind.reminder';
  if (kind === 'reminder-2' || kind === 'reminder-nudge') return 'admin.kind.nudge';
  if (kind === 'escalation') return 'admin.kind.escalation';
  return undefined;
}
type Section = (typeof SECTIONS)[number];

const useStyles = makeStyles({
  tabs: { marginBlockEnd: tokens.spacingVerticalL },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  group: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    paddingBlock: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: 0 },
  // Grid items may shrink below their content (a unit's long name must not push the others aside).
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '& > *': { minWidth: 0 },
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    marginBlockEnd: tokens.spacingVerticalM,
  },
  fieldset: { ...shorthands.borderWidth(0), padding: 0, margin: 0 },
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
      {current === 'unreachable' ? <UnreachableSection /> : null}
      {current === 'unreachable' ? <RunHistory kindLabel={(k) => (kindKey(k) ? t(kindKey(k)!) : k)} /> : null}
    </>
  );
}

/** After the editor closes, the keyboard goes back to the button that opened it. */
const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
const personEditId = (p: Pick<Person, 'id'>) => `person-edit-${p.id}`;

function RosterSection() {
  const styles = useStyles();
  const { api } = useApp();
  const { t, locale } = useI18n();
  const roster = useLoad(() => api.roster(), [api, locale]);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Person | undefined>();
  const [saved, setSaved] = useState<SavedNotice | undefined>();
  const change = async (person: Person, patch: { role?: Role; active?: boolean }) => {
    setFailure(undefined);
    try {
      await api.updatePerson(person.id, patch, person.version);
    } catch (e) {
      setFailure(asApiError(e, ''));
    }
    roster.reload();
  };
  if (roster.error) return <ErrorView error={roster.error} onRetry={roster.reload} />;
  if (!roster.data) return <Loading />;
  const words = query.trim().toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
  const shown = roster.data.filter((p) => {
    const text = `${p.name} ${p.email} ${p.orgUnit} ${t(`role.${p.role}`)}`.toLocaleLowerCase(locale);
    return words.every((w) => text.includes(w));
  });
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t('admin.tab.roster')}</h2>
      {failure ? <ErrorView error={failure} /> : null}
      <div className={styles.toolbar}>
        <Field label={t('admin.search')}>
          <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Text role="status">{t('admin.peopleCount', { count: shown.length })}</Text>
      </div>
      <Table aria-labelledby="roster-title" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('admin.col.name')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.col.email')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.col.role')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.col.unit')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.col.active')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.col.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((p) => (
            <TableRow key={p.id} data-person={p.id}>
              <TableCell>{p.name}</TableCell>
              <TableCell>{p.email}</TableCell>
              <TableCell>
                <Select
                  aria-label={t('admin.roleOf', { name: p.name })}
                  value={p.role}
                  onChange={(_, d) => void change(p, { role: d.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </Select>
              </TableCell>
              <TableCell>{p.orgUnit}</TableCell>
              <TableCell>
                <Switch
                  aria-label={t('admin.activeOf', { name: p.name })}
                  checked={p.active}
                  onChange={(_, d) => void change(p, { active: d.checked })}
                />
              </TableCell>
              <TableCell>
                <Button
                  id={personEditId(p)}
                  size="small"
                  aria-label={t('admin.editOf', { name: p.name })}
                  aria-expanded={editing?.id === p.id}
                  onClick={() => {
                    setSaved(undefined);
                    setEditing(p);
                  }}
                >
                  {t('admin.edit')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t(saved === 'willSync' ? 'common.savedWillSync' : 'common.saved')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editing ? (
        <PersonEditor
          key={editing.id}
          person={editing}
          onSaved={(p, queued) => {
            setEditing(undefined);
            setSaved(queued ? 'willSync' : 'saved');
            roster.reload();
            focusSoon(personEditId(p));
          }}
          onCancel={() => {
            setEditing(undefined);
            focusSoon(personEditId(editing));
          }}
        />
      ) : null}
      <AddPersonForm onAdded={roster.reload} />
    </section>
  );
}

/** Adding someone to the roster: field messages in place, the input kept on failure, added once. */
function AddPersonForm({ onAdded }: { onAdded: () => void }) {
  const styles = useStyles();
  const { api } = useApp();
  const { t } = useI18n();
  const empty = { name: '', email: '', role: 'viewer' as Role, orgUnit: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [added, setAdded] = useState<string | undefined>();
  const [key, setKey] = useState(newKey);
  const set = (name: keyof typeof empty, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setAdded(undefined);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFailure(undefined);
    try {
      const res = await api.createPerson(values, key);
      setAdded(res.value.name);
      setValues(empty);
      setKey(newKey());
      onAdded();
    } catch (err) {
      const apiErr = asApiError(err, '');
      setErrors(apiErr.fieldErrors());
      setFailure(apiErr);
    }
  };

  const field = (name: keyof typeof empty) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });
  return (
    <form
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="add-person-title"
    >
      <h3 id="add-person-title">{t('admin.addPerson')}</h3>
      <div className={styles.fields}>
        <Field label={t('admin.col.name')} required {...field('name')}>
          <Input value={values.name} onChange={(_, d) => set('name', d.value)} />
        </Field>
        <Field label={t('admin.col.email')} required {...field('email')}>
          <Input type="email" value={values.email} onChange={(_, d) => set('email', d.value)} />
        </Field>
        <Field label={t('admin.col.role')} {...field('role')}>
          <Select value={values.role} onChange={(_, d) => set('role', d.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('admin.col.unit')} required {...field('orgUnit')}>
          <Select value={values.orgUnit} onChange={(_, d) => set('orgUnit', d.value)}>
            <option value="">—</option>
            {ORG_UNITS.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} · {u.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {failure ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('common.fixErrors')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      {added ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('admin.added', { name: added })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button type="submit">{t('admin.addPerson')}</Button>
      </div>
    </form>
  );
}

type SettingsValues = Pick<
  Settings,
  'escalationThreshold' | 'digest' | 'reminder' | 'pillarLeads' | 'digestSubscribers'
>;

function settingsValuesOf(s: Settings): SettingsValues {
  return {
    escalationThreshold: s.escalationThreshold,
    digest: s.digest,
    reminder: s.reminder,
    pillarLeads: s.pillarLeads,
    digestSubscribers: s.digestSubscribers,
  };
}

const sameIds = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** The pillars whose leads differ between two versions. */
const leadsChanged = (a: SettingsValues, b: SettingsValues): PillarCode[] =>
  PILLAR_CODES.filter((code) => !sameIds(a.pillarLeads[code], b.pillarLeads[code]));

/**
 * The PATCH body for `next` made from `base`: the schedules and threshold always, the pillar leads
 * and digest subscribers only when they changed (left out, the stored lists stay as they are).
 */
function settingsPatchOf(base: SettingsValues, next: SettingsValues): SettingsPatch {
  const body: SettingsPatch = {
    escalationThreshold: next.escalationThreshold,
    digest: next.digest,
    reminder: next.reminder,
  };
  if (leadsChanged(base, next).length > 0) body.pillarLeads = next.pillarLeads;
  if (!sameIds(base.digestSubscribers, next.digestSubscribers))
    body.digestSubscribers = next.digestSubscribers;
  return body;
}

/**
 * My edits over `current`: each field I changed from what I started with takes my value, every
 * other field keeps the current one (so another person's change to a field I did not touch stays).
 */
function mergeSettings(base: SettingsValues, mine: SettingsValues, current: SettingsValues): SettingsValues {
  const pick = <T,>(b: T, m: T, c: T): T => (m === b ? c : m);
  const part = <T extends object>(b: T, m: T, c: T): T => {
    const out = { ...c };
    for (const k of Object.keys(m) as Array<keyof T>) out[k] = pick(b[k], m[k], c[k]);
    return out;
  };
  return {
    escalationThreshold: pick(
      base.escalationThreshold,
      mine.escalationThreshold,
      current.escalationThreshold,
    ),
    digest: part(base.digest, mine.digest, current.digest),
    reminder: part(base.reminder, mine.reminder, current.reminder),
    // Per pillar: the pillars whose leads I changed take my list, the others keep the current one.
    pillarLeads: {
      ...current.pillarLeads,
      ...Object.fromEntries(leadsChanged(base, mine).map((code) => [code, mine.pillarLeads[code] ?? []])),
    },
    digestSubscribers: sameIds(base.digestSubscribers, mine.digestSubscribers)
      ? current.digestSubscribers
      : mine.digestSubscribers,
  };
}

/** What the form says after a save: saved, or saved and waiting to sync to SharePoint. */
type SavedNotice = 'saved' | 'willSync';

function SettingsSection() {
  const { api } = useApp();
  const { t } = useI18n();
  const loaded = useLoad(() => api.settings(), [api]);
  // The form starts afresh from each version it loads; whether that version is my save survives it.
  const [justSaved, setJustSaved] = useState<SavedNotice>();
  if (loaded.error) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const version = loaded.data.version ?? loaded.data.value.version;
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('admin.tab.settings')}</h2>
      <SettingsForm
        key={version}
        settings={loaded.data.value}
        version={version}
        justSaved={justSaved}
        onSaved={(syncQueued) => {
          setJustSaved(syncQueued ? 'willSync' : 'saved');
          loaded.reload();
        }}
        onReload={() => {
          setJustSaved(undefined);
          loaded.reload();
        }}
      />
    </section>
  );
}

function SettingsForm({
  settings,
  version,
  justSaved,
  onSaved,
  onReload,
}: {
  settings: Settings;
  version: number;
  /** This version is the one the user just saved. */
  justSaved: SavedNotice | undefined;
  onSaved: (syncQueued: boolean) => void;
  /** Load the current settings, dropping the form's values. */
  onReload: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const { t, locale } = useI18n();
  const people = usePeople(api);
  /** What my edits started from, and the version the next save is made against. */
  const [base, setBase] = useState(() => ({ values: settingsValuesOf(settings), version }));
  const [values, setValues] = useState<SettingsValues>(() => settingsValuesOf(settings));
  const [threshold, setThreshold] = useState(String(settings.escalationThreshold));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<Settings | undefined>();
  const [saved, setSaved] = useState(justSaved);

  const mine = (): SettingsValues => ({
    ...values,
    escalationThreshold: threshold.trim() === '' ? Number.NaN : Number(threshold),
  });

  const save = async (body: SettingsPatch, against: number) => {
    setErrors({});
    setFailure(undefined);
    setSaved(undefined);
    try {
      const res = await api.updateSettings(body, against);
      setConflict(undefined);
      setSaved(res.syncQueued === true ? 'willSync' : 'saved');
      onSaved(res.syncQueued === true);
    } catch (err) {
      const apiErr = asApiError(err, '');
      const current = apiErr.isConflict ? SettingsSchema.safeParse(apiErr.problem.current) : undefined;
      if (current?.success) setConflict(current.data);
      else {
        setErrors(apiErr.fieldErrors());
        setFailure(apiErr);
      }
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(settingsPatchOf(base.values, mine()), base.version);
  };

  const onOff = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const weekday = (n: number) => t(`weekday.${n}` as MessageKey);
  const names = (ids: readonly string[] = []) =>
    ids.map((id) => people.get(id)?.name ?? t('common.unknownPerson')).join(', ');
  /** The server names each refused person by position (pillarLeads.GOV.0): shown beside its list. */
  const errorUnder = (path: string): string | undefined =>
    Object.entries(errors).find(([k]) => k === path || k.startsWith(`${path}.`))?.[1];
  const conflictRows = (current: Settings): ConflictRow[] => {
    const m = mine();
    const c = settingsValuesOf(current);
    const digest = t('admin.digest');
    const reminder = t('admin.reminder');
    const rows: ConflictRow[] = [
      {
        field: 'escalationThreshold',
        label: t('admin.threshold'),
        mine: threshold,
        current: String(c.escalationThreshold),
      },
      {
        field: 'digest.enabled',
        label: `${digest} · ${t('admin.enabled')}`,
        mine: onOff(m.digest.enabled),
        current: onOff(c.digest.enabled),
      },
      {
        field: 'digest.weekday',
        label: `${digest} · ${t('admin.weekday')}`,
        mine: weekday(m.digest.weekday),
        current: weekday(c.digest.weekday),
      },
      {
        field: 'digest.time',
        label: `${digest} · ${t('admin.time')}`,
        mine: m.digest.time,
        current: c.digest.time,
      },
      {
        field: 'digest.timeZone',
        label: `${digest} · ${t('admin.timeZone')}`,
        mine: m.digest.timeZone,
        current: c.digest.timeZone,
      },
      {
        field: 'reminder.enabled',
        label: `${reminder} · ${t('admin.enabled')}`,
        mine: onOff(m.reminder.enabled),
        current: onOff(c.reminder.enabled),
      },
      {
        field: 'reminder.weekday',
        label: `${reminder} · ${t('admin.weekday')}`,
        mine: weekday(m.reminder.weekday),
        current: weekday(c.reminder.weekday),
      },
      {
        field: 'reminder.time',
        label: `${reminder} · ${t('admin.time')}`,
        mine: m.reminder.time,
        current: c.reminder.time,
      },
      {
        field: 'reminder.secondNudge',
        label: `${reminder} · ${t('admin.secondNudge')}`,
        mine: onOff(m.reminder.secondNudge),
        current: onOff(c.reminder.secondNudge),
      },
      ...PILLAR_CODES.map((code): ConflictRow => ({
        field: `pillarLeads.${code}`,
        label: `${t('admin.pillarLeads')} · ${pillarName(code, locale)}`,
        mine: names(m.pillarLeads[code]),
        current: names(c.pillarLeads[code]),
      })),
      {
        field: 'digestSubscribers',
        label: t('admin.digestSubscribers'),
        mine: names(m.digestSubscribers),
        current: names(c.digestSubscribers),
      },
    ];
    return rows.filter((r) => r.mine !== r.current);
  };

  const weekdays = (value: number, onChange: (n: number) => void, error?: string) => (
    <Field label={t('admin.weekday')} validationMessage={error}>
      <Select value={String(value)} onChange={(_, d) => onChange(Number(d.value))}>
        {[1, 2, 3, 4, 5, 6, 7].map((n) => (
          <option key={n} value={n}>
            {t(`weekday.${n}` as MessageKey)}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="settings-title"
    >
      {conflict ? (
        <ConflictPanel
          rows={conflictRows(conflict)}
          onUseCurrent={onReload}
          onKeepMine={() => {
            const current = settingsValuesOf(conflict);
            const merged = mergeSettings(base.values, mine(), current);
            setBase({ values: current, version: conflict.version });
            void save(settingsPatchOf(current, merged), conflict.version);
          }}
        />
      ) : null}
      <Field label={t('admin.threshold')} validationMessage={errors.escalationThreshold}>
        <Input type="number" min={1} max={25} value={threshold} onChange={(_, d) => setThreshold(d.value)} />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('admin.digest')}</legend>
        <div className={styles.group}>
          <Switch
            label={t('admin.enabled')}
            checked={values.digest.enabled}
            onChange={(_, d) => setValues((v) => ({ ...v, digest: { ...v.digest, enabled: d.checked } }))}
          />
          {weekdays(
            values.digest.weekday,
            (n) => setValues((v) => ({ ...v, digest: { ...v.digest, weekday: n } })),
            errors['digest.weekday'],
          )}
          <Field label={t('admin.time')} validationMessage={errors['digest.time']}>
            <Input
              type="time"
              value={values.digest.time}
              onChange={(_, d) => setValues((v) => ({ ...v, digest: { ...v.digest, time: d.value } }))}
            />
          </Field>
          <Field label={t('admin.timeZone')} validationMessage={errors['digest.timeZone']}>
            <Input
              value={values.digest.timeZone}
              onChange={(_, d) => setValues((v) => ({ ...v, digest: { ...v.digest, timeZone: d.value } }))}
            />
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('admin.reminder')}</legend>
        <div className={styles.group}>
          <Switch
            label={t('admin.enabled')}
            checked={values.reminder.enabled}
            onChange={(_, d) => setValues((v) => ({ ...v, reminder: { ...v.reminder, enabled: d.checked } }))}
          />
          {weekdays(
            values.reminder.weekday,
            (n) => setValues((v) => ({ ...v, reminder: { ...v.reminder, weekday: n } })),
            errors['reminder.weekday'],
          )}
          <Field label={t('admin.time')} validationMessage={errors['reminder.time']}>
            <Input
              type="time"
              value={values.reminder.time}
              onChange={(_, d) => setValues((v) => ({ ...v, reminder: { ...v.reminder, time: d.value } }))}
            />
          </Field>
          <Switch
            label={t('admin.secondNudge')}
            checked={values.reminder.secondNudge}
            onChange={(_, d) =>
              setValues((v) => ({ ...v, reminder: { ...v.reminder, secondNudge: d.checked } }))
            }
          />
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('admin.pillarLeads')}</legend>
        <div className={styles.fields}>
          {PILLAR_CODES.map((code) => (
            <PersonPicker
              key={code}
              testId={`leads-${code}`}
              label={pillarName(code, locale)}
              selected={values.pillarLeads[code] ?? []}
              people={people}
              error={errorUnder(`pillarLeads.${code}`)}
              onChange={(ids) => setValues((v) => ({ ...v, pillarLeads: { ...v.pillarLeads, [code]: ids } }))}
            />
          ))}
        </div>
      </fieldset>
      <PersonPicker
        testId="digest-subscribers"
        label={t('admin.digestSubscribers')}
        selected={values.digestSubscribers}
        people={people}
        error={errorUnder('digestSubscribers')}
        onChange={(ids) => setValues((v) => ({ ...v, digestSubscribers: ids }))}
      />
      {failure ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('common.fixErrors')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t(saved === 'willSync' ? 'common.savedWillSync' : 'common.saved')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" type="submit">
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

function UnreachableSection() {
  const { api } = useApp();
  const { t, dateTime, locale } = useI18n();
  const list = useLoad(() => api.unreachable(), [api, locale]);
  const kindLabel = (kind: string) => {
    const key = kindKey(kind);
    return key ? t(key) : kind;
  };
  return (
    <section aria-labelledby="unreachable-title">
      <h2 id="unreachable-title">{t('admin.tab.unreachable')}</h2>
      {list.error ? (
        list.error.status === 404 ? (
          <MessageBar intent="info">
            <MessageBarBody>{t('admin.unreachableMissing')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={list.error} onRetry={list.reload} />
        )
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Text>{t('admin.unreachableNone')}</Text>
      ) : (
        <Table aria-labelledby="unreachable-title" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('admin.col.name')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.col.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.col.period')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.col.reason')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.col.at')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((u) => (
              <TableRow key={`${u.personId}-${u.kind}-${u.period}`} data-person={u.personId}>
                <TableCell>
                  {u.name}
                  {u.email ? ` (${u.email})` : ''}
                </TableCell>
                <TableCell>{kindLabel(u.kind)}</TableCell>
                <TableCell>{u.period}</TableCell>
                <TableCell>
                  {REASONS.has(u.reason) ? t(`admin.reason.${u.reason}` as MessageKey) : u.reason}
                </TableCell>
                <TableCell>{u.at ? dateTime(u.at) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
