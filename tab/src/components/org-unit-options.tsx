// The organisational units as the options of a Select ("BDT · Telecommunication Development Bureau").
import { Field, Select } from '@fluentui/react-components';
import { ORG_UNITS } from '../../../bot/domain/org-unit.js';
import type { FieldState } from '../hooks/use-editor.js';
import { useI18n } from '../i18n/index.js';
import { Options } from './options.js';

/** A unit's code and name, or the code alone when the unit is not (or no longer) known. */
export function unitName(code: string): string {
  const unit = ORG_UNITS.find((u) => u.code === code);
  return unit ? `${unit.code} · ${unit.name}` : code;
}

/** The units' options; `none` first offers "—" (no unit chosen yet). */
export function OrgUnitOptions({ none = false }: { none?: boolean }) {
  return <Options values={ORG_UNITS.map((u) => u.code)} label={unitName} none={none ? '—' : undefined} />;
}

/** The required unit field of a form (its validation props spread in), "—" first with `none`. */
export function OrgUnitField({
  value,
  onChange,
  none = false,
  ...validation
}: FieldState & { value: string; onChange: (code: string) => void; none?: boolean }) {
  const { t } = useI18n();
  return (
    <Field label={t('admin.col.unit')} {...validation} required>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <OrgUnitOptions none={none} />
      </Select>
    </Field>
  );
}
