// A risk's likelihood or impact: one to five, in the user's digits.
import { Field, Select, type FieldProps } from '@fluentui/react-components';
import { useI18n } from '../i18n/index.js';

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
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {number(n)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
