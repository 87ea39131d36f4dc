// A project's KPIs: charts with their table alternative, recording a measurement and, for those who
// may, defining a KPI for the project and editing a KPI's definition.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { canEditKpi } from '../../../bot/domain/permissions.js';
import type { Project } from '../../../bot/domain/project.js';
import type { Kpi } from '../../../bot/domain/kpi.js';
import type { Settings } from '../../../bot/domain/settings.js';
import type { KpiWithProgress } from '../api/endpoints.js';
import { asApiError, type ApiError } from '../api/problem.js';
import { useApp } from '../context.js';
import { useLoad } from '../hooks/use-load.js';
import { useI18n } from '../i18n/index.js';
import { newKey } from '../ids.js';
import { ErrorView } from './error-view.js';
import { KpiChart } from './kpi-chart.js';
import { KpiEditor } from './kpi-editor.js';
import { Loading } from './loading.js';
import { inlineForm } from './shared-styles.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'start',
    gap: tokens.spacingVerticalXS,
  },
  form: inlineForm,
});

/** After the editor closes, the keyboard goes back to the button that opened it. */
const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
const DEFINE_ID = 'kpi-define';
const editId = (k: Pick<Kpi, 'id'>) => `kpi-edit-${k.id}`;

export function KpisPanel({ project }: { project: Project }) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, locale } = useI18n();
  const kpis = useLoad(() => api.kpis({ projectId: project.id }), [api, project.id, locale]);
  const settings = useLoad(() => api.settings(), [api]);
  const pillarLeads = settings.data?.value.pillarLeads ?? {};
  const [editing, setEditing] = useState<Kpi | 'new' | undefined>();
  const [saved, setSaved] = useState<'created' | 'saved' | 'queued' | undefined>();
  // A KPI defined here belongs to the project: the project's owners and the CTO may define one.
  const canDefine = canEditKpi(me.person, { ownerId: null, pillar: null, projectId: project.id }, project, {
    pillarLeads,
  }).allowed;
  const canEdit = (k: Kpi) => canEditKpi(me.person, k, project, { pillarLeads }).allowed;
  const open = (target: Kpi | 'new') => {
    setSaved(undefined);
    setEditing(target);
  };
  return (
    <section aria-labelledby="kpis-title">
      <h2 id="kpis-title">{t('kpi.title')}</h2>
      {kpis.error ? <ErrorView error={kpis.error} onRetry={kpis.reload} /> : null}
      {!kpis.data ? (
        kpis.loading ? (
          <Loading />
        ) : null
      ) : kpis.data.length === 0 ? (
        <Text>{t('kpi.none')}</Text>
      ) : (
        <>
          <div className={styles.grid}>
            {kpis.data.map((k) => (
              <div key={k.kpi.id} className={styles.item}>
                <KpiChart item={k} projectCode={project.code} />
                {canEdit(k.kpi) ? (
                  <Button
                    id={editId(k.kpi)}
                    size="small"
                    aria-label={t('kpi.editOf', { title: k.kpi.title })}
                    onClick={() => open(k.kpi)}
                  >
                    {t('kpi.edit')}
                  </Button>
                ) : null}
              </div>
            ))}
          </div>
          <MeasurementForm
            project={project}
            kpis={kpis.data}
            pillarLeads={pillarLeads}
            onRecorded={kpis.reload}
          />
        </>
      )}
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t(
              saved === 'queued' ? 'common.savedWillSync' : saved === 'created' ? 'kpi.created' : 'kpi.saved',
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {editing ? (
        <KpiEditor
          key={editing === 'new' ? 'new' : editing.id}
          project={project}
          kpi={editing === 'new' ? undefined : editing}
          onSaved={(k, queued) => {
            setSaved(queued ? 'queued' : editing === 'new' ? 'created' : 'saved');
            setEditing(undefined);
            kpis.reload();
            focusSoon(editing === 'new' ? DEFINE_ID : editId(k));
          }}
          onCancel={() => {
            setEditing(undefined);
            focusSoon(editing === 'new' ? DEFINE_ID : editId(editing));
          }}
        />
      ) : canDefine && kpis.data ? (
        <div className={styles.form}>
          <Button id={DEFINE_ID} onClick={() => open('new')}>
            {t('kpi.add')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

interface MeasurementFormProps {
  project: Project;
  kpis: readonly KpiWithProgress[];
  pillarLeads: Settings['pillarLeads'];
  onRecorded: () => void;
}

function MeasurementForm({ project, kpis, pillarLeads, onRecorded }: MeasurementFormProps) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t } = useI18n();
  const editable = kpis.filter((k) => canEditKpi(me.person, k.kpi, project, { pillarLeads }).allowed);
  const [kpiId, setKpiId] = useState(editable[0]?.kpi.id ?? '');
  const [date, setDate] = useState('');
  const [value, setValue] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [done, setDone] = useState(false);
  const [key, setKey] = useState(newKey);
  if (editable.length === 0) return null;
  const unit = editable.find((k) => k.kpi.id === kpiId)?.kpi.unit ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFailure(undefined);
    setDone(false);
    try {
      await api.recordMeasurement(
        kpiId,
        {
          date,
          value: value.trim() === '' ? Number.NaN : Number(value),
          evidenceUrl: evidence.trim() || null,
        },
        key,
      );
      setKey(newKey());
      setValue('');
      setEvidence('');
      setDone(true);
      onRecorded();
    } catch (err) {
      const apiErr = asApiError(err, '');
      setErrors(apiErr.fieldErrors());
      setFailure(apiErr);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label={t('kpi.record')}>
      <Field label={t('kpi.title')}>
        <Select value={kpiId} onChange={(_, d) => setKpiId(d.value)}>
          {editable.map((k) => (
            <option key={k.kpi.id} value={k.kpi.id}>
              {k.kpi.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('kpi.date')} required validationMessage={errors.date}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field label={t('kpi.value', { unit })} required validationMessage={errors.value}>
        <Input type="number" value={value} onChange={(_, d) => setValue(d.value)} />
      </Field>
      <Field label={t('kpi.evidence')} validationMessage={errors.evidenceUrl}>
        <Input type="url" value={evidence} onChange={(_, d) => setEvidence(d.value)} />
      </Field>
      <Button type="submit">{t('kpi.record')}</Button>
      {failure && !failure.problem.errors?.length ? <ErrorView error={failure} /> : null}
      {done ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('kpi.recorded')}</MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
