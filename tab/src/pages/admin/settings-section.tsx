// Admin -> Settings: the escalation threshold, the digest and reminder schedules, the pillar leads
// and the digest subscribers, saved against the version read (a newer one shows the conflict).
import { Field, Input, makeStyles, Select, shorthands, Switch, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { PILLAR_CODES, pillarName } from '../../../../bot/domain/pillar.js';
import { Settings as SettingsSchema, type Settings } from '../../../../bot/domain/settings.js';
import type { ConflictRow } from '../../components/conflict-panel.js';
import { EditorShell, useFieldRowStyles, useSavedNotice } from '../../components/editor-shell.js';
import { ErrorView } from '../../components/error-view.js';
import { Loading } from '../../components/loading.js';
import { PersonPicker } from '../../components/person-picker.js';
import { useApp } from '../../context.js';
import { useEditor } from '../../hooks/use-editor.js';
import { useLoad } from '../../hooks/use-load.js';
import { usePeople } from '../../hooks/use-people.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { mergeSettings, settingsPatchOf, settingsValuesOf, type SettingsValues } from './settings-values.js';
import { Options } from '../../components/options.js';

const useStyles = makeStyles({
  group: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    paddingBlock: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: 0 },
  fieldset: { ...shorthands.borderWidth(0), padding: 0, margin: 0 },
});

/** The stored values, with the threshold as typed (an empty one is sent as such and refused). */
type FormValues = SettingsValues & { threshold: string };
type Schedule = 'digest' | 'reminder';

export function SettingsSection() {
  const { api } = useApp();
  const { t } = useI18n();
  const loaded = useLoad(() => api.settings(), [api]);
  // The form starts afresh from each version it loads; whether that version is my save survives it.
  const [justSaved, setJustSaved] = useState<boolean | undefined>();
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
          setJustSaved(syncQueued);
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
  /** This version is the one the user just saved (true: and it waits to sync). */
  justSaved: boolean | undefined;
  onSaved: (syncQueued: boolean) => void;
  /** Load the current settings, dropping the form's values. */
  onReload: () => void;
}) {
  const styles = useStyles();
  const rows = useFieldRowStyles();
  const { api } = useApp();
  const { t, locale } = useI18n();
  const savedNotice = useSavedNotice();
  const people = usePeople(api);
  /** What my edits started from, and the version the next save is made against. */
  const [base, setBase] = useState(() => ({ values: settingsValuesOf(settings), version }));
  const editor = useEditor<FormValues, Settings>({
    initial: () => ({ ...settingsValuesOf(settings), threshold: String(settings.escalationThreshold) }),
    current: (raw) => SettingsSchema.safeParse(raw).data,
    notice: justSaved === undefined ? undefined : savedNotice(justSaved),
  });
  const { values, update, field, conflict } = editor;

  const mine = (): SettingsValues => ({
    ...values,
    escalationThreshold: values.threshold.trim() === '' ? Number.NaN : Number(values.threshold),
  });
  const save = (against: SettingsValues, next: SettingsValues, againstVersion: number) =>
    void editor.submit(
      () => api.updateSettings(settingsPatchOf(against, next), againstVersion),
      (res) => {
        onSaved(res.syncQueued === true);
        return savedNotice(res.syncQueued === true);
      },
    );
  const setIn = <S extends Schedule, K extends keyof FormValues[S]>(s: S, k: K, value: FormValues[S][K]) =>
    update((v) => ({ ...v, [s]: { ...v[s], [k]: value } }));

  const onOff = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const weekday = (n: number) => t(`weekday.${n}` as MessageKey);
  const names = (ids: readonly string[] = []) =>
    ids.map((id) => people.get(id)?.name ?? t('common.unknownPerson')).join(', ');
  /** The server names each refused person by position (pillarLeads.GOV.0): shown beside its list. */
  const errorUnder = (path: string): string | undefined =>
    Object.entries(editor.errors).find(([k]) => k === path || k.startsWith(`${path}.`))?.[1];

  const conflictRows = (current: Settings): ConflictRow[] => {
    const m = mine();
    const c = settingsValuesOf(current);
    const row = (field: string, label: string, show: (v: SettingsValues) => string): ConflictRow => ({
      field,
      label,
      mine: show(m),
      current: show(c),
    });
    const schedule = (s: Schedule, last: [string, MessageKey, (v: SettingsValues) => string]) =>
      (
        [
          ['enabled', 'admin.enabled', (v) => onOff(v[s].enabled)],
          ['weekday', 'admin.weekday', (v) => weekday(v[s].weekday)],
          ['time', 'admin.time', (v) => v[s].time],
          last,
        ] as Array<[string, MessageKey, (v: SettingsValues) => string]>
      ).map(([k, label, show]) => row(`${s}.${k}`, `${t(`admin.${s}`)} · ${t(label)}`, show));
    const rows: ConflictRow[] = [
      {
        ...row('escalationThreshold', t('admin.threshold'), (v) => String(v.escalationThreshold)),
        mine: values.threshold,
      },
      ...schedule('digest', ['timeZone', 'admin.timeZone', (v) => v.digest.timeZone]),
      ...schedule('reminder', ['secondNudge', 'admin.secondNudge', (v) => onOff(v.reminder.secondNudge)]),
      ...PILLAR_CODES.map((code) =>
        row(`pillarLeads.${code}`, `${t('admin.pillarLeads')} · ${pillarName(code, locale)}`, (v) =>
          names(v.pillarLeads[code]),
        ),
      ),
      row('digestSubscribers', t('admin.digestSubscribers'), (v) => names(v.digestSubscribers)),
    ];
    return rows.filter((r) => r.mine !== r.current);
  };

  /** A schedule's switch, weekday and time, then what only it has. */
  const scheduleFields = (s: Schedule, more: ReactNode) => (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t(`admin.${s}`)}</legend>
      <div className={styles.group}>
        <Switch
          label={t('admin.enabled')}
          checked={values[s].enabled}
          onChange={(_, d) => setIn(s, 'enabled', d.checked)}
        />
        <Field label={t('admin.weekday')} {...field(`${s}.weekday`)}>
          <Select value={String(values[s].weekday)} onChange={(_, d) => setIn(s, 'weekday', Number(d.value))}>
            <Options values={[1, 2, 3, 4, 5, 6, 7]} label={(n) => weekday(n)} />
          </Select>
        </Field>
        <Field label={t('admin.time')} {...field(`${s}.time`)}>
          <Input type="time" value={values[s].time} onChange={(_, d) => setIn(s, 'time', d.value)} />
        </Field>
        {more}
      </div>
    </fieldset>
  );

  return (
    <EditorShell
      editor={editor}
      onSubmit={() => save(base.values, mine(), base.version)}
      labelledBy="settings-title"
      conflict={
        conflict && {
          rows: conflictRows(conflict),
          onUseCurrent: onReload,
          onKeepMine: () => {
            const current = settingsValuesOf(conflict);
            const merged = mergeSettings(base.values, mine(), current);
            setBase({ values: current, version: conflict.version });
            save(current, merged, conflict.version);
          },
        }
      }
      submitLabel={t('common.save')}
    >
      <Field label={t('admin.threshold')} {...field('escalationThreshold')}>
        <Input
          type="number"
          min={1}
          max={25}
          value={values.threshold}
          onChange={(_, d) => update((v) => ({ ...v, threshold: d.value }))}
        />
      </Field>
      {scheduleFields(
        'digest',
        <Field label={t('admin.timeZone')} {...field('digest.timeZone')}>
          <Input value={values.digest.timeZone} onChange={(_, d) => setIn('digest', 'timeZone', d.value)} />
        </Field>,
      )}
      {scheduleFields(
        'reminder',
        <Switch
          label={t('admin.secondNudge')}
          checked={values.reminder.secondNudge}
          onChange={(_, d) => setIn('reminder', 'secondNudge', d.checked)}
        />,
      )}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('admin.pillarLeads')}</legend>
        <div className={rows.wide}>
          {PILLAR_CODES.map((code) => (
            <PersonPicker
              key={code}
              testId={`leads-${code}`}
              label={pillarName(code, locale)}
              selected={values.pillarLeads[code] ?? []}
              people={people}
              error={errorUnder(`pillarLeads.${code}`)}
              onChange={(ids) => update((v) => ({ ...v, pillarLeads: { ...v.pillarLeads, [code]: ids } }))}
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
        onChange={(ids) => update((v) => ({ ...v, digestSubscribers: ids }))}
      />
    </EditorShell>
  );
}
