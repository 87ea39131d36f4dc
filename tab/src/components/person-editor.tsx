// Editing a roster person's details (name, e-mail, org unit, preferred language, time zone), for the
// Transformation Office: the PATCH carries the version the user started from (If-Match); a stale
// version shows the conflict with the current values; field messages come from the server in the
// user's language and appear next to their fields; the form keeps the user's input on every failure.
import { Field, Input, Select } from '@fluentui/react-components';
import { LOCALE_NAMES, SUPPORTED_LOCALES, type Locale } from '../../../bot/domain/locale.js';
import { Person, type PersonPatch } from '../../../bot/domain/person.js';
import { useApp } from '../context.js';
import { useEntityEditor } from '../hooks/use-entity-editor.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { EditorShell, useFieldRowStyles } from './editor-shell.js';
import { OrgUnitField, unitName } from './org-unit-options.js';
import { Options } from './options.js';

interface Values {
  name: string;
  email: string;
  orgUnit: string;
  /** '' for "same as in Teams" (no preferred language stored). */
  locale: string;
  timeZone: string;
}
type FieldName = keyof Values;

const FIELDS: ReadonlyArray<{ name: FieldName; label: MessageKey }> = [
  { name: 'name', label: 'admin.col.name' },
  { name: 'email', label: 'admin.col.email' },
  { name: 'orgUnit', label: 'admin.col.unit' },
  { name: 'locale', label: 'admin.col.language' },
  { name: 'timeZone', label: 'admin.timeZone' },
];

const valuesOf = (p: Person): Values => ({
  name: p.name,
  email: p.email,
  orgUnit: p.orgUnit,
  locale: p.locale ?? '',
  timeZone: p.timeZone,
});

/** Only the fields the user changed. */
function patchOf(base: Values, v: Values): PersonPatch {
  const patch: PersonPatch = {};
  if (v.name !== base.name) patch.name = v.name;
  if (v.email !== base.email) patch.email = v.email;
  if (v.orgUnit !== base.orgUnit) patch.orgUnit = v.orgUnit;
  if (v.locale !== base.locale) patch.locale = v.locale === '' ? null : (v.locale as Locale);
  if (v.timeZone !== base.timeZone) patch.timeZone = v.timeZone;
  return patch;
}

export function PersonEditor({
  person,
  onSaved,
  onCancel,
}: {
  person: Person;
  /** The stored person, and whether the write still waits to sync ("saved, will sync"). */
  onSaved: (person: Person, syncQueued: boolean) => void;
  onCancel: () => void;
}) {
  const styles = useFieldRowStyles();
  const { api } = useApp();
  const { t } = useI18n();
  const editor = useEntityEditor({
    entity: person,
    valuesOf,
    patchOf,
    parse: (raw) => Person.safeParse(raw).data,
    update: (against, patch) => api.updatePerson(against.entity.id, patch, against.version),
    fields: FIELDS,
    show: (name, v) =>
      name === 'locale'
        ? v.locale
          ? LOCALE_NAMES[v.locale as Locale]
          : t('admin.languageTeams')
        : name === 'orgUnit'
          ? unitName(v.orgUnit)
          : v[name],
    saved: (p, { syncQueued }) => onSaved(p, syncQueued),
    focus: true,
  });
  const { values, set } = editor;

  const heading = t('admin.editOf', { name: editor.base!.entity.name });
  return (
    <EditorShell
      editor={editor}
      onSubmit={editor.save}
      label={heading}
      testId="person-editor"
      heading={<h3>{heading}</h3>}
      conflict={editor.conflictProps}
      submitLabel={t('common.save')}
      onCancel={onCancel}
      spacing="block"
    >
      <div className={styles.wide}>
        <Field {...editor.labelled('name')} required>
          <Input value={values.name} onChange={(_, d) => set('name', d.value)} />
        </Field>
        <Field {...editor.labelled('email')} required>
          <Input type="email" value={values.email} onChange={(_, d) => set('email', d.value)} />
        </Field>
        <OrgUnitField
          {...editor.field('orgUnit')}
          value={values.orgUnit}
          onChange={(c) => set('orgUnit', c)}
        />
        <Field {...editor.labelled('locale')}>
          <Select value={values.locale} onChange={(_, d) => set('locale', d.value)}>
            <Options
              values={SUPPORTED_LOCALES}
              label={(l) => LOCALE_NAMES[l]}
              none={t('admin.languageTeams')}
              lang
            />
          </Select>
        </Field>
        <Field {...editor.labelled('timeZone')} required>
          <Input value={values.timeZone} onChange={(_, d) => set('timeZone', d.value)} />
        </Field>
      </div>
    </EditorShell>
  );
}
