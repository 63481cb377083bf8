/** A labelled `<select>` (values as strings, as the DOM has them). */
import { useId } from 'react';

export interface SelectFieldProps {
  /** The select's id, when something else refers to it; otherwise one is made. */
  id?: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ id: givenId, label, value, onChange, options }: SelectFieldProps) {
  const madeId = useId();
  const id = givenId ?? madeId;
  return (
    <span className="ts-field">
      <label htmlFor={id} className="ts-field__label">
        {label}
      </label>
      <select
        id={id}
        className="ts-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A `SelectField` of ids (customers, endpoints, deliveries, tracers); `null` when empty. */
export function IdSelectField({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  options: readonly { value: number; label: string }[];
}) {
  return (
    <SelectField
      label={label}
      value={value === null ? '' : String(value)}
      onChange={(text) => onChange(text === '' ? null : Number(text))}
      options={options.map((option) => ({ value: String(option.value), label: option.label }))}
    />
  );
}
