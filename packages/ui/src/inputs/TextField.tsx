/**
 * A labelled text input whose error (a validation message from core) turns it red and is
 * shown as its tooltip and read out as its description (legacy §2.4).
 */
import type { InputHTMLAttributes, Ref } from 'react';
import { useId } from 'react';

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
  const errorId = `${id}-error`;
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
        aria-invalid={error === null ? undefined : true}
        aria-describedby={error === null ? undefined : errorId}
        title={error ?? rest.title}
        className={error === null ? 'ts-input' : 'ts-input ts-input--invalid'}
      />
      {error === null ? null : (
        <span id={errorId} className="ts-visually-hidden">
          {error}
        </span>
      )}
    </span>
  );
}
