/**
 * A labelled text input whose error (a validation message from core) stands in words under
 * it, is read out as its description and frames it in red (fieldError.tsx).
 */
import type { InputHTMLAttributes, Ref } from 'react';
import { useId } from 'react';
import { useFieldError } from './fieldError';

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
> {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null;
  /** Hide the label visually (tables with a column header); it stays the accessible name. */
  hideLabel?: boolean;
  /** The input element (to focus it). */
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  value,
  onChange,
  error = null,
  hideLabel = false,
  className,
  ...rest
}: TextFieldProps) {
  const id = useId();
  const fieldError = useFieldError(error);
  return (
    <span className={`ts-field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'ts-visually-hidden' : 'ts-field__label'}>
        {label}
      </label>
      <input
        {...rest}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={fieldError.invalid}
        aria-describedby={fieldError.describedBy}
        className={fieldError.className}
      />
      {fieldError.message}
    </span>
  );
}
