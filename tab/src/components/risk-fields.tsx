// The fields raising and updating a risk share: likelihood or impact (one to five, in the user's
// digits), and whether the risk is confidential.
import { Checkbox, Field, Select, type FieldProps } from '@fluentui/react-components';
import { useI18n } from '../i18n/index.js';
import { Options } from './options.js';

export function RatingSelect({
  field,
  value,
  onChange,
}: {
  /** The Field's label and validation. */
  field: Pick<FieldProps, 'label' | 'validationMessage' | 'validationState'>;
  value: number;
  onChange: (n: number) => void;
}) {
  const { number } = useI18n();
  return (
    <Field {...field}>
      <Select value={String(value)} onChange={(_, d) => onChange(Number(d.value))}>
        <Options values={[1, 2, 3, 4, 5]} label={(n) => number(n)} />
      </Select>
    </Field>
  );
}

/** Confidential: only the project's people and the Transformation Office see the risk. */
export function ConfidentialField({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <Field hint={t('risks.confidentialHint')}>
      <Checkbox
        label={t('risks.confidential')}
        checked={checked}
        onChange={(_, d) => onChange(d.checked === true)}
      />
    </Field>
  );
}
