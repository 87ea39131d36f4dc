// Adding someone to the roster: field messages in place, the input kept on failure, added once.
import { Field, Input, Select } from '@fluentui/react-components';
import { ROLES, type Role } from '../../../../bot/domain/person.js';
import { EditorShell, useFieldRowStyles } from '../../components/editor-shell.js';
import { OrgUnitField } from '../../components/org-unit-options.js';
import { useApp } from '../../context.js';
import { useEditor } from '../../hooks/use-editor.js';
import { useI18n } from '../../i18n/index.js';
import { Options } from '../../components/options.js';

const EMPTY = { name: '', email: '', role: 'viewer' as Role, orgUnit: '' };

export function AddPersonForm({ onAdded }: { onAdded: () => void }) {
  const styles = useFieldRowStyles();
  const { api } = useApp();
  const { t } = useI18n();
  const editor = useEditor({ initial: EMPTY });
  const { values, set, field } = editor;
  const submit = () =>
    void editor.submit(
      (key) => api.createPerson(values, key),
      (res) => {
        editor.reset(EMPTY);
        onAdded();
        return t('admin.added', { name: res.value.name });
      },
    );
  return (
    <EditorShell
      editor={editor}
      onSubmit={submit}
      labelledBy="add-person-title"
      heading={<h3 id="add-person-title">{t('admin.addPerson')}</h3>}
      submitLabel={t('admin.addPerson')}
      quiet
    >
      <div className={styles.wide}>
        <Field label={t('admin.col.name')} required {...field('name')}>
          <Input value={values.name} onChange={(_, d) => set('name', d.value)} />
        </Field>
        <Field label={t('admin.col.email')} required {...field('email')}>
          <Input type="email" value={values.email} onChange={(_, d) => set('email', d.value)} />
        </Field>
        <Field label={t('admin.col.role')} {...field('role')}>
          <Select value={values.role} onChange={(_, d) => set('role', d.value as Role)}>
            <Options values={ROLES} label={(r) => t(`role.${r}`)} />
          </Select>
        </Field>
        <OrgUnitField {...field('orgUnit')} value={values.orgUnit} onChange={(c) => set('orgUnit', c)} none />
      </div>
    </EditorShell>
  );
}
